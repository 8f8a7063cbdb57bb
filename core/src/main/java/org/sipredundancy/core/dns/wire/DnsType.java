package org.sipredundancy.core.dns.wire;

/**
 * Resource record types (RFC 1035 section 3.2.2, RFC 3596, RFC 2782, RFC 3403, RFC 6891) that the phone asks
 * for or meets in answers. Plain {@code int} constants, not an enum, so that a type read off the wire is compared
 * without a lookup and an unknown type needs no special value.
 */
public final class DnsType
{
    /** IPv4 host address (RFC 1035). */
    public static final int A = 1;
    /** Authoritative name server (RFC 1035): a name in the RDATA. */
    public static final int NS = 2;
    /** Canonical name (RFC 1035): the owner is an alias of the name in the RDATA. */
    public static final int CNAME = 5;
    /** Start of a zone of authority (RFC 1035); its minimum field bounds negative caching (RFC 2308). */
    public static final int SOA = 6;
    /** IPv6 host address (RFC 3596). */
    public static final int AAAA = 28;
    /** Service location (RFC 2782). */
    public static final int SRV = 33;
    /** Naming authority pointer (RFC 3403), the first step of RFC 3263. */
    public static final int NAPTR = 35;
    /** EDNS(0) pseudo-record (RFC 6891): may appear in the additional section of any answer. */
    public static final int OPT = 41;

    private DnsType()
    {
    }

    /**
     * The mnemonic of a type, for traces and test messages. Returns a constant, so it does not allocate.
     *
     * @param type a type code off the wire.
     * @return its mnemonic, or {@code "TYPE?"} for a type this codec does not know.
     */
    public static String name(final int type)
    {
        switch (type)
        {
            case A:
                return "A";
            case NS:
                return "NS";
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
            case OPT:
                return "OPT";
            default:
                return "TYPE?";
        }
    }
}
