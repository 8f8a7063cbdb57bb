package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.MutableDirectBuffer;

/**
 * Writes the two requests that are built from an INVITE already sent rather than from the account's fields: the
 * ACK of a non-2xx final response (RFC 3261 section 17.1.1.3), which belongs to the INVITE's transaction, and a
 * CANCEL (section 9.1). Both copy the INVITE's Request-URI, top Via (only the top one), Route headers, From,
 * Call-ID and CSeq number from its bytes; the ACK takes To from the response (with the tag the server added), the
 * CANCEL from the INVITE. No allocation. Not thread safe.
 */
public final class SipDerivedRequestEncoder
{
    /** What the encode methods return when the request does not fit. */
    public static final int DOES_NOT_FIT = SipTextWriter.DOES_NOT_FIT;

    private final SipTextWriter out = new SipTextWriter();
    private final AsciiSequenceView view = new AsciiSequenceView();

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
