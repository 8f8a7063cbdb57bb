package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes the requests that are built from an INVITE rather than from the account's fields. From an INVITE the phone
 * sent: the ACK of a non-2xx final response (RFC 3261 section 17.1.1.3), which belongs to the INVITE's transaction,
 * and a CANCEL (section 9.1); both copy the INVITE's Request-URI, top Via (only the top one), Route headers, From,
 * Call-ID and CSeq number from its bytes; the ACK takes To from the response (with the tag the server added), the
 * CANCEL from the INVITE. From an INVITE the phone answered: the BYE that ends that dialog from the callee's side
 * ({@link #encodeBye}), whose headers are the INVITE's turned round, copied as they were so display names and
 * parameters survive. No allocation. Not thread safe.
 */
public final class SipDerivedRequestEncoder
{
    /** What the encode methods return when the request does not fit. */
    public static final int DOES_NOT_FIT = SipTextWriter.DOES_NOT_FIT;

    private final SipTextWriter out = new SipTextWriter();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private CharSequence localHost = "";
    private int localPort;

    /**
     * @param host the phone's own address, for the Via of {@link #encodeBye}.
     * @param port the phone's SIP port.
     * @return this.
     */
    public SipDerivedRequestEncoder local(final CharSequence host, final int port)
    {
        localHost = host;
        localPort = port;
        return this;
    }

    /**
     * The BYE of a dialog the phone accepted as callee (RFC 3261 sections 12.1.1 and 15.1.1): Request-URI the
     * caller's Contact (its From URI when it sent none), Route the INVITE's Record-Route in the order received,
     * From the INVITE's To with the phone's tag, To the INVITE's From (the caller's tag included), the INVITE's
     * Call-ID, and a Via of the phone's own on the transport the INVITE came by.
     *
     * @param invite   the INVITE as received, decoded.
     * @param branch   the new transaction's branch, after the magic cookie.
     * @param localTag the tag the phone put in its answer's To.
     * @param cseq     the phone's own CSeq number in the dialog.
     * @param buffer   to write into.
     * @param offset   of the first octet.
     * @param capacity octets available from offset.
     * @return the length written, or {@link #DOES_NOT_FIT}, also when the INVITE lacks Via, From, To or Call-ID.
     */
    public int encodeBye(
        final SipMessageDecoder invite,
        final CharSequence branch,
        final CharSequence localTag,
        final long cseq,
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity)
    {
        final int via = invite.findHeader(SipHeaderName.VIA);
        if (!invite.isRequest() || via < 0 || invite.findHeader(SipHeaderName.FROM) < 0 ||
            invite.findHeader(SipHeaderName.TO) < 0 || invite.findHeader(SipHeaderName.CALL_ID) < 0)
        {
            return DOES_NOT_FIT;
        }
        out.wrap(buffer, offset, capacity);
        out.text("BYE ");
        copyUri(invite, invite.findHeader(SipHeaderName.CONTACT) >= 0 ? SipHeaderName.CONTACT : SipHeaderName.FROM);
        out.text(" SIP/2.0\r\nVia: ");
        invite.element(via, 0, view);
        copyProtocol(view).text(" ").text(localHost).text(":").number(localPort).text(";branch=z9hG4bK").text(branch)
            .text(";rport\r\nMax-Forwards: ").number(SipRequestEncoder.MAX_FORWARDS).text("\r\n");
        for (int h = invite.findHeader("Record-Route", 0); h >= 0; h = invite.findHeader("Record-Route", h + 1))
        {
            invite.headerValue(h, view);
            out.text("Route: ");
            copy(view).text("\r\n");
        }
        invite.headerValue(invite.findHeader(SipHeaderName.TO), view);
        out.text("From: ");
        copy(view).text(";tag=").text(localTag).text("\r\n");
        copyHeader(invite, SipHeaderName.FROM, "To: ");
        copyHeader(invite, SipHeaderName.CALL_ID, "Call-ID: ");
        out.text("CSeq: ").number(cseq).text(" BYE\r\nContent-Length: 0\r\n\r\n");
        return out.finish();
    }

    /** The URI of a name-addr (between the angle brackets) or of an addr-spec (up to its parameters). */
    private void copyUri(final SipMessageDecoder message, final int nameId)
    {
        message.element(message.findHeader(nameId), 0, view);
        int start = view.offset();
        int end = start + view.length();
        final DirectBuffer bytes = view.buffer();
        int open = start;
        while (open < end && bytes.getByte(open) != '<')
        {
            open++;
        }
        if (open < end)
        {
            start = open + 1;
            int close = start;
            while (close < end && bytes.getByte(close) != '>')
            {
                close++;
            }
            end = close;
        }
        else
        {
            int semicolon = start;
            while (semicolon < end && bytes.getByte(semicolon) != ';')
            {
                semicolon++;
            }
            end = semicolon;
        }
        out.bytes(bytes, start, end - start);
    }

    /** "SIP/2.0/UDP" of a Via value: everything before the sent-by. */
    private SipTextWriter copyProtocol(final AsciiSequenceView via)
    {
        int end = via.offset();
        final int limit = via.offset() + via.length();
        while (end < limit && via.buffer().getByte(end) != ' ' && via.buffer().getByte(end) != '\t')
        {
            end++;
        }
        return out.bytes(via.buffer(), via.offset(), end - via.offset());
    }

    /**
     * @param invite   the INVITE as sent, decoded.
     * @param response its non-2xx final response (300 to 699), decoded; the ACK of a 2xx is a request of its own,
     *                 written by {@link SipRequestEncoder}.
     * @param buffer   to write into.
     * @param offset   of the first octet.
     * @param capacity octets available from offset.
     * @return the length written, or {@link #DOES_NOT_FIT}, also when the response is not a non-2xx final one or
     *         the INVITE lacks Via, From or Call-ID (or the response lacks To): nothing valid can be built.
     */
    public int encodeAck(
        final SipMessageDecoder invite, final SipMessageDecoder response, final MutableDirectBuffer buffer,
        final int offset, final int capacity)
    {
        if (response.isRequest() || response.statusCode() < 300)
        {
            return DOES_NOT_FIT;
        }
        return encode(invite, response, "ACK", buffer, offset, capacity);
    }

    /**
     * @param invite   the INVITE as sent, decoded.
     * @param buffer   to write into.
     * @param offset   of the first octet.
     * @param capacity octets available from offset.
     * @return the length written, or {@link #DOES_NOT_FIT}.
     */
    public int encodeCancel(
        final SipMessageDecoder invite, final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        return encode(invite, invite, "CANCEL", buffer, offset, capacity);
    }

    private int encode(
        final SipMessageDecoder invite,
        final SipMessageDecoder toSource,
        final String method,
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity)
    {
        if (!invite.isRequest() || invite.findHeader(SipHeaderName.VIA) < 0 ||
            invite.findHeader(SipHeaderName.FROM) < 0 || invite.findHeader(SipHeaderName.CALL_ID) < 0 ||
            toSource.findHeader(SipHeaderName.TO) < 0)
        {
            return DOES_NOT_FIT;
        }
        out.wrap(buffer, offset, capacity);
        invite.requestUri(view);
        out.text(method).text(" ");
        copy(view).text(" SIP/2.0\r\nVia: ");
        final int via = invite.findHeader(SipHeaderName.VIA);
        if (via >= 0)
        {
            invite.element(via, 0, view);
            copy(view);
        }
        out.text("\r\nMax-Forwards: ").number(SipRequestEncoder.MAX_FORWARDS).text("\r\n");
        for (int h = invite.findHeader("Route", 0); h >= 0; h = invite.findHeader("Route", h + 1))
        {
            invite.headerValue(h, view);
            out.text("Route: ");
            copy(view).text("\r\n");
        }
        copyHeader(invite, SipHeaderName.FROM, "From: ");
        copyHeader(toSource, SipHeaderName.TO, "To: ");
        copyHeader(invite, SipHeaderName.CALL_ID, "Call-ID: ");
        out.text("CSeq: ").number(invite.cseqNumber()).text(" ").text(method).text("\r\n");
        out.text("Content-Length: 0\r\n\r\n");
        return out.finish();
    }

    private void copyHeader(final SipMessageDecoder message, final int nameId, final String prefix)
    {
        final int header = message.findHeader(nameId);
        out.text(prefix);
        if (header >= 0)
        {
            message.headerValue(header, view);
            copy(view);
        }
        out.text("\r\n");
    }

    private SipTextWriter copy(final AsciiSequenceView value)
    {
        return out.bytes(value.buffer(), value.offset(), value.length());
    }
}
