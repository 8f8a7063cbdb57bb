package org.sipredundancy.hal.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One slot of the fixed endpoint table: a socket and what both threads need to know about it. The slot's index
 * is the handle the core holds.
 * <pre>
 *   FREE --reserve--> RESERVED --open--> OPEN --close(handle)--> CLOSING --I/O thread closed it--> FREE
 * </pre>
 * Only the thread that reserved a slot fills it, before {@link #open()} publishes it. The duty cycle reads
 * {@link #state()}, {@link #localAddress}, {@link #localPort} and {@link #connected}; the channel, selection key,
 * pending bytes and TLS session belong to the I/O thread once the endpoint is handed over.
 */
final class HostEndpoint
{
    static final int FREE = 0;
    static final int RESERVED = 1;
    static final int OPEN = 2;
    static final int CLOSING = 3;

    static final int UDP = 1;
    static final int CONNECTED_UDP = 2;
    static final int LISTENER = 3;
    static final int TCP = 4;
    static final int TLS = 5;

    final int handle;
    final OutboundFrame registerFrame;
    final OutboundFrame closeFrame;
    /** Stream bytes accepted by send and not yet written (or, for TLS, not yet encrypted). */
    final AtomicInteger queuedBytes = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(FREE);

    int kind;
    int remoteAddress;
    int remotePort;
    int listenerHandle;
    volatile int localAddress;
    volatile int localPort;
    /** A stream's CONNECTED has been published and no failure since; sends are refused until then. */
    volatile boolean connected;

    DatagramChannel datagramChannel;
    ServerSocketChannel serverChannel;
    SocketChannel socketChannel;
    TlsSession tls;
    /** Plain TCP bytes the socket did not take yet; write mode. Allocated once per slot, kept for reuse. */
    ByteBuffer pending;
    SelectionKey key;
    long connectDeadlineNs;
    boolean awaitingConnect;
    boolean connectedAtOpen;
    /** A {@link org.sipredundancy.hal.TransportError} of a connect that failed at once, reported by the I/O thread. */
    int openCause;
    /** The stream failed, its error is reported and its socket closed; the slot waits for close(handle). */
    boolean failed;

    HostEndpoint(final int handle)
    {
        this.handle = handle;
        registerFrame = OutboundFrame.control(OutboundFrame.REGISTER, this);
        closeFrame = OutboundFrame.control(OutboundFrame.CLOSE, this);
        clear();
    }

    int state()
    {
        return state.get();
    }

    boolean isOpen()
    {
        return state.get() == OPEN;
    }

    boolean tryReserve()
    {
        return state.compareAndSet(FREE, RESERVED);
    }

    void open()
    {
        state.set(OPEN);
    }

    boolean beginClose()
    {
        connected = false;
        return state.compareAndSet(OPEN, CLOSING);
    }

    /**
     * Forget the socket and make the slot reusable. Call only after the channel is closed.
     */
    void free()
    {
        clear();
        state.set(FREE);
    }

    boolean isStream()
    {
        return kind == TCP || kind == TLS;
    }

    SelectableChannel channel()
    {
        if (null != datagramChannel)
        {
            return datagramChannel;
        }
        return null != serverChannel ? serverChannel : socketChannel;
    }

    /**
     * Cancel the selection key and close the socket; never fails, and closing twice does nothing.
     */
    void closeChannel()
    {
        if (null != key)
        {
            key.cancel();
            key = null;
        }
        final SelectableChannel channel = channel();
        if (null != channel)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                // Nothing more can be done with a socket that fails to close; the slot is reused regardless.
            }
        }
    }

    /**
     * Account for stream bytes about to be handed over, refusing when the stream already holds too many.
     *
     * @param length   bytes of the send.
     * @param capacity most bytes a stream may hold unwritten.
     * @return false when the send must be refused as back-pressured.
     */
    boolean tryQueue(final int length, final int capacity)
    {
        if (queuedBytes.addAndGet(length) > capacity)
        {
            queuedBytes.addAndGet(-length);
            return false;
        }
        return true;
    }

    void dequeued(final int length)
    {
        if (length > 0)
        {
            queuedBytes.addAndGet(-length);
        }
    }

    private void clear()
    {
        kind = 0;
        remoteAddress = 0;
        remotePort = 0;
        listenerHandle = -1;
        localAddress = 0;
        localPort = 0;
        connected = false;
        datagramChannel = null;
        serverChannel = null;
        socketChannel = null;
        tls = null;
        if (null != pending)
        {
            pending.clear();
        }
        key = null;
        connectDeadlineNs = 0;
        awaitingConnect = false;
        connectedAtOpen = false;
        openCause = 0;
        failed = false;
        queuedBytes.set(0);
    }
}
