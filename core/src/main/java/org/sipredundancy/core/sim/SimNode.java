package org.sipredundancy.core.sim;

/**
 * Anything a {@link Simulation} steps: a phone's duty cycle, a simulated registrar or DNS server, a test peer.
 * Every node runs on the simulation's one thread in virtual time.
 */
public interface SimNode
{
    /**
     * Do the work that is due now (drain the node's queue, expire its timers).
     *
     * @return the amount of work done; 0 when the node is idle at the current virtual time.
     */
    int doWork();

    /**
     * When this node next has work of its own (its earliest timer), so the simulation can jump straight there.
     *
     * @return a virtual time in nanoseconds, or {@link Long#MAX_VALUE} when the node waits only for input.
     */
    long nextDeadlineNs();
}
