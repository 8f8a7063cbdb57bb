package org.sipredundancy.core.dns;

/**
 * How locating a server ended, and for an empty candidate list, why: what the account shows and logs when it has
 * nowhere to send a request.
 */
public enum ResolutionOutcome
{
    /** Not finished: a live answer is awaited. */
    PENDING("resolving"),
    /** At least one candidate. */
    RESOLVED("resolved"),
    /** The host is empty, too long or not a name (an IPv6 literal is beyond the seed). */
    INVALID_HOST("invalid host"),
    /** DNS answered, but no name led to an address. */
    NO_ADDRESS("no address records"),
    /** The only SRV records found have target {@code .}: the service is decidedly not available (RFC 2782). */
    NO_SERVICE("SRV target '.': no service"),
    /** Some query failed (time-out, SERVFAIL, no server) and nothing else led to an address. */
    LOOKUP_FAILED("DNS lookup failed");

    private final String reason;

    ResolutionOutcome(final String reason)
    {
        this.reason = reason;
    }

    /**
     * @return a short human-readable reason, for traces and the CLI.
     */
    public String reason()
    {
        return reason;
    }
}
