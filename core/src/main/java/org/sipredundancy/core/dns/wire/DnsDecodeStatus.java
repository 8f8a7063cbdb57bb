package org.sipredundancy.core.dns.wire;

/**
 * What {@link DnsMessageDecoder#wrap} found: {@link #OK} or the first malformation, one code per cause so that
 * {@link DnsDecodeCounters} can say which kind of junk arrives (SPEC R-BAD-2, R-BAD-3). Codes are small
 * consecutive {@code int}s that index the counters.
 */
public final class DnsDecodeStatus
{
    /** The whole message is well formed. */
    public static final int OK = 0;
    /** Fewer than 12 octets: not even a header. Header accessors are not valid. */
    public static final int HEADER_TOO_SHORT = 1;
    /** A count asks for more questions or records than the message holds (it ends between two of them). */
    public static final int COUNT_PAST_END = 2;
    /** A question's type and class run past the end. */
    public static final int TRUNCATED_QUESTION = 3;
    /** A record's type, class, TTL or RDLENGTH run past the end. */
    public static final int TRUNCATED_RECORD = 4;
    /** A record's RDLENGTH runs past the end. */
    public static final int RDATA_PAST_END = 5;
    /** RDLENGTH does not fit the type (A not 4, AAAA not 16, a name or string running out of or short of it). */
    public static final int RDLENGTH_MISMATCH = 6;
    /** A name's labels run past the end. */
    public static final int NAME_PAST_END = 7;
    /** A length octet of 64 to 191: a label over 63 octets, or the reserved label types 01 and 10. */
    public static final int LABEL_TOO_LONG = 8;
    /** A name longer than 255 octets once decompressed. */
    public static final int NAME_TOO_LONG = 9;
    /** A compression pointer to itself or back into the labels it is part of: following it would never end. */
    public static final int POINTER_LOOP = 10;
    /** A compression pointer to a later offset: RFC 1035 points only to prior occurrences. */
    public static final int POINTER_FORWARD = 11;
    /** A compression pointer into the header or past the end of the message. */
    public static final int POINTER_OUT_OF_RANGE = 12;
    /** More compression pointers in one name than any name of 255 octets can need. */
    public static final int POINTER_CHAIN_TOO_LONG = 13;
    /** Number of codes, for sizing counters. */
    public static final int COUNT = 14;

    private DnsDecodeStatus()
    {
    }

    /**
     * The name of a status, for traces and test messages. Returns a constant, so it does not allocate.
     *
     * @param status a code of this class.
     * @return its name, or {@code "STATUS?"}.
     */
    public static String name(final int status)
    {
        switch (status)
        {
            case OK:
                return "OK";
            case HEADER_TOO_SHORT:
                return "HEADER_TOO_SHORT";
            case COUNT_PAST_END:
                return "COUNT_PAST_END";
            case TRUNCATED_QUESTION:
                return "TRUNCATED_QUESTION";
            case TRUNCATED_RECORD:
                return "TRUNCATED_RECORD";
            case RDATA_PAST_END:
                return "RDATA_PAST_END";
            case RDLENGTH_MISMATCH:
                return "RDLENGTH_MISMATCH";
            case NAME_PAST_END:
                return "NAME_PAST_END";
            case LABEL_TOO_LONG:
                return "LABEL_TOO_LONG";
            case NAME_TOO_LONG:
                return "NAME_TOO_LONG";
            case POINTER_LOOP:
                return "POINTER_LOOP";
            case POINTER_FORWARD:
                return "POINTER_FORWARD";
            case POINTER_OUT_OF_RANGE:
                return "POINTER_OUT_OF_RANGE";
            case POINTER_CHAIN_TOO_LONG:
                return "POINTER_CHAIN_TOO_LONG";
            default:
                return "STATUS?";
        }
    }
}
