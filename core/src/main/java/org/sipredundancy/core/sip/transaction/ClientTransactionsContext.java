package org.sipredundancy.core.sip.transaction;

import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.hal.RandomSource;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The set-up of a {@link ClientTransactions} table. Defaults are RFC 3261's timer values (T1 = 500 ms, T2 = 4 s,
 * T4 = 5 s, SPEC R-SIP-2) and a table sized for a phone: accounts times server slots, plus calls and
 * subscriptions.
 */
public final class ClientTransactionsContext
{
    /** RFC 3261 T1: the round-trip estimate and first retransmission interval. */
    public static final long DEFAULT_T1_NS = TimeUnit.MILLISECONDS.toNanos(500);
    /** RFC 3261 T2: the cap of a non-INVITE retransmission interval. */
    public static final long DEFAULT_T2_NS = TimeUnit.SECONDS.toNanos(4);
    /** RFC 3261 T4: how long a completed non-INVITE transaction absorbs retransmitted responses. */
    public static final long DEFAULT_T4_NS = TimeUnit.SECONDS.toNanos(5);

    private TimerService timers;
    private SipSender sender;
    private RandomSource random;
    private int capacity = 64;
    private int reservedForRegistration;
    private int requestCapacity = 4096;
    private long t1Ns = DEFAULT_T1_NS;
    private long t2Ns = DEFAULT_T2_NS;
    private long t4Ns = DEFAULT_T4_NS;

    /**
     * Check the set-up. Called by the table's constructor.
     *
     * @return this.
     */
    public ClientTransactionsContext conclude()
    {
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(random, "random");
        if (capacity < 1 || capacity > 1 << (4 * ClientTransaction.BRANCH_INDEX_DIGITS))
        {
            throw new IllegalArgumentException("capacity must be 1..65536: " + capacity);
        }
        if (reservedForRegistration < 0 || reservedForRegistration >= capacity)
        {
            throw new IllegalArgumentException(
                "reservedForRegistration must be 0.." + (capacity - 1) + ": " + reservedForRegistration);
        }
        if (requestCapacity < 256)
        {
            throw new IllegalArgumentException("requestCapacity must be at least 256: " + requestCapacity);
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
    public ClientTransactionsContext timers(final TimerService timers)
    {
        this.timers = timers;
        return this;
    }

    /**
     * @param sender where requests, retransmissions and ACKs leave.
     * @return this.
     */
    public ClientTransactionsContext sender(final SipSender sender)
    {
        this.sender = sender;
        return this;
    }

    /**
     * @param random the injected seeded source the branches are drawn from.
     * @return this.
     */
    public ClientTransactionsContext random(final RandomSource random)
    {
        this.random = random;
        return this;
    }

    /**
     * @param capacity rows in the table: the most client transactions alive at once (R-BAD-4).
     * @return this.
     */
    public ClientTransactionsContext capacity(final int capacity)
    {
        this.capacity = capacity;
        return this;
    }

    /**
     * @param reserved rows only registrations may take, so that a burst of calls or subscriptions cannot delay a
     *                 registration refresh (R-BAD-4).
     * @return this.
     */
    public ClientTransactionsContext reservedForRegistration(final int reserved)
    {
        this.reservedForRegistration = reserved;
        return this;
    }

    /**
     * @param requestCapacity the largest request a row can hold, in bytes.
     * @return this.
     */
    public ClientTransactionsContext requestCapacity(final int requestCapacity)
    {
        this.requestCapacity = requestCapacity;
        return this;
    }

    /**
     * @param t1Ns RFC 3261 T1 in nanoseconds.
     * @param t2Ns RFC 3261 T2 in nanoseconds.
     * @param t4Ns RFC 3261 T4 in nanoseconds.
     * @return this.
     */
    public ClientTransactionsContext timerValues(final long t1Ns, final long t2Ns, final long t4Ns)
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

    RandomSource random()
    {
        return random;
    }

    int capacity()
    {
        return capacity;
    }

    int reservedForRegistration()
    {
        return reservedForRegistration;
    }

    int requestCapacity()
    {
        return requestCapacity;
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
