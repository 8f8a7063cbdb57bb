package org.sipredundancy.core.sip.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.hal.Transport;

/**
 * One row of the transport's flow table: the endpoint behind a flow id, its peer, and for streams the bytes of an
 * incomplete inbound message and the bytes queued while connecting. Buffers are allocated once, at start-up.
 */
final class SipFlow
{
    static final int FREE = 0;
    static final int CONNECTING = 1;
    static final int OPEN = 2;
    static final int NO_HANDLE = -1;

    final int id;
    final UnsafeBuffer stream;
    final UnsafeBuffer pending;
    int state = FREE;
    int handle = NO_HANDLE;
    int transport = Transport.UDP;
    int remoteAddress;
    int remotePort;
    int streamLength;
    int pendingLength;
    boolean accepted;
    /** Bumped on every close, so a loop can tell that a handler closed (and maybe reopened) the flow. */
    int generation;

    SipFlow(final int id, final int streamCapacity, final int pendingCapacity)
    {
        this.id = id;
        stream = new UnsafeBuffer(new byte[streamCapacity]);
        pending = new UnsafeBuffer(new byte[pendingCapacity]);
    }

    boolean isOpen()
    {
        return state != FREE;
    }

    boolean matches(final int transport, final int remoteAddress, final int remotePort)
    {
        return state != FREE && this.transport == transport && this.remoteAddress == remoteAddress &&
            this.remotePort == remotePort;
    }

    void open(final int state, final int handle, final int transport, final int remoteAddress, final int remotePort)
    {
        this.state = state;
        this.handle = handle;
        this.transport = transport;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        streamLength = 0;
        pendingLength = 0;
        accepted = false;
    }

    void free()
    {
        state = FREE;
        handle = NO_HANDLE;
        streamLength = 0;
        pendingLength = 0;
        accepted = false;
        generation++;
    }
}
