package org.sipredundancy.hal.sim;

/**
 * One packet travelling through a {@link SimNetwork}: a datagram, a stream chunk or a control packet. Packets are
 * preallocated by {@link InFlightPool} and reused; a packet that provokes an answer (ICMP, RST, a refused connect)
 * is turned round and becomes that answer, so answers never need a free slot.
 * <p>
 * Endpoints are named by object and generation: an endpoint closed and reopened while a packet was in flight has a
 * new generation, so the packet no longer reaches it. Not thread safe.
 */
final class InFlightPacket
{
    /** A UDP datagram, routed by destination port on arrival. */
    static final int DATAGRAM = 1;
    /** ICMP unreachable on its way back to a datagram's sender. */
    static final int ICMP = 2;
    /** A TCP or TLS connect (SYN), routed by destination port on arrival. */
    static final int CONNECT = 3;
    /** A listener's acceptance on its way to the connecting endpoint. */
    static final int ACCEPTED = 4;
    /** A refused connect on its way back. */
    static final int REFUSED = 5;
    /** A failed TLS handshake on its way back. */
    static final int TLS_FAILED = 6;
    /** Stream bytes. */
    static final int STREAM = 7;
    /** An orderly close (FIN). */
    static final int CLOSE = 8;
    /** A connection reset (RST). */
    static final int RESET = 9;

    int kind;
    int transport;
    long deliveryNs;
    long sequence;
    int sourceAddress;
    int sourcePort;
    int destinationAddress;
    int destinationPort;
    SimEndpoint sourceEndpoint;
    int sourceGeneration;
    SimEndpoint targetEndpoint;
    int targetGeneration;
    int payloadHead = PayloadArena.NO_BLOCK;
    int length;

    /**
     * Whether a full inbound queue makes this packet wait rather than be dropped: everything on a connection is
     * reliable, datagrams and ICMP are not.
     *
     * @return true for connection packets.
     */
    boolean isReliable()
    {
        return kind != DATAGRAM && kind != ICMP;
    }

    /**
     * Turn the packet round: the destination becomes the source and the sender's endpoint the target.
     */
    void turnRound()
    {
        final int address = sourceAddress;
        final int port = sourcePort;
        sourceAddress = destinationAddress;
        sourcePort = destinationPort;
        destinationAddress = address;
        destinationPort = port;
        final SimEndpoint endpoint = sourceEndpoint;
        final int generation = sourceGeneration;
        sourceEndpoint = targetEndpoint;
        sourceGeneration = targetGeneration;
        targetEndpoint = endpoint;
        targetGeneration = generation;
    }

    void clear()
    {
        kind = 0;
        transport = 0;
        deliveryNs = 0;
        sequence = 0;
        sourceAddress = 0;
        sourcePort = 0;
        destinationAddress = 0;
        destinationPort = 0;
        sourceEndpoint = null;
        sourceGeneration = 0;
        targetEndpoint = null;
        targetGeneration = 0;
        payloadHead = PayloadArena.NO_BLOCK;
        length = 0;
    }
}
