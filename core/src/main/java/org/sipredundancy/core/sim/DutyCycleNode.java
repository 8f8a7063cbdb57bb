package org.sipredundancy.core.sim;

import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.hal.InboundEventQueue;

/**
 * A phone's {@link DutyCycle} as a node of a simulation: the simulation calls {@link DutyCycle#doWork()} exactly as
 * an {@code AgentRunner} would on a device, only in virtual time.
 */
public final class DutyCycleNode implements SimNode
{
    private final DutyCycle dutyCycle;

    /**
     * @param dutyCycle the phone's duty cycle, built on the simulation's clock.
     */
    public DutyCycleNode(final DutyCycle dutyCycle)
    {
        this.dutyCycle = dutyCycle;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        return dutyCycle.doWork();
    }

    /**
     * {@inheritDoc}
     */
    public long nextDeadlineNs()
    {
        return dutyCycle.timers().nextDeadlineNs();
    }

    /**
     * {@inheritDoc}
     */
    public boolean isReady(final long nowNs)
    {
        return dutyCycle.hasWork(nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public InboundEventQueue inbound()
    {
        return dutyCycle.inbound();
    }

    /**
     * @return the wrapped duty cycle.
     */
    public DutyCycle dutyCycle()
    {
        return dutyCycle;
    }
}
