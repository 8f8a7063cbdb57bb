package org.sipredundancy.core.dns.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * A flyweight over one received DNS message (RFC 1035 section 4.1). {@link #wrap} proves the whole message well
 * formed once, with work bounded by its length, and returns a {@link DnsDecodeStatus}; only then are the header,
 * the first question and the records read, in place, with no copy and no {@code String}: names go into
 * caller-supplied {@link DnsName} holders, character strings into {@link AsciiSequenceView}s.
 * <pre>
 *   +--------+----------+---------+-----------+------------+---------------+
 *   | header | question | answer  | authority | additional | (trailing     |
 *   | 12 B   | QD of    | AN      | NS        | AR         |  octets: kept |
 *   |        | them     | records | records   | records    |  but counted) |
 *   +--------+----------+---------+-----------+------------+---------------+
 *
 *   RDATA read by this decoder (other types: {@link #recordRdataIndex()} and {@link #recordRdataLength()})
 *   A      | address (4) |
 *   AAAA   | address (16) |
 *   CNAME  | target name |
 *   SRV    | priority (2) | weight (2) | port (2) | target name, not compressed by RFC 2782 but accepted |
 *   NAPTR  | order (2) | preference (2) | flags (1+n) | service (1+n) | regexp (1+n) | replacement name |
 *   SOA    | mname | rname | serial (4) | refresh (4) | retry (4) | expire (4) | minimum (4) |
 * </pre>
 * Malformed input never throws (SPEC R-BAD-2, R-BAD-3): compression loops, forward or out-of-range pointers,
 * labels over 63, names over 255 octets, counts, names or RDATA past the end, and RDLENGTH that does not fit the
 * type each give their own status, counted in {@link DnsDecodeCounters}. Octets after the last record are
 * allowed, reported by {@link #trailingBytes()} and counted.
 * <p>
 * The record cursor: {@link #nextRecord()} moves through answer, authority and additional records in wire order;
 * the typed accessors read the current record and give a sentinel (-1, an empty holder) when it has another type.
 * Everything read is valid until the next {@code wrap} and while the buffer's bytes stay as they are.
 * <p>
 * Not thread safe; allocates nothing once made.
 */
public final class DnsMessageDecoder
{
    private static final ByteOrder NETWORK = ByteOrder.BIG_ENDIAN;
    private static final int SRV_FIXED_LENGTH = 6;
    private static final int NAPTR_FIXED_LENGTH = 4;
    private static final int SOA_NUMBERS_LENGTH = 20;

    private final DnsNameReader names = new DnsNameReader();
    private final DnsDecodeCounters counters;
    private DirectBuffer buffer;
    private byte[] array;
    private int arrayOffset;
    private int offset;
    private int length;
    private int status = DnsDecodeStatus.HEADER_TOO_SHORT;

    private int id;
    private int flags;
    private int questionCount;
    private int answerCount;
    private int authorityCount;
    private int additionalCount;
    private int questionPosition;
    private int questionType;
    private int questionClass;
    private int firstRecordPosition;
    private int messageEnd;

    private int recordIndex;
    private int recordPosition;
    private int recordType;
    private int recordClass;
    private long recordTtlS;
    private int rdataPosition;
    private int rdataLength;

    /**
     * A decoder with counters of its own.
     */
    public DnsMessageDecoder()
    {
        this(new DnsDecodeCounters());
    }

    /**
     * A decoder that counts into shared counters, so several decoders of one thread report together.
     *
     * @param counters where each message's status is counted.
     */
    public DnsMessageDecoder(final DnsDecodeCounters counters)
    {
        this.counters = counters;
    }

    /**
     * Wrap a message and prove it well formed, counting the outcome.
     *
     * @param buffer holding the message; when it wraps a {@code byte[]}, octets are read from the array directly.
     * @param offset index of the message's first octet.
     * @param length octets received; the region must lie inside the buffer (a caller's bug otherwise, not bad
     *               input, and it throws as any out-of-bounds access does).
     * @return {@link DnsDecodeStatus#OK} or the first malformation found. The header accessors are valid for any
     *         status but {@link DnsDecodeStatus#HEADER_TOO_SHORT} (so the id and TC of a message cut short can still
     *         be read); questions and records only for {@code OK}.
     */
    public int wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        array = buffer.byteArray();
        arrayOffset = array == null ? 0 : buffer.wrapAdjustment() + offset;
        names.wrap(buffer, offset, length);
        questionPosition = -1;
        questionType = -1;
        questionClass = -1;
        messageEnd = length;
        recordIndex = -1;
        recordType = -1;
        status = validate();
        if (status != DnsDecodeStatus.OK)
        {
            questionPosition = -1;
            questionType = -1;
            questionClass = -1;
        }
        counters.onDecoded(status);
        if (status == DnsDecodeStatus.OK && messageEnd < length)
        {
            counters.onTrailingBytes();
        }
        return status;
    }

    /**
     * @return the status the last {@link #wrap} returned.
     */
    public int status()
    {
        return status;
    }

    /**
     * @return the counters this decoder counts into.
     */
    public DnsDecodeCounters counters()
    {
        return counters;
    }

    /**
     * @return the query id, to match an answer to its query (SPEC R-DNS-9).
     */
    public int id()
    {
        return id;
    }

    /**
     * @return the flags word: {@link DnsHeader#FLAG_QR} and the other flags, opcode and response code.
     */
    public int flags()
    {
        return flags;
    }

    /**
     * @return whether this is a response (QR set).
     */
    public boolean isResponse()
    {
        return (flags & DnsHeader.FLAG_QR) != 0;
    }

    /**
     * @return whether the answer is authoritative (AA set).
     */
    public boolean isAuthoritative()
    {
        return (flags & DnsHeader.FLAG_AA) != 0;
    }

    /**
     * @return whether the message was truncated (TC set): ask again over TCP.
     */
    public boolean isTruncated()
    {
        return (flags & DnsHeader.FLAG_TC) != 0;
    }

    /**
     * @return the opcode, 0 for a standard query.
     */
    public int opcode()
    {
        return (flags & DnsHeader.OPCODE_MASK) >>> DnsHeader.OPCODE_SHIFT;
    }

    /**
     * @return the response code, a {@link DnsRcode}.
     */
    public int rcode()
    {
        return flags & DnsHeader.RCODE_MASK;
    }

    /**
     * @return QDCOUNT, questions in the message.
     */
    public int questionCount()
    {
        return questionCount;
    }

    /**
     * @return ANCOUNT, records in the answer section.
     */
    public int answerCount()
    {
        return answerCount;
    }

    /**
     * @return NSCOUNT, records in the authority section.
     */
    public int authorityCount()
    {
        return authorityCount;
    }

    /**
     * @return ARCOUNT, records in the additional section.
     */
    public int additionalCount()
    {
        return additionalCount;
    }

    /**
     * @return octets after the last record of a well-formed message, 0 otherwise.
     */
    public int trailingBytes()
    {
        return status == DnsDecodeStatus.OK ? length - messageEnd : 0;
    }

    /**
     * Read the first question's name.
     *
     * @param name the holder to fill; emptied when there is no question.
     * @return whether the message is well formed and has a question.
     */
    public boolean questionName(final DnsName name)
    {
        if (questionPosition < 0)
        {
            name.reset();
            return false;
        }
        names.read(questionPosition, name);
        return true;
    }

    /**
     * @return the first question's type, or -1 when there is none.
     */
    public int questionType()
    {
        return questionType;
    }

    /**
     * @return the first question's class, or -1 when there is none.
     */
    public int questionClass()
    {
        return questionClass;
    }

    /**
     * Move to the next record, answer records first, then authority, then additional.
     *
     * @return false when there is none left or the message is not well formed.
     */
    public boolean nextRecord()
    {
        if (status != DnsDecodeStatus.OK || recordIndex + 1 >= answerCount + authorityCount + additionalCount)
        {
            return false;
        }
        recordPosition = recordIndex < 0 ? firstRecordPosition : rdataPosition + rdataLength;
        recordIndex++;
        final int fixed = names.skip(recordPosition);
        recordType = u16(fixed);
        recordClass = u16(fixed + 2);
        recordTtlS = u32(fixed + 4);
        rdataLength = u16(fixed + 8);
        rdataPosition = fixed + DnsHeader.RECORD_FIXED_LENGTH;
        return true;
    }

    /**
     * Go back to before the first record, to read the records again.
     */
    public void rewindRecords()
    {
        recordIndex = -1;
        recordType = -1;
    }

    /**
     * @return the current record's index across all three sections, from 0; -1 before the first.
     */
    public int recordIndex()
    {
        return recordIndex;
    }

    /**
     * @return the current record's {@link DnsSection}.
     */
    public int recordSection()
    {
        if (recordIndex < answerCount)
        {
            return DnsSection.ANSWER;
        }
        return recordIndex < answerCount + authorityCount ? DnsSection.AUTHORITY : DnsSection.ADDITIONAL;
    }

    /**
     * Read the current record's owner name.
     *
     * @param name the holder to fill.
     */
    public void recordName(final DnsName name)
    {
        if (recordType < 0)
        {
            name.reset();
            return;
        }
        names.read(recordPosition, name);
    }

    /**
     * @return the current record's {@link DnsType}, -1 before the first record.
     */
    public int recordType()
    {
        return recordType;
    }

    /**
     * @return the current record's class, usually {@link DnsClass#IN}.
     */
    public int recordClass()
    {
        return recordClass;
    }

    /**
     * @return the current record's TTL in seconds, unsigned 32 bits as on the wire.
     */
    public long recordTtlS()
    {
        return recordTtlS;
    }

    /**
     * @return buffer index of the current record's RDATA, for types this decoder does not read.
     */
    public int recordRdataIndex()
    {
        return offset + rdataPosition;
    }

    /**
     * @return octets of the current record's RDATA.
     */
    public int recordRdataLength()
    {
        return rdataLength;
    }

    /**
     * @return an A record's address, big-endian (192.168.1.13 is 0xC0A8010D), or -1 for another type (which is
     *         also 255.255.255.255: check {@link #recordType()} first).
     */
    public int aAddress()
    {
        return recordType == DnsType.A ? buffer.getInt(offset + rdataPosition, NETWORK) : -1;
    }

    /**
     * @return an AAAA record's first 8 address octets, big-endian; 0 for another type.
     */
    public long aaaaHigh()
    {
        return recordType == DnsType.AAAA ? buffer.getLong(offset + rdataPosition, NETWORK) : 0;
    }

    /**
     * @return an AAAA record's last 8 address octets, big-endian; 0 for another type.
     */
    public long aaaaLow()
    {
        return recordType == DnsType.AAAA ? buffer.getLong(offset + rdataPosition + 8, NETWORK) : 0;
    }

    /**
     * @return an SRV record's priority (lower first), or -1 for another type.
     */
    public int srvPriority()
    {
        return recordType == DnsType.SRV ? u16(rdataPosition) : -1;
    }

    /**
     * @return an SRV record's weight, or -1 for another type.
     */
    public int srvWeight()
    {
        return recordType == DnsType.SRV ? u16(rdataPosition + 2) : -1;
    }

    /**
     * @return an SRV record's port, or -1 for another type.
     */
    public int srvPort()
    {
        return recordType == DnsType.SRV ? u16(rdataPosition + 4) : -1;
    }

    /**
     * Read an SRV record's target; the root (empty text) means "no service here" (RFC 2782).
     *
     * @param name the holder to fill; emptied for another type.
     */
    public void srvTarget(final DnsName name)
    {
        readRdataName(DnsType.SRV, rdataPosition + SRV_FIXED_LENGTH, name);
    }

    /**
     * @return a NAPTR record's order (lower first), or -1 for another type.
     */
    public int naptrOrder()
    {
        return recordType == DnsType.NAPTR ? u16(rdataPosition) : -1;
    }

    /**
     * @return a NAPTR record's preference (lower first within an order), or -1 for another type.
     */
    public int naptrPreference()
    {
        return recordType == DnsType.NAPTR ? u16(rdataPosition + 2) : -1;
    }

    /**
     * View a NAPTR record's flags ({@code "s"}, {@code "a"}, ...), as on the wire: compare ignoring case.
     *
     * @param view wrapped over the flags; empty for another type.
     */
    public void naptrFlags(final AsciiSequenceView view)
    {
        viewString(0, view);
    }

    /**
     * View a NAPTR record's service ({@code "SIP+D2T"}, ...), as on the wire: compare ignoring case.
     *
     * @param view wrapped over the service; empty for another type.
     */
    public void naptrService(final AsciiSequenceView view)
    {
        viewString(1, view);
    }

    /**
     * View a NAPTR record's regular expression, as on the wire.
     *
     * @param view wrapped over the regexp; empty for another type.
     */
    public void naptrRegexp(final AsciiSequenceView view)
    {
        viewString(2, view);
    }

    /**
     * Read a NAPTR record's replacement name.
     *
     * @param name the holder to fill; emptied for another type.
     */
    public void naptrReplacement(final DnsName name)
    {
        readRdataName(DnsType.NAPTR, recordType == DnsType.NAPTR ? stringPosition(3) : 0, name);
    }

    /**
     * Read a CNAME record's target, the canonical name of the owner.
     *
     * @param name the holder to fill; emptied for another type.
     */
    public void cnameTarget(final DnsName name)
    {
        readRdataName(DnsType.CNAME, rdataPosition, name);
    }

    /**
     * Read an SOA record's primary name server.
     *
     * @param name the holder to fill; emptied for another type.
     */
    public void soaMname(final DnsName name)
    {
        readRdataName(DnsType.SOA, rdataPosition, name);
    }

    /**
     * Read an SOA record's responsible mailbox, as a name.
     *
     * @param name the holder to fill; emptied for another type.
     */
    public void soaRname(final DnsName name)
    {
        readRdataName(DnsType.SOA, recordType == DnsType.SOA ? names.skip(rdataPosition) : 0, name);
    }

    /**
     * @return an SOA record's serial, or -1 for another type.
     */
    public long soaSerial()
    {
        return soaNumber(0);
    }

    /**
     * @return an SOA record's refresh interval in seconds, or -1 for another type.
     */
    public long soaRefreshS()
    {
        return soaNumber(4);
    }

    /**
     * @return an SOA record's retry interval in seconds, or -1 for another type.
     */
    public long soaRetryS()
    {
        return soaNumber(8);
    }

    /**
     * @return an SOA record's expire limit in seconds, or -1 for another type.
     */
    public long soaExpireS()
    {
        return soaNumber(12);
    }

    /**
     * @return an SOA record's minimum, the negative-caching TTL in seconds (RFC 2308), or -1 for another type.
     */
    public long soaMinimumS()
    {
        return soaNumber(16);
    }

    /**
     * @return steps taken checking names since this decoder was made: the bounded-work measure of SPEC R-BAD-3.
     */
    long nameSteps()
    {
        return names.steps();
    }

    private int validate()
    {
        if (length < DnsHeader.LENGTH)
        {
            id = 0;
            flags = 0;
            questionCount = 0;
            answerCount = 0;
            authorityCount = 0;
            additionalCount = 0;
            return DnsDecodeStatus.HEADER_TOO_SHORT;
        }
        id = u16(DnsHeader.ID_OFFSET);
        flags = u16(DnsHeader.FLAGS_OFFSET);
        questionCount = u16(DnsHeader.QDCOUNT_OFFSET);
        answerCount = u16(DnsHeader.ANCOUNT_OFFSET);
        authorityCount = u16(DnsHeader.NSCOUNT_OFFSET);
        additionalCount = u16(DnsHeader.ARCOUNT_OFFSET);
        final int afterQuestions = validateQuestions();
        if (afterQuestions < 0)
        {
            return -afterQuestions;
        }
        firstRecordPosition = afterQuestions;
        final int end = validateRecords(afterQuestions);
        if (end < 0)
        {
            return -end;
        }
        messageEnd = end;
        return DnsDecodeStatus.OK;
    }

    /**
     * Every question costs at least 5 octets and the loop stops at the end, so QDCOUNT cannot make it spin.
     */
    private int validateQuestions()
    {
        int position = DnsHeader.LENGTH;
        for (int i = 0; i < questionCount; i++)
        {
            if (position >= length)
            {
                return -DnsDecodeStatus.COUNT_PAST_END;
            }
            final int nameEnd = names.check(position);
            if (nameEnd < 0)
            {
                return nameEnd;
            }
            if (nameEnd + DnsHeader.QUESTION_FIXED_LENGTH > length)
            {
                return -DnsDecodeStatus.TRUNCATED_QUESTION;
            }
            if (i == 0)
            {
                questionPosition = position;
                questionType = u16(nameEnd);
                questionClass = u16(nameEnd + 2);
            }
            position = nameEnd + DnsHeader.QUESTION_FIXED_LENGTH;
        }
        return position;
    }

    /**
     * Every record costs at least 11 octets and the loop stops at the end, so the counts cannot make it spin.
     */
    private int validateRecords(final int start)
    {
        int position = start;
        final int total = answerCount + authorityCount + additionalCount;
        for (int i = 0; i < total; i++)
        {
            if (position >= length)
            {
                return -DnsDecodeStatus.COUNT_PAST_END;
            }
            final int nameEnd = names.check(position);
            if (nameEnd < 0)
            {
                return nameEnd;
            }
            if (nameEnd + DnsHeader.RECORD_FIXED_LENGTH > length)
            {
                return -DnsDecodeStatus.TRUNCATED_RECORD;
            }
            final int type = u16(nameEnd);
            final int rdLength = u16(nameEnd + 8);
            final int rdata = nameEnd + DnsHeader.RECORD_FIXED_LENGTH;
            if (rdata + rdLength > length)
            {
                return -DnsDecodeStatus.RDATA_PAST_END;
            }
            final int refusal = validateRdata(type, rdata, rdata + rdLength);
            if (refusal != DnsDecodeStatus.OK)
            {
                return -refusal;
            }
            position = rdata + rdLength;
        }
        return position;
    }

    private int validateRdata(final int type, final int rdata, final int end)
    {
        switch (type)
        {
            case DnsType.A:
                return end - rdata == 4 ? DnsDecodeStatus.OK : DnsDecodeStatus.RDLENGTH_MISMATCH;
            case DnsType.AAAA:
                return end - rdata == 16 ? DnsDecodeStatus.OK : DnsDecodeStatus.RDLENGTH_MISMATCH;
            case DnsType.NS:
            case DnsType.CNAME:
                return validateNameFilling(rdata, end);
            case DnsType.SRV:
                return validateNameFilling(rdata + SRV_FIXED_LENGTH, end);
            case DnsType.NAPTR:
                return validateNaptr(rdata, end);
            case DnsType.SOA:
                return validateSoa(rdata, end);
            default:
                return DnsDecodeStatus.OK;
        }
    }

    /**
     * A name that must end exactly where the RDATA ends.
     */
    private int validateNameFilling(final int position, final int end)
    {
        if (position >= end)
        {
            return DnsDecodeStatus.RDLENGTH_MISMATCH;
        }
        final int nameEnd = names.check(position);
        if (nameEnd < 0)
        {
            return -nameEnd;
        }
        return nameEnd == end ? DnsDecodeStatus.OK : DnsDecodeStatus.RDLENGTH_MISMATCH;
    }

    private int validateNaptr(final int rdata, final int end)
    {
        int position = rdata + NAPTR_FIXED_LENGTH;
        for (int i = 0; i < 3; i++)
        {
            if (position >= end)
            {
                return DnsDecodeStatus.RDLENGTH_MISMATCH;
            }
            position += 1 + u8(position);
        }
        return validateNameFilling(position, end);
    }

    private int validateSoa(final int rdata, final int end)
    {
        if (rdata >= end)
        {
            return DnsDecodeStatus.RDLENGTH_MISMATCH;
        }
        final int mnameEnd = names.check(rdata);
        if (mnameEnd < 0)
        {
            return -mnameEnd;
        }
        if (mnameEnd >= end)
        {
            return DnsDecodeStatus.RDLENGTH_MISMATCH;
        }
        final int rnameEnd = names.check(mnameEnd);
        if (rnameEnd < 0)
        {
            return -rnameEnd;
        }
        return rnameEnd + SOA_NUMBERS_LENGTH == end ? DnsDecodeStatus.OK : DnsDecodeStatus.RDLENGTH_MISMATCH;
    }

    private void readRdataName(final int type, final int position, final DnsName name)
    {
        if (recordType != type)
        {
            name.reset();
            return;
        }
        names.read(position, name);
    }

    /**
     * Position of the NAPTR character string with this index (0 flags, 1 service, 2 regexp; 3 is the name after).
     */
    private int stringPosition(final int index)
    {
        int position = rdataPosition + NAPTR_FIXED_LENGTH;
        for (int i = 0; i < index; i++)
        {
            position += 1 + u8(position);
        }
        return position;
    }

    private void viewString(final int index, final AsciiSequenceView view)
    {
        if (recordType != DnsType.NAPTR)
        {
            view.wrap(buffer, offset, 0);
            return;
        }
        final int position = stringPosition(index);
        view.wrap(buffer, offset + position + 1, u8(position));
    }

    private long soaNumber(final int at)
    {
        if (recordType != DnsType.SOA)
        {
            return -1;
        }
        return u32(names.skip(names.skip(rdataPosition)) + at);
    }

    private int u16(final int position)
    {
        if (array != null)
        {
            final int at = arrayOffset + position;
            return ((array[at] & 0xFF) << 8) | (array[at + 1] & 0xFF);
        }
        return buffer.getShort(offset + position, NETWORK) & 0xFFFF;
    }

    private int u8(final int position)
    {
        return (array != null ? array[arrayOffset + position] : buffer.getByte(offset + position)) & 0xFF;
    }

    private long u32(final int position)
    {
        return buffer.getInt(offset + position, NETWORK) & 0xFFFF_FFFFL;
    }
}
