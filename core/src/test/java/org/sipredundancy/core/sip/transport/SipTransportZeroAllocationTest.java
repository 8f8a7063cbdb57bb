package org.sipredundancy.core.sip.transport;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.Transport;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.transport.TransportWorld.PEER;
import static org.sipredundancy.core.sip.transport.TransportWorld.SIP_PORT;
import static org.sipredundancy.core.sip.transport.TransportWorld.request;

/**
 * SPEC R-RT-2 for the transport: once warm, SIP messages ping-pong over a connected UDP flow and a TCP flow (the peer
 * echoes them, the phone sends the next on each arrival) and nothing is allocated: not by the transport, the router,
 * the decoder or the simulated network. Under {@code -Xint} one window must be exactly zero; under the JIT, some
 * window out of five (the JVM itself allocates now and then), as in the loop's own allocation test.
 */
class SipTransportZeroAllocationTest
{
    private static final int WINDOW_CYCLES = 50_000;
    private static final int JIT_WINDOWS = 5;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    @DisplayName("R-RT-2 R-SIP-1 steady-state SIP send and receive over UDP and TCP allocates nothing")
    void shouldNotAllocateInSteadyState()
    {
        final boolean interpreted = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
        final PingPong pingPong = new PingPong();
        final TransportWorld world = new TransportWorld(pingPong);
        pingPong.world = world;
        world.peer.recording = false;
        world.peer.streamEcho = true;
        world.transport.open();
        pingPong.udpFlow = world.transport.flow(Transport.UDP, PEER, SIP_PORT, null, world.nowNs());
        pingPong.tcpFlow = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        pingPong.send(pingPong.udpFlow);
        pingPong.send(pingPong.tcpFlow);
        runCycles(world, interpreted ? 5_000 : 50_000);
        final long inBefore = world.transport.counters().messagesIn();

        final List<Long> windows = new ArrayList<>();
        for (int i = 0, n = interpreted ? 1 : JIT_WINDOWS; i < n; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            runCycles(world, WINDOW_CYCLES);
            final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            windows.add(allocated);
            if (allocated == 0)
            {
                break;
            }
        }

        assertThat(world.transport.counters().messagesIn() - inBefore).as("messages received while measuring")
            .isGreaterThan(1000);
        assertThat(pingPong.udpReceived).isPositive();
        assertThat(pingPong.tcpReceived).isPositive();
        assertThat(pingPong.failures).isZero();
        assertThat(world.transport.counters().malformed()).isZero();
        assertThat(windows).as("bytes allocated per window of %d cycles, %s", WINDOW_CYCLES,
            world.simulation.reproduceHint()).contains(0L);
    }

    private static void runCycles(final TransportWorld world, final int cycles)
    {
        final long target = world.phone.cycleCount() + cycles;
        while (world.phone.cycleCount() < target)
        {
            world.simulation.step();
        }
    }

    /**
     * Sends the next message on a flow whenever one arrives on it; counts, allocates nothing.
     */
    private static final class PingPong implements SipMessageHandler
    {
        private final UnsafeBuffer message;
        private final int length;
        TransportWorld world;
        int udpFlow;
        int tcpFlow;
        long udpReceived;
        long tcpReceived;
        long failures;

        PingPong()
        {
            final byte[] bytes = request("OPTIONS", "zero-allocation", "ping").getBytes(StandardCharsets.US_ASCII);
            message = new UnsafeBuffer(bytes);
            length = bytes.length;
        }

        void send(final int flow)
        {
            world.transport.send(flow, PEER, SIP_PORT, message, 0, length, world.nowNs());
        }

        public void onSipMessage(
            final int flow, final int remoteAddress, final int remotePort, final SipMessageDecoder decoder,
            final long nowNs)
        {
            if (flow == udpFlow)
            {
                udpReceived++;
            }
            else
            {
                tcpReceived++;
            }
            world.transport.send(flow, PEER, SIP_PORT, message, 0, length, nowNs);
        }

        public void onMalformed(
            final int flow, final int remoteAddress, final int remotePort, final DirectBuffer buffer, final int offset,
            final int length, final long nowNs)
        {
            failures++;
        }

        public void onFlowFailure(final int flow, final int transportError, final long nowNs)
        {
            failures++;
        }
    }
}
