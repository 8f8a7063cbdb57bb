package org.sipredundancy.hal.host;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.TransportError;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TCP on the real host against scripted peers on 127.0.0.1: how a connection ends, how one is accepted, and what
 * a slow reader does to the sender.
 */
class HostNetworkStreamTest
{
    @FunctionalInterface
    interface PeerScript
    {
        void run(Socket socket) throws Exception;
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private InboundEventQueue inbound;
    private EventLog log;
    private HostNetwork network;

    @BeforeEach
    void open()
    {
        inbound = new InboundEventQueue(256, 65535);
        log = new EventLog(inbound);
        network = new HostNetwork(new HostNetworkContext(), inbound);
    }

    @AfterEach
    void close() throws Exception
    {
        network.close();
        for (final AutoCloseable resource : resources)
        {
            resource.close();
        }
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 a peer that resets the connection is reported as CONNECTION_RESET")
    void shouldReportConnectionReset() throws Exception
    {
        final int port = peer((socket) ->
        {
            socket.getInputStream().read();
            socket.setSoLinger(true, 0);
            socket.close();
        });
        final int handle = network.connect(Transport.TCP, Ipv4.LOOPBACK, port, null);
        log.await(InboundEvent.CONNECTED, handle);
        assertThat(network.send(handle, 0, 0, ascii("x"), 0, 1)).isEqualTo(NetworkStatus.OK);

        assertThat(log.await(InboundEvent.TRANSPORT_ERROR, handle).cause()).isEqualTo(TransportError.CONNECTION_RESET);
        assertThat(network.send(handle, 0, 0, ascii("y"), 0, 1)).isEqualTo(NetworkStatus.NOT_CONNECTED);
        network.close(handle);
        assertThat(network.send(handle, 0, 0, ascii("y"), 0, 1)).isEqualTo(NetworkStatus.UNKNOWN_HANDLE);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 a peer that closes in order is reported as PEER_CLOSED after its last bytes")
    void shouldReportPeerClosed() throws Exception
    {
        final int port = peer((socket) ->
        {
            socket.getInputStream().read();
            socket.getOutputStream().write("bye".getBytes(StandardCharsets.US_ASCII));
            socket.close();
        });
        final int handle = network.connect(Transport.TCP, Ipv4.LOOPBACK, port, null);
        log.await(InboundEvent.CONNECTED, handle);
        assertThat(network.send(handle, 0, 0, ascii("x"), 0, 1)).isEqualTo(NetworkStatus.OK);

        final EventLog.Event closed = log.await(InboundEvent.TRANSPORT_ERROR, handle);
        assertThat(closed.cause()).isEqualTo(TransportError.PEER_CLOSED);
        assertThat(log.streamBytes(handle)).isEqualTo("bye");
        assertThat(log.events.indexOf(closed)).isEqualTo(log.events.size() - 1);
        network.close(handle);
    }

    @Test
    @DisplayName("R-RT-5 an accepted connection gets its own handle, names its listener and carries bytes both ways")
    void shouldAcceptConnections() throws Exception
    {
        final int listener = network.listenTcp(Ipv4.LOOPBACK, 0);
        assertThat(listener).isGreaterThanOrEqualTo(0);
        final int port = network.localPort(listener);
        assertThat(port).isPositive();
        assertThat(network.localAddress(listener)).isEqualTo(Ipv4.LOOPBACK);
        assertThat(network.send(listener, 0, 0, ascii("x"), 0, 1)).isEqualTo(NetworkStatus.WRONG_KIND);

        try (Socket client = new Socket(EchoPeer.LOOPBACK, port))
        {
            client.setSoTimeout(5000);
            final EventLog.Event accepted = log.await(
                "an accepted connection", (e) -> e.type() == InboundEvent.CONNECTED && e.listenerHandle() == listener);
            final int handle = accepted.handle();
            assertThat(handle).isNotEqualTo(listener);
            assertThat(accepted.remoteAddress()).isEqualTo(Ipv4.LOOPBACK);
            assertThat(accepted.remotePort()).isEqualTo(client.getLocalPort());
            assertThat(network.localPort(handle)).isEqualTo(port);

            client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            assertThat(log.awaitStream(handle, 5)).isEqualTo("hello");

            assertThat(network.send(handle, 0, 0, ascii("world"), 0, 5)).isEqualTo(NetworkStatus.OK);
            assertThat(new String(client.getInputStream().readNBytes(5), StandardCharsets.US_ASCII))
                .isEqualTo("world");

            network.close(handle);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
        network.close(listener);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 a connect that gets no answer within the connect time-out is CONNECT_TIMEOUT")
    void shouldTimeOutUnansweredConnect() throws Exception
    {
        network.close();
        network = new HostNetwork(new HostNetworkContext().connectTimeoutMs(300), inbound);
        final ServerSocket full = new ServerSocket(0, 1, EchoPeer.LOOPBACK);
        resources.add(full);
        fillAcceptQueue(full);

        final int handle = network.connect(Transport.TCP, Ipv4.LOOPBACK, full.getLocalPort(), null);
        assertThat(log.await(InboundEvent.TRANSPORT_ERROR, handle).cause()).isEqualTo(TransportError.CONNECT_TIMEOUT);
        assertThat(log.any((e) -> e.type() == InboundEvent.CONNECTED)).isFalse();
        network.close(handle);
    }

    @Test
    @DisplayName("R-RT-5 a peer that stops reading back-pressures sends; once it reads, every byte arrives in order")
    void shouldBackPressureSlowReaderAndKeepOrder() throws Exception
    {
        final int messageLength = 8192;
        network.close();
        network = new HostNetwork(
            new HostNetworkContext().frameCapacity(messageLength).streamBufferCapacity(2 * messageLength), inbound);
        final CountDownLatch startReading = new CountDownLatch(1);
        final AtomicLong bytesRead = new AtomicLong();
        final AtomicBoolean outOfOrder = new AtomicBoolean();
        final int port = peer((socket) ->
        {
            startReading.await();
            readPattern(socket.getInputStream(), messageLength, bytesRead, outOfOrder);
        });
        final int handle = network.connect(Transport.TCP, Ipv4.LOOPBACK, port, null);
        log.await(InboundEvent.CONNECTED, handle);

        final UnsafeBuffer message = new UnsafeBuffer(new byte[messageLength]);
        int sent = 0;
        boolean stalled = false;
        while (!stalled && sent < 20_000)
        {
            fillPattern(message, sent);
            stalled = !sendWithin(handle, message, 200);
            sent += stalled ? 0 : 1;
        }
        assertThat(stalled).as("sends back-pressured for good after %d messages", sent).isTrue();
        assertThat(sent).as("the socket took more than the stream buffer").isGreaterThan(2);

        startReading.countDown();
        final int total = sent + 100;
        while (sent < total)
        {
            fillPattern(message, sent);
            assertThat(sendWithin(handle, message, EventLog.WAIT_LIMIT_MS)).as("send %d accepted", sent).isTrue();
            sent++;
        }

        assertThat(EventLog.waitFor(() -> bytesRead.get() == (long)total * messageLength)).isTrue();
        assertThat(outOfOrder).isFalse();
        log.drain();
        assertThat(log.any((e) -> e.type() == InboundEvent.TRANSPORT_ERROR)).isFalse();
        network.close(handle);
    }

    private boolean sendWithin(final int handle, final UnsafeBuffer message, final long limitMs)
    {
        final long deadlineNs = System.nanoTime() + limitMs * 1_000_000L;
        int status;
        while ((status = network.send(handle, 0, 0, message, 0, message.capacity())) == NetworkStatus.BACK_PRESSURED)
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        assertThat(status).isEqualTo(NetworkStatus.OK);
        return true;
    }

    private int peer(final PeerScript script) throws IOException
    {
        final ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(4096);
        server.bind(new InetSocketAddress(EchoPeer.LOOPBACK, 0), 1);
        resources.add(server);
        final Thread thread = new Thread(() ->
        {
            try (Socket socket = server.accept())
            {
                script.run(socket);
            }
            catch (final Exception ex)
            {
                // The test sees the peer's failure as a missing or wrong event.
            }
        }, "stream-peer");
        thread.setDaemon(true);
        thread.start();
        return server.getLocalPort();
    }

    private void fillAcceptQueue(final ServerSocket server) throws IOException
    {
        for (int i = 0; i < 16; i++)
        {
            final Socket filler = new Socket();
            resources.add(filler);
            try
            {
                filler.connect(server.getLocalSocketAddress(), 300);
            }
            catch (final SocketTimeoutException ex)
            {
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled");
    }

    private static void fillPattern(final UnsafeBuffer message, final int index)
    {
        for (int i = 0; i < message.capacity(); i++)
        {
            message.putByte(i, (byte)(index + i));
        }
    }

    private static void readPattern(
        final InputStream in, final int messageLength, final AtomicLong bytesRead, final AtomicBoolean outOfOrder)
        throws IOException
    {
        final byte[] bytes = new byte[65536];
        long offset = 0;
        int read;
        while ((read = in.read(bytes)) > 0)
        {
            for (int i = 0; i < read; i++, offset++)
            {
                if (bytes[i] != (byte)(offset / messageLength + offset % messageLength))
                {
                    outOfOrder.set(true);
                }
            }
            bytesRead.set(offset);
        }
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
