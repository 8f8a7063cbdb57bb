package org.sipredundancy.core.testing;

import org.sipredundancy.core.loop.TimerService;

import java.util.concurrent.TimeUnit;

/**
 * Virtual time for tests that drive a {@link TimerService} without a whole simulation: jump from deadline to
 * deadline, firing timers on the way, so minutes of protocol timers cost microseconds and land on exact instants.
 */
public final class VirtualTime
{
    private VirtualTime()
    {
    }

    /**
     * Fire every timer due up to and including {@code untilMs}, each at its own deadline.
     *
     * @param timers  the timers.
     * @param nowNs   the time now.
     * @param untilMs where to stop, in milliseconds of virtual time.
     * @return the new time: {@code untilMs} in nanoseconds, or {@code nowNs} if that is later.
     */
    public static long runUntilMs(final TimerService timers, final long nowNs, final long untilMs)
    {
        final long untilNs = TimeUnit.MILLISECONDS.toNanos(untilMs);
        long now = nowNs;
        while (true)
        {
            final long next = timers.nextDeadlineNs();
            if (next > untilNs)
            {
                break;
            }
            now = Math.max(now, next);
            timers.poll(now);
        }
        return Math.max(now, untilNs);
    }
}
