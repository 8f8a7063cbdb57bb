package org.sipredundancy.core.sim;

/**
 * The ways a {@link SimDnsServer} can misbehave, one at a time, set by a test (R-DNS-9, R-BAD-2).
 */
public enum SimDnsFault
{
    /** Answers as the zone says. */
    NONE,
    /** Receives and counts the query, never answers. */
    SILENT,
    /** Answers SERVFAIL (RCODE 2) with the question and no records. */
    SERVFAIL,
    /** Answers REFUSED (RCODE 5) with the question and no records. */
    REFUSED,
    /** Answers with an id that is not the query's (a spoofed or stale answer). */
    WRONG_ID,
    /** Answers bytes the decoder must reject: the answer count says more records than there are. */
    MALFORMED,
    /** Answers over UDP from another port than the one asked (a spoofed answer). */
    WRONG_SOURCE_PORT
}
