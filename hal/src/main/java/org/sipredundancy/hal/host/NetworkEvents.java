package org.sipredundancy.hal.host;

import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.TransportError;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;

/**
 * Turns what the I/O thread sees into inbound events for the duty cycle, and socket exceptions into the
 * {@link TransportError} causes the redundancy layer acts on (SPEC R-SIP-3). An event that finds the queue full
 * is dropped and counted by the queue (SPEC R-BAD-4); nothing here ever waits. Events for an endpoint the core
 * has already closed are not published: they would name a handle that may soon be someone else's.
 * <p>
 * Not thread safe: I/O thread only.
 */
final class NetworkEvents
{
    private final InboundEventQueue inbound;

    NetworkEvents(final InboundEventQueue inbound)
    {
        this.inbound = inbound;
    }

    InboundEventQueue inbound()
    {
        return inbound;
    }

    void connected(final HostEndpoint endpoint)
    {
        if (!endpoint.isOpen())
        {
            return;
        }
        final InboundEvent event = inbound.claim();
        if (null != event)
        {
            event.network(InboundEvent.CONNECTED, endpoint.handle, endpoint.remoteAddress, endpoint.remotePort)
                .listenerHandle(endpoint.listenerHandle);
            inbound.publish(event);
        }
    }

    void transportError(final HostEndpoint endpoint, final int cause)
    {
        transportError(endpoint, cause, endpoint.remoteAddress, endpoint.remotePort);
    }

    void transportError(final HostEndpoint endpoint, final int cause, final int remoteAddress, final int remotePort)
    {
        if (!endpoint.isOpen())
        {
            return;
        }
        final InboundEvent event = inbound.claim();
        if (null != event)
        {
            event.network(InboundEvent.TRANSPORT_ERROR, endpoint.handle, remoteAddress, remotePort).cause(cause);
            inbound.publish(event);
        }
    }

    /**
     * Publish decrypted stream bytes in as many events as their length needs.
     *
     * @param endpoint  the stream.
     * @param plaintext bytes between position and limit; consumed.
     */
    void streamData(final HostEndpoint endpoint, final ByteBuffer plaintext)
    {
        while (plaintext.hasRemaining())
        {
            final InboundEvent event = endpoint.isOpen() ? inbound.claim() : null;
            if (null == event)
            {
                plaintext.position(plaintext.limit());
                return;
            }
            final int length = Math.min(plaintext.remaining(), event.capacity());
            event.buffer().putBytes(0, plaintext, plaintext.position(), length);
            plaintext.position(plaintext.position() + length);
            event.network(InboundEvent.STREAM_DATA, endpoint.handle, endpoint.remoteAddress, endpoint.remotePort)
                .length(length);
            inbound.publish(event);
        }
    }

    /**
     * The cause a socket exception stands for. The JDK gives resets only as a message, so the text decides
     * between a reset and any other I/O failure; a broken pipe is a write after the peer reset.
     *
     * @param ex what the socket threw.
     * @return a {@link TransportError}.
     */
    static int causeOf(final IOException ex)
    {
        if (ex instanceof PortUnreachableException)
        {
            return TransportError.ICMP_UNREACHABLE;
        }
        if (ex instanceof ConnectException)
        {
            return TransportError.CONNECTION_REFUSED;
        }
        if (ex instanceof SSLException)
        {
            return TransportError.TLS_FAILURE;
        }
        final String message = ex.getMessage();
        if (null != message && (message.contains("reset") || message.contains("Broken pipe")))
        {
            return TransportError.CONNECTION_RESET;
        }
        return TransportError.IO_ERROR;
    }
}
