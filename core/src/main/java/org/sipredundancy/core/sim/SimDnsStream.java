package org.sipredundancy.core.sim;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;

/**
 * The bytes received on one TCP connection of a {@link SimDnsServer}, split into length-prefixed DNS messages
 * (RFC 1035 section 4.2.2). Simulation only: it grows as needed. Not thread safe.
 */
final class SimDnsStream
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private int length;

    void append(final DirectBuffer source, final int sourceLength)
    {
        buffer.putBytes(length, source, 0, sourceLength);
        length += sourceLength;
    }

    /**
     * @return the length of the first message when it has fully arrived, else -1.
     */
    int nextMessageLength()
    {
        if (length < 2)
        {
            return -1;
        }
        final int messageLength = buffer.getShort(0, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        return length >= 2 + messageLength ? messageLength : -1;
    }

    void consume(final int frameLength)
    {
        buffer.putBytes(0, buffer, frameLength, length - frameLength);
        length -= frameLength;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }
}
