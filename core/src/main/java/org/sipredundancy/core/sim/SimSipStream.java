package org.sipredundancy.core.sim;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The bytes received on one TCP connection of a {@link SimSipServer}, kept until a whole SIP message (framed by
 * Content-Length) has arrived. Bounded: a peer that sends more than {@link #CAPACITY} octets without completing a
 * message is cut off. Not thread safe.
 */
final class SimSipStream
{
    /** The most octets buffered for one connection. */
    static final int CAPACITY = 65536;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(2048);
    private int length;

    /**
     * @return false when the bytes would exceed {@link #CAPACITY}.
     */
    boolean append(final DirectBuffer source, final int sourceLength)
    {
        if (length + sourceLength > CAPACITY)
        {
            return false;
        }
        buffer.putBytes(length, source, 0, sourceLength);
        length += sourceLength;
        return true;
    }

    /** Drop CR and LF octets in front of a message (keep-alives, RFC 5626 section 3.5.1). */
    void skipLineEnds()
    {
        int skip = 0;
        while (skip < length && (buffer.getByte(skip) == '\r' || buffer.getByte(skip) == '\n'))
        {
            skip++;
        }
        consume(skip);
    }

    void consume(final int count)
    {
        if (count > 0)
        {
            buffer.putBytes(0, buffer, count, length - count);
            length -= count;
        }
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    int length()
    {
        return length;
    }
}
