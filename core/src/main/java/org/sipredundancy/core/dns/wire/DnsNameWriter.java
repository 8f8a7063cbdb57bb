package org.sipredundancy.core.dns.wire;

import org.agrona.MutableDirectBuffer;

/**
 * Writes dotted names as labels, for both encoders, and compresses them against names already written in the same
 * message (RFC 1035 section 4.1.4).
 * <p>
 * Every label start written is remembered, up to {@link #TABLE_CAPACITY} of them, as its offset from the message
 * start. Writing a name first looks, longest suffix first, for a remembered label sequence equal to the rest of the
 * name, ignoring case; if one is found the rest becomes a two-octet pointer:
 * <pre>
 *   "server1.yealink.pbx.com" after "_sip._tcp.yealink.pbx.com" was written at offset 12:
 *   | 7 | s e r v e r 1 | 11 000000 00010111 |      pointer to offset 23, the label "yealink"
 * </pre>
 * Names given to the encoders are plain host names: letters, digits, {@code '-'}, {@code '_'} (SRV owners) and
 * {@code '*'}; {@code "."} is the root and one trailing dot is allowed. Positions are offsets from the message
 * start, {@code limit} the most octets the message may take. Not thread safe.
 */
final class DnsNameWriter
{
    /** Label starts remembered per message: enough for a typical answer, bounded so lookups stay cheap. */
    static final int TABLE_CAPACITY = 64;

    private final int[] labelPositions = new int[TABLE_CAPACITY];
    private int tableSize;
    private MutableDirectBuffer buffer;
    private int offset;
    private int limit;

    void wrap(final MutableDirectBuffer buffer, final int offset, final int limit)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.limit = limit;
        tableSize = 0;
    }

    /**
     * Write a name, compressed or not, remembering its labels either way.
     *
     * @param position where the name starts.
     * @param name     dotted text.
     * @param compress whether the name may end in a pointer (not for SRV targets and NAPTR replacements, which
     *                 RFC 2782 and RFC 3403 leave uncompressed).
     * @return the position after the name, or a negative {@link DnsEncodeStatus}.
     */
    int write(final int position, final CharSequence name, final boolean compress)
    {
        final int end = checkText(name);
        if (end < 0)
        {
            return end;
        }
        // Only names written before this one may be pointed at: this name's own labels are not finished yet (the
        // octets after them are stale), so matching one would make a pointer into itself.
        final int searchable = tableSize;
        int from = 0;
        int at = position;
        while (from < end)
        {
            if (compress)
            {
                final int match = find(name, from, end, searchable);
                if (match >= 0)
                {
                    if (at + 2 > limit)
                    {
                        return DnsEncodeStatus.BUFFER_TOO_SMALL;
                    }
                    buffer.putByte(offset + at, (byte)(DnsHeader.POINTER_BITS | (match >>> 8)));
                    buffer.putByte(offset + at + 1, (byte)match);
                    return at + 2;
                }
            }
            final int labelEnd = labelEnd(name, from, end);
            if (tableSize < TABLE_CAPACITY && at <= DnsHeader.MAX_POINTER_OFFSET)
            {
                labelPositions[tableSize++] = at;
            }
            at = writeLabel(buffer, offset, limit, at, name, from, labelEnd);
            if (at < 0)
            {
                return at;
            }
            from = labelEnd + 1;
        }
        return writeRoot(buffer, offset, limit, at);
    }

    /**
     * Write a name without compression and without a table: for queries, which hold a single name.
     *
     * @param buffer   to write into.
     * @param offset   index of the message start in the buffer.
     * @param limit    most octets the message may take.
     * @param position where the name starts.
     * @param name     dotted text.
     * @return the position after the name, or a negative {@link DnsEncodeStatus}.
     */
    static int writePlain(
        final MutableDirectBuffer buffer,
        final int offset,
        final int limit,
        final int position,
        final CharSequence name)
    {
        final int end = checkText(name);
        if (end < 0)
        {
            return end;
        }
        int from = 0;
        int at = position;
        while (from < end)
        {
            final int labelEnd = labelEnd(name, from, end);
            at = writeLabel(buffer, offset, limit, at, name, from, labelEnd);
            if (at < 0)
            {
                return at;
            }
            from = labelEnd + 1;
        }
        return writeRoot(buffer, offset, limit, at);
    }

    /**
     * Write a character string (RFC 1035 section 3.3): a length octet and up to 255 octets.
     *
     * @param position where the string starts.
     * @param text     characters 0 to 0xFF.
     * @return the position after the string, or a negative {@link DnsEncodeStatus}.
     */
    int writeString(final int position, final CharSequence text)
    {
        final int length = text.length();
        if (length > 0xFF)
        {
            return DnsEncodeStatus.BAD_CHARACTER_STRING;
        }
        if (position + 1 + length > limit)
        {
            return DnsEncodeStatus.BUFFER_TOO_SMALL;
        }
        buffer.putByte(offset + position, (byte)length);
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c > 0xFF)
            {
                return DnsEncodeStatus.BAD_CHARACTER_STRING;
            }
            buffer.putByte(offset + position + 1 + i, (byte)c);
        }
        return position + 1 + length;
    }

    /**
     * Check a dotted name.
     *
     * @param name the text.
     * @return its length without a trailing dot (0 for the root), or a negative {@link DnsEncodeStatus}.
     */
    static int checkText(final CharSequence name)
    {
        final int total = name.length();
        if (total == 0)
        {
            return DnsEncodeStatus.EMPTY_LABEL;
        }
        if (total == 1 && name.charAt(0) == '.')
        {
            return 0;
        }
        final int end = name.charAt(total - 1) == '.' ? total - 1 : total;
        int labelLength = 0;
        for (int i = 0; i < end; i++)
        {
            final char c = name.charAt(i);
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    return DnsEncodeStatus.EMPTY_LABEL;
                }
                labelLength = 0;
            }
            else if (isNameCharacter(c))
            {
                if (++labelLength > DnsHeader.MAX_LABEL_OCTETS)
                {
                    return DnsEncodeStatus.LABEL_TOO_LONG;
                }
            }
            else
            {
                return DnsEncodeStatus.BAD_CHARACTER;
            }
        }
        if (labelLength == 0)
        {
            return DnsEncodeStatus.EMPTY_LABEL;
        }
        // Each dot becomes a length octet, plus one for the first label and one for the root.
        return end + 2 > DnsHeader.MAX_NAME_OCTETS ? DnsEncodeStatus.NAME_TOO_LONG : end;
    }

    private int find(final CharSequence name, final int from, final int end, final int searchable)
    {
        for (int i = 0; i < searchable; i++)
        {
            if (suffixEquals(name, from, end, labelPositions[i]))
            {
                return labelPositions[i];
            }
        }
        return -1;
    }

    /**
     * Whether the labels of {@code name} from {@code from} to {@code end} equal the name written at a position.
     * Only names this writer wrote are compared, and their pointers all go back, so the walk ends.
     */
    private boolean suffixEquals(final CharSequence name, final int from, final int end, final int position)
    {
        int textAt = from;
        int wireAt = position;
        while (true)
        {
            final int lengthOctet = buffer.getByte(offset + wireAt) & 0xFF;
            if (lengthOctet >= DnsHeader.POINTER_BITS)
            {
                wireAt = ((lengthOctet & 0x3F) << 8) | (buffer.getByte(offset + wireAt + 1) & 0xFF);
                continue;
            }
            if (textAt >= end)
            {
                return lengthOctet == 0;
            }
            final int labelEnd = labelEnd(name, textAt, end);
            if (lengthOctet != labelEnd - textAt)
            {
                return false;
            }
            for (int i = 0; i < lengthOctet; i++)
            {
                if (lowerCase(name.charAt(textAt + i)) != lowerCase(buffer.getByte(offset + wireAt + 1 + i) & 0xFF))
                {
                    return false;
                }
            }
            textAt = labelEnd + 1;
            wireAt += lengthOctet + 1;
        }
    }

    private static int writeLabel(
        final MutableDirectBuffer buffer,
        final int offset,
        final int limit,
        final int position,
        final CharSequence name,
        final int from,
        final int labelEnd)
    {
        final int labelLength = labelEnd - from;
        if (position + 1 + labelLength > limit)
        {
            return DnsEncodeStatus.BUFFER_TOO_SMALL;
        }
        buffer.putByte(offset + position, (byte)labelLength);
        for (int i = 0; i < labelLength; i++)
        {
            buffer.putByte(offset + position + 1 + i, (byte)name.charAt(from + i));
        }
        return position + 1 + labelLength;
    }

    private static int writeRoot(final MutableDirectBuffer buffer, final int offset, final int limit, final int at)
    {
        if (at + 1 > limit)
        {
            return DnsEncodeStatus.BUFFER_TOO_SMALL;
        }
        buffer.putByte(offset + at, (byte)0);
        return at + 1;
    }

    private static int labelEnd(final CharSequence name, final int from, final int end)
    {
        int at = from;
        while (at < end && name.charAt(at) != '.')
        {
            at++;
        }
        return at;
    }

    private static boolean isNameCharacter(final char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '*';
    }

    private static int lowerCase(final int c)
    {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
