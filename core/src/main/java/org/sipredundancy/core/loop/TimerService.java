package org.sipredundancy.core.loop;

import org.agrona.BitUtil;
import org.agrona.DeadlineTimerWheel;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The core's timers: an Agrona {@link DeadlineTimerWheel} that is its own expiry handler (as Aeron cluster's
 * {@code WheelTimerService} is), with fixed capacity and no allocation after start.
 * <p>
 * Components schedule {@link Timer}s made at start-up with {@link #newTimer(TimerExpiryHandler, long)}, which
 * numbers them. The wheel's timer id names a slot (the tick on the wheel and the index within it), and a parallel
 * {@code int} array holds the number of the timer in that slot, so expiry and cancel are array accesses, not map
 * lookups, and no reference is stored on the hot path:
 * <pre>
 *   timer id:     63            32 31             0
 *                +----------------+----------------+
 *                | tick on wheel  | index in tick  |   timerIndexBySlot[tick * slotsPerTick + index]
 *                +----------------+----------------+
 * </pre>
 * Past {@link #capacity()} timers, scheduling is refused and counted (SPEC R-BAD-4). Timers that fall in the same
 * tick fire in no set order. When virtual time jumps (simulation), the wheel skips empty ticks instead of walking
 * them, so a simulated day costs what its timers cost.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class TimerService extends DeadlineTimerWheel implements DeadlineTimerWheel.TimerHandler
{
    private final int capacity;
    private final int expiryLimit;
    private final int resolutionShift;
    private int[] timerIndexBySlot;
    private Timer[] timers = new Timer[64];
    /** Each timer's deadline by its number, {@link Long#MAX_VALUE} when not scheduled: the earliest-deadline scan. */
    private long[] deadlines = new long[64];
    private int timerTotal;
    private int slotsPerTickShift;
    private long refusedCount;
    private long earliestDeadlineNs = Long.MAX_VALUE;
    private boolean earliestKnown = true;

    /**
     * Create a timer service.
     *
     * @param startTimeNs      the clock's time now.
     * @param tickResolutionNs tick length, a power of two (e.g. 1 &lt;&lt; 20, about a millisecond).
     * @param ticksPerWheel    ticks in one turn of the wheel, a power of two.
     * @param capacity         most timers scheduled at once.
     * @param expiryLimit      most expiries per {@link #poll(long)} call, so one cycle stays short.
     */
    public TimerService(
        final long startTimeNs,
        final long tickResolutionNs,
        final int ticksPerWheel,
        final int capacity,
        final int expiryLimit)
    {
        super(TimeUnit.NANOSECONDS, startTimeNs, tickResolutionNs, ticksPerWheel, initialSlotsPerTick(capacity));
        if (capacity < 1 || expiryLimit < 1)
        {
            throw new IllegalArgumentException(
                "capacity and expiryLimit must be positive: " + capacity + ", " + expiryLimit);
        }
        this.capacity = capacity;
        this.expiryLimit = expiryLimit;
        resolutionShift = Long.numberOfTrailingZeros(tickResolutionNs);
        final int slotsPerTick = initialSlotsPerTick(capacity);
        slotsPerTickShift = Integer.numberOfTrailingZeros(slotsPerTick);
        timerIndexBySlot = new int[ticksPerWheel * slotsPerTick];
    }

    /**
     * Make a timer. Start-up only: it may allocate.
     *
     * @param handler told when the timer expires.
     * @param token   handed back on expiry, so one handler can own many timers (a slot index, a timer kind).
     * @return the timer, not yet scheduled.
     */
    public Timer newTimer(final TimerExpiryHandler handler, final long token)
    {
        if (timerTotal == timers.length)
        {
            timers = Arrays.copyOf(timers, timers.length * 2);
            deadlines = Arrays.copyOf(deadlines, deadlines.length * 2);
        }
        deadlines[timerTotal] = Long.MAX_VALUE;
        final Timer timer = new Timer(handler, token, timerTotal);
        timers[timerTotal++] = timer;
        return timer;
    }

    /**
     * Schedule a timer, or move it if it is already scheduled.
     *
     * @param timer      a timer of this service.
     * @param deadlineNs when it expires, in the duty cycle's clock.
     * @return false when the service is full and the timer was refused (counted in {@link #refusedCount()}); the
     *         timer is then not scheduled.
     */
    public boolean schedule(final Timer timer, final long deadlineNs)
    {
        if (timer.timerId != Timer.NOT_SCHEDULED)
        {
            cancel(timer);
        }
        if (timerCount() >= capacity)
        {
            refusedCount++;
            return false;
        }
        final long timerId = scheduleTimer(deadlineNs);
        final int index = (int)timerId;
        if (index >= (1 << slotsPerTickShift))
        {
            growSlots(index);
        }
        timerIndexBySlot[slot(timerId)] = timer.index;
        timer.timerId = timerId;
        timer.deadlineNs = deadlineNs;
        deadlines[timer.index] = deadlineNs;
        if (deadlineNs < earliestDeadlineNs)
        {
            earliestDeadlineNs = deadlineNs;
        }
        return true;
    }

    /**
     * Cancel a timer if it is scheduled.
     *
     * @param timer the timer.
     * @return whether it was scheduled.
     */
    public boolean cancel(final Timer timer)
    {
        final long timerId = timer.timerId;
        if (timerId == Timer.NOT_SCHEDULED)
        {
            return false;
        }
        if (timerCount() <= 1)
        {
            earliestDeadlineNs = Long.MAX_VALUE;
            earliestKnown = true;
        }
        else if (timer.deadlineNs <= earliestDeadlineNs)
        {
            earliestKnown = false;
        }
        cancelTimer(timerId);
        timer.timerId = Timer.NOT_SCHEDULED;
        timer.deadlineNs = Timer.NOT_SCHEDULED;
        deadlines[timer.index] = Long.MAX_VALUE;
        return true;
    }

    /**
     * Expire due timers, at most the expiry limit, catching the wheel up to {@code nowNs}. When the earliest deadline
     * is known and later, the wheel is not touched at all, which is most cycles of a phone; it catches up over the
     * empty ticks when something is due. (It is not worked out here when unknown: with 10^5 timers that scan would
     * cost more than the wheel's own poll.)
     *
     * @param nowNs the duty cycle's current time.
     * @return the number of timers that expired.
     */
    public int poll(final long nowNs)
    {
        if (earliestKnown && earliestDeadlineNs > nowNs)
        {
            return 0;
        }
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
     * The earliest deadline of all scheduled timers: what a simulation advances virtual time to. Known at once
     * unless the earliest timer has gone (expired or cancelled); then one pass over the timers' deadlines — an array
     * as long as the timers made, not the wheel's slots — finds it.
     *
     * @return the earliest deadline, or {@link Long#MAX_VALUE} when no timer is scheduled.
     */
    public long nextDeadlineNs()
    {
        if (!earliestKnown)
        {
            long minimum = Long.MAX_VALUE;
            final long[] deadlines = this.deadlines;
            for (int i = 0, n = timerTotal; i < n; i++)
            {
                minimum = Math.min(minimum, deadlines[i]);
            }
            earliestDeadlineNs = minimum;
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
     * Part of the {@link DeadlineTimerWheel.TimerHandler} contract: hands an expiry to its timer's handler.
     * {@inheritDoc}
     */
    public boolean onTimerExpiry(final TimeUnit timeUnit, final long now, final long timerId)
    {
        final Timer timer = timers[timerIndexBySlot[slot(timerId)]];
        // The wheel has already taken the timer out (count and slot) before calling here.
        if (timerCount() == 0)
        {
            earliestDeadlineNs = Long.MAX_VALUE;
            earliestKnown = true;
        }
        else if (timer.deadlineNs <= earliestDeadlineNs)
        {
            earliestKnown = false;
        }
        timer.timerId = Timer.NOT_SCHEDULED;
        timer.deadlineNs = Timer.NOT_SCHEDULED;
        deadlines[timer.index] = Long.MAX_VALUE;
        timer.handler.onTimerExpiry(timer.token, now);
        return true;
    }

    private int slot(final long timerId)
    {
        return ((int)(timerId >>> 32) << slotsPerTickShift) + (int)timerId;
    }

    /**
     * The wheel gave a tick more slots than planned (many timers in one tick): widen the parallel array the same
     * way. Start-up sizing makes this rare; it allocates once and the new size stays.
     */
    private void growSlots(final int index)
    {
        final int oldSlots = 1 << slotsPerTickShift;
        final int newSlots = BitUtil.findNextPositivePowerOfTwo(index + 1);
        final int newShift = Integer.numberOfTrailingZeros(newSlots);
        final int[] grown = new int[ticksPerWheel() * newSlots];
        for (int tick = 0; tick < ticksPerWheel(); tick++)
        {
            System.arraycopy(timerIndexBySlot, tick * oldSlots, grown, tick << newShift, oldSlots);
        }
        timerIndexBySlot = grown;
        slotsPerTickShift = newShift;
    }

    /**
     * Move the wheel straight to the tick of the earlier of now and the earliest deadline. No timer is due in the
     * ticks skipped, so nothing can be missed. Walking a tick and scanning for the earliest deadline both read
     * every slot of a tick, so a scan (all ticks of the wheel) is paid only when the gap is longer than the wheel.
     */
    private void skipEmptyTicks(final long nowNs)
    {
        final long gapTicks = (nowNs - currentTickTime()) >> resolutionShift;
        if (gapTicks <= 1)
        {
            return;
        }
        if (timerCount() == 0)
        {
            currentTickTime(nowNs);
            return;
        }
        if (earliestKnown || gapTicks > ticksPerWheel())
        {
            currentTickTime(Math.min(nowNs, nextDeadlineNs()));
        }
    }

    private static int initialSlotsPerTick(final int capacity)
    {
        return BitUtil.findNextPositivePowerOfTwo(Math.max(16, Math.min(capacity, 1024) / 16));
    }
}
