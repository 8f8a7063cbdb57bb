package org.sipredundancy.core.dns.wire;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Writes the one kind of message the phone sends to a DNS server: a standard query with one question in class IN
 * (RFC 1035 section 4.1), with recursion desired. A query holds one name, so nothing is compressed.
 * <pre>
 *   | ID | 0x0100 (RD) | QD=1 | AN=0 | NS=0 | AR=0 | QNAME labels ... 0 | QTYPE | QCLASS=1 |
 *     2        2          2      2      2      2       1 to 255             2        2
 * </pre>
 * Stateless and allocation free: the caller's buffer is the only thing written.
 */
public final class DnsQueryEncoder
{
    private DnsQueryEncoder()
    {
    }

    /**
     * Write a query.
     *
     * @param buffer           to write into.
     * @param offset           index of the message's first octet.
     * @param capacity         most octets the message may take (512 for classic UDP).
     * @param id               query id, 0 to 65535: from the seeded random source, to match the answer.
     * @param recursionDesired whether to set RD; a phone asks a recursive resolver, so usually true.
     * @param name             the name asked for, dotted, one trailing dot allowed.
     * @param type             the {@link DnsType} asked for.
     * @return the length of the message, or a negative {@link DnsEncodeStatus} (an invalid name, a buffer too
     *         small, an id or type outside 16 bits); on refusal the buffer may hold a partial message.
     */
    public static int encode(
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity,
        final int id,
        final boolean recursionDesired,
        final CharSequence name,
        final int type)
    {
        if ((id & ~0xFFFF) != 0 || (type & ~0xFFFF) != 0)
        {
            return DnsEncodeStatus.VALUE_OUT_OF_RANGE;
        }
        if (capacity < DnsHeader.LENGTH)
        {
            return DnsEncodeStatus.BUFFER_TOO_SMALL;
        }
        buffer.putShort(offset + DnsHeader.ID_OFFSET, (short)id, ByteOrder.BIG_ENDIAN);
        buffer.putShort(
            offset + DnsHeader.FLAGS_OFFSET, (short)(recursionDesired ? DnsHeader.FLAG_RD : 0), ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + DnsHeader.QDCOUNT_OFFSET, (short)1, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + DnsHeader.ANCOUNT_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + DnsHeader.NSCOUNT_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + DnsHeader.ARCOUNT_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        final int nameEnd = DnsNameWriter.writePlain(buffer, offset, capacity, DnsHeader.LENGTH, name);
        if (nameEnd < 0)
        {
            return nameEnd;
        }
        if (nameEnd + DnsHeader.QUESTION_FIXED_LENGTH > capacity)
        {
            return DnsEncodeStatus.BUFFER_TOO_SMALL;
        }
        buffer.putShort(offset + nameEnd, (short)type, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + nameEnd + 2, (short)DnsClass.IN, ByteOrder.BIG_ENDIAN);
        return nameEnd + DnsHeader.QUESTION_FIXED_LENGTH;
    }
}
