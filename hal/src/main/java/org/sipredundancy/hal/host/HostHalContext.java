package org.sipredundancy.hal.host;

import java.io.PrintStream;

/**
 * Set-up of a {@link HostHal}: the inbound queue's size, the random seed, where lamps print, and the network's own
 * {@link HostNetworkContext}. Fluent setters, then {@link #conclude()}. Not thread safe.
 */
public final class HostHalContext
{
    /** Default number of inbound events in flight at once. */
    public static final int INBOUND_CAPACITY_DEFAULT = 256;
    /**
     * Default payload bytes per inbound event: the largest datagram, and the chunk size of stream reads. 8 KiB
     * takes any SIP or EDNS answer a phone receives and keeps the pool at 2 MiB of direct memory.
     */
    public static final int INBOUND_PAYLOAD_CAPACITY_DEFAULT = 8192;

    private int inboundCapacity = INBOUND_CAPACITY_DEFAULT;
    private int inboundPayloadCapacity = INBOUND_PAYLOAD_CAPACITY_DEFAULT;
    private boolean seeded;
    private long seed;
    private PrintStream indicatorOut = System.out;
    private HostNetworkContext networkContext = new HostNetworkContext();

    /**
     * Check the values and conclude the network's context.
     *
     * @return this.
     * @throws IllegalStateException when a value is out of range.
     */
    public HostHalContext conclude()
    {
        if (inboundCapacity < 2 || inboundPayloadCapacity < 1)
        {
            throw new IllegalStateException("inboundCapacity must be >= 2 and inboundPayloadCapacity >= 1: " +
                inboundCapacity + ", " + inboundPayloadCapacity);
        }
        if (null == indicatorOut || null == networkContext)
        {
            throw new IllegalStateException("indicatorOut and networkContext must be set");
        }
        networkContext.conclude();
        return this;
    }

    /**
     * @return inbound events that can be in flight at once; more are dropped and counted.
     */
    public int inboundCapacity()
    {
        return inboundCapacity;
    }

    /**
     * @param inboundCapacity inbound events in flight at once, at least 2.
     * @return this.
     */
    public HostHalContext inboundCapacity(final int inboundCapacity)
    {
        this.inboundCapacity = inboundCapacity;
        return this;
    }

    /**
     * @return payload bytes per inbound event: longer datagrams are cut, longer stream reads split.
     */
    public int inboundPayloadCapacity()
    {
        return inboundPayloadCapacity;
    }

    /**
     * @param inboundPayloadCapacity payload bytes per inbound event.
     * @return this.
     */
    public HostHalContext inboundPayloadCapacity(final int inboundPayloadCapacity)
    {
        this.inboundPayloadCapacity = inboundPayloadCapacity;
        return this;
    }

    /**
     * @return whether a seed was given; without one the random source is seeded from the OS.
     */
    public boolean isSeeded()
    {
        return seeded;
    }

    /**
     * @return the seed, meaningful when {@link #isSeeded()}.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * Fix the random seed, to replay a run of the real host as far as the network lets it be replayed.
     *
     * @param seed the seed.
     * @return this.
     */
    public HostHalContext seed(final long seed)
    {
        this.seed = seed;
        this.seeded = true;
        return this;
    }

    /**
     * @return where lamp and status changes print.
     */
    public PrintStream indicatorOut()
    {
        return indicatorOut;
    }

    /**
     * @param indicatorOut where lamp and status changes print.
     * @return this.
     */
    public HostHalContext indicatorOut(final PrintStream indicatorOut)
    {
        this.indicatorOut = indicatorOut;
        return this;
    }

    /**
     * @return the network's set-up.
     */
    public HostNetworkContext networkContext()
    {
        return networkContext;
    }

    /**
     * @param networkContext the network's set-up.
     * @return this.
     */
    public HostHalContext networkContext(final HostNetworkContext networkContext)
    {
        this.networkContext = networkContext;
        return this;
    }
}
