package org.sipredundancy.core.sip.transaction;

import org.sipredundancy.core.loop.TimerService;

import java.util.Objects;

/**
 * The set-up of a {@link ServerTransactions} table: RFC 3261 timer values (SPEC R-SIP-2) and a fixed size, so a
 * flood of requests is refused and counted rather than growing memory (R-BAD-4).
 */
public final class ServerTransactionsContext
{
    private TimerService timers;
    private SipSender sender;
    private int capacity = 32;
    private int requestCapacity = 4096;
    private int responseCapacity = 4096;
    private long t1Ns = ClientTransactionsContext.DEFAULT_T1_NS;
    private long t2Ns = ClientTransactionsContext.DEFAULT_T2_NS;
    private long t4Ns = ClientTransactionsContext.DEFAULT_T4_NS;

    /**
     * Check the set-up. Called by the table's constructor.
     *
     * @return this.
     */
    public ServerTransactionsContext conclude()
    {
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(sender, "sender");
        if (capacity < 1 || capacity > 65536)
        {
            throw new IllegalArgumentException("capacity must be 1..65536: " + capacity);
        }
        if (requestCapacity < 256 || responseCapacity < 256)
        {
            throw new IllegalArgumentException(
                "request and response capacity must be at least 256: " + requestCapacity + ", " + responseCapacity);
        }
        if (t1Ns <= 0 || t2Ns < t1Ns || t4Ns <= 0)
        {
            throw new IllegalArgumentException("timers must be positive with T2 >= T1: " + t1Ns + ", " + t2Ns);
        }
        return this;
    }

    /**
     * @param timers the duty cycle's timer service; two timers per row are made from it.
     * @return this.
     */
    public ServerTransactionsContext timers(final TimerService timers)
    {
        this.timers = timers;
        return this;
    }

    /**
     * @param sender where responses and their retransmissions leave.
     * @return this.
     */
    public ServerTransactionsContext sender(final SipSender sender)
    {
        this.sender = sender;
        return this;
    }

    /**
     * @param capacity rows in the table: the most server transactions alive at once (R-BAD-4).
     * @return this.
     */
    public ServerTransactionsContext capacity(final int capacity)
    {
        this.capacity = capacity;
        return this;
    }

    /**
     * @param requestCapacity the largest request a row keeps, in bytes; larger requests are refused.
     * @return this.
     */
    public ServerTransactionsContext requestCapacity(final int requestCapacity)
    {
        this.requestCapacity = requestCapacity;
        return this;
    }

    /**
     * @param responseCapacity the largest response a row keeps for retransmission, in bytes.
     * @return this.
     */
    public ServerTransactionsContext responseCapacity(final int responseCapacity)
    {
        this.responseCapacity = responseCapacity;
        return this;
    }

    /**
     * @param t1Ns RFC 3261 T1 in nanoseconds.
     * @param t2Ns RFC 3261 T2 in nanoseconds.
     * @param t4Ns RFC 3261 T4 in nanoseconds.
     * @return this.
     */
    public ServerTransactionsContext timerValues(final long t1Ns, final long t2Ns, final long t4Ns)
    {
        this.t1Ns = t1Ns;
        this.t2Ns = t2Ns;
        this.t4Ns = t4Ns;
        return this;
    }

    TimerService timers()
    {
        return timers;
    }

    SipSender sender()
    {
        return sender;
    }

    int capacity()
    {
        return capacity;
    }

    int requestCapacity()
    {
        return requestCapacity;
    }

    int responseCapacity()
    {
        return responseCapacity;
    }

    long t1Ns()
    {
        return t1Ns;
    }

    long t2Ns()
    {
        return t2Ns;
    }

    long t4Ns()
    {
        return t4Ns;
    }
}
