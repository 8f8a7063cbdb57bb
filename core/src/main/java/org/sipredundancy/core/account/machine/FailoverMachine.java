package org.sipredundancy.core.account.machine;

/**
 * Where in its failover list a server slot is registered (R-FO-2, R-FO-3): nowhere, on the primary, or on another
 * candidate. A failback deadline of modes 1–3 that falls while the account is busy waits in
 * {@link #FAILBACK_PENDING} and is carried out when the account is idle again.
 */
public final class FailoverMachine
{
    /** Not registered with any candidate. */
    public static final int NOWHERE = 0;
    /** Registered with the primary (the first candidate). */
    public static final int ON_PRIMARY = 1;
    /** Registered with a candidate after the primary: failed over. */
    public static final int ON_ALTERNATE = 2;
    /** Failed over, the failback deadline has passed, the account is busy. */
    public static final int FAILBACK_PENDING = 3;

    /** The primary accepted a REGISTER. */
    public static final int PRIMARY_ACCEPTED = 0;
    /** Another candidate accepted a REGISTER. */
    public static final int ALTERNATE_ACCEPTED = 1;
    /** The failback deadline passed while the account was idle: try the primary now. */
    public static final int FAILBACK_DUE_IDLE = 2;
    /** The failback deadline passed during a call or a transaction. */
    public static final int FAILBACK_DUE_BUSY = 3;
    /** The account became idle. */
    public static final int ACCOUNT_IDLE = 4;
    /** The binding is gone: every candidate failed, or the slot was switched off. */
    public static final int LOST = 5;

    /** The table the duty cycle runs. */
    public static final TransitionTable TABLE = new TransitionTable(
        "failover-list",
        new String[]{"NOWHERE", "ON_PRIMARY", "ON_ALTERNATE", "FAILBACK_PENDING"},
        new String[]{"PRIMARY_ACCEPTED", "ALTERNATE_ACCEPTED", "FAILBACK_DUE_IDLE", "FAILBACK_DUE_BUSY",
            "ACCOUNT_IDLE", "LOST"},
        new int[][]{
            {NOWHERE, PRIMARY_ACCEPTED, ON_PRIMARY},
            {NOWHERE, ALTERNATE_ACCEPTED, ON_ALTERNATE},
            {ON_PRIMARY, PRIMARY_ACCEPTED, ON_PRIMARY},
            {ON_PRIMARY, ALTERNATE_ACCEPTED, ON_ALTERNATE},
            {ON_PRIMARY, LOST, NOWHERE},
            {ON_ALTERNATE, PRIMARY_ACCEPTED, ON_PRIMARY},
            {ON_ALTERNATE, ALTERNATE_ACCEPTED, ON_ALTERNATE},
            {ON_ALTERNATE, FAILBACK_DUE_IDLE, ON_ALTERNATE},
            {ON_ALTERNATE, FAILBACK_DUE_BUSY, FAILBACK_PENDING},
            {ON_ALTERNATE, LOST, NOWHERE},
            {FAILBACK_PENDING, ACCOUNT_IDLE, ON_ALTERNATE},
            {FAILBACK_PENDING, PRIMARY_ACCEPTED, ON_PRIMARY},
            {FAILBACK_PENDING, ALTERNATE_ACCEPTED, FAILBACK_PENDING},
            {FAILBACK_PENDING, LOST, NOWHERE},
        });

    private FailoverMachine()
    {
    }
}
