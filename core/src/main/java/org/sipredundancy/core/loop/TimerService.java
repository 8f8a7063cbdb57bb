package org.sipredundancy.core.loop;

import org.agrona.BitUtil;
import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2LongHashMap;

import java.util.concurrent.TimeUnit;

/**
 * The core's timers: an Agrona {@link DeadlineTimerWheel} that is its own expiry handler (as Aeron cluster's
 * {@code WheelTimerService} is), with fixed capacity and no allocation after start.
 * <p>
 * A timer is named by (owner id, token): owners register once and get an id; the pair packs into one
 * {@code long} correlation id, so expiry finds the owner in an array and scheduling again under the same name
 * replaces the earlier timer. Past {@link #capacity()} timers, scheduling is refused and counted (SPEC R-BAD-4).
 * <pre>
 *   correlation id:  63        48 47                                   0
 *                   +-----------+--------------------------------------+
 *                   | owner id  |               token                  |
 *                   +-----------+--------------------------------------+
 * </pre>
 * Timers that fall in the same tick fire in no set order. When virtual time jumps (simulation), the wheel skips
 * empty ticks instead of walking them, so a day of simulated time costs what its timers cost.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class TimerService extends DeadlineTimerWheel
    implements DeadlineTimerWheel.TimerHandler, DeadlineTimerWheel.TimerConsumer
{
    /** Largest token an owner may use. */
    public static final long MAX_TOKEN = (1L << 48) - 1;
    /** Most owners a service can have. */
    public static final int MAX_OWNERS = 1 << 15;

    private static final long MISSING = Long.MIN_VALUE;

    private final TimerExpiryHandler[] owners;
    private final Long2LongHashMap correlationByTimerId;
    private final Long2LongHashMap timerIdByCorrelation;
    private final int capacity;
    private final int expiryLimit;
    private int ownerCount;
    private long refusedCount;
    private long earliestDeadlineNs = Long.MAX_VALUE;
    private boolean earliestKnown = true;
    private long scanMinimum;

    /**
     * Create a timer service.
     *
     * @param startTimeNs         the clock's time now.
     * @param tickResolutionNs    tick length, a power of two (e.g. 1 &lt;&lt; 20, about a millisecond).
     * @param ticksPerWheel       ticks in one turn of the wheel, a power of two.
     * @param capacity            most timers scheduled at once.
     * @param maxOwners           most owners that will register.
     * @param expiryLimit         most expiries per {@link #poll(long)} call, so one cycle stays short.
     */
    public TimerService(
        final long startTimeNs,
        final long tickResolutionNs,
        final int ticksPerWheel,
        final int capacity,
        final int maxOwners,
        final int expiryLimit)
    {
        super(TimeUnit.NANOSECONDS, startTimeNs, tickResolutionNs, ticksPerWheel, initialTickAllocation(capacity));
        if (capacity < 1 || maxOwners < 1 || maxOwners > MAX_OWNERS || expiryLimit < 1)
        {
            throw new IllegalArgumentException("capacity, maxOwners (<= " + MAX_OWNERS + ") and expiryLimit must " +
                "be positive: " + capacity + ", " + maxOwners + ", " + expiryLimit);
        }
        this.capacity = capacity;
        this.expiryLimit = expiryLimit;
        owners = new TimerExpiryHandler[maxOwners];
        final int mapCapacity = BitUtil.findNextPositivePowerOfTwo(capacity * 2);
        correlationByTimerId = new Long2LongHashMap(mapCapacity, 0.6f, MISSING);
        timerIdByCorrelation = new Long2LongHashMap(mapCapacity, 0.6f, MISSING);
    }

    /**
     * Register an owner of timers. Start-up only.
     *
     * @param owner receives the expiry of every timer scheduled under the returned id.
     * @return the owner id to schedule with.
     */
    public int registerOwner(final TimerExpiryHandler owner)
    {
        if (ownerCount == owners.length)
        {
            throw new IllegalStateException("timer owners exceed the configured maximum of " + owners.length);
        }
        owners[ownerCount] = owner;
        return ownerCount++;
    }

    /**
     * Schedule (or move) the timer named (ownerId, token) to expire at a deadline.
     *
     * @param ownerId    from {@link #registerOwner(TimerExpiryHandler)}.
     * @param token      the owner's name for the timer, 0 to {@link #MAX_TOKEN}.
     * @param deadlineNs when it expires, in the duty cycle's clock.
     * @return false when the service is full and the timer was refused (counted in {@link #refusedCount()}).
     */
    public boolean schedule(final int ownerId, final long token, final long deadlineNs)
    {
        final long correlation = correlation(ownerId, token);
        cancelCorrelation(correlation);
        if (timerCount() >= capacity)
        {
            refusedCount++;
            return false;
        }
        final long timerId = scheduleTimer(deadlineNs);
        correlationByTimerId.put(timerId, correlation);
        timerIdByCorrelation.put(correlation, timerId);
        if (deadlineNs < earliestDeadlineNs)
        {
            earliestDeadlineNs = deadlineNs;
        }
        return true;
    }

    /**
     * Cancel the timer named (ownerId, token), if scheduled.
     *
     * @param ownerId the owner.
     * @param token   the timer's token.
     * @return whether a timer was cancelled.
     */
    public boolean cancel(final int ownerId, final long token)
    {
        return cancelCorrelation(correlation(ownerId, token));
    }

    /**
     * Whether the timer named (ownerId, token) is scheduled.
     *
     * @param ownerId the owner.
     * @param token   the timer's token.
     * @return true while it waits to expire.
     */
    public boolean isScheduled(final int ownerId, final long token)
    {
        return timerIdByCorrelation.get(correlation(ownerId, token)) != MISSING;
    }

    /**
     * The deadline of the timer named (ownerId, token).
     *
     * @param ownerId the owner.
     * @param token   the timer's token.
     * @return its deadline, or {@link DeadlineTimerWheel#NULL_DEADLINE} when not scheduled.
     */
    public long deadlineOf(final int ownerId, final long token)
    {
        final long timerId = timerIdByCorrelation.get(correlation(ownerId, token));
        return timerId == MISSING ? NULL_DEADLINE : deadline(timerId);
    }

    /**
     * Expire due timers, at most the expiry limit, catching the wheel up to {@code nowNs}.
     *
     * @param nowNs the duty cycle's current time.
     * @return the number of timers that expired.
     */
    public int poll(final long nowNs)
    {
        skipEmptyTicks(nowNs);
        int expired = 0;
        long tickTimeNs;
        do
        {
            // The wheel moves to the next tick only once now has passed the current one, so keep polling while it
            // moves: the last pass then scans the tick that holds now, and a timer due now fires now.
            tickTimeNs = currentTickTime();
            expired += poll(nowNs, this, expiryLimit - expired);
        }
        while (expired < expiryLimit && currentTickTime() != tickTimeNs);
        return expired;
    }

    /**
     * The earliest deadline of all scheduled timers: what a simulation advances virtual time to. May scan all
     * timers when the earliest one has gone, so it is for simulation drivers, not the device's duty cycle.
     *
     * @return the earliest deadline, or {@link Long#MAX_VALUE} when no timer is scheduled.
     */
    public long nextDeadlineNs()
    {
        if (!earliestKnown)
        {
            scanMinimum = Long.MAX_VALUE;
            forEach(this);
            earliestDeadlineNs = scanMinimum;
            earliestKnown = true;
        }
        return earliestDeadlineNs;
    }

    /**
     * @return timers refused because the service was full, since start.
     */
    public long refusedCount()
    {
        return refusedCount;
    }

    /**
     * @return the most timers that can be scheduled at once.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * Part of the {@link DeadlineTimerWheel.TimerHandler} contract: routes an expiry to its owner.
     * {@inheritDoc}
     */
    public boolean onTimerExpiry(final TimeUnit timeUnit, final long now, final long timerId)
    {
        final long correlation = correlationByTimerId.remove(timerId);
        if (correlation == MISSING)
        {
            return true;
        }
        timerIdByCorrelation.remove(correlation);
        // The wheel has already taken the timer out (count and slot) before calling here.
        if (timerCount() == 0)
        {
            earliestDeadlineNs = Long.MAX_VALUE;
            earliestKnown = true;
        }
        else
        {
            earliestKnown = false;
        }
        owners[(int)(correlation >>> 48)].onTimerExpiry(correlation & MAX_TOKEN, now);
        return true;
    }

    /**
     * Part of the {@link DeadlineTimerWheel.TimerConsumer} contract: the scan behind {@link #nextDeadlineNs()}.
     * {@inheritDoc}
     */
    public void accept(final long deadline, final long timerId)
    {
        if (deadline < scanMinimum)
        {
            scanMinimum = deadline;
        }
    }

    private boolean cancelCorrelation(final long correlation)
    {
        final long timerId = timerIdByCorrelation.remove(correlation);
        if (timerId == MISSING)
        {
            return false;
        }
        correlationByTimerId.remove(timerId);
        forgetIfEarliest(deadline(timerId));
        cancelTimer(timerId);
        return true;
    }

    /**
     * Called before a cancelled timer leaves the wheel: when it is the last one nothing is left, and when it was
     * the earliest the next query must scan.
     */
    private void forgetIfEarliest(final long deadlineNs)
    {
        if (timerCount() <= 1)
        {
            earliestDeadlineNs = Long.MAX_VALUE;
            earliestKnown = true;
        }
        else if (deadlineNs <= earliestDeadlineNs)
        {
            earliestKnown = false;
        }
    }

    /**
     * Move the wheel straight to the tick of the earlier of now and the earliest deadline. No timer is due in the
     * ticks skipped, so nothing can be missed; scanning for the earliest deadline costs one pass over the timers,
     * paid only when the gap is longer than that pass.
     */
    private void skipEmptyTicks(final long nowNs)
    {
        final long gapTicks = (nowNs - currentTickTime()) / tickResolution();
        if (gapTicks <= 1)
        {
            return;
        }
        if (timerCount() == 0)
        {
            currentTickTime(nowNs);
            return;
        }
        if (earliestKnown || gapTicks > timerCount())
        {
            final long target = Math.min(nowNs, nextDeadlineNs());
            currentTickTime(target);
        }
    }

    private static long correlation(final int ownerId, final long token)
    {
        return ((long)ownerId << 48) | (token & MAX_TOKEN);
    }

    private static int initialTickAllocation(final int capacity)
    {
        return BitUtil.findNextPositivePowerOfTwo(Math.max(16, Math.min(capacity, 1024) / 16));
    }
}
