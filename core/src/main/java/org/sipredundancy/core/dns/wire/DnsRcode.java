package org.sipredundancy.core.dns.wire;

/**
 * Response codes (RFC 1035 section 4.1.1), the low four bits of the header's flags. The walker tells a name that
 * does not exist ({@link #NXDOMAIN}, cacheable per RFC 2308) from a server that failed ({@link #SERVFAIL},
 * {@link #REFUSED}: try the next server).
 */
public final class DnsRcode
{
    /** No error. */
    public static final int NOERROR = 0;
    /** The server could not interpret the query. */
    public static final int FORMERR = 1;
    /** The server failed; another server may answer. */
    public static final int SERVFAIL = 2;
    /** The name does not exist (authoritative). */
    public static final int NXDOMAIN = 3;
    /** The server does not support this kind of query. */
    public static final int NOTIMP = 4;
    /** The server refuses to answer, by policy. */
    public static final int REFUSED = 5;

    private DnsRcode()
    {
    }

    /**
     * The mnemonic of a response code, for traces and test messages. Returns a constant, so it does not allocate.
     *
     * @param rcode a response code, 0 to 15.
     * @return its mnemonic, or {@code "RCODE?"} for a code this codec does not name.
     */
    public static String name(final int rcode)
    {
        switch (rcode)
        {
            case NOERROR:
                return "NOERROR";
            case FORMERR:
                return "FORMERR";
            case SERVFAIL:
                return "SERVFAIL";
            case NXDOMAIN:
                return "NXDOMAIN";
            case NOTIMP:
                return "NOTIMP";
            case REFUSED:
                return "REFUSED";
            default:
                return "RCODE?";
        }
    }
}
