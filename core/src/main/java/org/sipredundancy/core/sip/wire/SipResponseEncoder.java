package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a response to a decoded request (RFC 3261 section 8.2.6): every Via in order, From, To (with the phone's
 * tag added when the request's To has none), Call-ID and CSeq are copied from the request's own bytes, so a
 * response costs no allocation. For the top Via it adds {@code received} and fills an empty {@code rport} (RFC
 * 3581) when {@link #source} is set; dialog-creating responses (101–299 to INVITE or SUBSCRIBE) copy Record-Route.
 * Optional parts (Contact, Retry-After, Min-Expires, extra header lines, a body) apply to the next response only
 * until {@link #clearOptional}. Not thread safe.
 */
public final class SipResponseEncoder
{
    /** What {@link #encode} returns when the response does not fit. */
    public static final int DOES_NOT_FIT = SipTextWriter.DOES_NOT_FIT;

    private static final String RPORT = ";rport";
    private static final String RECORD_ROUTE = "Record-Route";

    private final SipTextWriter out = new SipTextWriter();
    private final SipMessageTail tail = new SipMessageTail();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final AsciiSequenceView name = new AsciiSequenceView();
    private CharSequence sourceAddress = "";
    private int sourcePort;
    private CharSequence contact = "";
    private CharSequence server = "";
    private long retryAfterS = -1;
    private long minExpiresS = -1;

    /**
     * @param address where the request came from, for {@code received} on the top Via; empty to add nothing.
     * @param port    its source port, for an empty {@code rport}.
     * @return this.
     */
    public SipResponseEncoder source(final CharSequence address, final int port)
    {
        this.sourceAddress = address;
        this.sourcePort = port;
        return this;
    }

    /**
     * @param server the Server header value (the phone's product name); empty for none. Kept across responses.
     * @return this.
     */
    public SipResponseEncoder server(final CharSequence server)
    {
        this.server = server;
        return this;
    }

    /**
     * @param contactUri the phone's Contact URI, e.g. {@code sip:1001@10.0.0.2:5060}, for 2xx to INVITE and
     *                   OPTIONS; empty for none.
     * @return this.
     */
    public SipResponseEncoder contact(final CharSequence contactUri)
    {
        this.contact = contactUri;
        return this;
    }

    /**
     * @param retryAfterS seconds for a Retry-After header, or -1 for none.
     * @return this.
     */
    public SipResponseEncoder retryAfterS(final long retryAfterS)
    {
        this.retryAfterS = retryAfterS;
        return this;
    }

    /**
     * @param minExpiresS seconds for a Min-Expires header (a 423), or -1 for none.
     * @return this.
     */
    public SipResponseEncoder minExpiresS(final long minExpiresS)
    {
        this.minExpiresS = minExpiresS;
        return this;
    }

    /**
     * @param buffer raw header lines, each ending in CRLF, written before Content-Length.
     * @param offset of the first byte.
     * @param length in bytes; 0 for none.
     * @return this.
     */
    public SipResponseEncoder extraHeaders(final DirectBuffer buffer, final int offset, final int length)
    {
        tail.extraHeaders(buffer, offset, length);
        return this;
    }

    /**
     * @param contentType the body's type, e.g. {@code application/sdp}.
     * @param body        the bytes.
     * @param offset      of the first byte.
     * @param length      in bytes.
     * @return this.
     */
    public SipResponseEncoder body(
        final CharSequence contentType, final DirectBuffer body, final int offset, final int length)
    {
        tail.body(contentType, body, offset, length);
        return this;
    }

    /**
     * Forget the parts that belong to one response: Contact, Retry-After, Min-Expires, extra lines, body and source.
     *
     * @return this.
     */
    public SipResponseEncoder clearOptional()
    {
        sourceAddress = "";
        contact = "";
        retryAfterS = -1;
        minExpiresS = -1;
        tail.clear();
        return this;
    }

    /**
     * Write the response.
     *
     * @param request    the request answered, decoded and still wrapped around its bytes.
     * @param statusCode 100 to 699.
     * @param reason     the reason phrase.
     * @param toTag      the phone's tag, added to To when the request's To has none; empty to add none (100).
     * @param buffer     to write into.
     * @param offset     of the first octet.
     * @param capacity   octets available from offset.
     * @return the length written, or {@link #DOES_NOT_FIT}.
     */
    public int encode(
        final SipMessageDecoder request,
        final int statusCode,
        final CharSequence reason,
        final CharSequence toTag,
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity)
    {
        out.wrap(buffer, offset, capacity);
        out.text("SIP/2.0 ").number(statusCode).text(" ").text(reason).text("\r\n");
        final int method = request.cseqMethod();
        final boolean dialog = statusCode > 100 && statusCode < 300 &&
            (method == SipMethod.INVITE || method == SipMethod.SUBSCRIBE);
        boolean topVia = true;
        for (int h = 0, count = request.headerCount(); h < count; h++)
        {
            final int id = request.headerNameId(h);
            if (id == SipHeaderName.VIA)
            {
                request.headerValue(h, view);
                out.text("Via: ");
                if (topVia)
                {
                    writeTopVia(request, h);
                    topVia = false;
                }
                else
                {
                    copy(view);
                }
                out.text("\r\n");
            }
        }
        if (dialog)
        {
            for (int h = request.findHeader(RECORD_ROUTE, 0); h >= 0; h = request.findHeader(RECORD_ROUTE, h + 1))
            {
                request.headerValue(h, view);
                out.text("Record-Route: ");
                copy(view).text("\r\n");
            }
        }
        copyHeader(request, SipHeaderName.FROM, "From: ").text("\r\n");
        copyHeader(request, SipHeaderName.TO, "To: ");
        if (toTag.length() > 0 && !request.toTag(view))
        {
            out.text(";tag=").text(toTag);
        }
        out.text("\r\n");
        copyHeader(request, SipHeaderName.CALL_ID, "Call-ID: ").text("\r\n");
        copyHeader(request, SipHeaderName.CSEQ, "CSeq: ").text("\r\n");
        writeOptional();
        return out.finish();
    }

    private void writeOptional()
    {
        if (contact.length() > 0)
        {
            out.text("Contact: <").text(contact).text(">\r\n");
        }
        if (retryAfterS >= 0)
        {
            out.text("Retry-After: ").number(retryAfterS).text("\r\n");
        }
        if (minExpiresS >= 0)
        {
            out.text("Min-Expires: ").number(minExpiresS).text("\r\n");
        }
        if (server.length() > 0)
        {
            out.text("Server: ").text(server).text("\r\n");
        }
        tail.write(out);
    }

    private void writeTopVia(final SipMessageDecoder request, final int header)
    {
        request.element(header, 0, name);
        final DirectBuffer bytes = name.buffer();
        final int start = name.offset();
        final int end = start + name.length();
        final int rport = sourceAddress.length() > 0 ? emptyRport(bytes, start, end) : -1;
        if (rport < 0)
        {
            out.bytes(bytes, start, end - start);
        }
        else
        {
            out.bytes(bytes, start, rport - start).text("=").number(sourcePort).bytes(bytes, rport, end - rport);
        }
        if (sourceAddress.length() > 0)
        {
            out.text(";received=").text(sourceAddress);
        }
        final int lineEnd = view.offset() + view.length();
        if (end < lineEnd)
        {
            out.bytes(bytes, end, lineEnd - end);
        }
    }

    /** The index just after an {@code ;rport} that has no value, or -1. */
    private static int emptyRport(final DirectBuffer bytes, final int start, final int end)
    {
        for (int i = start; i + RPORT.length() <= end; i++)
        {
            boolean match = true;
            for (int k = 0; k < RPORT.length() && match; k++)
            {
                match = (bytes.getByte(i + k) | 0x20) == (RPORT.charAt(k) | 0x20);
            }
            final int after = i + RPORT.length();
            if (match && (after == end || bytes.getByte(after) == ';' || bytes.getByte(after) == ' '))
            {
                return after;
            }
        }
        return -1;
    }

    private SipTextWriter copyHeader(final SipMessageDecoder request, final int nameId, final String prefix)
    {
        final int header = request.findHeader(nameId);
        out.text(prefix);
        if (header >= 0)
        {
            request.headerValue(header, view);
            copy(view);
        }
        return out;
    }

    private SipTextWriter copy(final AsciiSequenceView value)
    {
        return out.bytes(value.buffer(), value.offset(), value.length());
    }
}
