package org.sipredundancy.core.dns;

/**
 * The RFC 1035 TYPE numbers the locator asks for and stores. They are the numbers on the wire, so they equal the
 * wire codec's own constants; this copy stays package-private so that the package has one vocabulary, not two.
 */
final class DnsRecordType
{
    /** IPv4 address (RFC 1035). */
    static final int A = 1;
    /** Canonical name (RFC 1035): followed by the live client, never cached here. */
    static final int CNAME = 5;
    /** Start of authority (RFC 1035): its minimum bounds negative caching (RFC 2308). */
    static final int SOA = 6;
    /** IPv6 address (RFC 3596): beyond the seed. */
    static final int AAAA = 28;
    /** Service location (RFC 2782). */
    static final int SRV = 33;
    /** Naming authority pointer (RFC 3403). */
    static final int NAPTR = 35;

    private DnsRecordType()
    {
    }

    /**
     * @param type a TYPE number.
     * @return its mnemonic for traces, or "TYPE?" for one this package does not know.
     */
    static String name(final int type)
    {
        switch (type)
        {
            case A:
                return "A";
            case CNAME:
                return "CNAME";
            case SOA:
                return "SOA";
            case AAAA:
                return "AAAA";
            case SRV:
                return "SRV";
            case NAPTR:
                return "NAPTR";
            default:
                return "TYPE?";
        }
    }
}
