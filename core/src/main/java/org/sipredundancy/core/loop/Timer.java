package org.sipredundancy.core.loop;

import org.agrona.DeadlineTimerWheel;

/**
 * One timer of a component, made at start-up by {@link TimerService#newTimer(TimerExpiryHandler, long)} and then
 * scheduled, moved and cancelled as often as needed. The service numbers its timers, so the wheel's slots hold an
 * {@code int} rather than a reference (no GC write barrier on the hot path) and expiry and cancel are array
 * accesses, not map lookups. A stale cancel is harmless: a timer that has fired is simply no longer scheduled.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class Timer
{
    static final long NOT_SCHEDULED = DeadlineTimerWheel.NULL_DEADLINE;

    final TimerExpiryHandler handler;
    final long token;
    final int index;
    long timerId = NOT_SCHEDULED;
    long deadlineNs = NOT_SCHEDULED;

    /**
     * Made by {@link TimerService#newTimer(TimerExpiryHandler, long)}, which numbers its timers.
     */
    Timer(final TimerExpiryHandler handler, final long token, final int index)
    {
        this.handler = handler;
        this.token = token;
        this.index = index;
    }

    /**
     * @return whether the timer waits to expire.
     */
    public boolean isScheduled()
    {
        return timerId != NOT_SCHEDULED;
    }

    /**
     * @return the deadline it waits for, or {@link DeadlineTimerWheel#NULL_DEADLINE} when not scheduled.
     */
    public long deadlineNs()
    {
        return deadlineNs;
    }

    /**
     * @return the token given at construction.
     */
    public long token()
    {
        return token;
    }
}
