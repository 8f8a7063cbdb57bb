package org.sipredundancy.hal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * One thing that happened at the device boundary: bytes received, a connection made, a transport failure,
 * a key pressed, a command typed. Events are pooled by {@link InboundEventQueue} and reused, so a consumer must
 * copy anything it keeps before it returns from its handler.
 * <pre>
 *   type              handle  remote  listener  cause  code/value  payload
 *   DATAGRAM          yes     yes     -         -      -           the datagram
 *   STREAM_DATA       yes     yes     -         -      -           the next bytes of the stream
 *   CONNECTED         yes     yes     accepted  -      -           -
 *   TRANSPORT_ERROR   yes     yes     -         yes    -           -
 *   KEY               -       -       -         -      yes         -
 *   COMMAND           -       -       -         -      yes         the command's text, ASCII
 * </pre>
 * Not thread safe: owned by one thread at a time, handed over through the queue.
 */
public final class InboundEvent
{
    /** A UDP datagram arrived. */
    public static final int DATAGRAM = 1;
    /** Bytes arrived on a TCP or TLS connection. */
    public static final int STREAM_DATA = 2;
    /** A connection was established (outgoing) or accepted (incoming). */
    public static final int CONNECTED = 3;
    /** A transport failed; see {@link #cause()} and {@link TransportError}. */
    public static final int TRANSPORT_ERROR = 4;
    /** A key was pressed; see {@link KeyCode}. */
    public static final int KEY = 5;
    /** A command from the console or a test; see {@link CommandCode}. */
    public static final int COMMAND = 6;

    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private int type;
    private int handle;
    private int listenerHandle;
    private int remoteAddress;
    private int remotePort;
    private int cause;
    private int code;
    private int value;
    private int length;

    /**
     * Create an event with a payload area of a fixed size.
     *
     * @param payloadCapacity largest datagram or stream chunk the event can carry, in bytes.
     */
    public InboundEvent(final int payloadCapacity)
    {
        byteBuffer = ByteBuffer.allocateDirect(payloadCapacity);
        buffer = new UnsafeBuffer(byteBuffer);
    }

    /**
     * Forget everything but the payload area, ready for reuse.
     *
     * @return this.
     */
    public InboundEvent reset()
    {
        type = 0;
        handle = -1;
        listenerHandle = -1;
        remoteAddress = 0;
        remotePort = 0;
        cause = TransportError.NONE;
        code = 0;
        value = 0;
        length = 0;
        byteBuffer.clear();
        return this;
    }

    /**
     * Fill in a network event.
     *
     * @param type          {@link #DATAGRAM}, {@link #STREAM_DATA}, {@link #CONNECTED} or {@link #TRANSPORT_ERROR}.
     * @param handle        the endpoint it concerns.
     * @param remoteAddress the peer's IPv4 address.
     * @param remotePort    the peer's port.
     * @return this.
     */
    public InboundEvent network(final int type, final int handle, final int remoteAddress, final int remotePort)
    {
        this.type = type;
        this.handle = handle;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        return this;
    }

    /**
     * Fill in a key or command event.
     *
     * @param type  {@link #KEY} or {@link #COMMAND}.
     * @param code  a {@link KeyCode} or {@link CommandCode}.
     * @param value the key's index or digit, or the command's argument.
     * @return this.
     */
    public InboundEvent input(final int type, final int code, final int value)
    {
        this.type = type;
        this.code = code;
        this.value = value;
        return this;
    }

    /**
     * @return the event's type, one of the constants of this class.
     */
    public int type()
    {
        return type;
    }

    /**
     * @return the endpoint handle of a network event.
     */
    public int handle()
    {
        return handle;
    }

    /**
     * @return for a {@link #CONNECTED} event of an accepted connection, the listener's handle; else -1.
     */
    public int listenerHandle()
    {
        return listenerHandle;
    }

    /**
     * Set the listener's handle of an accepted connection.
     *
     * @param listenerHandle the listener's handle.
     * @return this.
     */
    public InboundEvent listenerHandle(final int listenerHandle)
    {
        this.listenerHandle = listenerHandle;
        return this;
    }

    /**
     * @return the peer's IPv4 address.
     */
    public int remoteAddress()
    {
        return remoteAddress;
    }

    /**
     * @return the peer's port.
     */
    public int remotePort()
    {
        return remotePort;
    }

    /**
     * @return the {@link TransportError} of a {@link #TRANSPORT_ERROR} event.
     */
    public int cause()
    {
        return cause;
    }

    /**
     * Set the {@link TransportError} cause.
     *
     * @param cause the cause.
     * @return this.
     */
    public InboundEvent cause(final int cause)
    {
        this.cause = cause;
        return this;
    }

    /**
     * @return the {@link KeyCode} or {@link CommandCode} of an input event.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return the key index, digit character or command argument of an input event.
     */
    public int value()
    {
        return value;
    }

    /**
     * @return the payload as a buffer; valid bytes are {@code [0, length())}.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the payload's backing direct buffer, for NIO reads straight into the event.
     */
    public ByteBuffer byteBuffer()
    {
        return byteBuffer;
    }

    /**
     * @return the payload's capacity in bytes.
     */
    public int capacity()
    {
        return buffer.capacity();
    }

    /**
     * @return the number of valid payload bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * Set the number of valid payload bytes.
     *
     * @param length bytes written into {@link #buffer()} from index 0.
     * @return this.
     */
    public InboundEvent length(final int length)
    {
        this.length = length;
        return this;
    }
}
