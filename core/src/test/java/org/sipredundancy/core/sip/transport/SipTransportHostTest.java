package org.sipredundancy.core.sip.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.host.HostHal;
import org.sipredundancy.hal.host.HostHalContext;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.transport.TransportWorld.request;
import static org.sipredundancy.core.sip.transport.TransportWorld.response;

/**
 * The SIP transport on the real host: HostHal's network on 127.0.0.1 against plain JDK sockets. The duty cycle is
 * driven by hand with a bounded real-time wait; nothing leaves loopback.
 */
class SipTransportHostTest
{
    private static final long WAIT_MS = 5_000;
    private static final int TIMEOUT_MS = 5_000;

    private final RecordingHandler handler = new RecordingHandler();
    private HostHal hal;
    private DutyCycle dutyCycle;
    private SipTransport transport;

    @BeforeEach
    void setUp()
    {
        hal = new HostHal(new HostHalContext());
        dutyCycle = new DutyCycle(new DutyCycleContext().nanoClock(hal.nanoClock()).inbound(hal.inbound()));
        transport = new SipTransport(new SipTransportContext()
            .network(hal.network())
            .router(dutyCycle.router())
            .handler(handler)
            .localAddress(Ipv4.LOOPBACK)
            .sipPort(0));
        assertThat(transport.open()).isEqualTo(NetworkStatus.OK);
    }

    @AfterEach
    void tearDown()
    {
        transport.closeAll();
        hal.close();
    }

    @Test
    @DisplayName("R-SIP-1 R-RT-5 host: a UDP request over a connected flow is echoed back by a loopback socket")
    void shouldRoundTripUdpOnLoopback() throws Exception
    {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            server.setSoTimeout(TIMEOUT_MS);
            final int flow = transport.flow(Transport.UDP, Ipv4.LOOPBACK, server.getLocalPort(), null, 0);
            assertThat(flow).isEqualTo(1);
            final byte[] bytes = request("REGISTER", "h1", "").getBytes(StandardCharsets.US_ASCII);
            assertThat(transport.send(flow, 0, 0, new UnsafeBuffer(bytes), 0, bytes.length, 0))
                .isEqualTo(NetworkStatus.OK);
            final DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            pumpWhileReceiving(server, packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII))
                .isEqualTo(request("REGISTER", "h1", ""));
            server.send(packet);
            assertThat(pump(() -> !handler.lines.isEmpty())).isTrue();
            assertThat(handler.lines).containsExactly(
                "message flow=1 from=127.0.0.1:" + server.getLocalPort() + " REGISTER call-id=h1");
        }
    }

    @Test
    @DisplayName("R-SIP-1 R-BAD-2 host: the SIP port takes requests and counts junk")
    void shouldServeListenerOnLoopback() throws Exception
    {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            final int port = transport.localPort();
            assertThat(port).isPositive();
            final byte[] junk = "junk".getBytes(StandardCharsets.US_ASCII);
            peer.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), port));
            final byte[] bytes = request("OPTIONS", "h2", "").getBytes(StandardCharsets.US_ASCII);
            peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            assertThat(pump(() -> handler.lines.size() == 2)).isTrue();
            assertThat(handler.lines).containsExactly("malformed flow=0 length=4",
                "message flow=0 from=127.0.0.1:" + peer.getLocalPort() + " OPTIONS call-id=h2");
            assertThat(transport.counters().malformed()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("R-SIP-1 R-RT-5 host: TCP pending bytes are flushed on connect; a response split in two is framed")
    void shouldRoundTripTcpOnLoopback() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            server.setSoTimeout(TIMEOUT_MS);
            final int flow = transport.flow(Transport.TCP, Ipv4.LOOPBACK, server.getLocalPort(), null, 0);
            final String sent = request("REGISTER", "h3", "");
            final byte[] bytes = sent.getBytes(StandardCharsets.US_ASCII);
            assertThat(transport.send(flow, 0, 0, new UnsafeBuffer(bytes), 0, bytes.length, 0))
                .isEqualTo(NetworkStatus.OK);
            dutyCycle.doWork();
            try (Socket socket = server.accept())
            {
                socket.setSoTimeout(TIMEOUT_MS);
                assertThat(pump(() -> !transport.isConnecting(flow))).isTrue();
                final InputStream in = socket.getInputStream();
                final byte[] got = in.readNBytes(bytes.length);
                assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo(sent);
                final byte[] answer = response(200, "h3").getBytes(StandardCharsets.US_ASCII);
                final OutputStream out = socket.getOutputStream();
                out.write(answer, 0, 20);
                out.flush();
                assertThat(pump(() -> false, 50)).isFalse();
                out.write(answer, 20, answer.length - 20);
                out.flush();
                assertThat(pump(() -> !handler.lines.isEmpty())).isTrue();
                assertThat(handler.lines).containsExactly(
                    "message flow=1 from=127.0.0.1:" + server.getLocalPort() + " 200 call-id=h3");
            }
            assertThat(pump(() -> handler.lines.size() == 2)).isTrue();
            assertThat(handler.lines.get(1)).isEqualTo("failure flow=1 PEER_CLOSED");
        }
    }

    @Test
    @DisplayName("R-SIP-3 host: a TCP connect to a closed loopback port fails the flow with CONNECTION_REFUSED")
    void shouldReportRefusedOnLoopback() throws Exception
    {
        final int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            closedPort = probe.getLocalPort();
        }
        transport.flow(Transport.TCP, Ipv4.LOOPBACK, closedPort, null, 0);
        assertThat(pump(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("failure flow=1 CONNECTION_REFUSED");
        assertThat(transport.flowCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-3 host: a UDP request to a closed loopback port fails the flow with ICMP_UNREACHABLE")
    void shouldReportIcmpUnreachableOnLoopback() throws Exception
    {
        final int closedPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            closedPort = probe.getLocalPort();
        }
        final int flow = transport.flow(Transport.UDP, Ipv4.LOOPBACK, closedPort, null, 0);
        final byte[] bytes = request("REGISTER", "h4", "").getBytes(StandardCharsets.US_ASCII);
        assertThat(transport.send(flow, 0, 0, new UnsafeBuffer(bytes), 0, bytes.length, 0)).isEqualTo(NetworkStatus.OK);
        assertThat(pump(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("failure flow=1 ICMP_UNREACHABLE");
        assertThat(transport.isOpen(flow)).isFalse();
    }

    private void pumpWhileReceiving(final DatagramSocket socket, final DatagramPacket packet) throws Exception
    {
        dutyCycle.doWork();
        socket.receive(packet);
    }

    private boolean pump(final BooleanSupplier condition) throws InterruptedException
    {
        return pump(condition, WAIT_MS);
    }

    private boolean pump(final BooleanSupplier condition, final long waitMs) throws InterruptedException
    {
        for (long i = 0; i < waitMs; i++)
        {
            dutyCycle.doWork();
            if (condition.getAsBoolean())
            {
                return true;
            }
            Thread.sleep(1);
        }
        return condition.getAsBoolean();
    }
}
