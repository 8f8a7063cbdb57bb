package org.sipredundancy.core.dns.wire;

/**
 * Why an encoder refused: negative codes, so that an encoder's result is a length when it is zero or more and a
 * refusal otherwise (the house convention for {@code sendXxx} results). Nothing is thrown: a name typed into a
 * configuration file may well be invalid, and the phone must carry on.
 */
public final class DnsEncodeStatus
{
    /** The name is empty or has an empty label ({@code "a..b"}, {@code ".a"}). */
    public static final int EMPTY_LABEL = -1;
    /** A label is longer than 63 characters. */
    public static final int LABEL_TOO_LONG = -2;
    /** The name would take more than 255 octets on the wire. */
    public static final int NAME_TOO_LONG = -3;
    /** A character other than a letter, digit, {@code '-'}, {@code '_'} or {@code '*'} in a name. */
    public static final int BAD_CHARACTER = -4;
    /** The message does not fit in the space given. */
    public static final int BUFFER_TOO_SMALL = -5;
    /** A character string (NAPTR flags, service, regexp) longer than 255 or with a character above 0xFF. */
    public static final int BAD_CHARACTER_STRING = -6;
    /** A question after records, or a record for a section that comes before the current one. */
    public static final int OUT_OF_ORDER = -7;
    /** A field out of its range (a TTL or SOA number over 32 bits, a port over 16 bits, too many records). */
    public static final int VALUE_OUT_OF_RANGE = -8;
    /** The encoder was used before {@code wrap}. */
    public static final int NOT_WRAPPED = -9;

    private DnsEncodeStatus()
    {
    }

    /**
     * The name of a refusal, for traces and test messages. Returns a constant, so it does not allocate.
     *
     * @param status a negative code of this class.
     * @return its name, or {@code "STATUS?"}.
     */
    public static String name(final int status)
    {
        switch (status)
        {
            case EMPTY_LABEL:
                return "EMPTY_LABEL";
            case LABEL_TOO_LONG:
                return "LABEL_TOO_LONG";
            case NAME_TOO_LONG:
                return "NAME_TOO_LONG";
            case BAD_CHARACTER:
                return "BAD_CHARACTER";
            case BUFFER_TOO_SMALL:
                return "BUFFER_TOO_SMALL";
            case BAD_CHARACTER_STRING:
                return "BAD_CHARACTER_STRING";
            case OUT_OF_ORDER:
                return "OUT_OF_ORDER";
            case VALUE_OUT_OF_RANGE:
                return "VALUE_OUT_OF_RANGE";
            case NOT_WRAPPED:
                return "NOT_WRAPPED";
            default:
                return "STATUS?";
        }
    }
}
