package org.sipredundancy.hal.host;

import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * UDP on the I/O thread: datagrams are received straight into the payload of an inbound event, and sent from
 * outbound frames to addresses the {@link AddressCache} keeps, so neither direction allocates in steady state.
 * <p>
 * A connected endpoint is the one that sees ICMP unreachable: Linux reports it as a refused read or write, which
 * the JDK throws as a {@code PortUnreachableException}, and which becomes a transport error (SPEC R-SIP-3). The
 * endpoint stays open, as the server may come back.
 * <p>
 * Not thread safe: I/O thread only.
 */
final class DatagramIo
{
    /** Most datagrams taken from one socket per wake-up, so one busy socket does not starve the others. */
    private static final int READS_PER_WAKEUP = 16;

    private final NetworkEvents events;
    private final InboundEventQueue inbound;
    private final AddressCache addressCache = new AddressCache();
    private final ByteBuffer discard;

    DatagramIo(final NetworkEvents events, final ByteBuffer discard)
    {
        this.events = events;
        this.inbound = events.inbound();
        this.discard = discard;
    }

    /**
     * Take waiting datagrams off a readable socket. When the queue is full one datagram is read and dropped (the
     * queue counts it) and the socket is left for the next wake-up, so every drop counted is a real datagram.
     *
     * @param endpoint a UDP endpoint whose socket is readable.
     */
    void onReadable(final HostEndpoint endpoint)
    {
        final DatagramChannel channel = endpoint.datagramChannel;
        for (int i = 0; i < READS_PER_WAKEUP; i++)
        {
            if (i > 0 && inbound.size() >= inbound.capacity())
            {
                return;
            }
            final InboundEvent event = inbound.claim();
            final ByteBuffer target = null == event ? discard : event.byteBuffer();
            target.clear();
            try
            {
                final SocketAddress sender = channel.receive(target);
                if (null == event)
                {
                    return;
                }
                if (null == sender || !endpoint.isOpen())
                {
                    inbound.abandon(event);
                    return;
                }
                event.network(InboundEvent.DATAGRAM, endpoint.handle, AddressCache.ipv4(sender),
                    AddressCache.port(sender)).length(target.position());
                inbound.publish(event);
            }
            catch (final IOException ex)
            {
                if (null != event)
                {
                    inbound.abandon(event);
                }
                events.transportError(endpoint, NetworkEvents.causeOf(ex));
                return;
            }
        }
    }

    /**
     * Send one frame's bytes. A datagram the socket has no room for is lost, as datagrams may be.
     *
     * @param endpoint the UDP endpoint.
     * @param frame    the bytes and, for an unconnected endpoint, the destination.
     */
    void send(final HostEndpoint endpoint, final OutboundFrame frame)
    {
        final DatagramChannel channel = endpoint.datagramChannel;
        try
        {
            if (endpoint.kind == HostEndpoint.CONNECTED_UDP)
            {
                channel.write(frame.buffer);
            }
            else
            {
                channel.send(frame.buffer, addressCache.socketAddress(frame.remoteAddress, frame.remotePort));
            }
        }
        catch (final IOException ex)
        {
            final boolean connected = endpoint.kind == HostEndpoint.CONNECTED_UDP;
            events.transportError(
                endpoint,
                NetworkEvents.causeOf(ex),
                connected ? endpoint.remoteAddress : frame.remoteAddress,
                connected ? endpoint.remotePort : frame.remotePort);
        }
    }
}
