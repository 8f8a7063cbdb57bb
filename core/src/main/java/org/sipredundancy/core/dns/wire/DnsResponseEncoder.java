package org.sipredundancy.core.dns.wire;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Writes DNS responses, for the simulated DNS server and for test servers that craft answers: a header, the
 * question, then records of the answer, authority and additional sections in that order, with names compressed
 * against those already written (RFC 1035 section 4.1.4). The header's counts are kept up to date record by
 * record, so the message is complete after every call.
 * <pre>
 *   encoder.wrap(buffer, 0, 512).header(id, DnsHeader.FLAG_QR | DnsHeader.FLAG_AA | DnsRcode.NOERROR)
 *       .question("_sip._tcp.example.com", DnsType.SRV)
 *       .section(DnsSection.ANSWER).srv("_sip._tcp.example.com", 300, 0, 1, 5060, "server1.example.com")
 *       .section(DnsSection.ADDITIONAL).a("server1.example.com", 300, 0xC0A8010D);
 *   final int length = encoder.length();     // octets, or a negative DnsEncodeStatus
 *
 *   record:  | NAME | TYPE | CLASS=IN | TTL | RDLENGTH | RDATA |     RDLENGTH is filled in after the RDATA
 * </pre>
 * RDATA names of CNAME and SOA are compressed; SRV targets (RFC 2782) and NAPTR replacements (RFC 3403) are not,
 * but later names may point into them. Refusals are sticky: after the first, calls do nothing and
 * {@link #length()} returns it. Not thread safe; allocates nothing once made.
 */
public final class DnsResponseEncoder
{
    private static final ByteOrder NETWORK = ByteOrder.BIG_ENDIAN;
    private static final int QUESTIONS = 0;
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    private final DnsNameWriter names = new DnsNameWriter();
    private final int[] counts = new int[4];
    private MutableDirectBuffer buffer;
    private int offset;
    private int capacity;
    private int position;
    private int status = DnsEncodeStatus.NOT_WRAPPED;
    private int section;

    /**
     * Start a message: a header of zeros (id 0, no flags, no counts).
     *
     * @param buffer   to write into.
     * @param offset   index of the message's first octet.
     * @param capacity most octets the message may take.
     * @return this encoder.
     */
    public DnsResponseEncoder wrap(final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.capacity = capacity;
        names.wrap(buffer, offset, capacity);
        section = QUESTIONS;
        counts[0] = 0;
        counts[1] = 0;
        counts[2] = 0;
        counts[3] = 0;
        if (capacity < DnsHeader.LENGTH)
        {
            status = DnsEncodeStatus.BUFFER_TOO_SMALL;
            return this;
        }
        buffer.setMemory(offset, DnsHeader.LENGTH, (byte)0);
        position = DnsHeader.LENGTH;
        status = 0;
        return this;
    }

    /**
     * Set the id and flags.
     *
     * @param id    the id of the query answered.
     * @param flags {@link DnsHeader#FLAG_QR} and the other flags, or-ed with a {@link DnsRcode}.
     * @return this encoder.
     */
    public DnsResponseEncoder header(final int id, final int flags)
    {
        if (status < 0)
        {
            return this;
        }
        if ((id & ~0xFFFF) != 0 || (flags & ~0xFFFF) != 0)
        {
            status = DnsEncodeStatus.VALUE_OUT_OF_RANGE;
            return this;
        }
        buffer.putShort(offset + DnsHeader.ID_OFFSET, (short)id, NETWORK);
        buffer.putShort(offset + DnsHeader.FLAGS_OFFSET, (short)flags, NETWORK);
        return this;
    }

    /**
     * Add a question in class IN, before any record.
     *
     * @param name dotted name.
     * @param type {@link DnsType} asked for.
     * @return this encoder.
     */
    public DnsResponseEncoder question(final CharSequence name, final int type)
    {
        if (status < 0)
        {
            return this;
        }
        if (section != QUESTIONS)
        {
            status = DnsEncodeStatus.OUT_OF_ORDER;
            return this;
        }
        final int nameEnd = names.write(position, name, true);
        if (!fits(nameEnd, DnsHeader.QUESTION_FIXED_LENGTH) || !u16Range(type))
        {
            return this;
        }
        buffer.putShort(offset + nameEnd, (short)type, NETWORK);
        buffer.putShort(offset + nameEnd + 2, (short)DnsClass.IN, NETWORK);
        position = nameEnd + DnsHeader.QUESTION_FIXED_LENGTH;
        count(QUESTIONS, DnsHeader.QDCOUNT_OFFSET);
        return this;
    }

    /**
     * Choose the section the next records go to. Sections come in wire order; a record added before any section
     * is chosen goes to the answer section.
     *
     * @param section a {@link DnsSection}, not before the current one.
     * @return this encoder.
     */
    public DnsResponseEncoder section(final int section)
    {
        if (status < 0)
        {
            return this;
        }
        if (section < this.section || section < DnsSection.ANSWER || section > DnsSection.ADDITIONAL)
        {
            status = DnsEncodeStatus.OUT_OF_ORDER;
            return this;
        }
        this.section = section;
        return this;
    }

    /**
     * Add an A record.
     *
     * @param name    owner name.
     * @param ttlS    time to live in seconds, unsigned 32 bits.
     * @param address IPv4 address, big-endian (192.168.1.13 is 0xC0A8010D).
     * @return this encoder.
     */
    public DnsResponseEncoder a(final CharSequence name, final long ttlS, final int address)
    {
        final int rdata = beginRecord(name, DnsType.A, ttlS);
        if (rdata >= 0 && fits(rdata, 4))
        {
            buffer.putInt(offset + rdata, address, NETWORK);
            endRecord(rdata, rdata + 4);
        }
        return this;
    }

    /**
     * Add an AAAA record.
     *
     * @param name owner name.
     * @param ttlS time to live in seconds, unsigned 32 bits.
     * @param high first 8 address octets, big-endian.
     * @param low  last 8 address octets, big-endian.
     * @return this encoder.
     */
    public DnsResponseEncoder aaaa(final CharSequence name, final long ttlS, final long high, final long low)
    {
        final int rdata = beginRecord(name, DnsType.AAAA, ttlS);
        if (rdata >= 0 && fits(rdata, 16))
        {
            buffer.putLong(offset + rdata, high, NETWORK);
            buffer.putLong(offset + rdata + 8, low, NETWORK);
            endRecord(rdata, rdata + 16);
        }
        return this;
    }

    /**
     * Add an SRV record (RFC 2782); its target is written uncompressed.
     *
     * @param name     owner name, e.g. {@code _sip._udp.example.com}.
     * @param ttlS     time to live in seconds, unsigned 32 bits.
     * @param priority lower first, 0 to 65535.
     * @param weight   share within a priority, 0 to 65535.
     * @param port     0 to 65535.
     * @param target   host name, or {@code "."} for "no service".
     * @return this encoder.
     */
    public DnsResponseEncoder srv(
        final CharSequence name,
        final long ttlS,
        final int priority,
        final int weight,
        final int port,
        final CharSequence target)
    {
        final int rdata = beginRecord(name, DnsType.SRV, ttlS);
        if (rdata >= 0 && u16Range(priority) && u16Range(weight) && u16Range(port) && fits(rdata, 6))
        {
            buffer.putShort(offset + rdata, (short)priority, NETWORK);
            buffer.putShort(offset + rdata + 2, (short)weight, NETWORK);
            buffer.putShort(offset + rdata + 4, (short)port, NETWORK);
            endRecord(rdata, names.write(rdata + 6, target, false));
        }
        return this;
    }

    /**
     * Add a NAPTR record (RFC 3403); its replacement is written uncompressed.
     *
     * @param name        owner name.
     * @param ttlS        time to live in seconds, unsigned 32 bits.
     * @param order       lower first, 0 to 65535.
     * @param preference  lower first within an order, 0 to 65535.
     * @param flags       e.g. {@code "s"}.
     * @param service     e.g. {@code "SIP+D2T"}.
     * @param regexp      usually empty.
     * @param replacement e.g. {@code _sip._tcp.example.com}, or {@code "."}.
     * @return this encoder.
     */
    public DnsResponseEncoder naptr(
        final CharSequence name,
        final long ttlS,
        final int order,
        final int preference,
        final CharSequence flags,
        final CharSequence service,
        final CharSequence regexp,
        final CharSequence replacement)
    {
        final int rdata = beginRecord(name, DnsType.NAPTR, ttlS);
        if (rdata >= 0 && u16Range(order) && u16Range(preference) && fits(rdata, 4))
        {
            buffer.putShort(offset + rdata, (short)order, NETWORK);
            buffer.putShort(offset + rdata + 2, (short)preference, NETWORK);
            final int afterFlags = names.writeString(rdata + 4, flags);
            final int afterService = afterFlags < 0 ? afterFlags : names.writeString(afterFlags, service);
            final int afterRegexp = afterService < 0 ? afterService : names.writeString(afterService, regexp);
            endRecord(rdata, afterRegexp < 0 ? afterRegexp : names.write(afterRegexp, replacement, false));
        }
        return this;
    }

    /**
     * Add a CNAME record.
     *
     * @param name   owner name, the alias.
     * @param ttlS   time to live in seconds, unsigned 32 bits.
     * @param target the canonical name.
     * @return this encoder.
     */
    public DnsResponseEncoder cname(final CharSequence name, final long ttlS, final CharSequence target)
    {
        final int rdata = beginRecord(name, DnsType.CNAME, ttlS);
        if (rdata >= 0)
        {
            endRecord(rdata, names.write(rdata, target, true));
        }
        return this;
    }

    /**
     * Add an SOA record, typically in the authority section of a negative answer (RFC 2308).
     *
     * @param name     owner name, the zone.
     * @param ttlS     time to live in seconds, unsigned 32 bits.
     * @param mname    primary name server.
     * @param rname    responsible mailbox, as a name.
     * @param serial   unsigned 32 bits.
     * @param refreshS seconds, unsigned 32 bits.
     * @param retryS   seconds, unsigned 32 bits.
     * @param expireS  seconds, unsigned 32 bits.
     * @param minimumS negative-caching TTL in seconds, unsigned 32 bits.
     * @return this encoder.
     */
    public DnsResponseEncoder soa(
        final CharSequence name,
        final long ttlS,
        final CharSequence mname,
        final CharSequence rname,
        final long serial,
        final long refreshS,
        final long retryS,
        final long expireS,
        final long minimumS)
    {
        final int rdata = beginRecord(name, DnsType.SOA, ttlS);
        if (rdata < 0 || !u32Range(serial) || !u32Range(refreshS) || !u32Range(retryS) || !u32Range(expireS) ||
            !u32Range(minimumS))
        {
            return this;
        }
        final int afterMname = names.write(rdata, mname, true);
        final int afterRname = afterMname < 0 ? afterMname : names.write(afterMname, rname, true);
        if (fits(afterRname, 20))
        {
            buffer.putInt(offset + afterRname, (int)serial, NETWORK);
            buffer.putInt(offset + afterRname + 4, (int)refreshS, NETWORK);
            buffer.putInt(offset + afterRname + 8, (int)retryS, NETWORK);
            buffer.putInt(offset + afterRname + 12, (int)expireS, NETWORK);
            buffer.putInt(offset + afterRname + 16, (int)minimumS, NETWORK);
            endRecord(rdata, afterRname + 20);
        }
        return this;
    }

    /**
     * @return octets written so far (a whole message), or the first refusal, a negative {@link DnsEncodeStatus}.
     */
    public int length()
    {
        return status < 0 ? status : position;
    }

    /**
     * @return 0, or the first refusal, a negative {@link DnsEncodeStatus}.
     */
    public int status()
    {
        return status;
    }

    /**
     * Write a record's name, type, class and TTL, leaving RDLENGTH to {@link #endRecord(int, int)}.
     *
     * @return the position of the RDATA, or -1 after a refusal.
     */
    private int beginRecord(final CharSequence name, final int type, final long ttlS)
    {
        if (status < 0)
        {
            return -1;
        }
        if (section == QUESTIONS)
        {
            section = DnsSection.ANSWER;
        }
        if (!u32Range(ttlS))
        {
            return -1;
        }
        final int nameEnd = names.write(position, name, true);
        if (!fits(nameEnd, DnsHeader.RECORD_FIXED_LENGTH))
        {
            return -1;
        }
        buffer.putShort(offset + nameEnd, (short)type, NETWORK);
        buffer.putShort(offset + nameEnd + 2, (short)DnsClass.IN, NETWORK);
        buffer.putInt(offset + nameEnd + 4, (int)ttlS, NETWORK);
        return nameEnd + DnsHeader.RECORD_FIXED_LENGTH;
    }

    private void endRecord(final int rdata, final int end)
    {
        if (end < 0)
        {
            status = end;
            return;
        }
        buffer.putShort(offset + rdata - 2, (short)(end - rdata), NETWORK);
        position = end;
        count(section, DnsHeader.ANCOUNT_OFFSET + 2 * (section - DnsSection.ANSWER));
    }

    private void count(final int index, final int countOffset)
    {
        if (counts[index] == 0xFFFF)
        {
            status = DnsEncodeStatus.VALUE_OUT_OF_RANGE;
            return;
        }
        buffer.putShort(offset + countOffset, (short)++counts[index], NETWORK);
    }

    /**
     * Whether {@code octets} more fit after {@code at}, which may be a refusal from a name; records the refusal.
     */
    private boolean fits(final int at, final int octets)
    {
        if (at < 0)
        {
            status = at;
            return false;
        }
        if (at + octets > capacity)
        {
            status = DnsEncodeStatus.BUFFER_TOO_SMALL;
            return false;
        }
        return true;
    }

    private boolean u16Range(final int value)
    {
        if ((value & ~0xFFFF) != 0)
        {
            status = DnsEncodeStatus.VALUE_OUT_OF_RANGE;
            return false;
        }
        return true;
    }

    private boolean u32Range(final long value)
    {
        if (value < 0 || value > MAX_U32)
        {
            status = DnsEncodeStatus.VALUE_OUT_OF_RANGE;
            return false;
        }
        return true;
    }
}
