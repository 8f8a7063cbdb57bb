package org.sipredundancy.hal.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkConformanceTest;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The network contract on the real host: real sockets, a real I/O thread, an echo peer on 127.0.0.1.
 */
class HostNetworkConformanceTest extends NetworkConformanceTest
{
    private static final long PUMP_LIMIT_NS = TimeUnit.SECONDS.toNanos(5);

    private EchoPeer echoPeer;
    private int closedPort;
    private InboundEventQueue inbound;
    private HostNetwork network;

    @BeforeEach
    void openNetwork() throws Exception
    {
        echoPeer = EchoPeer.start();
        closedPort = EchoPeer.closedPort();
        inbound = new InboundEventQueue(256, 65535);
        network = new HostNetwork(new HostNetworkContext(), inbound);
    }

    @AfterEach
    void closeNetwork() throws Exception
    {
        network.close();
        echoPeer.close();
    }

    protected Network network()
    {
        return network;
    }

    protected InboundEventQueue inbound()
    {
        return inbound;
    }

    protected int echoAddress()
    {
        return Ipv4.LOOPBACK;
    }

    protected int echoPort()
    {
        return echoPeer.port();
    }

    protected int closedPort()
    {
        return closedPort;
    }

    protected int localAddress()
    {
        return Ipv4.LOOPBACK;
    }

    protected boolean pumpUntil(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + PUMP_LIMIT_NS;
        while (true)
        {
            drainInbound();
            if (condition.getAsBoolean())
            {
                return true;
            }
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            try
            {
                Thread.sleep(2);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
