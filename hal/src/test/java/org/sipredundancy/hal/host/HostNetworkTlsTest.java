package org.sipredundancy.hal.host;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.TransportError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS on the real host against a JSSE server whose self-signed certificate names "localhost".
 */
class HostNetworkTlsTest
{
    @TempDir
    static Path certificateDirectory;
    private static TestCertificates certificates;

    private TlsEchoServer server;
    private InboundEventQueue inbound;
    private EventLog log;
    private HostNetwork network;

    @BeforeAll
    static void makeCertificates() throws Exception
    {
        certificates = TestCertificates.generate(certificateDirectory);
    }

    @BeforeEach
    void startServer() throws Exception
    {
        server = new TlsEchoServer(certificates.serverContext());
        inbound = new InboundEventQueue(256, 65535);
        log = new EventLog(inbound);
    }

    @AfterEach
    void stop() throws Exception
    {
        if (null != network)
        {
            network.close();
        }
        server.close();
    }

    @Test
    @DisplayName("R-RT-5 a TLS connection to a trusted server is connected after the handshake and carries bytes")
    void shouldRoundTripOverTls()
    {
        // Frames big enough for a message that spans several TLS records.
        network = new HostNetwork(certificates.trustingNetworkContext().frameCapacity(65535), inbound);
        final int handle = network.connect(Transport.TLS, Ipv4.LOOPBACK, server.port(), TestCertificates.SERVER_NAME);
        assertThat(handle).isGreaterThanOrEqualTo(0);
        final EventLog.Event connected = log.await(InboundEvent.CONNECTED, handle);
        assertThat(connected.remoteAddress()).isEqualTo(Ipv4.LOOPBACK);
        assertThat(connected.remotePort()).isEqualTo(server.port());
        assertThat(network.localPort(handle)).isPositive();

        final String request = "REGISTER sips:registrar SIP/2.0\r\nContent-Length: 0\r\n\r\n";
        final String large = "x".repeat(50_000);
        assertThat(network.send(handle, 0, 0, ascii(request), 0, request.length())).isEqualTo(NetworkStatus.OK);
        assertThat(network.send(handle, 0, 0, ascii(large), 0, large.length())).isEqualTo(NetworkStatus.OK);

        assertThat(log.awaitStream(handle, request.length() + large.length())).isEqualTo(request + large);
        assertThat(server.requestedServerNames).containsExactly(TestCertificates.SERVER_NAME);
        assertThat(log.any((e) -> e.type() == InboundEvent.TRANSPORT_ERROR)).isFalse();
        network.close(handle);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 a certificate that does not match the server name is a TLS failure, never connected")
    void shouldFailWhenServerNameDoesNotMatch()
    {
        network = new HostNetwork(certificates.trustingNetworkContext(), inbound);
        final int handle = network.connect(Transport.TLS, Ipv4.LOOPBACK, server.port(), "registrar.example.invalid");

        final EventLog.Event error = log.await(InboundEvent.TRANSPORT_ERROR, handle);
        assertThat(error.cause()).isEqualTo(TransportError.TLS_FAILURE);
        assertThat(log.any((e) -> e.type() == InboundEvent.CONNECTED)).isFalse();
        assertThat(EventLog.waitFor(() -> server.failedHandshakes.get() == 1)).isTrue();
        assertThat(network.send(handle, 0, 0, ascii("x"), 0, 1)).isEqualTo(NetworkStatus.NOT_CONNECTED);
        network.close(handle);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 a certificate the host does not trust is a TLS failure, never connected")
    void shouldFailWhenCertificateIsNotTrusted()
    {
        network = new HostNetwork(new HostNetworkContext(), inbound);
        final int handle = network.connect(Transport.TLS, Ipv4.LOOPBACK, server.port(), TestCertificates.SERVER_NAME);

        final EventLog.Event error = log.await(InboundEvent.TRANSPORT_ERROR, handle);
        assertThat(error.cause()).isEqualTo(TransportError.TLS_FAILURE);
        assertThat(log.any((e) -> e.type() == InboundEvent.CONNECTED)).isFalse();
        assertThat(EventLog.waitFor(() -> server.failedHandshakes.get() == 1)).isTrue();
        network.close(handle);
    }

    @Test
    @DisplayName("R-RT-5 with server name verification off, a trusted certificate for another name is accepted")
    void shouldAcceptOtherNameWhenVerificationIsOff()
    {
        network = new HostNetwork(certificates.trustingNetworkContext().verifyServerName(false), inbound);
        final int handle = network.connect(Transport.TLS, Ipv4.LOOPBACK, server.port(), "registrar.example.invalid");

        log.await(InboundEvent.CONNECTED, handle);
        assertThat(network.send(handle, 0, 0, ascii("ping"), 0, 4)).isEqualTo(NetworkStatus.OK);
        assertThat(log.awaitStream(handle, 4)).isEqualTo("ping");
        network.close(handle);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 a TLS connect to a closed port is refused, not a TLS failure")
    void shouldReportRefusedTlsConnect() throws Exception
    {
        network = new HostNetwork(certificates.trustingNetworkContext(), inbound);
        final int handle = network.connect(
            Transport.TLS, Ipv4.LOOPBACK, EchoPeer.closedPort(), TestCertificates.SERVER_NAME);

        assertThat(log.await(InboundEvent.TRANSPORT_ERROR, handle).cause())
            .isEqualTo(TransportError.CONNECTION_REFUSED);
        network.close(handle);
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
