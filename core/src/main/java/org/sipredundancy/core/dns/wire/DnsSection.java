package org.sipredundancy.core.dns.wire;

/**
 * The three record sections of a message (RFC 1035 section 4.1), in the order they appear on the wire. The cache
 * needs the section: records in the additional section are cached only in mode 2 (SPEC R-DNS-8).
 */
public final class DnsSection
{
    /** Records that answer the question. */
    public static final int ANSWER = 1;
    /** Records that point toward an authority (NS), or the SOA of a negative answer. */
    public static final int AUTHORITY = 2;
    /** Records that may help: the addresses of SRV targets, EDNS's OPT. */
    public static final int ADDITIONAL = 3;

    private DnsSection()
    {
    }

    /**
     * The name of a section, for traces and test messages. Returns a constant, so it does not allocate.
     *
     * @param section one of the constants of this class.
     * @return its name, or {@code "SECTION?"}.
     */
    public static String name(final int section)
    {
        switch (section)
        {
            case ANSWER:
                return "ANSWER";
            case AUTHORITY:
                return "AUTHORITY";
            case ADDITIONAL:
                return "ADDITIONAL";
            default:
                return "SECTION?";
        }
    }
}
