package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * A flyweight over one received SIP message (RFC 3261 section 7). {@link #wrap} checks the framing once, with work
 * bounded by the length, and returns a {@link SipDecodeStatus}; the start line and every header line are then
 * known by index and length, so the accessors read fields in place, with no copy and no {@code String}:
 * <pre>
 *   REGISTER sip:pbx.example.com SIP/2.0      start line: request (method, URI) or
 *   SIP/2.0 200 OK                                         response (code, reason)
 *   Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK1;rport  header: name ':' value
 *    ;received=192.0.2.1                                  continuation line (SP/HT): same value
 *   v: SIP/2.0/UDP a, SIP/2.0/UDP b                      compact name; comma-separated elements
 *   Content-Length: 4                                      frames the body
 *                                                          blank line
 *   body                                                   Content-Length octets
 * </pre>
 * A header value runs from the first non-blank octet after the colon to the last non-blank octet of its last
 * continuation line, so a folded value still holds its line ends: parameter readers treat CR and LF as white
 * space. Malformed input never throws (SPEC R-BAD-2): each cause gets its own status. Everything read is valid
 * until the next {@code wrap} and while the buffer's bytes stay as they are.
 * <p>
 * Not thread safe; allocates nothing once made.
 */
public final class SipMessageDecoder
{
    /** Most header fields kept for one message; more is {@link SipDecodeStatus#TOO_MANY_HEADERS}. */
    public static final int MAX_HEADERS = 64;
    /** Longest line, in octets without its line end; longer is {@link SipDecodeStatus#LINE_TOO_LONG}. */
    public static final int MAX_LINE_LENGTH = 4096;

    private static final long EIGHT_LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long EIGHT_ONES = 0x0101010101010101L;
    private static final long EIGHT_HIGH_BITS = 0x8080808080808080L;

    private static final int NO_LINE_END = -1;
    private static final int TOO_LONG = -2;
    private static final String VERSION = "SIP/2.0";

    private final int[] nameIds = new int[MAX_HEADERS];
    private final int[] nameIndexes = new int[MAX_HEADERS];
    private final int[] nameLengths = new int[MAX_HEADERS];
    private final int[] valueIndexes = new int[MAX_HEADERS];
    private final int[] valueLengths = new int[MAX_HEADERS];
    private final SipValueReader reader = new SipValueReader();

    private DirectBuffer buffer;
    private int end;
    private int status = SipDecodeStatus.NO_START_LINE;
    private boolean request;
    private int method;
    private int methodIndex;
    private int methodLength;
    private int uriIndex;
    private int uriLength;
    private int statusCode;
    private int reasonIndex;
    private int reasonLength;
    private int headerCount;
    private int contentLength;
    private int bodyOffset;
    private int bodyLength;
    private int messageLength;

    /**
     * Decodes a datagram: a missing Content-Length means the body runs to the end, and octets after the body
     * that Content-Length gives are ignored (RFC 3261 section 18.3).
     *
     * @param buffer holding the message.
     * @param offset of its first octet.
     * @param length of the region it may take.
     * @return {@link SipDecodeStatus#OK} or the first malformation.
     */
    public int wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        return wrap(buffer, offset, length, false);
    }

    /**
     * Decodes a message from a datagram or from the front of a stream's bytes. On a stream Content-Length is
     * required, and {@link #messageLength()} then says where the next message starts.
     *
     * @param buffer holding the message.
     * @param offset of its first octet.
     * @param length of the region it may take.
     * @param stream true for TCP/TLS framing, false for a UDP datagram.
     * @return {@link SipDecodeStatus#OK} or the first malformation.
     */
    public int wrap(final DirectBuffer buffer, final int offset, final int length, final boolean stream)
    {
        this.buffer = buffer;
        reset();
        if (buffer == null || offset < 0 || length <= 0 || offset > buffer.capacity() - length)
        {
            end = 0;
            status = SipDecodeStatus.NO_START_LINE;
            return status;
        }
        end = offset + length;
        reader.wrap(buffer);
        int position = offset;
        int lineEnd = lineEnd(position);
        while (lineEnd >= 0 && contentEnd(position, lineEnd) == position)
        {
            position = lineEnd + 1;
            lineEnd = lineEnd(position);
        }
        if (lineEnd == TOO_LONG)
        {
            return fail(SipDecodeStatus.LINE_TOO_LONG);
        }
        if (lineEnd == NO_LINE_END)
        {
            return fail(SipDecodeStatus.NO_START_LINE);
        }
        final int startStatus = startLine(position, contentEnd(position, lineEnd));
        if (startStatus != SipDecodeStatus.OK)
        {
            return fail(startStatus);
        }
        final int headersStatus = headers(lineEnd + 1);
        if (headersStatus != SipDecodeStatus.OK)
        {
            return fail(headersStatus);
        }
        return fail(frameBody(offset, stream));
    }

    private void reset()
    {
        request = false;
        method = SipMethod.UNKNOWN;
        methodIndex = 0;
        methodLength = 0;
        uriIndex = 0;
        uriLength = 0;
        statusCode = -1;
        reasonIndex = 0;
        reasonLength = 0;
        headerCount = 0;
        contentLength = -1;
        bodyOffset = 0;
        bodyLength = 0;
        messageLength = 0;
    }

    private int fail(final int code)
    {
        status = code;
        return code;
    }

    /**
     * The next LF at or after {@code from}. Eight bytes are tested at a time (a zero byte of {@code word ^ LFs}
     * marks an LF; the lowest marked byte is always a true one), since finding line ends is most of the work of
     * decoding a message.
     */
    private int lineEnd(final int from)
    {
        final int limit = Math.min(end, from + MAX_LINE_LENGTH + 2);
        int i = from;
        while (i + Long.BYTES <= limit)
        {
            final long x = buffer.getLong(i, ByteOrder.LITTLE_ENDIAN) ^ EIGHT_LINE_FEEDS;
            final long marks = (x - EIGHT_ONES) & ~x & EIGHT_HIGH_BITS;
            if (marks != 0)
            {
                return lineEndAt(from, i + (Long.numberOfTrailingZeros(marks) >>> 3));
            }
            i += Long.BYTES;
        }
        for (; i < limit; i++)
        {
            if (buffer.getByte(i) == '\n')
            {
                return lineEndAt(from, i);
            }
        }
        return limit < end ? TOO_LONG : NO_LINE_END;
    }

    private int lineEndAt(final int from, final int lineFeed)
    {
        return contentEnd(from, lineFeed) - from > MAX_LINE_LENGTH ? TOO_LONG : lineFeed;
    }

    private int contentEnd(final int from, final int lineFeed)
    {
        return lineFeed > from && buffer.getByte(lineFeed - 1) == '\r' ? lineFeed - 1 : lineFeed;
    }

    private int startLine(final int from, final int to)
    {
        if (startsWith(from, to, VERSION) && from + VERSION.length() < to &&
            buffer.getByte(from + VERSION.length()) == ' ')
        {
            return statusLine(from + VERSION.length() + 1, to);
        }
        return requestLine(from, to);
    }

    private int statusLine(final int from, final int to)
    {
        if (to - from < 3 || (to - from > 3 && buffer.getByte(from + 3) != ' '))
        {
            return SipDecodeStatus.BAD_STATUS_LINE;
        }
        final long code = SipValueReader.digits(buffer, from, from + 3);
        if (code < 100 || code > 699)
        {
            return SipDecodeStatus.BAD_STATUS_LINE;
        }
        for (int i = from + 4; i < to; i++)
        {
            if (isControl(buffer.getByte(i)))
            {
                return SipDecodeStatus.BAD_STATUS_LINE;
            }
        }
        request = false;
        statusCode = (int)code;
        reasonIndex = Math.min(from + 4, to);
        reasonLength = to - reasonIndex;
        return SipDecodeStatus.OK;
    }

    private int requestLine(final int from, final int to)
    {
        final int firstSpace = indexOf(from, to, (byte)' ');
        final int lastSpace = lastIndexOf(from, to, (byte)' ');
        if (firstSpace <= from || lastSpace <= firstSpace + 1 ||
            !startsWith(lastSpace + 1, to, VERSION) || to - lastSpace - 1 != VERSION.length())
        {
            return SipDecodeStatus.BAD_REQUEST_LINE;
        }
        for (int i = from; i < firstSpace; i++)
        {
            if (!SipValueReader.isToken(buffer.getByte(i)))
            {
                return SipDecodeStatus.BAD_REQUEST_LINE;
            }
        }
        for (int i = firstSpace + 1; i < lastSpace; i++)
        {
            final byte b = buffer.getByte(i);
            if (b == ' ' || isControl(b))
            {
                return SipDecodeStatus.BAD_REQUEST_LINE;
            }
        }
        request = true;
        methodIndex = from;
        methodLength = firstSpace - from;
        method = SipMethod.lookup(buffer, methodIndex, methodLength);
        uriIndex = firstSpace + 1;
        uriLength = lastSpace - uriIndex;
        return SipDecodeStatus.OK;
    }

    private int headers(final int from)
    {
        int position = from;
        while (true)
        {
            final int lineFeed = lineEnd(position);
            if (lineFeed == TOO_LONG)
            {
                return SipDecodeStatus.LINE_TOO_LONG;
            }
            if (lineFeed == NO_LINE_END)
            {
                return SipDecodeStatus.NO_END_OF_HEADERS;
            }
            final int lineStop = contentEnd(position, lineFeed);
            if (lineStop == position)
            {
                bodyOffset = lineFeed + 1;
                return SipDecodeStatus.OK;
            }
            final byte first = buffer.getByte(position);
            if (first == ' ' || first == '\t')
            {
                if (headerCount == 0)
                {
                    return SipDecodeStatus.FOLD_WITHOUT_HEADER;
                }
                final int last = headerCount - 1;
                final int stop = trimEnd(position, lineStop);
                if (stop > position)
                {
                    if (valueLengths[last] == 0)
                    {
                        valueIndexes[last] = skipBlank(position, stop);
                    }
                    valueLengths[last] = stop - valueIndexes[last];
                }
            }
            else
            {
                final int headerStatus = header(position, lineStop);
                if (headerStatus != SipDecodeStatus.OK)
                {
                    return headerStatus;
                }
            }
            position = lineFeed + 1;
        }
    }

    private int header(final int from, final int to)
    {
        final int colon = indexOf(from, to, (byte)':');
        if (colon < 0)
        {
            return SipDecodeStatus.HEADER_WITHOUT_COLON;
        }
        final int nameEnd = trimEnd(from, colon);
        if (nameEnd == from)
        {
            return SipDecodeStatus.HEADER_WITHOUT_COLON;
        }
        for (int i = from; i < nameEnd; i++)
        {
            if (!SipValueReader.isToken(buffer.getByte(i)))
            {
                return SipDecodeStatus.HEADER_WITHOUT_COLON;
            }
        }
        if (headerCount == MAX_HEADERS)
        {
            return SipDecodeStatus.TOO_MANY_HEADERS;
        }
        final int valueStop = trimEnd(colon + 1, to);
        final int valueStart = skipBlank(colon + 1, valueStop);
        final int h = headerCount++;
        nameIndexes[h] = from;
        nameLengths[h] = nameEnd - from;
        nameIds[h] = SipHeaderName.lookup(buffer, from, nameEnd - from);
        valueIndexes[h] = valueStart;
        valueLengths[h] = valueStop - valueStart;
        return SipDecodeStatus.OK;
    }

    private int frameBody(final int offset, final boolean stream)
    {
        for (int h = 0; h < headerCount; h++)
        {
            if (nameIds[h] == SipHeaderName.CONTENT_LENGTH)
            {
                final long value = SipValueReader.digits(buffer, valueIndexes[h], valueIndexes[h] + valueLengths[h]);
                if (value < 0 || value > Integer.MAX_VALUE)
                {
                    return SipDecodeStatus.CONTENT_LENGTH_INVALID;
                }
                if (contentLength >= 0 && contentLength != value)
                {
                    return SipDecodeStatus.CONTENT_LENGTH_MISMATCH;
                }
                contentLength = (int)value;
            }
        }
        final int available = end - bodyOffset;
        if (contentLength < 0)
        {
            if (stream)
            {
                return SipDecodeStatus.CONTENT_LENGTH_MISSING;
            }
            bodyLength = available;
        }
        else if (contentLength > available)
        {
            return SipDecodeStatus.CONTENT_LENGTH_PAST_END;
        }
        else
        {
            bodyLength = contentLength;
        }
        messageLength = bodyOffset + bodyLength - offset;
        return SipDecodeStatus.OK;
    }

    private boolean startsWith(final int from, final int to, final String text)
    {
        if (to - from < text.length())
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (buffer.getByte(from + i) != text.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private int indexOf(final int from, final int to, final byte value)
    {
        for (int i = from; i < to; i++)
        {
            if (buffer.getByte(i) == value)
            {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(final int from, final int to, final byte value)
    {
        for (int i = to - 1; i >= from; i--)
        {
            if (buffer.getByte(i) == value)
            {
                return i;
            }
        }
        return -1;
    }

    private int skipBlank(final int from, final int to)
    {
        int i = from;
        while (i < to && SipValueReader.isBlank(buffer.getByte(i)))
        {
            i++;
        }
        return i;
    }

    private int trimEnd(final int from, final int to)
    {
        int i = to;
        while (i > from && SipValueReader.isBlank(buffer.getByte(i - 1)))
        {
            i--;
        }
        return i;
    }

    private static boolean isControl(final byte b)
    {
        return (b >= 0 && b < 0x20 && b != '\t') || b == 0x7F;
    }

    /**
     * @return the status the last {@link #wrap} returned.
     */
    public int status()
    {
        return status;
    }

    /**
     * @return true for a request, false for a response (valid once the start line parsed).
     */
    public boolean isRequest()
    {
        return request;
    }

    /**
     * @return the request's method as a {@link SipMethod} constant; {@link SipMethod#UNKNOWN} for a response.
     */
    public int method()
    {
        return method;
    }

    /**
     * The method as written, for methods {@link SipMethod} does not know.
     *
     * @param view wrapped around the method token; empty for a response.
     */
    public void method(final AsciiSequenceView view)
    {
        view.wrap(buffer, methodIndex, methodLength);
    }

    /**
     * @param view wrapped around the Request-URI; empty for a response.
     */
    public void requestUri(final AsciiSequenceView view)
    {
        view.wrap(buffer, uriIndex, uriLength);
    }

    /**
     * @return the response's status code, 100 to 699; -1 for a request.
     */
    public int statusCode()
    {
        return statusCode;
    }

    /**
     * @param view wrapped around the reason phrase; empty for a request.
     */
    public void reason(final AsciiSequenceView view)
    {
        view.wrap(buffer, reasonIndex, reasonLength);
    }

    /**
     * @return header fields found, in wire order; continuation lines belong to the field they continue.
     */
    public int headerCount()
    {
        return headerCount;
    }

    /**
     * @param header index, 0 to {@link #headerCount()} - 1.
     * @return its {@link SipHeaderName} number.
     */
    public int headerNameId(final int header)
    {
        return nameIds[header];
    }

    /**
     * @param header index, 0 to {@link #headerCount()} - 1.
     * @param view   wrapped around the name as written (compact or long).
     */
    public void headerName(final int header, final AsciiSequenceView view)
    {
        view.wrap(buffer, nameIndexes[header], nameLengths[header]);
    }

    /**
     * @param header index, 0 to {@link #headerCount()} - 1.
     * @return the buffer index of its value's first octet.
     */
    public int headerValueIndex(final int header)
    {
        return valueIndexes[header];
    }

    /**
     * @param header index, 0 to {@link #headerCount()} - 1.
     * @return its value's length, line ends of continuation lines included.
     */
    public int headerValueLength(final int header)
    {
        return valueLengths[header];
    }

    /**
     * @param header index, 0 to {@link #headerCount()} - 1.
     * @param view   wrapped around its whole value.
     */
    public void headerValue(final int header, final AsciiSequenceView view)
    {
        view.wrap(buffer, valueIndexes[header], valueLengths[header]);
    }

    /**
     * The first header of a name, compact or long: headers of one name may repeat.
     *
     * @param nameId a {@link SipHeaderName} number other than {@link SipHeaderName#OTHER}.
     * @return its index, or -1.
     */
    public int findHeader(final int nameId)
    {
        return findHeader(nameId, 0);
    }

    /**
     * The next header of a name at or after an index, to walk headers that repeat.
     *
     * @param nameId a {@link SipHeaderName} number.
     * @param from   the first index to look at.
     * @return its index, or -1.
     */
    public int findHeader(final int nameId, final int from)
    {
        for (int h = Math.max(0, from); h < headerCount; h++)
        {
            if (nameIds[h] == nameId)
            {
                return h;
            }
        }
        return -1;
    }

    /**
     * The first header of a name given as text, in any letter case, for names {@link SipHeaderName} lacks.
     *
     * @param name the name as written on the wire.
     * @return its index, or -1.
     */
    public int findHeader(final CharSequence name)
    {
        return findHeader(name, 0);
    }

    /**
     * The next header with a name the decoder has no id for (Route, Record-Route…), compared without case.
     *
     * @param name the full header name.
     * @param from the first header index to look at.
     * @return its index, or -1.
     */
    public int findHeader(final CharSequence name, final int from)
    {
        for (int h = Math.max(0, from); h < headerCount; h++)
        {
            if (SipHeaderName.equalsIgnoreCase(buffer, nameIndexes[h], nameLengths[h], name))
            {
                return h;
            }
        }
        return -1;
    }

    /**
     * How many comma-separated elements a value holds (commas in quotes or angle brackets do not count).
     *
     * @param header index, 0 to {@link #headerCount()} - 1.
     * @return the number of elements, at least 1.
     */
    public int elementCount(final int header)
    {
        final int to = valueIndexes[header] + valueLengths[header];
        int count = 1;
        int at = reader.elementEnd(valueIndexes[header], to);
        while (at < to)
        {
            count++;
            at = reader.elementEnd(at + 1, to);
        }
        return count;
    }

    /**
     * One comma-separated element of a value, without surrounding white space.
     *
     * @param header  index, 0 to {@link #headerCount()} - 1.
     * @param element index, 0 to {@link #elementCount(int)} - 1.
     * @param view    wrapped around the element; empty when there is no such element.
     * @return true when the element exists.
     */
    public boolean element(final int header, final int element, final AsciiSequenceView view)
    {
        final int to = valueIndexes[header] + valueLengths[header];
        int from = valueIndexes[header];
        for (int k = 0; k < element; k++)
        {
            from = reader.elementEnd(from, to) + 1;
            if (from > to)
            {
                view.wrap(buffer, 0, 0);
                return false;
            }
        }
        final int stop = trimEnd(from, reader.elementEnd(from, to));
        final int start = skipBlank(from, stop);
        view.wrap(buffer, start, stop - start);
        return true;
    }

    /**
     * @param view wrapped around the first Call-ID's value; empty when there is none.
     * @return true when there is a Call-ID.
     */
    public boolean callId(final AsciiSequenceView view)
    {
        final int h = findHeader(SipHeaderName.CALL_ID);
        if (h < 0)
        {
            view.wrap(buffer, 0, 0);
            return false;
        }
        headerValue(h, view);
        return true;
    }

    /**
     * @return the CSeq sequence number, or -1 when CSeq is missing or has none.
     */
    public long cseqNumber()
    {
        final int h = findHeader(SipHeaderName.CSEQ);
        return h < 0 ? -1 : reader.leadingNumber(valueIndexes[h], valueIndexes[h] + valueLengths[h]);
    }

    /**
     * @return the CSeq method as a {@link SipMethod} constant, {@link SipMethod#UNKNOWN} when missing.
     */
    public int cseqMethod()
    {
        final int h = findHeader(SipHeaderName.CSEQ);
        if (h < 0)
        {
            return SipMethod.UNKNOWN;
        }
        final int to = valueIndexes[h] + valueLengths[h];
        int i = skipBlank(valueIndexes[h], to);
        while (i < to && !SipValueReader.isBlank(buffer.getByte(i)))
        {
            i++;
        }
        final int start = skipBlank(i, to);
        return SipMethod.lookup(buffer, start, to - start);
    }

    /**
     * @param view wrapped around the top Via's branch; empty when absent.
     * @return true when the top Via has a branch parameter.
     */
    public boolean topViaBranch(final AsciiSequenceView view)
    {
        return headerParam(SipHeaderName.VIA, "branch", view);
    }

    /**
     * @param view wrapped around the top Via's received address; empty when absent.
     * @return true when the top Via has a received parameter.
     */
    public boolean topViaReceived(final AsciiSequenceView view)
    {
        return headerParam(SipHeaderName.VIA, "received", view);
    }

    /**
     * The rport of the top Via (RFC 3581): the port the server saw the request come from.
     *
     * @param view scratch holder, left wrapped around the parameter's value.
     * @return the port; 0 when rport has no value; -1 when absent or not a number.
     */
    public int topViaRport(final AsciiSequenceView view)
    {
        if (!headerParam(SipHeaderName.VIA, "rport", view))
        {
            return -1;
        }
        if (view.length() == 0)
        {
            return 0;
        }
        final long port = SipValueReader.digits(buffer, view.offset(),
            view.offset() + view.length());
        return port > 65535 ? -1 : (int)port;
    }

    /**
     * @param view wrapped around the From tag; empty when absent.
     * @return true when From has a tag parameter.
     */
    public boolean fromTag(final AsciiSequenceView view)
    {
        return headerParam(SipHeaderName.FROM, "tag", view);
    }

    /**
     * @param view wrapped around the To tag; empty when absent (a request outside a dialog).
     * @return true when To has a tag parameter.
     */
    public boolean toTag(final AsciiSequenceView view)
    {
        return headerParam(SipHeaderName.TO, "tag", view);
    }

    /**
     * The expires parameter of the first Contact: in a 200 OK to REGISTER, the registrar's grant (R-SIP-5).
     *
     * @param view scratch holder, left wrapped around the parameter's value.
     * @return seconds, or -1 when absent or not a number.
     */
    public long contactExpiresS(final AsciiSequenceView view)
    {
        if (!headerParam(SipHeaderName.CONTACT, "expires", view))
        {
            return -1;
        }
        return SipValueReader.digits(buffer, view.offset(), view.offset() + view.length());
    }

    /**
     * The expires parameter of the Contact that names the phone. A registrar answers a REGISTER with every binding
     * of the address of record (other phones on the same account too), so the grant is the one of the Contact whose
     * text contains {@code contactMatch} (for example {@code @10.0.0.2:5060}), in any Contact header or element.
     *
     * @param contactMatch text that only the phone's own Contact contains.
     * @param view         scratch holder, left wrapped around the matching element's expires value.
     * @return seconds, or -1 when no Contact matches or the matching one has no numeric expires.
     */
    public long contactExpiresS(final CharSequence contactMatch, final AsciiSequenceView view)
    {
        for (int h = findHeader(SipHeaderName.CONTACT); h >= 0; h = findHeader(SipHeaderName.CONTACT, h + 1))
        {
            for (int e = 0, count = elementCount(h); e < count; e++)
            {
                element(h, e, view);
                final int from = view.offset();
                final int to = from + view.length();
                if (SipValueReader.contains(buffer, from, to, contactMatch))
                {
                    if (!reader.param(from, to, "expires", view))
                    {
                        return -1;
                    }
                    return SipValueReader.digits(buffer, view.offset(), view.offset() + view.length());
                }
            }
        }
        return -1;
    }

    /**
     * @return the Expires header's seconds, or -1 when absent or not a number.
     */
    public long expiresS()
    {
        return leadingNumber(SipHeaderName.EXPIRES);
    }

    /**
     * @return the Min-Expires header's seconds (in a 423), or -1 when absent or not a number.
     */
    public long minExpiresS()
    {
        return leadingNumber(SipHeaderName.MIN_EXPIRES);
    }

    /**
     * @return the Retry-After header's seconds, comment and parameters left aside, or -1 when absent.
     */
    public long retryAfterS()
    {
        return leadingNumber(SipHeaderName.RETRY_AFTER);
    }

    /**
     * @return the Content-Length header's value, or -1 when absent.
     */
    public int contentLength()
    {
        return contentLength;
    }

    /**
     * @return the buffer the message was wrapped in (its body is at {@link #bodyOffset()}), or null before a wrap.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the buffer index of the body's first octet.
     */
    public int bodyOffset()
    {
        return bodyOffset;
    }

    /**
     * @return the body's length: Content-Length, or on a datagram without it the octets to the end.
     */
    public int bodyLength()
    {
        return bodyLength;
    }

    /**
     * @return octets from the offset given to {@link #wrap} to the end of the body: where a stream's next
     *         message starts.
     */
    public int messageLength()
    {
        return messageLength;
    }

    private long leadingNumber(final int nameId)
    {
        final int h = findHeader(nameId);
        return h < 0 ? -1 : reader.leadingNumber(valueIndexes[h], valueIndexes[h] + valueLengths[h]);
    }

    private boolean headerParam(final int nameId, final String name, final AsciiSequenceView view)
    {
        final int h = findHeader(nameId);
        if (h < 0)
        {
            view.wrap(buffer, 0, 0);
            return false;
        }
        return reader.param(valueIndexes[h], valueIndexes[h] + valueLengths[h], name, view);
    }
}
