package org.sipredundancy.core.loop;

/**
 * The owner of one or more {@link Timer}s. Each timer carries a token of the owner's choosing (a transaction slot,
 * an account index and a timer kind packed into a long...), so one handler can serve many timers.
 */
@FunctionalInterface
public interface TimerExpiryHandler
{
    /**
     * A timer of this owner expired. Called on the duty cycle thread during {@link TimerService#poll(long)}.
     *
     * @param token the token of the timer that expired.
     * @param nowNs the duty cycle's current time.
     */
    void onTimerExpiry(long token, long nowNs);
}
