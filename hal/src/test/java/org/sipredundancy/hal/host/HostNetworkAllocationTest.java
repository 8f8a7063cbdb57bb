package org.sipredundancy.hal.host;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once warm, a round trip through the real host allocates nothing, neither on the calling (duty cycle) thread nor on
 * the I/O thread. TLS is left out: the JDK's SSLEngine allocates per record.
 */
class HostNetworkAllocationTest implements InboundEventHandler
{
    private static final int WARM_UP_ROUND_TRIPS = 20_000;
    private static final int MEASURED_ROUND_TRIPS = 10_000;
    private static final int MEASURED_WINDOWS = 5;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final UnsafeBuffer message = new UnsafeBuffer("OPTIONS sip:echo SIP/2.0\r\n\r\n".getBytes(
        StandardCharsets.US_ASCII));
    private EchoPeer echoPeer;
    private InboundEventQueue inbound;
    private HostNetwork network;
    private int received;

    @BeforeEach
    void open() throws Exception
    {
        echoPeer = EchoPeer.start();
        inbound = new InboundEventQueue(64, 2048);
        network = new HostNetwork(new HostNetworkContext(), inbound);
    }

    @AfterEach
    void close() throws Exception
    {
        network.close();
        echoPeer.close();
    }

    public void onInboundEvent(final InboundEvent event)
    {
        if (event.type() == InboundEvent.DATAGRAM || event.type() == InboundEvent.STREAM_DATA)
        {
            received += event.length();
        }
    }

    @Test
    @DisplayName("R-RT-5 UDP sends and receives allocate nothing in steady state on either thread")
    void shouldNotAllocateForUdp()
    {
        final int handle = network.openUdp(Ipv4.LOOPBACK, 0);
        assertNoAllocation(handle);
    }

    @Test
    @DisplayName("R-RT-5 TCP sends and receives allocate nothing in steady state on either thread")
    void shouldNotAllocateForTcp()
    {
        final int handle = network.connect(Transport.TCP, Ipv4.LOOPBACK, echoPeer.port(), null);
        assertThat(EventLog.waitFor(() -> inbound.drain(this, 16) > 0 && network.send(
            handle, 0, 0, message, 0, 0) == NetworkStatus.OK)).isTrue();
        assertNoAllocation(handle);
    }

    /**
     * Warm up, then measure windows of round trips until one allocates nothing on either thread. A per-message
     * allocation would show in every window; a one-off by the JVM itself (a deoptimisation rebuilding a frame,
     * a class loaded on a path taken for the first time) shows in one window only, so a few windows are allowed.
     */
    private void assertNoAllocation(final int handle)
    {
        roundTrips(handle, WARM_UP_ROUND_TRIPS);
        final long ioId = network.ioThread().getId();
        final StringBuilder windows = new StringBuilder();
        for (int window = 0; window < MEASURED_WINDOWS; window++)
        {
            final long ioBefore = threads.getThreadAllocatedBytes(ioId);
            final long callerBefore = threads.getCurrentThreadAllocatedBytes();

            roundTrips(handle, MEASURED_ROUND_TRIPS);

            final long callerAllocated = threads.getCurrentThreadAllocatedBytes() - callerBefore;
            final long ioAllocated = threads.getThreadAllocatedBytes(ioId) - ioBefore;
            if (0 == callerAllocated && 0 == ioAllocated)
            {
                return;
            }
            windows.append(" [caller ").append(callerAllocated).append(", I/O ").append(ioAllocated).append(']');
        }
        throw new AssertionError(
            "every window of " + MEASURED_ROUND_TRIPS + " round trips allocated (bytes):" + windows);
    }

    private void roundTrips(final int handle, final int count)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < count; i++)
        {
            final int expected = received + message.capacity();
            while (network.send(handle, Ipv4.LOOPBACK, echoPeer.port(), message, 0, message.capacity()) !=
                NetworkStatus.OK)
            {
                Thread.onSpinWait();
            }
            while (received < expected)
            {
                if (inbound.drain(this, 16) == 0)
                {
                    Thread.onSpinWait();
                }
                if (System.nanoTime() - deadlineNs >= 0)
                {
                    throw new AssertionError("round trip " + i + " did not come back");
                }
            }
        }
    }
}
