package org.sipredundancy.core.account;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.account.machine.CallMachine;
import org.sipredundancy.core.sip.transaction.ClientTransactionUser;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.core.sip.wire.SdpOfferEncoder;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipDerivedRequestEncoder;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.core.sip.wire.SipRequestEncoder;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;

/**
 * One account's outgoing call (SPEC R-FB-4, R-SCN-2, R-SCN-4): the INVITE walks the call order the account gives —
 * primary, further candidates, then the fallback group — giving every server but the last
 * {@code invite_retry_counts} retransmissions, until one answers; a 2xx is acknowledged and the call is up; a
 * refusal (busy, declined) ends the attempt without trying further servers, since another server would only reach
 * the same callee; when every server failed the user is told why. Hanging up sends BYE, CANCEL while it rings, or
 * abandons an INVITE nothing has answered yet. With {@code register_on_enable = 1} the account registers with a
 * candidate before inviting through it (R-FO-4). Runs on {@link CallMachine#TABLE}. Nothing allocates once built.
 * Duty cycle thread only.
 */
public final class OutgoingCall implements ClientTransactionUser
{
    /** {@link #dial} refused: a call is already in progress. */
    public static final int BUSY = -401;
    /** {@link #dial} refused: the number is empty, too long or not digits, '*' and '#'. */
    public static final int BAD_NUMBER = -402;

    private static final int MAX_NUMBER = 32;
    private static final int ACK_CAPACITY = 2048;
    private static final int SDP_CAPACITY = 512;
    private static final int RTP_PORT = 11780;
    private static final int HEX_DIGITS = 16;

    private final PhoneServices services;
    private final CallRoute route;
    private final int accountNumber;
    private final String domain;
    private final SipRequestEncoder encoder = new SipRequestEncoder();
    private final SdpOfferEncoder sdpEncoder = new SdpOfferEncoder();
    private final SipDerivedRequestEncoder derivedEncoder = new SipDerivedRequestEncoder();
    private final SipMessageDecoder sentInvite = new SipMessageDecoder();
    private final UnsafeBuffer sdp = new UnsafeBuffer(new byte[SDP_CAPACITY]);
    private final UnsafeBuffer ack = new UnsafeBuffer(new byte[ACK_CAPACITY]);
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final StringBuilder number = new StringBuilder(MAX_NUMBER);
    private final StringBuilder requestUri = new StringBuilder(64);
    private final StringBuilder callId = new StringBuilder(64);
    private final StringBuilder fromTag = new StringBuilder(HEX_DIGITS);
    private final StringBuilder remoteTag = new StringBuilder(64);
    private final StringBuilder branch = new StringBuilder(64);

    private int state = CallMachine.IDLE;
    private int transaction = -1;
    private CharSequence proxyRoute = "";
    private long cseq;
    private int sdpLength;
    private int inviteLength;
    private int position = -1;
    private int flow;
    private int address;
    private int port;
    private int lastCause;
    private int lastStatus;

    /**
     * @param services      the phone's shared parts.
     * @param route         the account's call order and registrations.
     * @param accountNumber the account, 1-based.
     * @param user          the account's user name (From).
     * @param domain        the working server's host, the domain of the Request-URI and To (R-OBP-1).
     * @param transportName the account's transport name for Via.
     */
    public OutgoingCall(
        final PhoneServices services,
        final CallRoute route,
        final int accountNumber,
        final String user,
        final String domain,
        final String transportName)
    {
        this.services = services;
        this.route = route;
        this.accountNumber = accountNumber;
        this.domain = domain;
        encoder.transport(transportName).local(services.localHost(), services.localPort()).registrarHost(domain)
            .user(user).userAgent(services.userAgent());
    }

    /**
     * Place a call: build the call order and send the INVITE to its first server.
     *
     * @param digits the number dialled.
     * @param nowNs  the duty cycle's time.
     * @return {@link NetworkStatus#OK} (the outcome is reported later), {@link #BUSY} or {@link #BAD_NUMBER}.
     */
    public int dial(final CharSequence digits, final long nowNs)
    {
        if (state != CallMachine.IDLE)
        {
            return BUSY;
        }
        if (!validNumber(digits))
        {
            return BAD_NUMBER;
        }
        number.setLength(0);
        number.append(digits);
        requestUri.setLength(0);
        requestUri.append("sip:").append(number).append('@').append(domain);
        newIdentity();
        lastCause = 0;
        lastStatus = 0;
        position = -1;
        fire(CallMachine.DIAL);
        if (route.planCall(nowNs) == 0)
        {
            fire(CallMachine.ALL_FAILED);
            services.events().onCallOutcome(accountNumber, AccountEvents.CALL_NO_SERVER, 0, 0, 0, nowNs);
            return NetworkStatus.OK;
        }
        inviteNext(nowNs);
        return NetworkStatus.OK;
    }

    /**
     * The user hung up: BYE an answered call, abandon one not answered yet.
     *
     * @param nowNs the duty cycle's time.
     */
    public void hangUp(final long nowNs)
    {
        final int before = state;
        if (!fire(CallMachine.HANG_UP))
        {
            return;
        }
        if (before == CallMachine.CONFIRMED)
        {
            sendBye(nowNs);
            return;
        }
        if (before == CallMachine.RINGING && sendCancel(nowNs))
        {
            return;
        }
        abandon();
        state = CallMachine.IDLE;
        services.events().onCallOutcome(accountNumber, AccountEvents.CALL_ABANDONED, 0, 0, address, nowNs);
        route.onCallIdle(nowNs);
    }

    /**
     * A BYE reached the phone: when it belongs to this call's dialog (its Call-ID, the phone's tag in To, the
     * callee's in From) the far end hung up. A BYE that crosses the phone's own is taken too; that BYE's
     * transaction then ends the call as usual.
     *
     * @param bye   the BYE.
     * @param nowNs the duty cycle's time.
     * @return whether it belonged to this call (the caller answers it 200).
     */
    public boolean onRemoteBye(final SipMessageDecoder bye, final long nowNs)
    {
        if ((state != CallMachine.CONFIRMED && state != CallMachine.TERMINATING) || !bye.callId(view) ||
            CharSequence.compare(view, callId) != 0 || !bye.toTag(view) || CharSequence.compare(view, fromTag) != 0 ||
            !bye.fromTag(view) || CharSequence.compare(view, remoteTag) != 0)
        {
            return false;
        }
        if (fire(CallMachine.REMOTE_BYE))
        {
            services.events().onCallOutcome(accountNumber, AccountEvents.CALL_ENDED_REMOTELY, 0, 0, address, nowNs);
            route.onCallIdle(nowNs);
        }
        return true;
    }

    /**
     * The slot asked for by {@link CallRoute#mustRegisterFirst} accepted the REGISTER (or failed): go on.
     *
     * @param registered whether the candidate accepted.
     * @param nowNs      the duty cycle's time.
     */
    public void onRegisteredFirst(final boolean registered, final long nowNs)
    {
        if (state != CallMachine.REGISTERING_FIRST)
        {
            return;
        }
        if (registered)
        {
            fire(CallMachine.REGISTERED_THERE);
            sendInvite(nowNs);
        }
        else
        {
            lastCause = route.lastRegistrationCause();
            candidateFailed(nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onProvisional(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
        if (transaction == this.transaction)
        {
            fire(CallMachine.PROVISIONAL);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFinalResponse(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
        if (transaction != this.transaction)
        {
            return;
        }
        final int code = response.statusCode();
        lastStatus = code;
        if (state == CallMachine.TERMINATING)
        {
            this.transaction = -1;
            ended(nowNs);
            return;
        }
        if (code >= 200 && code < 300)
        {
            remoteTag.setLength(0);
            if (response.toTag(view))
            {
                remoteTag.append(view);
            }
            sendAck(nowNs);
            if (fire(CallMachine.ANSWERED) && state == CallMachine.CONFIRMED)
            {
                services.events().onCallOutcome(accountNumber, AccountEvents.CALL_ANSWERED, code, 0, address, nowNs);
            }
            else if (state == CallMachine.TERMINATING)
            {
                sendBye(nowNs);
            }
            return;
        }
        this.transaction = -1;
        final boolean cancelled = state == CallMachine.CANCELLING;
        fire(CallMachine.DECLINED);
        services.events().onCallOutcome(accountNumber, cancelled ? AccountEvents.CALL_ABANDONED :
            AccountEvents.CALL_DECLINED, code, 0, address, nowNs);
        route.onCallIdle(nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onFailure(
        final int transaction, final long userToken, final int cause, final long retryAfterS, final long nowNs)
    {
        if (transaction != this.transaction)
        {
            return;
        }
        this.transaction = -1;
        if (state == CallMachine.TERMINATING)
        {
            ended(nowNs);
            return;
        }
        lastCause = cause;
        lastStatus = cause == SipFailure.SERVICE_UNAVAILABLE ? 503 : 0;
        route.onServerFailed(position, cause, retryAfterS, nowNs);
        if (SipFailure.isServerFailure(cause))
        {
            candidateFailed(nowNs);
        }
        else
        {
            failCall(nowNs);
        }
    }

    /**
     * No server of the call order is left (or the failure says nothing of the server): the user is told why.
     */
    private void failCall(final long nowNs)
    {
        fire(CallMachine.ALL_FAILED);
        services.events().onCallOutcome(accountNumber, AccountEvents.CALL_FAILED, lastStatus, lastCause, address,
            nowNs);
        route.onCallIdle(nowNs);
    }

    private void candidateFailed(final long nowNs)
    {
        if (route.nextCallCandidate(position, nowNs) < 0)
        {
            failCall(nowNs);
            return;
        }
        fire(CallMachine.CANDIDATE_FAILED);
        inviteNext(nowNs);
    }

    private void inviteNext(final long nowNs)
    {
        while (true)
        {
            position = route.nextCallCandidate(position, nowNs);
            if (position < 0)
            {
                failCall(nowNs);
                return;
            }
            address = route.callAddress(position);
            port = route.callPort(position);
            if (route.mustRegisterFirst(position, this, nowNs))
            {
                fire(CallMachine.MUST_REGISTER);
                return;
            }
            if (sendInvite(nowNs))
            {
                return;
            }
        }
    }

    private boolean sendInvite(final long nowNs)
    {
        final ClientTransactions transactions = services.transactions();
        flow = services.transport().flow(route.callTransport(position), address, port, domain, nowNs);
        final int txn = flow > 0 ? transactions.begin(this, accountNumber, false) : -1;
        if (txn < 0)
        {
            lastCause = flow > 0 ? SipFailure.NO_TRANSACTION : SipFailure.SEND_FAILED;
            return false;
        }
        cseq++;
        branch.setLength(0);
        branch.append(transactions.branch(txn));
        sdpLength = sdpEncoder.encode(services.localHost(), RTP_PORT, cseq, sdp, 0, SDP_CAPACITY);
        proxyRoute = route.callRoute(position);
        encoder.clearOptional().route(proxyRoute);
        encoder.transport(Transport.name(route.callTransport(position))).requestUri(requestUri)
            .to(requestUri, "").callId(callId).fromTag(fromTag).branch(branch).cseq(cseq)
            .body("application/sdp", sdp, 0, sdpLength);
        final int length = encoder.encode(SipMethod.INVITE, transactions.requestBuffer(txn), 0,
            transactions.requestCapacity());
        final int budget = route.isLastCallCandidate(position, nowNs) ? CandidateWalk.FULL_TIMERS :
            route.inviteRetryCounts(position);
        if (length <= 0 || transactions.start(txn, SipMethod.INVITE, flow, address, port, length, budget, nowNs) != 0)
        {
            transactions.abandon(txn);
            lastCause = SipFailure.SEND_FAILED;
            return false;
        }
        transaction = txn;
        inviteLength = length;
        return true;
    }

    /**
     * CANCEL the ringing INVITE (RFC 3261 9.1): same Via branch, Call-ID, From, To and CSeq number, to the same
     * server; the INVITE then ends with a 487, which the transaction acknowledges.
     */
    private boolean sendCancel(final long nowNs)
    {
        final ClientTransactions transactions = services.transactions();
        final int txn = transactions.begin(this, accountNumber, false);
        if (txn < 0)
        {
            return false;
        }
        final int length = sentInvite.wrap(transactions.requestBuffer(transaction), 0, inviteLength) !=
            SipDecodeStatus.OK ? -1 :
            derivedEncoder.encodeCancel(sentInvite, transactions.requestBuffer(txn), 0,
            transactions.requestCapacity());
        if (length <= 0 || transactions.start(txn, SipMethod.CANCEL, flow, address, port, length,
            CandidateWalk.FULL_TIMERS, nowNs) != 0)
        {
            transactions.abandon(txn);
            return false;
        }
        transactions.linkCancel(transaction, txn);
        return true;
    }

    private void sendAck(final long nowNs)
    {
        encoder.clearOptional().route(proxyRoute);
        branch.setLength(0);
        branch.append("ack").append(cseq).append(callId, 0, 8);
        encoder.requestUri(requestUri).to(requestUri, remoteTag).branch(branch).cseq(cseq);
        final int length = encoder.encode(SipMethod.ACK, ack, 0, ACK_CAPACITY);
        if (length > 0)
        {
            services.transport().send(flow, address, port, ack, 0, length, nowNs);
        }
    }

    private void sendBye(final long nowNs)
    {
        final ClientTransactions transactions = services.transactions();
        final int txn = transactions.begin(this, accountNumber, false);
        if (txn < 0)
        {
            ended(nowNs);
            return;
        }
        cseq++;
        branch.setLength(0);
        branch.append(transactions.branch(txn));
        encoder.clearOptional().route(proxyRoute);
        encoder.requestUri(requestUri).to(requestUri, remoteTag).branch(branch).cseq(cseq);
        final int length = encoder.encode(SipMethod.BYE, transactions.requestBuffer(txn), 0,
            transactions.requestCapacity());
        if (length <= 0 || transactions.start(txn, SipMethod.BYE, flow, address, port, length,
            CandidateWalk.FULL_TIMERS, nowNs) != 0)
        {
            transactions.abandon(txn);
            ended(nowNs);
            return;
        }
        transaction = txn;
    }

    private void ended(final long nowNs)
    {
        fire(CallMachine.ENDED);
        services.events().onCallOutcome(accountNumber, AccountEvents.CALL_ENDED, lastStatus, 0, address, nowNs);
        route.onCallIdle(nowNs);
    }

    private void abandon()
    {
        if (transaction >= 0)
        {
            services.transactions().abandon(transaction);
            transaction = -1;
        }
    }

    private void newIdentity()
    {
        DialogIdentity.fresh(services.random(), services.localHost(), "", callId, fromTag);
        cseq = 0;
    }

    private static boolean validNumber(final CharSequence digits)
    {
        if (digits == null || digits.length() == 0 || digits.length() > MAX_NUMBER)
        {
            return false;
        }
        for (int i = 0; i < digits.length(); i++)
        {
            final char c = digits.charAt(i);
            if ((c < '0' || c > '9') && c != '*' && c != '#')
            {
                return false;
            }
        }
        return true;
    }

    private boolean fire(final int event)
    {
        final int next = CallMachine.TABLE.next(state, event);
        if (next == -1)
        {
            return false;
        }
        state = next;
        return true;
    }

    /**
     * @return a {@link CallMachine} state.
     */
    public int state()
    {
        return state;
    }

    /**
     * @return whether a call is in progress (from dialling to the end of its BYE).
     */
    public boolean isActive()
    {
        return state != CallMachine.IDLE;
    }

    /**
     * @return the server carrying (or last tried for) the call, IPv4, or 0.
     */
    public int serverAddress()
    {
        return address;
    }

    /**
     * @return the final status of the last attempt, or 0.
     */
    public int lastStatus()
    {
        return lastStatus;
    }

    /**
     * @return the {@link SipFailure} of the last failed server, or 0.
     */
    public int lastCause()
    {
        return lastCause;
    }
}
