package org.sipredundancy.core.account.machine;

/**
 * The registration of one account with one server slot ({@code sip_server.1} or {@code .2}): locate the servers
 * (SPEC section 3), register from the primary down (R-FO-1), refresh, back off when every candidate failed, and
 * remove the binding when the slot is switched off (R-SIP-5). Every refresh and every failback passes through
 * {@link #RESOLVING} again so a changed DNS answer is seen; with a warm cache that costs nothing.
 */
public final class SlotMachine
{
    /** Switched off: the account or this slot is not in use (successive fallback's idle slot). */
    public static final int DISABLED = 0;
    /** Waiting for the DNS walker's candidate list. */
    public static final int RESOLVING = 1;
    /** A REGISTER is in flight to one candidate. */
    public static final int REGISTERING = 2;
    /** A candidate holds the binding; the refresh is scheduled. */
    public static final int REGISTERED = 3;
    /** Every candidate failed; waiting out the back-off (or the fallback probe interval). */
    public static final int BACKOFF = 4;
    /** A REGISTER with expires = 0 is in flight. */
    public static final int UNREGISTERING = 5;

    /** The slot is switched on. */
    public static final int ENABLE = 0;
    /** The candidate list is ready. */
    public static final int RESOLVED = 1;
    /** DNS gave no candidate. */
    public static final int RESOLVE_FAILED = 2;
    /** A candidate accepted the REGISTER. */
    public static final int ACCEPTED = 3;
    /** A candidate failed and another may be tried. */
    public static final int CANDIDATE_FAILED = 4;
    /** The last candidate failed (or a REGISTER with expires = 0 did). */
    public static final int ALL_FAILED = 5;
    /** 90 % of the grant has passed. */
    public static final int REFRESH_DUE = 6;
    /** The failback mode says: try the primary now. */
    public static final int FAILBACK_DUE = 7;
    /** The back-off has passed. */
    public static final int RETRY_DUE = 8;
    /** The slot is switched off. */
    public static final int DISABLE = 9;
    /** The registrar confirmed the removal. */
    public static final int UNREGISTERED = 10;

    /** The table the duty cycle runs. */
    public static final TransitionTable TABLE = new TransitionTable(
        "registration-slot",
        new String[]{"DISABLED", "RESOLVING", "REGISTERING", "REGISTERED", "BACKOFF", "UNREGISTERING"},
        new String[]{"ENABLE", "RESOLVED", "RESOLVE_FAILED", "ACCEPTED", "CANDIDATE_FAILED", "ALL_FAILED",
            "REFRESH_DUE", "FAILBACK_DUE", "RETRY_DUE", "DISABLE", "UNREGISTERED"},
        new int[][]{
            {DISABLED, ENABLE, RESOLVING},
            {RESOLVING, RESOLVED, REGISTERING},
            {RESOLVING, RESOLVE_FAILED, BACKOFF},
            {RESOLVING, DISABLE, DISABLED},
            {REGISTERING, ACCEPTED, REGISTERED},
            {REGISTERING, CANDIDATE_FAILED, REGISTERING},
            {REGISTERING, ALL_FAILED, BACKOFF},
            {REGISTERING, DISABLE, UNREGISTERING},
            {REGISTERED, REFRESH_DUE, RESOLVING},
            {REGISTERED, FAILBACK_DUE, RESOLVING},
            {REGISTERED, DISABLE, UNREGISTERING},
            {BACKOFF, RETRY_DUE, RESOLVING},
            {BACKOFF, DISABLE, DISABLED},
            {UNREGISTERING, UNREGISTERED, DISABLED},
            {UNREGISTERING, ALL_FAILED, DISABLED},
        });

    private SlotMachine()
    {
    }
}
