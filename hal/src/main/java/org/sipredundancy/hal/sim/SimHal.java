package org.sipredundancy.hal.sim;

import org.sipredundancy.hal.Hal;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.KeyEventPublisher;
import org.sipredundancy.hal.SplitMix64Random;

/**
 * A simulated phone's {@link Hal} (SPEC R-RT-5): the world's virtual clock, the phone's own seeded random source,
 * its host in a {@link SimNetwork}, lamps that remember their state, and the inbound queue its keys publish into.
 * <pre>
 *   SimHal --+-- nanoClock / epochClock --&gt; the simulation's SimClock (shared by every host)
 *            +-- random -----------------&gt; SplitMix64Random(seed)    (one per phone)
 *            +-- network ----------------&gt; SimHostNetwork at address (attached here)
 *            +-- indicators -------------&gt; SimIndicators
 *            +-- inbound &lt;-- keys -------- KeyEventPublisher
 * </pre>
 * A simulation with one master seed gives each component its own seed with
 * {@link SplitMix64Random#deriveSeed(long, long)}, so extra draws in one phone never shift another's sequence.
 * Not thread safe.
 */
public final class SimHal implements Hal
{
    private final SimClock clock;
    private final SplitMix64Random random;
    private final SimHostNetwork network;
    private final SimIndicators indicators = new SimIndicators();
    private final InboundEventQueue inbound;
    private final KeyEventPublisher keys;

    /**
     * Attach a phone to a simulated network.
     *
     * @param network the simulated network; its clock becomes the phone's clock.
     * @param address the phone's IPv4 address, not yet attached.
     * @param seed    the phone's own seed, derived from the simulation's master seed.
     * @param inbound the phone's inbound queue, for network events and key presses alike.
     * @throws IllegalArgumentException when a host already has the address.
     */
    public SimHal(final SimNetwork network, final int address, final long seed, final InboundEventQueue inbound)
    {
        clock = network.clock();
        random = new SplitMix64Random(seed);
        this.network = network.attach(address, inbound);
        this.inbound = inbound;
        keys = new KeyEventPublisher(inbound);
    }

    /**
     * {@inheritDoc}
     */
    public SimClock nanoClock()
    {
        return clock;
    }

    /**
     * {@inheritDoc}
     */
    public SimClock epochClock()
    {
        return clock;
    }

    /**
     * {@inheritDoc}
     */
    public SplitMix64Random random()
    {
        return random;
    }

    /**
     * {@inheritDoc}
     */
    public SimHostNetwork network()
    {
        return network;
    }

    /**
     * {@inheritDoc}
     */
    public SimIndicators indicators()
    {
        return indicators;
    }

    /**
     * {@inheritDoc}
     */
    public InboundEventQueue inbound()
    {
        return inbound;
    }

    /**
     * {@inheritDoc}
     */
    public KeyEventPublisher keys()
    {
        return keys;
    }

    /**
     * @return the phone's IPv4 address.
     */
    public int address()
    {
        return network.address();
    }
}
