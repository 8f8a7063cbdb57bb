package org.sipredundancy.hal.host;

import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.TransportError;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * TCP and TLS connections on the I/O thread: completing connects, reading into inbound events, writing sends
 * and keeping what the socket did not take, and turning every failure into one transport error (SPEC R-SIP-3)
 * after which the socket is closed and sends are refused until the core closes the handle.
 * <p>
 * A connection is reported {@link InboundEvent#CONNECTED} only when it can carry the core's bytes: for TCP when
 * the connect completes, for TLS when the handshake does. A failure during the handshake is a
 * {@link TransportError#TLS_FAILURE} whatever the socket said: the server took the connection, then would not or
 * could not speak TLS with us.
 * <p>
 * Not thread safe: I/O thread only.
 */
final class StreamIo
{
    private static final int READS_PER_WAKEUP = 16;

    private final NetworkEvents events;
    private final InboundEventQueue inbound;
    private final ByteBuffer discard;

    StreamIo(final NetworkEvents events, final ByteBuffer discard)
    {
        this.events = events;
        this.inbound = events.inbound();
        this.discard = discard;
    }

    /**
     * Start watching a connection the duty cycle opened and the selector now knows.
     *
     * @param endpoint a registered TCP or TLS endpoint.
     */
    void onRegistered(final HostEndpoint endpoint)
    {
        endpoint.awaitingConnect = true;
        if (endpoint.connectedAtOpen)
        {
            onConnected(endpoint);
        }
        else
        {
            endpoint.key.interestOps(SelectionKey.OP_CONNECT);
        }
    }

    /**
     * Act on what the selector found ready.
     *
     * @param endpoint  a TCP or TLS endpoint.
     * @param readyOps  the key's ready set.
     */
    void onReady(final HostEndpoint endpoint, final int readyOps)
    {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0)
        {
            onConnectable(endpoint);
            return;
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0)
        {
            onWritable(endpoint);
        }
        if (!endpoint.failed && (readyOps & SelectionKey.OP_READ) != 0)
        {
            if (null == endpoint.tls)
            {
                onReadable(endpoint);
            }
            else
            {
                onTlsReadable(endpoint);
            }
        }
    }

    /**
     * Write a frame's bytes, keeping whatever the socket does not take for when it becomes writable. The duty
     * cycle's accounting ({@link HostEndpoint#tryQueue}) guarantees the room.
     *
     * @param endpoint a connected TCP or TLS endpoint.
     * @param frame    the bytes.
     */
    void write(final HostEndpoint endpoint, final OutboundFrame frame)
    {
        final ByteBuffer source = frame.buffer;
        try
        {
            if (null != endpoint.tls)
            {
                endpoint.tls.appOut().put(source);
                advanceTls(endpoint);
                return;
            }
            final ByteBuffer pending = endpoint.pending;
            if (pending.position() == 0)
            {
                endpoint.dequeued(endpoint.socketChannel.write(source));
            }
            if (source.hasRemaining())
            {
                pending.put(source);
                updateInterest(endpoint);
            }
        }
        catch (final IOException ex)
        {
            fail(endpoint, causeOf(endpoint, ex));
        }
    }

    /**
     * Report a failure once, close the socket and refuse further sends; the slot stays the core's until it closes
     * the handle.
     *
     * @param endpoint the connection.
     * @param cause    a {@link TransportError}.
     */
    void fail(final HostEndpoint endpoint, final int cause)
    {
        if (endpoint.failed)
        {
            return;
        }
        endpoint.failed = true;
        endpoint.connected = false;
        endpoint.awaitingConnect = false;
        events.transportError(endpoint, cause);
        endpoint.closeChannel();
    }

    private void onConnectable(final HostEndpoint endpoint)
    {
        try
        {
            if (endpoint.socketChannel.finishConnect())
            {
                onConnected(endpoint);
            }
        }
        catch (final IOException ex)
        {
            fail(endpoint, causeOf(endpoint, ex));
        }
    }

    private void onConnected(final HostEndpoint endpoint)
    {
        final SocketChannel channel = endpoint.socketChannel;
        try
        {
            final SocketAddress local = channel.getLocalAddress();
            endpoint.localAddress = AddressCache.ipv4(local);
            endpoint.localPort = AddressCache.port(local);
            endpoint.key.interestOps(SelectionKey.OP_READ);
            if (null == endpoint.tls)
            {
                endpoint.awaitingConnect = false;
                endpoint.connected = true;
                events.connected(endpoint);
            }
            else
            {
                endpoint.tls.begin();
                advanceTls(endpoint);
            }
        }
        catch (final IOException ex)
        {
            fail(endpoint, causeOf(endpoint, ex));
        }
    }

    private void onWritable(final HostEndpoint endpoint)
    {
        try
        {
            if (null != endpoint.tls)
            {
                advanceTls(endpoint);
                return;
            }
            final ByteBuffer pending = endpoint.pending;
            pending.flip();
            try
            {
                endpoint.dequeued(endpoint.socketChannel.write(pending));
            }
            finally
            {
                pending.compact();
            }
            updateInterest(endpoint);
        }
        catch (final IOException ex)
        {
            fail(endpoint, causeOf(endpoint, ex));
        }
    }

    private void onReadable(final HostEndpoint endpoint)
    {
        for (int i = 0; i < READS_PER_WAKEUP; i++)
        {
            if (i > 0 && inbound.size() >= inbound.capacity())
            {
                return;
            }
            final InboundEvent event = inbound.claim();
            final ByteBuffer target = null == event ? discard : event.byteBuffer();
            target.clear();
            final int read;
            try
            {
                read = endpoint.socketChannel.read(target);
            }
            catch (final IOException ex)
            {
                abandon(event);
                fail(endpoint, causeOf(endpoint, ex));
                return;
            }
            if (read <= 0 || null == event || !endpoint.isOpen())
            {
                abandon(event);
                if (read < 0)
                {
                    fail(endpoint, TransportError.PEER_CLOSED);
                }
                return;
            }
            event.network(InboundEvent.STREAM_DATA, endpoint.handle, endpoint.remoteAddress, endpoint.remotePort)
                .length(read);
            inbound.publish(event);
            if (target.hasRemaining())
            {
                return;
            }
        }
    }

    private void onTlsReadable(final HostEndpoint endpoint)
    {
        final TlsSession tls = endpoint.tls;
        for (int i = 0; i < READS_PER_WAKEUP; i++)
        {
            final int read;
            try
            {
                read = tls.read(endpoint.socketChannel);
                advanceTls(endpoint);
            }
            catch (final IOException ex)
            {
                fail(endpoint, causeOf(endpoint, ex));
                return;
            }
            if (endpoint.failed)
            {
                return;
            }
            if (read < 0 || tls.isInboundClosed())
            {
                fail(endpoint, tls.isEstablished() ? TransportError.PEER_CLOSED : TransportError.TLS_FAILURE);
                return;
            }
            if (read == 0)
            {
                return;
            }
        }
    }

    private void advanceTls(final HostEndpoint endpoint) throws IOException
    {
        final TlsSession tls = endpoint.tls;
        final int queuedBefore = tls.appOut().position();
        boolean more;
        do
        {
            more = tls.advance(endpoint.socketChannel);
            if (endpoint.awaitingConnect && tls.isEstablished())
            {
                endpoint.awaitingConnect = false;
                endpoint.connected = true;
                events.connected(endpoint);
            }
            final ByteBuffer plaintext = tls.appIn();
            plaintext.flip();
            events.streamData(endpoint, plaintext);
            plaintext.clear();
        }
        while (more);
        endpoint.dequeued(queuedBefore - tls.appOut().position());
        updateInterest(endpoint);
    }

    private static void updateInterest(final HostEndpoint endpoint)
    {
        final boolean output = null != endpoint.tls ? endpoint.tls.hasPendingOutput() : endpoint.pending.position() > 0;
        endpoint.key.interestOps(SelectionKey.OP_READ | (output ? SelectionKey.OP_WRITE : 0));
    }

    private void abandon(final InboundEvent event)
    {
        if (null != event)
        {
            inbound.abandon(event);
        }
    }

    private static int causeOf(final HostEndpoint endpoint, final IOException ex)
    {
        final int cause = NetworkEvents.causeOf(ex);
        final boolean handshaking = null != endpoint.tls && endpoint.tls.isHandshaking();
        return handshaking && cause != TransportError.CONNECTION_REFUSED ? TransportError.TLS_FAILURE : cause;
    }
}
