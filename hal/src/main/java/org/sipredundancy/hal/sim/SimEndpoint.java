package org.sipredundancy.hal.sim;

/**
 * One slot of a {@link SimHostNetwork}'s endpoint table: a UDP endpoint, a listener or one side of a connection.
 * The slot's index is the handle the core sees. Slots are preallocated and reused; each reuse bumps the
 * generation, so packets addressed to an earlier use of the slot are recognised as stale.
 * <pre>
 *   connection states:  CONNECTING --accepted--&gt; ESTABLISHED --peer's FIN--&gt; PEER_CLOSED
 *                            |                      |
 *                            +--refused/TLS--&gt; FAILED &lt;--RST--+
 * </pre>
 * Not thread safe.
 */
final class SimEndpoint
{
    static final int FREE = 0;
    static final int UDP = 1;
    static final int CONNECTED_UDP = 2;
    static final int LISTENER = 3;
    static final int CONNECTION = 4;

    static final int CONNECTING = 1;
    static final int ESTABLISHED = 2;
    static final int PEER_CLOSED = 3;
    static final int FAILED = 4;

    final SimHostNetwork host;
    final int handle;
    int kind = FREE;
    int generation;
    int state;
    int transport;
    int localPort;
    int remoteAddress;
    int remotePort;
    SimEndpoint peer;
    int peerGeneration;
    long lastScheduledNs;
    long stalledUntilNs;

    SimEndpoint(final SimHostNetwork host, final int handle)
    {
        this.host = host;
        this.handle = handle;
    }

    boolean isOpen()
    {
        return kind != FREE;
    }

    boolean isCurrent(final int generation)
    {
        return kind != FREE && this.generation == generation;
    }

    void open(final int kind, final int transport, final int localPort, final int remoteAddress, final int remotePort)
    {
        this.kind = kind;
        this.transport = transport;
        this.localPort = localPort;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        state = 0;
        peer = null;
        peerGeneration = 0;
        lastScheduledNs = 0;
        stalledUntilNs = 0;
    }

    void connectedTo(final SimEndpoint peer, final int peerGeneration)
    {
        this.peer = peer;
        this.peerGeneration = peerGeneration;
        state = ESTABLISHED;
    }

    void free()
    {
        kind = FREE;
        generation++;
        state = 0;
        peer = null;
    }
}
