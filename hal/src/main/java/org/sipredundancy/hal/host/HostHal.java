package org.sipredundancy.hal.host;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.sipredundancy.hal.Hal;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Indicators;
import org.sipredundancy.hal.KeyEventPublisher;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.SplitMix64Random;

import java.security.SecureRandom;

/**
 * The {@link Hal} of a real host: system clocks, a {@link SplitMix64Random} seeded from the OS's secure random
 * source unless a seed is given (so that two phones started together do not pick the same Call-IDs and back-off
 * times), a {@link HostNetwork}, and lamps printed to the console. Keys are published into the same inbound queue
 * as the network's events; drive them with a {@link ConsoleKeypad} or from a test.
 * <p>
 * Closing it stops the network's I/O thread. Not thread safe, except as its parts say.
 */
public final class HostHal implements Hal, AutoCloseable
{
    private final InboundEventQueue inbound;
    private final HostNetwork network;
    private final RandomSource random;
    private final KeyEventPublisher keys;
    private final Indicators indicators;

    /**
     * Build the host with default settings, printing lamps to {@link System#out}.
     */
    public HostHal()
    {
        this(new HostHalContext());
    }

    /**
     * Build the host and start its network.
     *
     * @param context the set-up; concluded here.
     */
    public HostHal(final HostHalContext context)
    {
        context.conclude();
        inbound = new InboundEventQueue(context.inboundCapacity(), context.inboundPayloadCapacity());
        random = new SplitMix64Random(context.isSeeded() ? context.seed() : new SecureRandom().nextLong());
        keys = new KeyEventPublisher(inbound);
        indicators = new ConsoleIndicators(context.indicatorOut());
        network = new HostNetwork(context.networkContext(), inbound);
    }

    /**
     * {@inheritDoc}
     */
    public NanoClock nanoClock()
    {
        return SystemNanoClock.INSTANCE;
    }

    /**
     * {@inheritDoc}
     */
    public EpochClock epochClock()
    {
        return SystemEpochClock.INSTANCE;
    }

    /**
     * {@inheritDoc}
     */
    public RandomSource random()
    {
        return random;
    }

    /**
     * {@inheritDoc}
     */
    public HostNetwork network()
    {
        return network;
    }

    /**
     * {@inheritDoc}
     */
    public Indicators indicators()
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
     * Stop the network and close its sockets.
     */
    public void close()
    {
        network.close();
    }
}
