package org.sipredundancy.hal.host;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real host's bounds: what a send or open is refused with, and what happens when the core cannot keep up.
 * Most tests leave the I/O thread unstarted, so that nothing drains and every refusal is deterministic.
 */
class HostNetworkLimitsTest
{
    private final InboundEventQueue inbound = new InboundEventQueue(16, 1500);
    private HostNetwork network;

    @AfterEach
    void close()
    {
        network.close();
    }

    @Test
    @DisplayName("R-RT-5 a send is BACK_PRESSURED when every outbound frame is in flight")
    void shouldBackPressureWhenFramePoolIsExhausted()
    {
        network = new HostNetwork(stalled().framePoolSize(2), inbound);
        final int handle = network.openUdp(Ipv4.LOOPBACK, 0);
        final UnsafeBuffer message = ascii("OPTIONS");

        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, 0, 7)).isEqualTo(NetworkStatus.OK);
        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, 0, 7)).isEqualTo(NetworkStatus.OK);
        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, 0, 7)).isEqualTo(NetworkStatus.BACK_PRESSURED);
        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, 0, 7)).isEqualTo(NetworkStatus.BACK_PRESSURED);
    }

    @Test
    @DisplayName("R-RT-5 a message longer than a frame, or a region outside the buffer, is TOO_LONG")
    void shouldRefuseTooLong()
    {
        network = new HostNetwork(stalled().frameCapacity(16).streamBufferCapacity(16), inbound);
        final int handle = network.openUdp(Ipv4.LOOPBACK, 0);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[32]);

        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, 0, 16)).isEqualTo(NetworkStatus.OK);
        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, 0, 17)).isEqualTo(NetworkStatus.TOO_LONG);
        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, 30, 4)).isEqualTo(NetworkStatus.TOO_LONG);
        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, message, -1, 4)).isEqualTo(NetworkStatus.TOO_LONG);
    }

    @Test
    @DisplayName("R-RT-5 calls that do not fit the endpoint are refused: WRONG_KIND, NOT_CONNECTED")
    void shouldRefuseWrongKindAndNotConnected()
    {
        network = new HostNetwork(stalled(), inbound);
        final UnsafeBuffer message = ascii("x");
        assertThat(network.connect(Transport.UDP, Ipv4.LOOPBACK, 5060, null)).isEqualTo(NetworkStatus.WRONG_KIND);

        final int listener = network.listenTcp(Ipv4.LOOPBACK, 0);
        assertThat(network.send(listener, 0, 0, message, 0, 1)).isEqualTo(NetworkStatus.WRONG_KIND);

        final int stream = network.connect(Transport.TCP, Ipv4.LOOPBACK, network.localPort(listener), null);
        assertThat(stream).isGreaterThanOrEqualTo(0);
        assertThat(network.send(stream, 0, 0, message, 0, 1)).isEqualTo(NetworkStatus.NOT_CONNECTED);
    }

    @Test
    @DisplayName("R-RT-5 opens are refused with NO_CAPACITY when the table is full and OPEN_FAILED when a bind fails")
    void shouldRefuseOpens() throws Exception
    {
        network = new HostNetwork(stalled().endpointCapacity(2), inbound);
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(EchoPeer.LOOPBACK, 0)))
        {
            assertThat(network.openUdp(Ipv4.LOOPBACK, taken.getLocalPort())).isEqualTo(NetworkStatus.OPEN_FAILED);
        }
        final int first = network.openUdp(Ipv4.LOOPBACK, 0);
        final int second = network.openUdp(Ipv4.ANY, 0);
        assertThat(List.of(first, second)).containsExactlyInAnyOrder(0, 1);
        assertThat(network.localAddress(first)).isEqualTo(Ipv4.LOOPBACK);
        assertThat(network.localAddress(second)).isEqualTo(Ipv4.ANY);
        assertThat(network.openUdp(Ipv4.LOOPBACK, 0)).isEqualTo(NetworkStatus.NO_CAPACITY);
        assertThat(network.listenTcp(Ipv4.LOOPBACK, 0)).isEqualTo(NetworkStatus.NO_CAPACITY);
    }

    @Test
    @DisplayName("R-RT-5 a closed network refuses every call with a status and throws nothing")
    void shouldRefuseCallsAfterClose()
    {
        network = new HostNetwork(new HostNetworkContext(), inbound);
        final int handle = network.openUdp(Ipv4.LOOPBACK, 0);
        network.close();
        network.close();

        assertThat(network.send(handle, Ipv4.LOOPBACK, 9, ascii("x"), 0, 1)).isEqualTo(NetworkStatus.UNKNOWN_HANDLE);
        assertThat(network.localPort(handle)).isEqualTo(NetworkStatus.UNKNOWN_HANDLE);
        assertThat(network.openUdp(Ipv4.LOOPBACK, 0)).isEqualTo(NetworkStatus.OPEN_FAILED);
        assertThat(network.connect(Transport.TCP, Ipv4.LOOPBACK, 9, null)).isEqualTo(NetworkStatus.OPEN_FAILED);
        network.close(handle);
    }

    @Test
    @DisplayName("R-RT-5 R-BAD-4 datagrams that find the inbound queue full are dropped and counted, never waited for")
    void shouldDropAndCountWhenInboundQueueIsFull() throws Exception
    {
        final InboundEventQueue tiny = new InboundEventQueue(2, 1500);
        network = new HostNetwork(new HostNetworkContext(), tiny);
        final int handle = network.openUdp(Ipv4.LOOPBACK, 0);
        final InetSocketAddress target = new InetSocketAddress(EchoPeer.LOOPBACK, network.localPort(handle));

        try (DatagramSocket sender = new DatagramSocket(new InetSocketAddress(EchoPeer.LOOPBACK, 0)))
        {
            for (int i = 0; i < 5; i++)
            {
                final byte[] payload = ("d" + i).getBytes(StandardCharsets.US_ASCII);
                sender.send(new DatagramPacket(payload, payload.length, target));
            }
        }

        assertThat(EventLog.waitFor(() -> tiny.droppedCount() >= 3)).isTrue();
        assertThat(tiny.droppedCount()).isEqualTo(3);
        assertThat(tiny.size()).isEqualTo(2);
        final EventLog log = new EventLog(tiny);
        log.drain();
        assertThat(log.events).extracting(EventLog.Event::type)
            .containsExactly(InboundEvent.DATAGRAM, InboundEvent.DATAGRAM);
        assertThat(log.events).extracting(EventLog.Event::payload).containsExactly("d0", "d1");
    }

    private static HostNetworkContext stalled()
    {
        return new HostNetworkContext().startIoThread(false);
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
