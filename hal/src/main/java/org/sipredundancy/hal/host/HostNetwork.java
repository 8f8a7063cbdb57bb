package org.sipredundancy.hal.host;

import org.agrona.DirectBuffer;
import org.jctools.queues.SpscArrayQueue;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Network} of a real host: NIO sockets driven by one I/O thread ("sip-io"), so the duty cycle never
 * waits on a socket.
 * <p>
 * Opening is start-up work and happens on the caller's thread: the socket is made, bound and, where asked,
 * connected there, so a bad address is refused at once with a status; the I/O thread then takes it over.
 * Sending copies the bytes into a pooled frame and hands the frame over, which allocates nothing; when every
 * frame is in flight, or a stream already holds {@link HostNetworkContext#streamBufferCapacity()} unwritten
 * bytes, the send is refused as {@link NetworkStatus#BACK_PRESSURED} and the core retries on a later cycle.
 * Everything that comes back arrives as events in the {@link InboundEventQueue} given at construction.
 * <p>
 * Handles index a fixed table. No call throws: failures are statuses or, later, transport error events.
 * <p>
 * Network calls: duty cycle thread only (one thread). {@link #localPort(int)} and {@link #localAddress(int)} are
 * also safe from other threads. {@link #close()} may be called from any thread, and more than once.
 */
public final class HostNetwork implements Network, AutoCloseable
{
    /** Largest payload of an IPv4 UDP datagram. */
    private static final int MAX_DATAGRAM = 65507;
    private static final int LISTEN_BACKLOG = 64;
    private static final long STOP_WAIT_MS = 5000;

    private final EndpointTable endpoints;
    private final SpscArrayQueue<OutboundFrame> toIo;
    private final SpscArrayQueue<OutboundFrame> freeFrames;
    private final Selector selector;
    private final IoAgent ioAgent;
    private final Thread ioThread;
    private final HostNetworkContext context;
    private final int frameCapacity;
    private final int streamBufferCapacity;
    private final long connectTimeoutNs;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Allocate every endpoint slot and frame, and start the I/O thread (unless the context says not to).
     *
     * @param context the set-up; concluded here.
     * @param inbound where events are published.
     * @throws UncheckedIOException when the host cannot give a selector.
     */
    public HostNetwork(final HostNetworkContext context, final InboundEventQueue inbound)
    {
        this.context = context.conclude();
        frameCapacity = context.frameCapacity();
        streamBufferCapacity = context.streamBufferCapacity();
        connectTimeoutNs = TimeUnit.MILLISECONDS.toNanos(context.connectTimeoutMs());
        endpoints = new EndpointTable(context.endpointCapacity());
        // Room for every pooled frame plus each endpoint's register and close: an offer can never fail.
        toIo = new SpscArrayQueue<>(context.framePoolSize() + 2 * context.endpointCapacity());
        freeFrames = new SpscArrayQueue<>(context.framePoolSize());
        for (int i = 0; i < context.framePoolSize(); i++)
        {
            freeFrames.offer(OutboundFrame.send(frameCapacity));
        }
        try
        {
            selector = Selector.open();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open a selector", ex);
        }
        ioAgent = new IoAgent(selector, endpoints, toIo, freeFrames, new NetworkEvents(inbound), streamBufferCapacity);
        if (context.startIoThread())
        {
            ioThread = new Thread(ioAgent, "sip-io");
            ioThread.setDaemon(true);
            ioThread.start();
        }
        else
        {
            ioThread = null;
        }
    }

    /**
     * {@inheritDoc}
     */
    public int openUdp(final int localAddress, final int localPort)
    {
        return openDatagram(HostEndpoint.UDP, localAddress, localPort, 0, 0);
    }

    /**
     * {@inheritDoc}
     */
    public int openConnectedUdp(final int localAddress, final int remoteAddress, final int remotePort)
    {
        return openDatagram(HostEndpoint.CONNECTED_UDP, localAddress, 0, remoteAddress, remotePort);
    }

    /**
     * {@inheritDoc}
     */
    public int listenTcp(final int localAddress, final int localPort)
    {
        final HostEndpoint endpoint = closed.get() ? null : endpoints.reserve();
        if (null == endpoint)
        {
            return refusedOpen();
        }
        ServerSocketChannel channel = null;
        try
        {
            channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            channel.bind(socketAddress(localAddress, localPort), LISTEN_BACKLOG);
            endpoint.serverChannel = channel;
            return handOver(endpoint, HostEndpoint.LISTENER, 0, 0, channel);
        }
        catch (final IOException | RuntimeException ex)
        {
            return abandonOpen(endpoint, channel);
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * A connect refused at once is still given a handle; the refusal arrives as an event like any other.
     */
    public int connect(
        final int transport, final int remoteAddress, final int remotePort, final CharSequence serverName)
    {
        if (!Transport.isStream(transport))
        {
            return NetworkStatus.WRONG_KIND;
        }
        final HostEndpoint endpoint = closed.get() ? null : endpoints.reserve();
        if (null == endpoint)
        {
            return refusedOpen();
        }
        SocketChannel channel = null;
        try
        {
            channel = SocketChannel.open(StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (Transport.TLS == transport)
            {
                endpoint.tls = TlsSession.client(
                    context.sslContext(), serverName, remotePort, context.verifyServerName(), streamBufferCapacity);
            }
            else if (null == endpoint.pending)
            {
                endpoint.pending = ByteBuffer.allocateDirect(streamBufferCapacity);
            }
            endpoint.socketChannel = channel;
            endpoint.connectDeadlineNs = System.nanoTime() + connectTimeoutNs;
            try
            {
                endpoint.connectedAtOpen = channel.connect(socketAddress(remoteAddress, remotePort));
            }
            catch (final IOException ex)
            {
                endpoint.openCause = NetworkEvents.causeOf(ex);
            }
            final int kind = Transport.TLS == transport ? HostEndpoint.TLS : HostEndpoint.TCP;
            return handOver(endpoint, kind, remoteAddress, remotePort, channel);
        }
        catch (final IOException | RuntimeException ex)
        {
            return abandonOpen(endpoint, channel);
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * {@link NetworkStatus#TOO_LONG} also answers a region outside the buffer, and a message longer than a
     * frame ({@link HostNetworkContext#frameCapacity()}) or, for UDP, than a datagram.
     */
    public int send(
        final int handle,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final HostEndpoint endpoint = endpoints.get(handle);
        if (null == endpoint || !endpoint.isOpen())
        {
            return NetworkStatus.UNKNOWN_HANDLE;
        }
        final int refusal = checkSend(endpoint, buffer, offset, length);
        if (NetworkStatus.OK != refusal)
        {
            return refusal;
        }
        final OutboundFrame frame = freeFrames.relaxedPoll();
        if (null == frame)
        {
            if (endpoint.isStream())
            {
                endpoint.dequeued(length);
            }
            return NetworkStatus.BACK_PRESSURED;
        }
        final ByteBuffer bytes = frame.buffer;
        bytes.clear();
        buffer.getBytes(offset, bytes, 0, length);
        bytes.limit(length);
        frame.endpoint = endpoint;
        frame.remoteAddress = remoteAddress;
        frame.remotePort = remotePort;
        toIo.offer(frame);
        selector.wakeup();
        return NetworkStatus.OK;
    }

    /**
     * {@inheritDoc}
     */
    public int localPort(final int handle)
    {
        final HostEndpoint endpoint = endpoints.get(handle);
        return null != endpoint && endpoint.isOpen() ? endpoint.localPort : NetworkStatus.UNKNOWN_HANDLE;
    }

    /**
     * {@inheritDoc}
     */
    public int localAddress(final int handle)
    {
        final HostEndpoint endpoint = endpoints.get(handle);
        return null != endpoint && endpoint.isOpen() ? endpoint.localAddress : 0;
    }

    /**
     * {@inheritDoc}
     * <p>
     * The handle is refused at once; the I/O thread closes the socket shortly after, and the handle may be
     * given out again only then.
     */
    public void close(final int handle)
    {
        final HostEndpoint endpoint = endpoints.get(handle);
        if (null != endpoint && endpoint.beginClose())
        {
            toIo.offer(endpoint.closeFrame);
            selector.wakeup();
        }
    }

    /**
     * Stop the I/O thread and close every socket. Later calls are refused; calling it again does nothing.
     */
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        if (null == ioThread)
        {
            ioAgent.closeAll();
            return;
        }
        ioAgent.stop();
        selector.wakeup();
        try
        {
            ioThread.join(STOP_WAIT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return the I/O thread, or null when it was not started; for tests that watch what it allocates.
     */
    Thread ioThread()
    {
        return ioThread;
    }

    private int checkSend(final HostEndpoint endpoint, final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == buffer || offset < 0 || length < 0 || length > buffer.capacity() - offset)
        {
            return NetworkStatus.TOO_LONG;
        }
        switch (endpoint.kind)
        {
            case HostEndpoint.LISTENER:
                return NetworkStatus.WRONG_KIND;
            case HostEndpoint.UDP, HostEndpoint.CONNECTED_UDP:
                return length > Math.min(frameCapacity, MAX_DATAGRAM) ? NetworkStatus.TOO_LONG : NetworkStatus.OK;
            default:
                if (!endpoint.connected)
                {
                    return NetworkStatus.NOT_CONNECTED;
                }
                if (length > frameCapacity)
                {
                    return NetworkStatus.TOO_LONG;
                }
                return endpoint.tryQueue(length, streamBufferCapacity) ?
                    NetworkStatus.OK : NetworkStatus.BACK_PRESSURED;
        }
    }

    private int openDatagram(
        final int kind, final int localAddress, final int localPort, final int remoteAddress, final int remotePort)
    {
        final HostEndpoint endpoint = closed.get() ? null : endpoints.reserve();
        if (null == endpoint)
        {
            return refusedOpen();
        }
        DatagramChannel channel = null;
        try
        {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            channel.bind(socketAddress(localAddress, localPort));
            if (HostEndpoint.CONNECTED_UDP == kind)
            {
                channel.connect(socketAddress(remoteAddress, remotePort));
            }
            endpoint.datagramChannel = channel;
            return handOver(endpoint, kind, remoteAddress, remotePort, channel);
        }
        catch (final IOException | RuntimeException ex)
        {
            return abandonOpen(endpoint, channel);
        }
    }

    private int handOver(
        final HostEndpoint endpoint,
        final int kind,
        final int remoteAddress,
        final int remotePort,
        final NetworkChannel channel)
    {
        final SocketAddress local = localAddressOf(channel);
        endpoint.kind = kind;
        endpoint.remoteAddress = remoteAddress;
        endpoint.remotePort = remotePort;
        endpoint.localAddress = AddressCache.ipv4(local);
        endpoint.localPort = AddressCache.port(local);
        endpoint.open();
        toIo.offer(endpoint.registerFrame);
        selector.wakeup();
        return endpoint.handle;
    }

    private int refusedOpen()
    {
        return closed.get() ? NetworkStatus.OPEN_FAILED : NetworkStatus.NO_CAPACITY;
    }

    private static int abandonOpen(final HostEndpoint endpoint, final NetworkChannel channel)
    {
        if (null != channel)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                // The open is refused either way; a socket that will not close is the host's to reclaim.
            }
        }
        endpoint.free();
        return NetworkStatus.OPEN_FAILED;
    }

    private static SocketAddress localAddressOf(final NetworkChannel channel)
    {
        try
        {
            return channel.getLocalAddress();
        }
        catch (final IOException ex)
        {
            // A connect refused at once closes the socket; its local address is then simply not known.
            return null;
        }
    }

    private static InetSocketAddress socketAddress(final int address, final int port)
    {
        return new InetSocketAddress(AddressCache.inetAddress(address), port);
    }
}
