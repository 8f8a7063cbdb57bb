package org.sipredundancy.core.sip.uas;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.InputEventHandler;
import org.sipredundancy.core.sip.transaction.ServerTransactions;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SdpOfferEncoder;
import org.sipredundancy.core.sip.wire.SipHeaderName;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.core.sip.wire.SipResponseEncoder;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.RandomSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The phone's user agent core for incoming requests (SPEC R-SIP-6, R-BAD-2):
 * <pre>
 *   source not in the server set   dropped, nothing sent, counted (anti-spoofing)
 *   lacks Call-ID/CSeq/From/To,
 *   or CSeq method != method        400, stateless (no Via: dropped)
 *   table full                      503, stateless (R-BAD-4)
 *   OPTIONS                         200 with Allow, Accept: application/sdp, Contact
 *   NOTIFY                          200, then the {@link NotifyListener}
 *   INVITE, idle                    100, 180 with the phone's To tag, {@link CallListener#onIncomingCall}; then
 *                                   answer() (or LINE_KEY / HOOK_OFF) = 200 with SDP and Contact, resent until ACK;
 *                                   reject() (or HOOK_ON while ringing) = 603
 *   INVITE, a call rings or is up   486 (a re-INVITE of the call up: 200 with the same SDP)
 *   BYE of the call                 200 (and 487 to the INVITE if it still rang), onCallEnded(REMOTE_BYE);
 *                                   of a call the phone placed ({@link CallListener#onDialogBye}): 200;
 *                                   of no call: 481
 *   CANCEL of the ringing INVITE    200 to the CANCEL, 487 to the INVITE, onCallEnded(CANCELLED)
 *   REGISTER, SUBSCRIBE             405 with Allow;  any other method: 501
 * </pre>
 * One call at a time. HOOK_ON on an answered call (or {@link #hangUp}) sends its BYE ({@link AnsweredDialog}) and ends
 * it with {@link CallListener#HUNG_UP}. Nothing allocates once built. Not thread safe.
 */
public final class IncomingRequests implements InputEventHandler
{
    /** {@link #onRequest}: from outside the server set; dropped and counted. */
    public static final int DROPPED_SOURCE = -10;
    /** {@link #onRequest}: not a request, no usable Via, or a malformed ACK; dropped and counted. */
    public static final int DROPPED_MALFORMED = -11;
    /** {@link #onRequest}: a retransmission or an ACK, absorbed by the transactions. */
    public static final int ABSORBED = -12;
    /** {@link #onRequest}: the response did not fit or could not be stored; counted. */
    public static final int NOT_ANSWERED = -13;

    private static final int IDLE = 0;
    private static final int RINGING = 1;
    private static final int ACTIVE = 2;
    private static final int TAG_LENGTH = 8;
    private static final int CALL_ID_CAPACITY = 256;
    private static final int SCRATCH_CAPACITY = 4096;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final String ALLOW = "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY\r\n";
    private static final String ACCEPT = "Accept: application/sdp\r\n";

    private final ServerTransactions transactions;
    private final SipSender sender;
    private final RandomSource random;
    private final CharSequence contactUri;
    private final CharSequence localAddress;
    private final int rtpPort;
    private final RequestSourceFilter sourceFilter;
    private final NotifyListener notifyListener;
    private final CallListener callListener;
    private final AnsweredDialog dialog;
    private final SipResponseEncoder encoder = new SipResponseEncoder();
    private final SdpOfferEncoder sdp = new SdpOfferEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(SCRATCH_CAPACITY));
    private final UnsafeBuffer sdpBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final UnsafeBuffer allowAccept = ascii(ALLOW + ACCEPT);
    private final UnsafeBuffer addressBytes = new UnsafeBuffer(new byte[16]);
    private final AsciiSequenceView addressText = new AsciiSequenceView();
    private final UnsafeBuffer tagBytes = new UnsafeBuffer(new byte[TAG_LENGTH]);
    private final AsciiSequenceView tag = new AsciiSequenceView(tagBytes, 0, TAG_LENGTH);
    private final UnsafeBuffer callTagBytes = new UnsafeBuffer(new byte[TAG_LENGTH]);
    private final AsciiSequenceView callTag = new AsciiSequenceView(callTagBytes, 0, TAG_LENGTH);
    private final UnsafeBuffer callIdBytes = new UnsafeBuffer(new byte[CALL_ID_CAPACITY]);
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final AsciiSequenceView other = new AsciiSequenceView();

    private int callState = IDLE;
    private int callNumber;
    private int inviteRow = -1;
    private int callIdLength;
    private long sessionId;

    private long droppedSource;
    private long droppedMalformed;
    private long badRequests;
    private long refusedFull;
    private long notAnswered;
    private long busy;
    private long notImplemented;
    private long noSuchCall;

    /**
     * Build the core. Start-up only.
     *
     * @param context the set-up; concluded here.
     */
    public IncomingRequests(final IncomingRequestsContext context)
    {
        context.conclude();
        transactions = context.transactions();
        sender = context.sender();
        random = context.random();
        contactUri = context.contactUri();
        localAddress = context.localAddress();
        rtpPort = context.rtpPort();
        sourceFilter = context.sourceFilter();
        notifyListener = context.notifyListener();
        callListener = context.callListener();
        dialog = new AnsweredDialog(context.clientTransactions(), localAddress, context.localPort(),
            transactions.requestCapacity());
    }

    /**
     * A request arrived (one that decoded; one that did not is the caller's to count and drop, R-BAD-2).
     *
     * @param flow          the flow it came on.
     * @param remoteAddress its source IPv4 address.
     * @param remotePort    its source port.
     * @param request       the decoded request, valid during the call.
     * @param nowNs         the duty cycle's time.
     * @return the status code answered (the first final one; 180 for a ringing INVITE), or {@link #DROPPED_SOURCE},
     *         {@link #DROPPED_MALFORMED}, {@link #ABSORBED} or {@link #NOT_ANSWERED}.
     */
    public int onRequest(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final SipMessageDecoder request,
        final long nowNs)
    {
        if (!sourceFilter.isAllowed(remoteAddress))
        {
            droppedSource++;
            return DROPPED_SOURCE;
        }
        if (!request.isRequest() || request.findHeader(SipHeaderName.VIA) < 0)
        {
            droppedMalformed++;
            return DROPPED_MALFORMED;
        }
        final boolean wellFormed = isWellFormed(request);
        if (request.method() == SipMethod.ACK)
        {
            if (!wellFormed)
            {
                droppedMalformed++;
                return DROPPED_MALFORMED;
            }
            transactions.onRequest(flow, remoteAddress, remotePort, request, nowNs);
            return ABSORBED;
        }
        if (!wellFormed)
        {
            badRequests++;
            return statelessly(flow, remoteAddress, remotePort, request, 400, "Bad Request", nowNs);
        }
        final int row = transactions.onRequest(flow, remoteAddress, remotePort, request, nowNs);
        if (row == ServerTransactions.FULL)
        {
            refusedFull++;
            encoder.clearOptional().retryAfterS(5);
            return statelessly(flow, remoteAddress, remotePort, request, 503, "Service Unavailable", nowNs);
        }
        if (row == ServerTransactions.UNUSABLE)
        {
            droppedMalformed++;
            return DROPPED_MALFORMED;
        }
        if (row < 0)
        {
            return ABSORBED;
        }
        return dispatch(row, request, nowNs);
    }

    /**
     * Answer the ringing call: 200 OK with an SDP answer and the Contact, resent until the ACK.
     *
     * @param call  the call's number from {@link CallListener#onIncomingCall}.
     * @param nowNs the duty cycle's time.
     * @return true when the call was ringing and is now answered.
     */
    public boolean answer(final int call, final long nowNs)
    {
        if (callState != RINGING || call != callNumber)
        {
            return false;
        }
        callState = ACTIVE;
        dialog.answered(transactions.requestBuffer(inviteRow), transactions.requestLength(inviteRow),
            transactions.flow(inviteRow), transactions.remoteAddress(inviteRow), transactions.remotePort(inviteRow));
        return answerInvite(inviteRow, transactions.request(inviteRow), nowNs) == 200;
    }

    /**
     * Hang up the answered call: BYE to the server it came through, then {@link CallListener#HUNG_UP}.
     *
     * @param call  the call's number.
     * @param nowNs the duty cycle's time.
     * @return true when the call was answered and is now ended (whether or not the BYE could be sent: counted).
     */
    public boolean hangUp(final int call, final long nowNs)
    {
        if (callState != ACTIVE || call != callNumber)
        {
            return false;
        }
        dialog.hangUp(callTag, nowNs);
        endCall(CallListener.HUNG_UP, nowNs);
        return true;
    }

    /**
     * Reject the ringing call with 603 Decline; the call ends with {@link CallListener#REJECTED}.
     *
     * @param call  the call's number.
     * @param nowNs the duty cycle's time.
     * @return true when the call was ringing.
     */
    public boolean reject(final int call, final long nowNs)
    {
        if (callState != RINGING || call != callNumber)
        {
            return false;
        }
        respond(inviteRow, transactions.request(inviteRow), 603, "Decline", callTag, nowNs);
        endCall(CallListener.REJECTED, nowNs);
        return true;
    }

    /**
     * Part of the {@link InputEventHandler} contract: a line key or lifting the handset answers the ringing call;
     * putting it down rejects a ringing call or hangs up an answered one ({@link #hangUp}).
     * {@inheritDoc}
     */
    public void onInput(final int type, final int code, final int value, final long nowNs)
    {
        if (type != InboundEvent.KEY)
        {
            return;
        }
        if ((code == KeyCode.LINE_KEY || code == KeyCode.HOOK_OFF) && callState == RINGING)
        {
            answer(callNumber, nowNs);
        }
        else if (code == KeyCode.HOOK_ON && callState == RINGING)
        {
            reject(callNumber, nowNs);
        }
        else if (code == KeyCode.HOOK_ON && callState == ACTIVE)
        {
            hangUp(callNumber, nowNs);
        }
    }

    /**
     * @return true while a call rings.
     */
    public boolean isRinging()
    {
        return callState == RINGING;
    }

    /**
     * @return true while a call is answered and not yet ended.
     */
    public boolean isInCall()
    {
        return callState == ACTIVE;
    }

    /**
     * @return the number of the current or last call.
     */
    public int callNumber()
    {
        return callNumber;
    }

    /**
     * @return requests dropped because their source is outside the server set (anti-spoofing).
     */
    public long droppedSource()
    {
        return droppedSource;
    }

    /**
     * @return requests dropped unanswered: no Via, a malformed ACK, or too large for a row.
     */
    public long droppedMalformed()
    {
        return droppedMalformed;
    }

    /**
     * @return requests answered 400 (R-BAD-2).
     */
    public long badRequests()
    {
        return badRequests;
    }

    /**
     * @return requests answered 503 because the transaction table was full (R-BAD-4).
     */
    public long refusedFull()
    {
        return refusedFull;
    }

    /**
     * @return responses that did not fit the scratch buffer or were refused by the table.
     */
    public long notAnswered()
    {
        return notAnswered;
    }

    /**
     * @return INVITEs answered 486.
     */
    public long busy()
    {
        return busy;
    }

    /**
     * @return requests answered 501 or 405.
     */
    public long notImplemented()
    {
        return notImplemented;
    }

    /**
     * @return BYEs and CANCELs answered 481.
     */
    public long noSuchCall()
    {
        return noSuchCall;
    }

    /**
     * @return BYEs sent for answered calls the user hung up.
     */
    public long byesSent()
    {
        return dialog.byesSent();
    }

    /**
     * @return those BYEs answered 2xx.
     */
    public long byesAnswered()
    {
        return dialog.byesAnswered();
    }

    /**
     * @return those BYEs refused or timed out (the call ended for the user all the same).
     */
    public long byesFailed()
    {
        return dialog.byesFailed();
    }

    /**
     * @return hang-ups whose BYE could not be sent (no transaction row, or it did not fit).
     */
    public long byesNotSent()
    {
        return dialog.byesNotSent();
    }

    private int dispatch(final int row, final SipMessageDecoder request, final long nowNs)
    {
        switch (request.method())
        {
            case SipMethod.OPTIONS:
                encoder.clearOptional();
                encoder.contact(contactUri).extraHeaders(allowAccept, 0, allowAccept.capacity());
                return respondWithNewTag(row, request, 200, "OK", nowNs);
            case SipMethod.NOTIFY:
            {
                final int status = respondWithNewTag(row, request, 200, "OK", nowNs);
                notifyListener.onNotify(request, nowNs);
                return status;
            }
            case SipMethod.INVITE:
                return onInvite(row, request, nowNs);
            case SipMethod.BYE:
                return onBye(row, request, nowNs);
            case SipMethod.CANCEL:
                return onCancel(row, request, nowNs);
            case SipMethod.REGISTER:
            case SipMethod.SUBSCRIBE:
                notImplemented++;
                encoder.clearOptional();
                encoder.extraHeaders(allowAccept, 0, ALLOW.length());
                return respondWithNewTag(row, request, 405, "Method Not Allowed", nowNs);
            default:
                notImplemented++;
                return respondWithNewTag(row, request, 501, "Not Implemented", nowNs);
        }
    }

    private int onInvite(final int row, final SipMessageDecoder invite, final long nowNs)
    {
        if (callState == ACTIVE && isOfCall(invite))
        {
            return answerInvite(row, invite, nowNs);
        }
        invite.callId(view);
        if (callState != IDLE || view.length() > CALL_ID_CAPACITY)
        {
            busy++;
            return respondWithNewTag(row, invite, 486, "Busy Here", nowNs);
        }
        encoder.clearOptional();
        if (respond(row, invite, 100, "Trying", "", nowNs) < 0)
        {
            return NOT_ANSWERED;
        }
        callIdBytes.putBytes(0, view.buffer(), view.offset(), view.length());
        callIdLength = view.length();
        drawTag(callTagBytes);
        sessionId = random.nextLong() >>> 33;
        inviteRow = row;
        callState = RINGING;
        callNumber++;
        encoder.clearOptional();
        encoder.contact(contactUri);
        final int status = respond(row, invite, 180, "Ringing", callTag, nowNs);
        callListener.onIncomingCall(callNumber, invite, nowNs);
        return status;
    }

    private int answerInvite(final int row, final SipMessageDecoder invite, final long nowNs)
    {
        final int sdpLength = sdp.encode(localAddress, rtpPort, sessionId, sdpBuffer, 0, sdpBuffer.capacity());
        encoder.clearOptional();
        encoder.contact(contactUri).extraHeaders(allowAccept, 0, ALLOW.length());
        if (sdpLength > 0)
        {
            encoder.body(SdpOfferEncoder.CONTENT_TYPE, sdpBuffer, 0, sdpLength);
        }
        return respond(row, invite, 200, "OK", callTag, nowNs);
    }

    private int onBye(final int row, final SipMessageDecoder bye, final long nowNs)
    {
        if (callState == IDLE || !isOfCall(bye))
        {
            if (callListener.onDialogBye(bye, nowNs))
            {
                return respondWithNewTag(row, bye, 200, "OK", nowNs);
            }
            noSuchCall++;
            return respondWithNewTag(row, bye, 481, "Call/Transaction Does Not Exist", nowNs);
        }
        final int status = respond(row, bye, 200, "OK", callTag, nowNs);
        if (callState == RINGING)
        {
            respond(inviteRow, transactions.request(inviteRow), 487, "Request Terminated", callTag, nowNs);
        }
        endCall(CallListener.REMOTE_BYE, nowNs);
        return status;
    }

    private int onCancel(final int row, final SipMessageDecoder cancel, final long nowNs)
    {
        final int invite = transactions.findInvite(cancel);
        if (invite < 0)
        {
            noSuchCall++;
            return respondWithNewTag(row, cancel, 481, "Call/Transaction Does Not Exist", nowNs);
        }
        if (callState != RINGING || invite != inviteRow)
        {
            return respondWithNewTag(row, cancel, 200, "OK", nowNs);
        }
        final int status = respond(row, cancel, 200, "OK", callTag, nowNs);
        respond(invite, transactions.request(invite), 487, "Request Terminated", callTag, nowNs);
        endCall(CallListener.CANCELLED, nowNs);
        return status;
    }

    private void endCall(final int reason, final long nowNs)
    {
        callState = IDLE;
        inviteRow = -1;
        callIdLength = 0;
        callListener.onCallEnded(callNumber, reason, nowNs);
    }

    /** Same Call-ID as the current call, and the phone's tag in To. */
    private boolean isOfCall(final SipMessageDecoder request)
    {
        request.callId(view);
        request.toTag(other);
        return equal(view, callIdBytes, callIdLength) && equal(other, callTagBytes, TAG_LENGTH);
    }

    private int respondWithNewTag(
        final int row, final SipMessageDecoder request, final int status, final String reason, final long nowNs)
    {
        drawTag(tagBytes);
        return respond(row, request, status, reason, tag, nowNs);
    }

    /** Encode with the optional parts already set on the encoder, and answer through the row. */
    private int respond(
        final int row,
        final SipMessageDecoder request,
        final int status,
        final CharSequence reason,
        final CharSequence toTag,
        final long nowNs)
    {
        encoder.source(address(transactions.remoteAddress(row)), transactions.remotePort(row));
        final int length = encoder.encode(request, status, reason, toTag, scratch, 0, SCRATCH_CAPACITY);
        encoder.clearOptional();
        if (length <= 0 || transactions.respond(row, scratch, 0, length, status, nowNs) ==
            ServerTransactions.NOT_RESPONDABLE)
        {
            notAnswered++;
            transactions.abandon(row);
            return NOT_ANSWERED;
        }
        return status;
    }

    private int statelessly(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final SipMessageDecoder request,
        final int status,
        final String reason,
        final long nowNs)
    {
        drawTag(tagBytes);
        encoder.source(address(remoteAddress), remotePort);
        final int length = encoder.encode(request, status, reason, tag, scratch, 0, SCRATCH_CAPACITY);
        encoder.clearOptional();
        if (length <= 0)
        {
            notAnswered++;
            return NOT_ANSWERED;
        }
        sender.send(flow, remoteAddress, remotePort, scratch, 0, length, nowNs);
        return status;
    }

    /** RFC 3261 8.1.1 mandatory headers present, and the CSeq method equal to the request line's (R-BAD-2). */
    private boolean isWellFormed(final SipMessageDecoder request)
    {
        final int cseq = request.findHeader(SipHeaderName.CSEQ);
        if (cseq < 0 || request.cseqNumber() < 0 || !request.callId(view) || view.length() == 0 ||
            request.findHeader(SipHeaderName.FROM) < 0 || request.findHeader(SipHeaderName.TO) < 0)
        {
            return false;
        }
        request.headerValue(cseq, view);
        final DirectBuffer buffer = view.buffer();
        final int end = view.offset() + view.length();
        int i = view.offset();
        while (i < end && buffer.getByte(i) >= '0' && buffer.getByte(i) <= '9')
        {
            i++;
        }
        while (i < end && (buffer.getByte(i) == ' ' || buffer.getByte(i) == '\t'))
        {
            i++;
        }
        request.method(other);
        if (end - i != other.length())
        {
            return false;
        }
        for (int k = 0; k < other.length(); k++)
        {
            if (buffer.getByte(i + k) != other.buffer().getByte(other.offset() + k))
            {
                return false;
            }
        }
        return true;
    }

    private CharSequence address(final int address)
    {
        int position = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            position += addressBytes.putIntAscii(position, (address >>> shift) & 0xFF);
            if (shift > 0)
            {
                addressBytes.putByte(position++, (byte)'.');
            }
        }
        addressText.wrap(addressBytes, 0, position);
        return addressText;
    }

    private void drawTag(final UnsafeBuffer into)
    {
        long bits = random.nextLong();
        for (int i = 0; i < TAG_LENGTH; i++)
        {
            into.putByte(i, HEX[(int)(bits & 0xF)]);
            bits >>>= 4;
        }
    }

    private static boolean equal(final AsciiSequenceView value, final DirectBuffer bytes, final int length)
    {
        if (value.length() != length || length == 0)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (value.buffer().getByte(value.offset() + i) != bytes.getByte(i))
            {
                return false;
            }
        }
        return true;
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
