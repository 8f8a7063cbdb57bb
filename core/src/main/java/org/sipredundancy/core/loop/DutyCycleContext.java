package org.sipredundancy.core.loop;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.NanoClock;
import org.sipredundancy.hal.InboundEventQueue;

/**
 * The settings of a {@link DutyCycle}, set fluently and checked once by {@link #conclude()} (Aeron's
 * {@code Context} habit): every capacity is fixed here, so nothing grows after start.
 */
public final class DutyCycleContext
{
    /** About a millisecond: fine enough for SIP's T1 of 500 ms, coarse enough for few empty ticks. */
    public static final long DEFAULT_TICK_RESOLUTION_NS = 1L << 20;
    /** One turn of the wheel at the default resolution is about a second. */
    public static final int DEFAULT_TICKS_PER_WHEEL = 1024;

    private NanoClock nanoClock;
    private InboundEventQueue inbound;
    private ErrorHandler errorHandler;
    private long tickResolutionNs = DEFAULT_TICK_RESOLUTION_NS;
    private int ticksPerWheel = DEFAULT_TICKS_PER_WHEEL;
    private int timerCapacity = 4096;
    private int timerExpiryLimit = 256;
    private int inboundLimit = 64;
    private int endpointCapacity = 64;
    private int componentCapacity = 32;
    private boolean concluded;

    /**
     * @param nanoClock the device's clock (the HAL's, or a simulation's virtual one).
     * @return this.
     */
    public DutyCycleContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * @param inbound the device's inbound queue.
     * @return this.
     */
    public DutyCycleContext inbound(final InboundEventQueue inbound)
    {
        this.inbound = inbound;
        return this;
    }

    /**
     * @param errorHandler told of exceptions contained in the duty cycle; defaults to counting only.
     * @return this.
     */
    public DutyCycleContext errorHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
        return this;
    }

    /**
     * @param tickResolutionNs timer wheel tick, a power of two nanoseconds.
     * @return this.
     */
    public DutyCycleContext tickResolutionNs(final long tickResolutionNs)
    {
        this.tickResolutionNs = tickResolutionNs;
        return this;
    }

    /**
     * @param ticksPerWheel ticks per turn of the timer wheel, a power of two.
     * @return this.
     */
    public DutyCycleContext ticksPerWheel(final int ticksPerWheel)
    {
        this.ticksPerWheel = ticksPerWheel;
        return this;
    }

    /**
     * @param timerCapacity most timers at once (SPEC R-BAD-4).
     * @return this.
     */
    public DutyCycleContext timerCapacity(final int timerCapacity)
    {
        this.timerCapacity = timerCapacity;
        return this;
    }

    /**
     * @param timerExpiryLimit most timer expiries per cycle.
     * @return this.
     */
    public DutyCycleContext timerExpiryLimit(final int timerExpiryLimit)
    {
        this.timerExpiryLimit = timerExpiryLimit;
        return this;
    }

    /**
     * @param inboundLimit most inbound events handled per cycle, so timers and components still get their turn
     *                     under a flood.
     * @return this.
     */
    public DutyCycleContext inboundLimit(final int inboundLimit)
    {
        this.inboundLimit = inboundLimit;
        return this;
    }

    /**
     * @param endpointCapacity most network endpoints routed at once.
     * @return this.
     */
    public DutyCycleContext endpointCapacity(final int endpointCapacity)
    {
        this.endpointCapacity = endpointCapacity;
        return this;
    }

    /**
     * @param componentCapacity most polled components.
     * @return this.
     */
    public DutyCycleContext componentCapacity(final int componentCapacity)
    {
        this.componentCapacity = componentCapacity;
        return this;
    }

    /**
     * Check the settings and fill in defaults.
     *
     * @return this.
     * @throws IllegalStateException naming the first setting that is missing or out of range.
     */
    public DutyCycleContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        require(nanoClock != null, "nanoClock must be set");
        require(inbound != null, "inbound queue must be set");
        require(Long.bitCount(tickResolutionNs) == 1, "tickResolutionNs must be a power of two: " + tickResolutionNs);
        require(Integer.bitCount(ticksPerWheel) == 1, "ticksPerWheel must be a power of two: " + ticksPerWheel);
        require(timerCapacity > 0, "timerCapacity must be positive: " + timerCapacity);
        require(timerExpiryLimit > 0, "timerExpiryLimit must be positive: " + timerExpiryLimit);
        require(inboundLimit > 0, "inboundLimit must be positive: " + inboundLimit);
        require(endpointCapacity > 0, "endpointCapacity must be positive: " + endpointCapacity);
        require(componentCapacity > 0, "componentCapacity must be positive: " + componentCapacity);
        if (errorHandler == null)
        {
            errorHandler = (throwable) -> {};
        }
        concluded = true;
        return this;
    }

    NanoClock nanoClock()
    {
        return nanoClock;
    }

    InboundEventQueue inbound()
    {
        return inbound;
    }

    ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    long tickResolutionNs()
    {
        return tickResolutionNs;
    }

    int ticksPerWheel()
    {
        return ticksPerWheel;
    }

    int timerCapacity()
    {
        return timerCapacity;
    }

    int timerExpiryLimit()
    {
        return timerExpiryLimit;
    }

    int inboundLimit()
    {
        return inboundLimit;
    }

    int endpointCapacity()
    {
        return endpointCapacity;
    }

    int componentCapacity()
    {
        return componentCapacity;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException("DutyCycleContext: " + message);
        }
    }
}
