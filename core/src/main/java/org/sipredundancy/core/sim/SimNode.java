package org.sipredundancy.core.sim;

import org.sipredundancy.hal.InboundEventQueue;

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

    /**
     * Whether {@link #doWork} could do anything now, so a simulation of many nodes runs only those that can. A node
     * that cannot tell cheaply keeps the default and is run at every instant.
     *
     * @param nowNs the virtual time now.
     * @return false only when {@link #doWork} would certainly do nothing.
     */
    default boolean isReady(final long nowNs)
    {
        return true;
    }

    /**
     * The queue the network delivers this node's events to, so a simulation learns from the network which nodes
     * have something new instead of asking each. A node that returns null (the default) runs in every round.
     *
     * @return the node's inbound queue, or null.
     */
    default InboundEventQueue inbound()
    {
        return null;
    }
}
