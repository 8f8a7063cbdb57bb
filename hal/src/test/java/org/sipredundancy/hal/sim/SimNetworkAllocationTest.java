package org.sipredundancy.hal.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.SplitMix64Random;
import org.sipredundancy.hal.Transport;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;

/**
 * SPEC R-RT-2: once warm, the simulated network allocates nothing while datagrams, ICMP errors and stream bytes
 * flow both ways over a jittery, lossy, duplicating link and every happening is folded into a checksum trace.
 * <p>
 * The warm-up is long on purpose: while tiered compilation is still moving these methods from C1 to C2 the thread's
 * allocation counter can rise by a few hundred bytes at random moments that no line of this code explains (with a
 * warm-up of 20,000 cycles the same measurement counts exactly zero under {@code -Xint}, C1 only or C2 only, and
 * 96 to 440 bytes with tiered compilation).
 */
class SimNetworkAllocationTest
{
    private static final int WARM_UP_CYCLES = 200_000;
    private static final int MEASURED_CYCLES = 100_000;
    private static final int CLOSED_PORT = 5999;
    private static final long SEED = SimWorld.seedOr(5L);
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final SimClock clock = new SimClock();
    private final ChecksumSimTrace trace = new ChecksumSimTrace();
    private final SimNetwork network = new SimNetwork(clock, new SplitMix64Random(SEED),
        new SimNetworkContext().trace(trace).defaultLink(new LinkProfile(5 * MS, 3 * MS, 0.1, 0.1)));
    private final InboundEventQueue phoneQueue = new InboundEventQueue(256, 2048);
    private final InboundEventQueue serverQueue = new InboundEventQueue(256, 2048);
    private final SimHostNetwork phone = network.attach(PHONE, phoneQueue);
    private final SimHostNetwork server = network.attach(SERVER, serverQueue);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[700]);
    private final InboundEventHandler phoneHandler = this::onPhoneEvent;
    private final InboundEventHandler serverHandler = this::onServerEvent;
    private int serverUdp;
    private int phoneUdp;
    private int phoneToClosedPort;
    private int client;
    private int accepted = -1;
    private long phoneEvents;
    private long icmpErrors;

    private static long allocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    @Test
    @DisplayName("R-RT-2 R-RT-4 once warm, 100,000 datagram and stream send/deliver cycles allocate nothing")
    void shouldNotAllocateInSteadyState()
    {
        serverUdp = server.openUdp(SERVER, SIP_PORT);
        server.listenTcp(SERVER, SIP_PORT);
        phoneUdp = phone.openConnectedUdp(PHONE, SERVER, SIP_PORT);
        phoneToClosedPort = phone.openConnectedUdp(PHONE, SERVER, CLOSED_PORT);
        client = phone.connect(Transport.TCP, SERVER, SIP_PORT, null);
        runCycles(WARM_UP_CYCLES);
        final long deliveredBefore = network.deliveredCount();
        final long icmpBefore = icmpErrors;
        final long phoneEventsBefore = phoneEvents;

        final long before = allocatedBytes();
        runCycles(MEASURED_CYCLES);
        final long allocated = allocatedBytes() - before;

        assertThat(accepted).as("the connection was accepted").isNotNegative();
        assertThat(network.deliveredCount() - deliveredBefore).as("messages delivered while measuring")
            .isGreaterThan(3L * MEASURED_CYCLES);
        assertThat(phoneEvents - phoneEventsBefore).as("events at the phone while measuring")
            .isGreaterThan(2L * MEASURED_CYCLES);
        assertThat(network.lostCount()).as("the link loses datagrams").isPositive();
        assertThat(network.duplicatedCount()).as("the link duplicates datagrams").isPositive();
        assertThat(icmpErrors - icmpBefore).as("ICMP errors while measuring").isGreaterThan(MEASURED_CYCLES / 2);
        assertThat(network.poolExhaustedCount() + network.droppedQueueFullCount()).isZero();
        assertThat(allocated).as("bytes allocated over %d cycles, seed %d (reproduce with -Dsim.seed=%d)",
            MEASURED_CYCLES, SEED, SEED).isZero();
    }

    private void runCycles(final int cycles)
    {
        for (int i = 0; i < cycles; i++)
        {
            phone.send(phoneUdp, 0, 0, message, 0, message.capacity());
            phone.send(phoneToClosedPort, 0, 0, message, 0, 100);
            phone.send(client, 0, 0, message, 0, message.capacity());
            if (accepted >= 0)
            {
                server.send(accepted, 0, 0, message, 0, 300);
            }
            clock.advanceBy(MS);
            network.deliverDue(clock.nanoTime());
            serverQueue.drain(serverHandler, Integer.MAX_VALUE);
            phoneQueue.drain(phoneHandler, Integer.MAX_VALUE);
        }
    }

    private void onServerEvent(final InboundEvent event)
    {
        if (event.type() == InboundEvent.DATAGRAM)
        {
            server.send(serverUdp, event.remoteAddress(), event.remotePort(), event.buffer(), 0, event.length());
        }
        else if (event.type() == InboundEvent.CONNECTED)
        {
            accepted = event.handle();
        }
    }

    private void onPhoneEvent(final InboundEvent event)
    {
        phoneEvents++;
        if (event.type() == InboundEvent.TRANSPORT_ERROR)
        {
            icmpErrors++;
        }
    }
}
