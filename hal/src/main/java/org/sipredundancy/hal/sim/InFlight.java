package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Everything a {@link SimNetwork} has on the wire: the packets ({@link InFlightPool}), their bytes
 * ({@link PayloadArena}), the sequence that orders packets due at the same instant, and the trace of what happens
 * to them. The network decides where packets go; this class only keeps them.
 * <pre>
 *   claim -&gt; fill -&gt; schedule(deliveryNs) -&gt; poll when due -&gt; deliver / answer / lose -&gt; release
 *                        ^                                   |
 *                        +------- postpone (same sequence) --+   (a full queue on a connection)
 * </pre>
 * Not thread safe.
 */
final class InFlight
{
    private final InFlightPool pool;
    private final PayloadArena arena;
    private final SimTrace trace;
    private final boolean tracing;
    private final UnsafeBuffer tracePayload;
    private long nextSequence;

    InFlight(final SimNetworkContext context)
    {
        pool = new InFlightPool(context.inFlightCapacity());
        arena = new PayloadArena(context.payloadArenaLength());
        trace = context.trace();
        tracing = trace != SimTrace.NONE;
        tracePayload = new UnsafeBuffer(new byte[context.maxPayloadLength()]);
    }

    /**
     * @param packets number of packets needed.
     * @param blocks  number of payload blocks needed (see {@link PayloadArena#blocksFor(int)}).
     * @return whether both are free.
     */
    boolean hasRoom(final int packets, final int blocks)
    {
        return pool.freeCount() >= packets && arena.freeBlockCount() >= blocks;
    }

    /**
     * Claim a packet and store its bytes.
     *
     * @param buffer the bytes.
     * @param offset index of the first byte.
     * @param length number of bytes.
     * @return the packet, or null when the pool or the arena is exhausted.
     */
    InFlightPacket claim(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!hasRoom(1, PayloadArena.blocksFor(length)))
        {
            return null;
        }
        final InFlightPacket packet = pool.claim();
        packet.payloadHead = arena.store(buffer, offset, length);
        packet.length = length;
        return packet;
    }

    /**
     * @return a packet without bytes, or null when the pool is exhausted.
     */
    InFlightPacket claim()
    {
        return pool.claim();
    }

    /**
     * Put a packet on the wire, after every packet already scheduled for the same instant.
     *
     * @param packet     the packet.
     * @param deliveryNs when it arrives.
     */
    void schedule(final InFlightPacket packet, final long deliveryNs)
    {
        packet.deliveryNs = deliveryNs;
        packet.sequence = nextSequence++;
        pool.schedule(packet);
    }

    /**
     * Put a packet back on the wire for later, keeping its place among packets due at the same instant, so that
     * packets of one connection that all wait stay in the order they were sent.
     *
     * @param packet     the packet.
     * @param deliveryNs when it tries again.
     */
    void postpone(final InFlightPacket packet, final long deliveryNs)
    {
        packet.deliveryNs = deliveryNs;
        pool.schedule(packet);
    }

    long nextDeliveryNs()
    {
        return pool.nextDeliveryNs();
    }

    InFlightPacket poll()
    {
        return pool.poll();
    }

    int scheduledCount()
    {
        return pool.scheduledCount();
    }

    void dropPayload(final InFlightPacket packet)
    {
        arena.release(packet.payloadHead);
        packet.payloadHead = PayloadArena.NO_BLOCK;
        packet.length = 0;
    }

    void release(final InFlightPacket packet)
    {
        arena.release(packet.payloadHead);
        pool.release(packet);
    }

    /**
     * Copy a packet's bytes out, truncated to what the destination holds.
     *
     * @param packet      the packet.
     * @param destination where to, from index 0.
     * @param capacity    the most bytes the destination takes.
     * @return the number of bytes copied.
     */
    int copyPayload(final InFlightPacket packet, final MutableDirectBuffer destination, final int capacity)
    {
        final int length = Math.min(packet.length, capacity);
        if (length > 0)
        {
            arena.copyTo(packet.payloadHead, length, destination, 0);
        }
        return length;
    }

    void trace(final int happening, final long timeNs, final InFlightPacket packet)
    {
        if (tracing)
        {
            copyPayload(packet, tracePayload, tracePayload.capacity());
            trace.onHappening(happening, timeNs, packet.transport, packet.sourceAddress, packet.sourcePort,
                packet.destinationAddress, packet.destinationPort, tracePayload, packet.length);
        }
    }

    /**
     * Trace a send refused for want of room, from the sender's own bytes (at most one largest payload of them).
     *
     * @param timeNs             the time of the send.
     * @param from               the sending endpoint.
     * @param destinationAddress where the send was going.
     * @param destinationPort    the destination's port.
     * @param buffer             the bytes.
     * @param offset             index of the first byte.
     * @param length             number of bytes.
     */
    void traceRefused(
        final long timeNs,
        final SimEndpoint from,
        final int destinationAddress,
        final int destinationPort,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (tracing)
        {
            final int traced = Math.min(length, tracePayload.capacity());
            if (traced > 0)
            {
                tracePayload.putBytes(0, buffer, offset, traced);
            }
            trace.onHappening(SimHappening.POOL_EXHAUSTED, timeNs, from.transport, from.host.address(),
                from.localPort, destinationAddress, destinationPort, tracePayload, traced);
        }
    }
}
