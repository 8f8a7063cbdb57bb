package org.sipredundancy.core.loop;

/**
 * A component with time-driven work, polled once per duty cycle after the inbound queue and the timers.
 */
@FunctionalInterface
public interface Pollable
{
    /**
     * Do whatever is due; must not block and must not allocate in steady state.
     *
     * @param nowNs the duty cycle's time, read once per cycle.
     * @return the amount of work done, 0 when there was nothing to do.
     */
    int poll(long nowNs);
}
