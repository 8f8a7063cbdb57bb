package org.sipredundancy.core.loop;

import org.agrona.DeadlineTimerWheel;

/**
 * One timer of a component, made at start-up and scheduled, moved and cancelled as often as needed through a
 * {@link TimerService}. Holding the timer as an object is what lets the service find it in an array on expiry
 * and cancel, with no map lookup and no allocation, and it makes a stale cancel harmless: a timer that has fired
 * is simply no longer scheduled.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class Timer
{
    static final long NOT_SCHEDULED = DeadlineTimerWheel.NULL_DEADLINE;

    final TimerExpiryHandler handler;
    final long token;
    long timerId = NOT_SCHEDULED;
    long deadlineNs = NOT_SCHEDULED;

    /**
     * @param handler told when the timer expires.
     * @param token   handed back on expiry, so one handler can own many timers (a slot index, a timer kind).
     */
    public Timer(final TimerExpiryHandler handler, final long token)
    {
        this.handler = handler;
        this.token = token;
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
