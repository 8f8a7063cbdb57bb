package org.sipredundancy.core.loop;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.sipredundancy.hal.InboundEventQueue;

/**
 * The phone's one thread of work (SPEC R-RT-1), in the manner of Aeron's conductor: each {@link #doWork()} reads
 * the clock once, drains the inbound queue up to a limit, expires due timers up to a limit, then polls each
 * component, and returns how much it did (0 when idle, so an idle strategy can back off).
 * <p>
 * On a device or the host it runs under Agrona's {@code AgentRunner}; in a simulation the driver calls
 * {@link #doWork()} itself in virtual time. It never blocks and allocates nothing once started.
 * <p>
 * Not thread safe: everything here belongs to the duty cycle thread.
 */
public final class DutyCycle implements Agent
{
    private final NanoClock nanoClock;
    private final InboundEventQueue inbound;
    private final InboundRouter router;
    private final TimerService timers;
    private final Pollable[] components;
    private final int inboundLimit;
    private int componentCount;
    private long nowNs;
    private long cycleCount;
    private boolean inCycle;
    private int lastWorkCount;

    /**
     * Build a duty cycle from concluded settings.
     *
     * @param context the settings; concluded here if not yet.
     */
    public DutyCycle(final DutyCycleContext context)
    {
        context.conclude();
        nanoClock = context.nanoClock();
        inbound = context.inbound();
        inboundLimit = context.inboundLimit();
        nowNs = nanoClock.nanoTime();
        router = new InboundRouter(context.endpointCapacity(), context.errorHandler());
        timers = new TimerService(
            nowNs,
            context.tickResolutionNs(),
            context.ticksPerWheel(),
            context.timerCapacity(),
            context.timerExpiryLimit());
        components = new Pollable[context.componentCapacity()];
    }

    /**
     * Add a component polled on every cycle, in the order added. Start-up only.
     *
     * @param component the component.
     * @return this.
     */
    public DutyCycle addComponent(final Pollable component)
    {
        if (componentCount == components.length)
        {
            throw new IllegalStateException("components exceed the configured capacity of " + components.length);
        }
        components[componentCount++] = component;
        return this;
    }

    /**
     * One cycle of work.
     *
     * @return the number of events, expiries and component work items handled; 0 when idle.
     */
    public int doWork()
    {
        final long nowNs = nanoClock.nanoTime();
        this.nowNs = nowNs;
        inCycle = true;
        try
        {
            return cycle(nowNs);
        }
        finally
        {
            inCycle = false;
        }
    }

    private int cycle(final long nowNs)
    {
        cycleCount++;
        router.nowNs(nowNs);
        int workCount = inbound.drain(router, inboundLimit);
        workCount += timers.poll(nowNs);
        final Pollable[] components = this.components;
        for (int i = 0, n = componentCount; i < n; i++)
        {
            workCount += components[i].poll(nowNs);
        }
        lastWorkCount = workCount;
        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "sip-duty-cycle";
    }

    /**
     * Whether a cycle now would find work: inbound events waiting, a timer due, or the last cycle busy (a component
     * that retries, such as a refused DNS question, is polled again). A simulation of many phones runs only these.
     *
     * @param nowNs the time now.
     * @return false only when a cycle now would certainly do nothing.
     */
    public boolean hasWork(final long nowNs)
    {
        return lastWorkCount > 0 || inbound.size() > 0 || timers.nextDeadlineNs() <= nowNs;
    }

    /**
     * The duty cycle's time. Inside a cycle it is the time read at the cycle's start, one time for everything the
     * cycle does; between cycles it is the clock's time now, so work started from outside (start-up, a simulation
     * that drives the phone between instants, a cycle skipped because it had nothing to do) is stamped with the
     * present and not with the last cycle's time.
     *
     * @return the time in the duty cycle's clock.
     */
    public long nowNs()
    {
        return inCycle ? nowNs : nanoClock.nanoTime();
    }

    /**
     * @return cycles run since start.
     */
    public long cycleCount()
    {
        return cycleCount;
    }

    /**
     * @return the timer service components schedule on.
     */
    public TimerService timers()
    {
        return timers;
    }

    /**
     * @return the router components register their endpoints and input handler with.
     */
    public InboundRouter router()
    {
        return router;
    }

    /**
     * @return the inbound queue this cycle drains.
     */
    public InboundEventQueue inbound()
    {
        return inbound;
    }
}
