package org.sipredundancy.core.account.machine;

/**
 * One outgoing call (R-FB-4, R-FO-4, R-SCN-2, R-SCN-4): the INVITE walks the call order (primary, further
 * candidates, then the fallback group) until one server answers; with register_on_enable = 1 a candidate where the
 * account is not registered is registered with first.
 */
public final class CallMachine
{
    /** No call. */
    public static final int IDLE = 0;
    /** register_on_enable = 1: registering with the next candidate before inviting through it. */
    public static final int REGISTERING_FIRST = 1;
    /** An INVITE is in flight, no provisional response yet. */
    public static final int INVITING = 2;
    /** A provisional response arrived. */
    public static final int RINGING = 3;
    /** The call is up (2xx received and acknowledged). */
    public static final int CONFIRMED = 4;
    /** The user hung up while ringing: CANCEL sent, waiting for the INVITE's final response. */
    public static final int CANCELLING = 5;
    /** The user hung up an established call: BYE in flight. */
    public static final int TERMINATING = 6;

    /** The user dialled. */
    public static final int DIAL = 0;
    /** The next candidate needs a registration first (register_on_enable = 1). */
    public static final int MUST_REGISTER = 1;
    /** The candidate accepted the REGISTER sent for the call. */
    public static final int REGISTERED_THERE = 2;
    /** A 1xx arrived. */
    public static final int PROVISIONAL = 3;
    /** A 2xx arrived. */
    public static final int ANSWERED = 4;
    /** The candidate failed; another is left in the call order. */
    public static final int CANDIDATE_FAILED = 5;
    /** The last candidate of the call order failed. */
    public static final int ALL_FAILED = 6;
    /** A final 3xx–6xx that is not a server failure (busy, declined, cancelled). */
    public static final int DECLINED = 7;
    /** The user hung up. */
    public static final int HANG_UP = 8;
    /** The far end hung up. */
    public static final int REMOTE_BYE = 9;
    /** The BYE transaction finished (answered or failed). */
    public static final int ENDED = 10;

    /** The table the duty cycle runs. */
    public static final TransitionTable TABLE = new TransitionTable(
        "call",
        new String[]{"IDLE", "REGISTERING_FIRST", "INVITING", "RINGING", "CONFIRMED", "CANCELLING", "TERMINATING"},
        new String[]{"DIAL", "MUST_REGISTER", "REGISTERED_THERE", "PROVISIONAL", "ANSWERED", "CANDIDATE_FAILED",
            "ALL_FAILED", "DECLINED", "HANG_UP", "REMOTE_BYE", "ENDED"},
        new int[][]{
            {IDLE, DIAL, INVITING},
            {INVITING, MUST_REGISTER, REGISTERING_FIRST},
            {REGISTERING_FIRST, REGISTERED_THERE, INVITING},
            {REGISTERING_FIRST, CANDIDATE_FAILED, INVITING},
            {REGISTERING_FIRST, ALL_FAILED, IDLE},
            {REGISTERING_FIRST, HANG_UP, IDLE},
            {INVITING, PROVISIONAL, RINGING},
            {INVITING, ANSWERED, CONFIRMED},
            {INVITING, CANDIDATE_FAILED, INVITING},
            {INVITING, ALL_FAILED, IDLE},
            {INVITING, DECLINED, IDLE},
            {INVITING, HANG_UP, IDLE},
            {RINGING, PROVISIONAL, RINGING},
            {RINGING, ANSWERED, CONFIRMED},
            {RINGING, CANDIDATE_FAILED, INVITING},
            {RINGING, ALL_FAILED, IDLE},
            {RINGING, DECLINED, IDLE},
            {RINGING, HANG_UP, CANCELLING},
            {CANCELLING, DECLINED, IDLE},
            {CANCELLING, ANSWERED, TERMINATING},
            {CANCELLING, CANDIDATE_FAILED, IDLE},
            {CANCELLING, ALL_FAILED, IDLE},
            {CONFIRMED, HANG_UP, TERMINATING},
            {CONFIRMED, REMOTE_BYE, IDLE},
            {TERMINATING, ENDED, IDLE},
        });

    private CallMachine()
    {
    }
}
