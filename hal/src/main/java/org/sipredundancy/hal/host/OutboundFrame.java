package org.sipredundancy.hal.host;

import java.nio.ByteBuffer;

/**
 * What the duty cycle hands to the I/O thread: bytes to send (from a preallocated pool), or one endpoint's
 * request to be taken over or closed. Both travel on one queue so that an endpoint's sends and its close reach
 * the I/O thread in the order they were made.
 * <p>
 * Not thread safe: owned by the duty cycle until queued, then by the I/O thread until it is returned.
 */
final class OutboundFrame
{
    /** Bytes to send on {@link #endpoint}. */
    static final int SEND = 1;
    /** Take over a newly opened endpoint: register it with the selector. */
    static final int REGISTER = 2;
    /** Close the endpoint and free its slot. */
    static final int CLOSE = 3;

    final int type;
    final ByteBuffer buffer;
    HostEndpoint endpoint;
    int remoteAddress;
    int remotePort;

    private OutboundFrame(final int type, final ByteBuffer buffer, final HostEndpoint endpoint)
    {
        this.type = type;
        this.buffer = buffer;
        this.endpoint = endpoint;
    }

    /**
     * A pooled frame for bytes.
     *
     * @param capacity bytes the frame can hold.
     * @return the frame.
     */
    static OutboundFrame send(final int capacity)
    {
        return new OutboundFrame(SEND, ByteBuffer.allocateDirect(capacity), null);
    }

    /**
     * An endpoint's own control frame, which needs no pool: an endpoint is queued at most once for each.
     *
     * @param type     {@link #REGISTER} or {@link #CLOSE}.
     * @param endpoint the endpoint it controls.
     * @return the frame.
     */
    static OutboundFrame control(final int type, final HostEndpoint endpoint)
    {
        return new OutboundFrame(type, null, endpoint);
    }
}
