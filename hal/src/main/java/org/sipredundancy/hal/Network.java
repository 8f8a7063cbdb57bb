package org.sipredundancy.hal;

import org.agrona.DirectBuffer;

/**
 * The network port of a device. The core opens endpoints and sends bytes through it; everything that comes
 * back (datagrams, stream bytes, established connections and transport failures) arrives later as
 * {@link InboundEvent}s in the device's {@link InboundEventQueue}, never as a callback on another thread.
 * <p>
 * Every call returns at once: a non-negative value is accepted (for the open calls, the new endpoint's handle),
 * a negative value is a {@link NetworkStatus} and nothing happened. Implementations: {@code hal.host.HostNetwork}
 * (NIO on an I/O thread) and {@code hal.sim.SimHostNetwork} (a host in a simulated network).
 * <p>
 * Called only from the duty cycle thread.
 */
public interface Network
{
    /**
     * Open an unconnected UDP endpoint that receives from anyone.
     *
     * @param localAddress IPv4 address to bind ({@link Ipv4#ANY} for all).
     * @param localPort    port to bind, 0 for any free port.
     * @return the endpoint's handle, or a negative {@link NetworkStatus}.
     */
    int openUdp(int localAddress, int localPort);

    /**
     * Open a UDP endpoint connected to one remote address. Connected endpoints are the ones on which the host
     * sees ICMP unreachable, so the core uses one per server candidate to detect a dead server at once.
     *
     * @param localAddress  IPv4 address to bind ({@link Ipv4#ANY} for all).
     * @param remoteAddress the server's IPv4 address.
     * @param remotePort    the server's port.
     * @return the endpoint's handle, or a negative {@link NetworkStatus}.
     */
    int openConnectedUdp(int localAddress, int remoteAddress, int remotePort);

    /**
     * Listen for TCP connections; each accepted one arrives as a {@link InboundEvent#CONNECTED} event carrying
     * its own new handle and this listener's handle.
     *
     * @param localAddress IPv4 address to bind.
     * @param localPort    port to bind, 0 for any free port.
     * @return the listener's handle, or a negative {@link NetworkStatus}.
     */
    int listenTcp(int localAddress, int localPort);

    /**
     * Start a TCP or TLS connection. The handle is returned at once; {@link InboundEvent#CONNECTED} or a
     * {@link InboundEvent#TRANSPORT_ERROR} (refused, time-out, TLS failure) follows.
     *
     * @param transport     {@link Transport#TCP} or {@link Transport#TLS}.
     * @param remoteAddress the server's IPv4 address.
     * @param remotePort    the server's port.
     * @param serverName    for TLS, the name the server's certificate must match (also sent as SNI);
     *                      ignored for TCP, may be null there.
     * @return the connection's handle, or a negative {@link NetworkStatus}.
     */
    int connect(int transport, int remoteAddress, int remotePort, CharSequence serverName);

    /**
     * Send bytes. For an unconnected UDP endpoint the remote address and port say where to; for connected UDP and
     * streams they are ignored. Stream bytes are sent in order; a stream not yet connected refuses with
     * {@link NetworkStatus#NOT_CONNECTED}.
     *
     * @param handle        an open endpoint.
     * @param remoteAddress destination IPv4 address (unconnected UDP only).
     * @param remotePort    destination port (unconnected UDP only).
     * @param buffer        the bytes.
     * @param offset        index of the first byte.
     * @param length        number of bytes.
     * @return {@link NetworkStatus#OK} or a negative {@link NetworkStatus}.
     */
    int send(int handle, int remoteAddress, int remotePort, DirectBuffer buffer, int offset, int length);

    /**
     * The local port an endpoint is bound to (useful after binding port 0, e.g. for a SIP Contact).
     *
     * @param handle an open endpoint.
     * @return the port, or a negative {@link NetworkStatus}.
     */
    int localPort(int handle);

    /**
     * The local IPv4 address an endpoint is bound to or, for a connection, the address it connected from.
     *
     * @param handle an open endpoint.
     * @return the address; {@link Ipv4#ANY} when not known.
     */
    int localAddress(int handle);

    /**
     * Close an endpoint. No further events name its handle, except those already queued.
     *
     * @param handle an endpoint; unknown handles are ignored.
     */
    void close(int handle);
}
