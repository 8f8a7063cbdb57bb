package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;

/**
 * One host of a {@link SimNetwork}, seen through the device's {@link Network} port: a phone and a simulated server
 * are the same kind of host, each with one IPv4 address and its own {@link InboundEventQueue}. Everything that
 * comes back (datagrams, stream bytes, connections, transport errors) arrives in that queue when
 * {@link SimNetwork#deliverDue(long)} reaches its virtual time.
 * <p>
 * Handles are small ints: indexes into a fixed endpoint table, handed out round-robin so that a closed handle is
 * not reused at once. Ports come from two tables, UDP and TCP; port 0 picks the next free ephemeral port.
 * <pre>
 *   handle:   0        1          2           3      ...  endpointCapacity - 1
 *           [UDP 5060][LISTENER 5060][CONNECTION][FREE] ...
 *   udpPorts: 5060 -&gt; 0        tcpPorts: 5060 -&gt; 1, 49153 -&gt; (client connections)
 * </pre>
 * Every call returns a status and never throws. Not thread safe: the simulation's one thread calls it.
 */
public final class SimHostNetwork implements Network
{
    private static final int FIRST_EPHEMERAL_PORT = 49152;
    private static final int LAST_PORT = 65535;
    private static final int NO_PORT = -1;
    private static final int NO_HANDLE = -1;

    private final SimNetwork network;
    private final int address;
    private final InboundEventQueue queue;
    private final SimEndpoint[] endpoints;
    private final Int2IntHashMap udpPorts;
    private final Int2IntHashMap tcpPorts;
    private int nextHandle;
    private int nextEphemeralPort = FIRST_EPHEMERAL_PORT;
    private boolean alive = true;
    private DeadHostBehaviour deadBehaviour = DeadHostBehaviour.SILENT;
    private boolean tlsFailing;

    SimHostNetwork(final SimNetwork network, final int address, final InboundEventQueue queue, final int capacity)
    {
        this.network = network;
        this.address = address;
        this.queue = queue;
        endpoints = new SimEndpoint[capacity];
        for (int i = 0; i < capacity; i++)
        {
            endpoints[i] = new SimEndpoint(this, i);
        }
        udpPorts = new Int2IntHashMap(capacity * 2, 0.65f, NO_HANDLE);
        tcpPorts = new Int2IntHashMap(capacity * 2, 0.65f, NO_HANDLE);
    }

    /**
     * {@inheritDoc}
     */
    public int openUdp(final int localAddress, final int localPort)
    {
        if (!isLocal(localAddress) || localPort < 0 || localPort > LAST_PORT)
        {
            return NetworkStatus.OPEN_FAILED;
        }
        return openDatagramEndpoint(localPort, SimEndpoint.UDP, Ipv4.ANY, 0);
    }

    /**
     * {@inheritDoc}
     */
    public int openConnectedUdp(final int localAddress, final int remoteAddress, final int remotePort)
    {
        if (!isLocal(localAddress) || remotePort < 1 || remotePort > LAST_PORT)
        {
            return NetworkStatus.OPEN_FAILED;
        }
        return openDatagramEndpoint(0, SimEndpoint.CONNECTED_UDP, remoteAddress, remotePort);
    }

    /**
     * {@inheritDoc}
     */
    public int listenTcp(final int localAddress, final int localPort)
    {
        if (!isLocal(localAddress) || localPort < 0 || localPort > LAST_PORT)
        {
            return NetworkStatus.OPEN_FAILED;
        }
        final SimEndpoint endpoint = claimEndpoint();
        if (endpoint == null)
        {
            return NetworkStatus.NO_CAPACITY;
        }
        final int port = localPort == 0 ? ephemeralPort(tcpPorts) : localPort;
        if (port == NO_PORT || tcpPorts.containsKey(port))
        {
            return NetworkStatus.OPEN_FAILED;
        }
        endpoint.open(SimEndpoint.LISTENER, Transport.TCP, port, Ipv4.ANY, 0);
        tcpPorts.put(port, endpoint.handle);
        return endpoint.handle;
    }

    /**
     * {@inheritDoc}
     */
    public int connect(
        final int transport, final int remoteAddress, final int remotePort, final CharSequence serverName)
    {
        if (!Transport.isStream(transport))
        {
            return NetworkStatus.WRONG_KIND;
        }
        if (remotePort < 1 || remotePort > LAST_PORT)
        {
            return NetworkStatus.OPEN_FAILED;
        }
        final SimEndpoint endpoint = claimEndpoint();
        if (endpoint == null)
        {
            return NetworkStatus.NO_CAPACITY;
        }
        final int port = ephemeralPort(tcpPorts);
        if (port == NO_PORT)
        {
            return NetworkStatus.OPEN_FAILED;
        }
        endpoint.open(SimEndpoint.CONNECTION, transport, port, remoteAddress, remotePort);
        endpoint.state = SimEndpoint.CONNECTING;
        final int status = network.sendConnect(endpoint);
        if (status < 0)
        {
            endpoint.free();
            return status;
        }
        tcpPorts.put(port, endpoint.handle);
        return endpoint.handle;
    }

    /**
     * {@inheritDoc}
     * <p>
     * A region outside the buffer (negative offset or length, or past its end) is refused with
     * {@link NetworkStatus#TOO_LONG}.
     */
    public int send(
        final int handle,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final SimEndpoint endpoint = endpoint(handle);
        if (endpoint == null)
        {
            return NetworkStatus.UNKNOWN_HANDLE;
        }
        if (buffer == null || offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            return NetworkStatus.TOO_LONG;
        }
        switch (endpoint.kind)
        {
            case SimEndpoint.UDP:
                return network.sendDatagram(endpoint, remoteAddress, remotePort, buffer, offset, length);
            case SimEndpoint.CONNECTED_UDP:
                return network.sendDatagram(
                    endpoint, endpoint.remoteAddress, endpoint.remotePort, buffer, offset, length);
            case SimEndpoint.CONNECTION:
                if (endpoint.state != SimEndpoint.ESTABLISHED)
                {
                    return NetworkStatus.NOT_CONNECTED;
                }
                return network.sendStream(endpoint, buffer, offset, length);
            default:
                return NetworkStatus.WRONG_KIND;
        }
    }

    /**
     * {@inheritDoc}
     */
    public int localPort(final int handle)
    {
        final SimEndpoint endpoint = endpoint(handle);
        return endpoint == null ? NetworkStatus.UNKNOWN_HANDLE : endpoint.localPort;
    }

    /**
     * {@inheritDoc}
     * <p>
     * A simulated host has one address, so every open endpoint reports it, whatever it was bound to.
     */
    public int localAddress(final int handle)
    {
        return endpoint(handle) == null ? Ipv4.ANY : address;
    }

    /**
     * {@inheritDoc}
     * <p>
     * Closing an established connection sends an orderly close to the peer, which sees
     * {@link org.sipredundancy.hal.TransportError#PEER_CLOSED} after its queued bytes.
     */
    public void close(final int handle)
    {
        final SimEndpoint endpoint = endpoint(handle);
        if (endpoint == null)
        {
            return;
        }
        switch (endpoint.kind)
        {
            case SimEndpoint.UDP:
            case SimEndpoint.CONNECTED_UDP:
                udpPorts.remove(endpoint.localPort);
                break;
            case SimEndpoint.LISTENER:
                tcpPorts.remove(endpoint.localPort);
                break;
            default:
                if (tcpPorts.get(endpoint.localPort) == endpoint.handle)
                {
                    tcpPorts.remove(endpoint.localPort);
                }
                if (endpoint.state == SimEndpoint.ESTABLISHED)
                {
                    network.sendControl(endpoint, InFlightPacket.CLOSE);
                }
                break;
        }
        endpoint.free();
    }

    /**
     * @return this host's IPv4 address.
     */
    public int address()
    {
        return address;
    }

    /**
     * @return the queue into which this host's events are delivered.
     */
    public InboundEventQueue inbound()
    {
        return queue;
    }

    /**
     * @return false while the host is killed (see {@link SimNetwork#kill(int, DeadHostBehaviour)}).
     */
    public boolean isAlive()
    {
        return alive;
    }

    /**
     * @return the number of open endpoints, for tests of capacity and leaks.
     */
    public int openEndpointCount()
    {
        int count = 0;
        for (final SimEndpoint endpoint : endpoints)
        {
            if (endpoint.isOpen())
            {
                count++;
            }
        }
        return count;
    }

    DeadHostBehaviour deadBehaviour()
    {
        return deadBehaviour;
    }

    boolean isTlsFailing()
    {
        return tlsFailing;
    }

    void kill(final DeadHostBehaviour behaviour)
    {
        alive = false;
        deadBehaviour = behaviour;
    }

    void revive()
    {
        alive = true;
    }

    void tlsFailing(final boolean failing)
    {
        tlsFailing = failing;
    }

    int endpointCapacity()
    {
        return endpoints.length;
    }

    SimEndpoint endpointAt(final int handle)
    {
        return endpoints[handle];
    }

    /**
     * The endpoint a datagram from a remote address and port to a local port reaches: the one bound to the port,
     * provided it is unconnected or connected to exactly that remote.
     *
     * @param port          the local port.
     * @param remoteAddress the sender's address.
     * @param remotePort    the sender's port.
     * @return the endpoint, or null when the datagram reaches none (and draws ICMP unreachable).
     */
    SimEndpoint datagramTarget(final int port, final int remoteAddress, final int remotePort)
    {
        final int handle = udpPorts.get(port);
        if (handle == NO_HANDLE)
        {
            return null;
        }
        final SimEndpoint endpoint = endpoints[handle];
        if (endpoint.kind == SimEndpoint.CONNECTED_UDP &&
            (endpoint.remoteAddress != remoteAddress || endpoint.remotePort != remotePort))
        {
            return null;
        }
        return endpoint;
    }

    /**
     * @param port the local port.
     * @return the listener on that port, or null.
     */
    SimEndpoint listener(final int port)
    {
        final int handle = tcpPorts.get(port);
        if (handle == NO_HANDLE || endpoints[handle].kind != SimEndpoint.LISTENER)
        {
            return null;
        }
        return endpoints[handle];
    }

    /**
     * Open the accepting side of a connection.
     *
     * @param listener      the listener that accepts.
     * @param transport     TCP or TLS.
     * @param remoteAddress the connecting host's address.
     * @param remotePort    the connecting endpoint's port.
     * @return the new endpoint, or null when the table is full.
     */
    SimEndpoint accept(final SimEndpoint listener, final int transport, final int remoteAddress, final int remotePort)
    {
        final SimEndpoint endpoint = claimEndpoint();
        if (endpoint != null)
        {
            endpoint.open(SimEndpoint.CONNECTION, transport, listener.localPort, remoteAddress, remotePort);
        }
        return endpoint;
    }

    private int openDatagramEndpoint(
        final int localPort, final int kind, final int remoteAddress, final int remotePort)
    {
        final SimEndpoint endpoint = claimEndpoint();
        if (endpoint == null)
        {
            return NetworkStatus.NO_CAPACITY;
        }
        final int port = localPort == 0 ? ephemeralPort(udpPorts) : localPort;
        if (port == NO_PORT || udpPorts.containsKey(port))
        {
            return NetworkStatus.OPEN_FAILED;
        }
        endpoint.open(kind, Transport.UDP, port, remoteAddress, remotePort);
        udpPorts.put(port, endpoint.handle);
        return endpoint.handle;
    }

    private boolean isLocal(final int localAddress)
    {
        return localAddress == Ipv4.ANY || localAddress == address;
    }

    private SimEndpoint endpoint(final int handle)
    {
        if (handle < 0 || handle >= endpoints.length || !endpoints[handle].isOpen())
        {
            return null;
        }
        return endpoints[handle];
    }

    private SimEndpoint claimEndpoint()
    {
        for (int i = 0; i < endpoints.length; i++)
        {
            final int handle = (nextHandle + i) % endpoints.length;
            if (!endpoints[handle].isOpen())
            {
                nextHandle = (handle + 1) % endpoints.length;
                return endpoints[handle];
            }
        }
        return null;
    }

    private int ephemeralPort(final Int2IntHashMap ports)
    {
        final int range = LAST_PORT - FIRST_EPHEMERAL_PORT + 1;
        for (int i = 0; i < range; i++)
        {
            final int port = nextEphemeralPort;
            nextEphemeralPort = port == LAST_PORT ? FIRST_EPHEMERAL_PORT : port + 1;
            if (!ports.containsKey(port))
            {
                return port;
            }
        }
        return NO_PORT;
    }
}
