package org.sipredundancy.core.account;

import org.sipredundancy.core.sip.transaction.SipFailure;

/**
 * What an account knows of each of its server candidates (SPEC R-FO-7): per (transport, IPv4 address, port) its
 * state, the cause of its last failure, the deadline of a 503's Retry-After and its consecutive failures. Every
 * request path reads it before choosing a server, so a server inside its Retry-After gets nothing (R-SIP-3).
 * <p>
 * A hard failure (ICMP unreachable, refused, reset, TLS, connect time-out, a send refused, 503) makes a candidate
 * {@link #DOWN} at once: the server itself said so. A single time-out only makes it {@link #SUSPECT}, since one lost
 * datagram looks the same; a second one in a row makes it {@link #DOWN}. Any success makes it {@link #UP} again.
 * Failures that say nothing about the server's health (a 403, wrong credentials, a full transaction table) leave it
 * as it is. Fixed capacity, no allocation after construction. Duty cycle thread only.
 */
public final class ServerHealthTable
{
    /** Answers as expected, or not tried yet. */
    public static final int UP = 0;
    /** Missed one answer: maybe lost, maybe dead. */
    public static final int SUSPECT = 1;
    /** Failed for sure, or refuses service until its Retry-After. */
    public static final int DOWN = 2;
    /** What {@link #add} returns when the table has no free row. */
    public static final int FULL = -1;
    /** What {@link #indexOf} returns for a candidate not in the table. */
    public static final int NOT_FOUND = -2;

    private static final long NS_PER_S = 1_000_000_000L;
    private static final int TIMEOUTS_TO_DOWN = 2;

    private final int[] transports;
    private final int[] addresses;
    private final int[] ports;
    private final int[] states;
    private final int[] lastCauses;
    private final int[] consecutiveFailures;
    private final long[] retryAfterDeadlinesNs;
    private final long[] lastChangesNs;
    private int size;

    /**
     * @param capacity most candidates at once (an account's working and fallback lists and its proxies).
     */
    public ServerHealthTable(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        transports = new int[capacity];
        addresses = new int[capacity];
        ports = new int[capacity];
        states = new int[capacity];
        lastCauses = new int[capacity];
        consecutiveFailures = new int[capacity];
        retryAfterDeadlinesNs = new long[capacity];
        lastChangesNs = new long[capacity];
    }

    /**
     * @param transport a {@link org.sipredundancy.hal.Transport} constant.
     * @param address   IPv4 address.
     * @param port      port.
     * @return the candidate's row, or {@link #NOT_FOUND}.
     */
    public int indexOf(final int transport, final int address, final int port)
    {
        for (int i = 0; i < size; i++)
        {
            if (addresses[i] == address && ports[i] == port && transports[i] == transport)
            {
                return i;
            }
        }
        return NOT_FOUND;
    }

    /**
     * The candidate's row, made {@link #UP} when it is new.
     *
     * @param transport a {@link org.sipredundancy.hal.Transport} constant.
     * @param address   IPv4 address.
     * @param port      port.
     * @return its row, or {@link #FULL}.
     */
    public int add(final int transport, final int address, final int port)
    {
        final int existing = indexOf(transport, address, port);
        if (existing >= 0)
        {
            return existing;
        }
        if (size == states.length)
        {
            return FULL;
        }
        final int i = size++;
        transports[i] = transport;
        addresses[i] = address;
        ports[i] = port;
        states[i] = UP;
        lastCauses[i] = 0;
        consecutiveFailures[i] = 0;
        retryAfterDeadlinesNs[i] = Long.MIN_VALUE;
        lastChangesNs[i] = Long.MIN_VALUE;
        return i;
    }

    /**
     * The candidate answered a request.
     *
     * @param index its row.
     * @param nowNs the duty cycle's time.
     */
    public void onSuccess(final int index, final long nowNs)
    {
        if (states[index] != UP)
        {
            lastChangesNs[index] = nowNs;
        }
        states[index] = UP;
        consecutiveFailures[index] = 0;
        retryAfterDeadlinesNs[index] = Long.MIN_VALUE;
    }

    /**
     * A request to the candidate failed.
     *
     * @param index       its row.
     * @param cause       a {@link SipFailure} constant.
     * @param retryAfterS a 503's Retry-After in seconds, or -1.
     * @param nowNs       the duty cycle's time.
     * @return true when the cause says the server failed and the row changed; false when it was left as it is.
     */
    public boolean onFailure(final int index, final int cause, final long retryAfterS, final long nowNs)
    {
        if (!SipFailure.isServerFailure(cause))
        {
            return false;
        }
        lastCauses[index] = cause;
        consecutiveFailures[index]++;
        if (cause == SipFailure.SERVICE_UNAVAILABLE && retryAfterS > 0)
        {
            retryAfterDeadlinesNs[index] = nowNs + retryAfterS * NS_PER_S;
        }
        final int state = cause == SipFailure.TIMEOUT && consecutiveFailures[index] < TIMEOUTS_TO_DOWN ?
            SUSPECT : DOWN;
        if (states[index] != state)
        {
            lastChangesNs[index] = nowNs;
        }
        states[index] = state;
        return true;
    }

    /**
     * Whether a request may go to the candidate now: not while a 503's Retry-After runs (R-SIP-3). A
     * {@link #DOWN} candidate is still available: failover decides whether to try it again, this table only keeps
     * what is forbidden.
     *
     * @param index its row.
     * @param nowNs the duty cycle's time.
     * @return false inside its Retry-After.
     */
    public boolean isAvailable(final int index, final long nowNs)
    {
        return nowNs >= retryAfterDeadlinesNs[index];
    }

    /**
     * @param index a row.
     * @return {@link #UP}, {@link #SUSPECT} or {@link #DOWN}.
     */
    public int state(final int index)
    {
        return states[index];
    }

    /**
     * @param index a row.
     * @return the {@link SipFailure} cause of its last server failure, 0 before any.
     */
    public int lastCause(final int index)
    {
        return lastCauses[index];
    }

    /**
     * @param index a row.
     * @return failures since its last success.
     */
    public int consecutiveFailures(final int index)
    {
        return consecutiveFailures[index];
    }

    /**
     * @param index a row.
     * @return when its Retry-After ends, or {@link Long#MIN_VALUE} when none runs.
     */
    public long retryAfterDeadlineNs(final int index)
    {
        return retryAfterDeadlinesNs[index];
    }

    /**
     * @param index a row.
     * @return when its state last changed, or {@link Long#MIN_VALUE} when never.
     */
    public long lastChangeNs(final int index)
    {
        return lastChangesNs[index];
    }

    /**
     * @param index a row.
     * @return its transport.
     */
    public int transport(final int index)
    {
        return transports[index];
    }

    /**
     * @param index a row.
     * @return its IPv4 address.
     */
    public int address(final int index)
    {
        return addresses[index];
    }

    /**
     * @param index a row.
     * @return its port.
     */
    public int port(final int index)
    {
        return ports[index];
    }

    /**
     * @return candidates in the table.
     */
    public int size()
    {
        return size;
    }

    /**
     * Forget every candidate (the account was re-provisioned).
     */
    public void clear()
    {
        size = 0;
    }

    /**
     * @param state a state constant of this class.
     * @return its name for traces and the event stream.
     */
    public static String stateName(final int state)
    {
        switch (state)
        {
            case UP:
                return "UP";
            case SUSPECT:
                return "SUSPECT";
            case DOWN:
                return "DOWN";
            default:
                return "?";
        }
    }
}
