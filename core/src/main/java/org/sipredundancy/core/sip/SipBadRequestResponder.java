package org.sipredundancy.core.sip;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SipHeaderName;
import org.sipredundancy.core.sip.wire.SipMethod;

/**
 * Answers 400 Bad Request to a request the decoder rejected but whose request line still parses (SPEC R-BAD-2), so
 * the sender learns its mistake instead of retransmitting into silence. The decoder gave up on the message, so the
 * lines a response needs (Via, From, To, Call-ID, CSeq, full or compact names) are found by a plain line scan and
 * copied verbatim; without a Via there is nowhere to answer and the message is only dropped. An ACK is never
 * answered. No allocation.
 */
final class SipBadRequestResponder
{
    private static final int RESPONSE_CAPACITY = 4096;
    private static final String VERSION = " SIP/2.0";
    private static final String STATUS_LINE = "SIP/2.0 400 Bad Request\r\n";
    private static final int[] COPIED = {SipHeaderName.VIA, SipHeaderName.FROM, SipHeaderName.TO,
        SipHeaderName.CALL_ID, SipHeaderName.CSEQ};

    private final UnsafeBuffer response = new UnsafeBuffer(new byte[RESPONSE_CAPACITY]);
    private long answeredCount;

    void respond(
        final SipSender sender,
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        final int end = offset + length;
        final int firstLineEnd = lineEnd(buffer, offset, end);
        if (firstLineEnd < 0 || !isRequestLine(buffer, offset, contentEnd(buffer, offset, firstLineEnd)))
        {
            return;
        }
        int position = response.putStringWithoutLengthAscii(0, STATUS_LINE);
        boolean hasVia = false;
        for (final int wanted : COPIED)
        {
            for (int line = firstLineEnd + 1, next; line < end; line = next + 1)
            {
                next = lineEnd(buffer, line, end);
                if (next < 0 || next == line || contentEnd(buffer, line, next) == line)
                {
                    break;
                }
                final int lineLength = next + 1 - line;
                if (headerNameId(buffer, line, next) == wanted && position + lineLength < RESPONSE_CAPACITY - 32)
                {
                    response.putBytes(position, buffer, line, lineLength);
                    position += lineLength;
                    hasVia |= wanted == SipHeaderName.VIA;
                }
            }
        }
        if (hasVia)
        {
            position += response.putStringWithoutLengthAscii(position, "Content-Length: 0\r\n\r\n");
            answeredCount++;
            sender.send(flow, remoteAddress, remotePort, response, 0, position, nowNs);
        }
    }

    long answeredCount()
    {
        return answeredCount;
    }

    private static boolean isRequestLine(final DirectBuffer buffer, final int from, final int to)
    {
        int firstSpace = -1;
        for (int i = from; i < to && firstSpace < 0; i++)
        {
            if (buffer.getByte(i) == ' ')
            {
                firstSpace = i;
            }
        }
        if (firstSpace <= from || to - firstSpace <= VERSION.length() + 1)
        {
            return false;
        }
        for (int k = 0; k < VERSION.length(); k++)
        {
            if (buffer.getByte(to - VERSION.length() + k) != VERSION.charAt(k))
            {
                return false;
            }
        }
        return SipMethod.lookup(buffer, from, firstSpace - from) != SipMethod.ACK;
    }

    private static int headerNameId(final DirectBuffer buffer, final int from, final int lineFeed)
    {
        int nameEnd = from;
        while (nameEnd < lineFeed && buffer.getByte(nameEnd) != ':' && buffer.getByte(nameEnd) != ' ' &&
            buffer.getByte(nameEnd) != '\t')
        {
            nameEnd++;
        }
        return nameEnd > from ? SipHeaderName.lookup(buffer, from, nameEnd - from) : SipHeaderName.OTHER;
    }

    private static int lineEnd(final DirectBuffer buffer, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (buffer.getByte(i) == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private static int contentEnd(final DirectBuffer buffer, final int from, final int lineFeed)
    {
        return lineFeed > from && buffer.getByte(lineFeed - 1) == '\r' ? lineFeed - 1 : lineFeed;
    }
}
