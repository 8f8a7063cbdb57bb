package org.sipredundancy.core.dns;

/**
 * Why a live query produced no answer, as a {@link DnsQueryPort} reports it through
 * {@link DnsAnswerHandler#onFailure(long, int, long)}. Every cause counts as "DNS failed" for R-DNS-7: with
 * {@code static_cache_pri = 0} the static records for that query are used instead.
 */
public final class DnsFailure
{
    /** No answer from any configured server within the time-outs and retries (R-DNS-9). */
    public static final int TIMEOUT = 1;
    /** The server answered SERVFAIL. */
    public static final int SERVER_FAILURE = 2;
    /** The phone has no DNS server to ask. */
    public static final int NO_SERVER = 3;
    /** The server refused the query (RCODE 5). */
    public static final int REFUSED = 4;
    /** Every answer was malformed or did not match the question. */
    public static final int MALFORMED = 5;
    /** Anything else. */
    public static final int OTHER = 6;

    private DnsFailure()
    {
    }

    /**
     * @param cause one of the constants of this class.
     * @return a short name for traces, e.g. "timeout".
     */
    public static String name(final int cause)
    {
        switch (cause)
        {
            case TIMEOUT:
                return "timeout";
            case SERVER_FAILURE:
                return "SERVFAIL";
            case NO_SERVER:
                return "no DNS server";
            case REFUSED:
                return "refused";
            case MALFORMED:
                return "malformed answer";
            default:
                return "failure";
        }
    }
}
