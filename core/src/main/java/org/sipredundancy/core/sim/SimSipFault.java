package org.sipredundancy.core.sim;

/**
 * How a {@link SimSipServer} misbehaves (SPEC R-SIP-3): the ways a real registrar fails that the phone must
 * notice, each chosen by a test for the next N requests or for ever.
 */
public enum SimSipFault
{
    /** Answer normally. */
    NONE,
    /** Receive every request and never answer, so the phone notices only from its own timers. */
    SILENT,
    /** Answer 503 Service Unavailable with a Retry-After header, which keeps the server out of choice that long. */
    SERVICE_UNAVAILABLE,
    /** Answer a configured final status (e.g. 403) to everything, a server that refuses the account. */
    REJECT,
    /** Answer correctly but only after a delay, so retransmissions arrive before the answer. */
    SLOW
}
