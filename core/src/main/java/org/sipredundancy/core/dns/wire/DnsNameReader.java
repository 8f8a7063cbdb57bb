package org.sipredundancy.core.dns.wire;

import org.agrona.DirectBuffer;

/**
 * Reads names in a received message: first {@link #check(int)}, which proves a name well formed with bounded work,
 * then, once the whole message is proven, {@link #skip(int)} and {@link #read(int, DnsName)}, which trust it.
 * <p>
 * A name is a run of labels ended by the root (a zero octet) or by a compression pointer to a prior occurrence:
 * <pre>
 *   offset: 12                                    40          52
 *           | 4 | _ s i p | 4 | _ t c p | 7 ...  | 0 |  ...   | 6 | s e r v e r | 11 000000 00101010 |
 *                                   ^ offset 22                                     pointer to 22 = "_tcp..."
 * </pre>
 * Why the check terminates: a pointer must go strictly back, before every octet this name has read so far
 * (otherwise it is a {@link DnsDecodeStatus#POINTER_LOOP} or {@link DnsDecodeStatus#POINTER_FORWARD}), so the
 * lowest offset read falls with every jump; besides, labels are capped at 255 octets in all and pointers at
 * {@link #MAX_POINTER_HOPS}. One name therefore costs at most {@link #MAX_STEPS_PER_NAME} steps (a step is one
 * label or one pointer), whatever the message, and {@link #steps()} counts them so tests can prove the bound.
 * <p>
 * Positions are offsets from the first octet of the message, as compression pointers are. When the buffer wraps a
 * {@code byte[]} (received datagrams usually are), octets are read from the array directly: plain array reads the
 * JIT can optimise, not an Agrona call with its own bounds check per octet. Not thread safe.
 */
final class DnsNameReader
{
    /** Most pointers one name may follow: one per label of the longest name, and one more. */
    static final int MAX_POINTER_HOPS = 128;
    /**
     * Most steps one name may take to check: 127 labels and the root, one label more that breaks the 255 octets,
     * {@link #MAX_POINTER_HOPS} pointers and one more that is refused.
     */
    static final int MAX_STEPS_PER_NAME = DnsHeader.MAX_NAME_OCTETS / 2 + 2 + MAX_POINTER_HOPS + 1;

    private DirectBuffer buffer;
    private byte[] array;
    private int offset;
    private int arrayOffset;
    private int length;
    private long steps;

    void wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        array = buffer.byteArray();
        arrayOffset = array == null ? 0 : buffer.wrapAdjustment() + offset;
    }

    /**
     * @return steps taken by {@link #check(int)} since this reader was made.
     */
    long steps()
    {
        return steps;
    }

    /**
     * Prove the name at a position well formed.
     *
     * @param start position of the name's first octet.
     * @return the position just after the name as it lies here (after its root or its first pointer), or a
     *         negated {@link DnsDecodeStatus}.
     */
    int check(final int start)
    {
        int position = start;
        int lowest = start;
        int end = -1;
        int octets = 0;
        int hops = 0;
        final byte[] message = array;
        final int base = arrayOffset;
        while (true)
        {
            steps++;
            if (position >= length)
            {
                return -DnsDecodeStatus.NAME_PAST_END;
            }
            final int lengthOctet = message != null ? message[base + position] & 0xFF : octet(position);
            if ((lengthOctet & DnsHeader.POINTER_BITS) == DnsHeader.POINTER_BITS)
            {
                if (position + 1 >= length)
                {
                    return -DnsDecodeStatus.NAME_PAST_END;
                }
                final int target = ((lengthOctet & 0x3F) << 8) |
                    (message != null ? message[base + position + 1] & 0xFF : octet(position + 1));
                end = end < 0 ? position + 2 : end;
                final int refusal = checkPointer(target, position, lowest, ++hops);
                if (refusal != 0)
                {
                    return refusal;
                }
                lowest = target;
                position = target;
            }
            else if (lengthOctet > DnsHeader.MAX_LABEL_OCTETS)
            {
                return -DnsDecodeStatus.LABEL_TOO_LONG;
            }
            else
            {
                octets += lengthOctet + 1;
                if (octets > DnsHeader.MAX_NAME_OCTETS)
                {
                    return -DnsDecodeStatus.NAME_TOO_LONG;
                }
                if (lengthOctet == 0)
                {
                    return end < 0 ? position + 1 : end;
                }
                position += lengthOctet + 1;
            }
        }
    }

    /**
     * Skip a name already checked.
     *
     * @param start position of the name's first octet.
     * @return the position just after the name as it lies here.
     */
    int skip(final int start)
    {
        int position = start;
        while (true)
        {
            final int lengthOctet = octet(position);
            if (lengthOctet >= DnsHeader.POINTER_BITS)
            {
                return position + 2;
            }
            if (lengthOctet == 0)
            {
                return position + 1;
            }
            position += lengthOctet + 1;
        }
    }

    /**
     * Read a name already checked into a holder, following pointers.
     *
     * @param start position of the name's first octet.
     * @param name  the holder, emptied first.
     */
    void read(final int start, final DnsName name)
    {
        if (array == null)
        {
            readFromBuffer(start, name);
            return;
        }
        final byte[] octets = array;
        final int base = arrayOffset;
        final byte[] text = name.text();
        int at = 0;
        int position = start;
        while (true)
        {
            final int lengthOctet = octets[base + position] & 0xFF;
            if (lengthOctet >= DnsHeader.POINTER_BITS)
            {
                position = ((lengthOctet & 0x3F) << 8) | (octets[base + position + 1] & 0xFF);
            }
            else if (lengthOctet == 0)
            {
                name.length(at);
                return;
            }
            else
            {
                if (at > 0)
                {
                    text[at++] = '.';
                }
                final int from = base + position + 1;
                int i = 0;
                while (i < lengthOctet)
                {
                    final byte plain = DnsName.PLAIN[octets[from + i] & 0xFF];
                    if (plain == 0)
                    {
                        break;
                    }
                    text[at + i] = plain;
                    i++;
                }
                at += i;
                for (; i < lengthOctet; i++)
                {
                    at = DnsName.append(text, at, octets[from + i] & 0xFF);
                }
                position += lengthOctet + 1;
            }
        }
    }

    private void readFromBuffer(final int start, final DnsName name)
    {
        final byte[] text = name.text();
        int at = 0;
        int position = start;
        while (true)
        {
            final int lengthOctet = octet(position);
            if (lengthOctet >= DnsHeader.POINTER_BITS)
            {
                position = ((lengthOctet & 0x3F) << 8) | octet(position + 1);
            }
            else if (lengthOctet == 0)
            {
                name.length(at);
                return;
            }
            else
            {
                if (at > 0)
                {
                    text[at++] = '.';
                }
                for (int i = 0; i < lengthOctet; i++)
                {
                    at = DnsName.append(text, at, octet(position + 1 + i));
                }
                position += lengthOctet + 1;
            }
        }
    }

    private int octet(final int position)
    {
        return (array != null ? array[arrayOffset + position] : buffer.getByte(offset + position)) & 0xFF;
    }

    private int checkPointer(final int target, final int position, final int lowest, final int hops)
    {
        if (target < DnsHeader.LENGTH || target >= length)
        {
            return -DnsDecodeStatus.POINTER_OUT_OF_RANGE;
        }
        if (target > position)
        {
            return -DnsDecodeStatus.POINTER_FORWARD;
        }
        if (target >= lowest)
        {
            return -DnsDecodeStatus.POINTER_LOOP;
        }
        if (hops > MAX_POINTER_HOPS)
        {
            return -DnsDecodeStatus.POINTER_CHAIN_TOO_LONG;
        }
        return 0;
    }
}
