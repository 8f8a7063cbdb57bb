package org.sipredundancy.hal.sim;

import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkConformanceTest;
import org.sipredundancy.hal.SplitMix64Random;
import org.sipredundancy.hal.TransportError;

import java.util.function.BooleanSupplier;

/**
 * The {@link Network} contract, kept by a host of a {@link SimNetwork}: the echo peer is another host of the same
 * network, run inside {@link #pumpUntil(BooleanSupplier)} in virtual time.
 */
class SimNetworkConformanceTest extends NetworkConformanceTest implements InboundEventHandler
{
    private static final int DEVICE = (int)Ipv4.parse("10.0.0.1");
    private static final int ECHO = (int)Ipv4.parse("10.0.0.2");
    private static final int ECHO_PORT = 5060;
    private static final int CLOSED_PORT = 5999;
    private static final long PUMP_LIMIT_NS = 10_000_000_000L;

    private final SimClock clock = new SimClock();
    private final SimNetwork simNetwork =
        new SimNetwork(clock, new SplitMix64Random(SplitMix64Random.deriveSeed(42, 1)), new SimNetworkContext());
    private final InboundEventQueue deviceQueue = new InboundEventQueue(64, 2048);
    private final InboundEventQueue echoQueue = new InboundEventQueue(64, 2048);
    private final SimHostNetwork device = simNetwork.attach(DEVICE, deviceQueue);
    private final SimHostNetwork echo = simNetwork.attach(ECHO, echoQueue);
    private final int echoUdp = echo.openUdp(ECHO, ECHO_PORT);
    private final int echoListener = echo.listenTcp(ECHO, ECHO_PORT);

    protected Network network()
    {
        return device;
    }

    protected InboundEventQueue inbound()
    {
        return deviceQueue;
    }

    protected int echoAddress()
    {
        return ECHO;
    }

    protected int echoPort()
    {
        return ECHO_PORT;
    }

    protected int closedPort()
    {
        return CLOSED_PORT;
    }

    protected int localAddress()
    {
        return DEVICE;
    }

    protected boolean pumpUntil(final BooleanSupplier condition)
    {
        final long limitNs = clock.nanoTime() + PUMP_LIMIT_NS;
        while (true)
        {
            echoQueue.drain(this, Integer.MAX_VALUE);
            drainInbound();
            if (condition.getAsBoolean())
            {
                return true;
            }
            final long nextNs = simNetwork.nextEventNs();
            if (nextNs > limitNs || echoUdp < 0 || echoListener < 0)
            {
                return false;
            }
            clock.advanceTo(Math.max(nextNs, clock.nanoTime()));
            simNetwork.deliverDue(clock.nanoTime());
        }
    }

    public void onInboundEvent(final InboundEvent event)
    {
        switch (event.type())
        {
            case InboundEvent.DATAGRAM:
                echo.send(echoUdp, event.remoteAddress(), event.remotePort(), event.buffer(), 0, event.length());
                break;
            case InboundEvent.STREAM_DATA:
                echo.send(event.handle(), 0, 0, event.buffer(), 0, event.length());
                break;
            case InboundEvent.TRANSPORT_ERROR:
                if (event.cause() != TransportError.ICMP_UNREACHABLE)
                {
                    echo.close(event.handle());
                }
                break;
            default:
                break;
        }
    }
}
