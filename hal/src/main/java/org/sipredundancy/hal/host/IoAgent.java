package org.sipredundancy.hal.host;

import org.jctools.queues.SpscArrayQueue;
import org.sipredundancy.hal.TransportError;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The I/O thread's loop: the only code that touches a socket once the duty cycle has opened it. Each turn it
 * takes over what the duty cycle queued (new endpoints, sends, closes), times out slow connects, and waits on the
 * selector for sockets that are ready, dispatching each to {@link DatagramIo} or {@link StreamIo}. It is its
 * own selection handler, so a turn allocates nothing.
 * <p>
 * Not thread safe: runs on one thread; {@link #stop()} may be called from any.
 */
final class IoAgent implements Runnable, Consumer<SelectionKey>
{
    /** Longest wait on the selector when no connect is pending; sends and closes wake it at once anyway. */
    private static final long IDLE_SELECT_MS = 1000;
    private static final int ACCEPTS_PER_WAKEUP = 16;

    private final Selector selector;
    private final EndpointTable endpoints;
    private final SpscArrayQueue<OutboundFrame> toIo;
    private final SpscArrayQueue<OutboundFrame> freeFrames;
    private final NetworkEvents events;
    private final DatagramIo datagramIo;
    private final StreamIo streamIo;
    private final int streamBufferCapacity;
    private volatile boolean running = true;

    IoAgent(
        final Selector selector,
        final EndpointTable endpoints,
        final SpscArrayQueue<OutboundFrame> toIo,
        final SpscArrayQueue<OutboundFrame> freeFrames,
        final NetworkEvents events,
        final int streamBufferCapacity)
    {
        this.selector = selector;
        this.endpoints = endpoints;
        this.toIo = toIo;
        this.freeFrames = freeFrames;
        this.events = events;
        this.streamBufferCapacity = streamBufferCapacity;
        final ByteBuffer discard = ByteBuffer.allocateDirect(events.inbound().payloadCapacity());
        datagramIo = new DatagramIo(events, discard);
        streamIo = new StreamIo(events, discard);
    }

    /**
     * Run turns until stopped, then close every socket and the selector.
     */
    public void run()
    {
        try
        {
            while (running)
            {
                drainFrames();
                final long timeoutMs = pollConnectDeadlines(System.nanoTime());
                try
                {
                    selector.select(this, timeoutMs);
                }
                catch (final IOException ex)
                {
                    // A failed wait is retried on the next turn; no socket is harmed by it.
                }
            }
        }
        catch (final ClosedSelectorException ex)
        {
            // Closed under us: nothing more can be selected, so stop.
        }
        finally
        {
            closeAll();
        }
    }

    /**
     * Ask the loop to end after its current turn; the caller wakes the selector.
     */
    void stop()
    {
        running = false;
    }

    /**
     * Handle one ready socket.
     *
     * @param key the socket's key, its attachment the endpoint.
     */
    public void accept(final SelectionKey key)
    {
        final HostEndpoint endpoint = (HostEndpoint)key.attachment();
        try
        {
            if (!key.isValid())
            {
                return;
            }
            switch (endpoint.kind)
            {
                case HostEndpoint.UDP, HostEndpoint.CONNECTED_UDP:
                    datagramIo.onReadable(endpoint);
                    break;
                case HostEndpoint.LISTENER:
                    onAcceptable(endpoint);
                    break;
                default:
                    streamIo.onReady(endpoint, key.readyOps());
                    break;
            }
        }
        catch (final RuntimeException ex)
        {
            onUnexpected(endpoint);
        }
    }

    /**
     * Close every endpoint still open and the selector. Called by the loop as it ends, or by the network's owner
     * when the loop never ran.
     */
    void closeAll()
    {
        for (int i = 0; i < endpoints.capacity(); i++)
        {
            final HostEndpoint endpoint = endpoints.get(i);
            if (HostEndpoint.FREE != endpoint.state())
            {
                close(endpoint);
            }
        }
        try
        {
            selector.close();
        }
        catch (final IOException ex)
        {
            // The process keeps going without this selector whether or not its close succeeded.
        }
    }

    private void drainFrames()
    {
        OutboundFrame frame;
        while (null != (frame = toIo.relaxedPoll()))
        {
            switch (frame.type)
            {
                case OutboundFrame.REGISTER:
                    register(frame.endpoint);
                    break;
                case OutboundFrame.CLOSE:
                    close(frame.endpoint);
                    break;
                default:
                    send(frame);
                    break;
            }
        }
    }

    private void register(final HostEndpoint endpoint)
    {
        if (!endpoint.isOpen())
        {
            return;
        }
        if (endpoint.isStream() && TransportError.NONE != endpoint.openCause)
        {
            // The connect failed on the caller's thread and the JDK closed the socket: there is nothing to watch.
            streamIo.fail(endpoint, endpoint.openCause);
            return;
        }
        try
        {
            final int interestOps = switch (endpoint.kind)
            {
                case HostEndpoint.LISTENER -> SelectionKey.OP_ACCEPT;
                case HostEndpoint.UDP, HostEndpoint.CONNECTED_UDP -> SelectionKey.OP_READ;
                default -> 0;
            };
            endpoint.key = endpoint.channel().register(selector, interestOps, endpoint);
            if (endpoint.isStream())
            {
                streamIo.onRegistered(endpoint);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            onUnexpected(endpoint);
        }
    }

    private void send(final OutboundFrame frame)
    {
        final HostEndpoint endpoint = frame.endpoint;
        frame.endpoint = null;
        try
        {
            if (endpoint.isOpen() && !endpoint.failed)
            {
                if (endpoint.isStream())
                {
                    streamIo.write(endpoint, frame);
                }
                else
                {
                    datagramIo.send(endpoint, frame);
                }
            }
        }
        catch (final RuntimeException ex)
        {
            onUnexpected(endpoint);
        }
        finally
        {
            freeFrames.offer(frame);
        }
    }

    private void close(final HostEndpoint endpoint)
    {
        if (null != endpoint.tls && !endpoint.failed && null != endpoint.socketChannel)
        {
            endpoint.tls.closeQuietly(endpoint.socketChannel);
        }
        endpoint.closeChannel();
        endpoint.free();
    }

    private void onAcceptable(final HostEndpoint listener)
    {
        for (int i = 0; i < ACCEPTS_PER_WAKEUP; i++)
        {
            final SocketChannel channel;
            try
            {
                channel = listener.serverChannel.accept();
            }
            catch (final IOException ex)
            {
                events.transportError(listener, NetworkEvents.causeOf(ex));
                return;
            }
            if (null == channel)
            {
                return;
            }
            final HostEndpoint endpoint = endpoints.reserve();
            if (null == endpoint)
            {
                closeQuietly(channel);
                continue;
            }
            adopt(listener, endpoint, channel);
        }
    }

    private void adopt(final HostEndpoint listener, final HostEndpoint endpoint, final SocketChannel channel)
    {
        try
        {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            final SocketAddress remote = channel.getRemoteAddress();
            final SocketAddress local = channel.getLocalAddress();
            if (null == endpoint.pending)
            {
                endpoint.pending = ByteBuffer.allocateDirect(streamBufferCapacity);
            }
            endpoint.kind = HostEndpoint.TCP;
            endpoint.socketChannel = channel;
            endpoint.listenerHandle = listener.handle;
            endpoint.remoteAddress = AddressCache.ipv4(remote);
            endpoint.remotePort = AddressCache.port(remote);
            endpoint.localAddress = AddressCache.ipv4(local);
            endpoint.localPort = AddressCache.port(local);
            endpoint.key = channel.register(selector, SelectionKey.OP_READ, endpoint);
            endpoint.connected = true;
            endpoint.open();
            events.connected(endpoint);
        }
        catch (final IOException | RuntimeException ex)
        {
            endpoint.closeChannel();
            closeQuietly(channel);
            endpoint.free();
        }
    }

    private long pollConnectDeadlines(final long nowNs)
    {
        long timeoutMs = IDLE_SELECT_MS;
        for (int i = 0; i < endpoints.capacity(); i++)
        {
            final HostEndpoint endpoint = endpoints.get(i);
            if (endpoint.isOpen() && endpoint.awaitingConnect)
            {
                final long remainingNs = endpoint.connectDeadlineNs - nowNs;
                if (remainingNs <= 0)
                {
                    streamIo.fail(endpoint, TransportError.CONNECT_TIMEOUT);
                }
                else
                {
                    timeoutMs = Math.min(timeoutMs, TimeUnit.NANOSECONDS.toMillis(remainingNs) + 1);
                }
            }
        }
        return timeoutMs;
    }

    private void onUnexpected(final HostEndpoint endpoint)
    {
        if (endpoint.isStream())
        {
            streamIo.fail(endpoint, TransportError.IO_ERROR);
        }
        else
        {
            events.transportError(endpoint, TransportError.IO_ERROR);
        }
    }

    private static void closeQuietly(final SocketChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            // An accepted socket we could not adopt; the peer sees it closed or reset either way.
        }
    }
}
