package org.sipredundancy.core.account.machine;

/**
 * Which server group an account registers with (R-FB-2, R-FB-3). Concurrent registration keeps both groups
 * registered and never changes state; successive registration stays on the working group, waits for the binding it
 * held to expire once every working candidate failed, then registers with the fallback group until a probe REGISTER
 * to the working group succeeds.
 */
public final class FallbackMachine
{
    /** Successive: registered (or registering) with the working group only. */
    public static final int ON_WORKING = 0;
    /** Successive: every working candidate failed while the binding it held is still valid. */
    public static final int AWAITING_EXPIRY = 1;
    /** Successive: registered with the fallback group, probing the working group every fallback.timeout s. */
    public static final int ON_FALLBACK = 2;
    /** Concurrent: both groups registered independently. */
    public static final int CONCURRENT = 3;

    /** Every working candidate failed; the working binding has not expired. */
    public static final int WORKING_FAILED_BOUND = 0;
    /** Every working candidate failed and there is no working binding. */
    public static final int WORKING_FAILED_UNBOUND = 1;
    /** The working binding expired. */
    public static final int WORKING_EXPIRED = 2;
    /** A working candidate accepted a REGISTER. */
    public static final int WORKING_ACCEPTED = 3;

    /** The table the duty cycle runs. */
    public static final TransitionTable TABLE = new TransitionTable(
        "fallback-mode",
        new String[]{"ON_WORKING", "AWAITING_EXPIRY", "ON_FALLBACK", "CONCURRENT"},
        new String[]{"WORKING_FAILED_BOUND", "WORKING_FAILED_UNBOUND", "WORKING_EXPIRED", "WORKING_ACCEPTED"},
        new int[][]{
            {ON_WORKING, WORKING_FAILED_BOUND, AWAITING_EXPIRY},
            {ON_WORKING, WORKING_FAILED_UNBOUND, ON_FALLBACK},
            {ON_WORKING, WORKING_ACCEPTED, ON_WORKING},
            {AWAITING_EXPIRY, WORKING_FAILED_BOUND, AWAITING_EXPIRY},
            {AWAITING_EXPIRY, WORKING_FAILED_UNBOUND, ON_FALLBACK},
            {AWAITING_EXPIRY, WORKING_EXPIRED, ON_FALLBACK},
            {AWAITING_EXPIRY, WORKING_ACCEPTED, ON_WORKING},
            {ON_FALLBACK, WORKING_FAILED_BOUND, ON_FALLBACK},
            {ON_FALLBACK, WORKING_FAILED_UNBOUND, ON_FALLBACK},
            {ON_FALLBACK, WORKING_ACCEPTED, ON_WORKING},
            {CONCURRENT, WORKING_FAILED_BOUND, CONCURRENT},
            {CONCURRENT, WORKING_FAILED_UNBOUND, CONCURRENT},
            {CONCURRENT, WORKING_EXPIRED, CONCURRENT},
            {CONCURRENT, WORKING_ACCEPTED, CONCURRENT},
        });

    private FallbackMachine()
    {
    }
}
