package org.sipredundancy.hal.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.SplitMix64Random;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A small simulated world for the tests of this package: a phone and a server on one {@link SimNetwork}, driven by
 * hand in virtual time, with every event each host receives copied out and stamped with the time it arrived.
 */
final class SimWorld
{
    static final int PHONE = (int)Ipv4.parse("10.0.0.1");
    static final int SERVER = (int)Ipv4.parse("10.0.0.2");
    static final int SIP_PORT = 5060;
    static final long MS = 1_000_000L;
    static final String SEED_PROPERTY = "sim.seed";

    /** What a host saw, copied out of the reused event. */
    record Seen(long atNs, int type, int handle, int listenerHandle, int remoteAddress, int remotePort, int cause,
        String payload)
    {
    }

    final long seed;
    final SimClock clock = new SimClock();
    final SimNetwork network;
    final InboundEventQueue phoneQueue;
    final InboundEventQueue serverQueue;
    final SimHostNetwork phone;
    final SimHostNetwork server;
    final List<Seen> phoneSeen = new ArrayList<>();
    final List<Seen> serverSeen = new ArrayList<>();

    SimWorld(final long seed, final SimNetworkContext context)
    {
        this(seed, context, 64, 2048);
    }

    SimWorld(final long seed, final SimNetworkContext context, final int queueCapacity, final int payloadCapacity)
    {
        this.seed = seed;
        network = new SimNetwork(clock, new SplitMix64Random(SplitMix64Random.deriveSeed(seed, 1)), context);
        phoneQueue = new InboundEventQueue(queueCapacity, payloadCapacity);
        serverQueue = new InboundEventQueue(queueCapacity, payloadCapacity);
        phone = network.attach(PHONE, phoneQueue);
        server = network.attach(SERVER, serverQueue);
    }

    /**
     * The seed to use: -Dsim.seed when given, else the test's own.
     */
    static long seedOr(final long defaultSeed)
    {
        final String value = System.getProperty(SEED_PROPERTY);
        if (value == null || value.isBlank() || value.startsWith("$"))
        {
            return defaultSeed;
        }
        return Long.parseLong(value.trim());
    }

    String hint()
    {
        return "seed " + seed + " (reproduce with -D" + SEED_PROPERTY + "=" + seed + ")";
    }

    static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    static int send(final SimHostNetwork host, final int handle, final int address, final int port, final String text)
    {
        final UnsafeBuffer buffer = ascii(text);
        return host.send(handle, address, port, buffer, 0, buffer.capacity());
    }

    /** Deliver everything due now and copy out what the hosts received. */
    void settle()
    {
        network.deliverDue(clock.nanoTime());
        drain();
    }

    /** Run event to event until nothing is in flight or the time limit is reached; the clock ends at the limit. */
    void runUntil(final long endNs)
    {
        settle();
        while (network.nextEventNs() <= endNs)
        {
            clock.advanceTo(Math.max(network.nextEventNs(), clock.nanoTime()));
            settle();
        }
        clock.advanceTo(Math.max(endNs, clock.nanoTime()));
        settle();
    }

    void runFor(final long durationNs)
    {
        runUntil(clock.nanoTime() + durationNs);
    }

    void drain()
    {
        phoneQueue.drain((event) -> phoneSeen.add(copy(event)), Integer.MAX_VALUE);
        serverQueue.drain((event) -> serverSeen.add(copy(event)), Integer.MAX_VALUE);
    }

    /** Open a TCP listener on the server and a connection from the phone, and run until both sides are connected. */
    int[] connectTcp(final int transport)
    {
        final int listener = server.listenTcp(SERVER, SIP_PORT);
        final int client = phone.connect(transport, SERVER, SIP_PORT, "server.example");
        runFor(100 * MS);
        final Seen accepted = only(serverSeen, (s) -> s.type() == InboundEvent.CONNECTED);
        if (listener < 0 || client < 0 || accepted.listenerHandle() != listener)
        {
            throw new AssertionError("no connection: " + NetworkStatus.name(client) + " " + serverSeen);
        }
        return new int[]{client, accepted.handle()};
    }

    static List<Seen> of(final List<Seen> seen, final Predicate<Seen> filter)
    {
        return seen.stream().filter(filter).collect(Collectors.toList());
    }

    static List<Seen> ofType(final List<Seen> seen, final int type)
    {
        return of(seen, (s) -> s.type() == type);
    }

    static Seen only(final List<Seen> seen, final Predicate<Seen> filter)
    {
        final List<Seen> matching = of(seen, filter);
        if (matching.size() != 1)
        {
            throw new AssertionError("expected exactly one match, found " + matching.size() + " in " + seen);
        }
        return matching.get(0);
    }

    static String streamText(final List<Seen> seen, final int handle)
    {
        return of(seen, (s) -> s.type() == InboundEvent.STREAM_DATA && s.handle() == handle).stream()
            .map(Seen::payload).collect(Collectors.joining());
    }

    private Seen copy(final InboundEvent event)
    {
        return new Seen(clock.nanoTime(), event.type(), event.handle(), event.listenerHandle(), event.remoteAddress(),
            event.remotePort(), event.cause(), event.buffer().getStringWithoutLengthAscii(0, event.length()));
    }
}
