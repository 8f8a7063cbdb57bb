package org.sipredundancy.core.dns;

/**
 * Where the address of a {@link Candidate} came from, so that traces and DNSTTL failback (R-DNS-10) can tell a
 * live answer from a configured one.
 */
public enum CandidateSource
{
    /** The server was configured as an IP literal: no DNS, no TTL (R-DNS-1). */
    LITERAL("literal"),
    /** A live DNS answer. */
    LIVE("live"),
    /** A static DNS cache record ({@code dns_cache_a/srv/naptr}, R-DNS-7). */
    STATIC("static"),
    /** An earlier live answer still within its TTL (R-DNS-8). */
    CACHED("cached");

    private final String label;

    CandidateSource(final String label)
    {
        this.label = label;
    }

    /**
     * @return the lower-case word traces print.
     */
    public String label()
    {
        return label;
    }
}
