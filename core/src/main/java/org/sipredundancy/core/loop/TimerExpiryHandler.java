package org.sipredundancy.core.loop;

/**
 * An owner of timers in a {@link TimerService}. The owner registers once, gets an owner id, and then schedules
 * timers under tokens of its own choosing (a transaction slot, an account index and a timer kind packed into
 * 48 bits...), so expiry reaches it without any per-timer object.
 */
@FunctionalInterface
public interface TimerExpiryHandler
{
    /**
     * A timer of this owner expired. Called on the duty cycle thread during {@link TimerService#poll(long)}.
     *
     * @param token the token the timer was scheduled with.
     * @param nowNs the duty cycle's current time.
     */
    void onTimerExpiry(long token, long nowNs);
}
