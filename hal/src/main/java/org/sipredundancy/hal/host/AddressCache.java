package org.sipredundancy.hal.host;

import org.agrona.collections.Long2ObjectHashMap;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/**
 * Converts between the HAL's {@code int} IPv4 addresses and the JDK's socket addresses. The JDK wants an
 * {@link InetSocketAddress} for every datagram sent, so one is made per destination and kept, and a send to a
 * known destination allocates nothing. A phone talks to a handful of servers; should the cache ever grow past
 * its bound it is simply emptied and refilled.
 * <p>
 * Not thread safe: the instance belongs to the I/O thread; the static methods are pure.
 */
final class AddressCache
{
    private static final int MAX_ENTRIES = 4096;

    private final Long2ObjectHashMap<InetSocketAddress> addressByKey = new Long2ObjectHashMap<>();

    /**
     * @param address IPv4 address.
     * @param port    port.
     * @return the socket address, made on first use.
     */
    InetSocketAddress socketAddress(final int address, final int port)
    {
        final long key = ((long)address << 32) | (port & 0xFFFF);
        InetSocketAddress socketAddress = addressByKey.get(key);
        if (null == socketAddress)
        {
            if (addressByKey.size() >= MAX_ENTRIES)
            {
                addressByKey.clear();
            }
            socketAddress = new InetSocketAddress(inetAddress(address), port);
            addressByKey.put(key, socketAddress);
        }
        return socketAddress;
    }

    /**
     * The JDK form of an address (allocates: for opening endpoints and first contacts).
     *
     * @param address IPv4 address.
     * @return the address.
     */
    static InetAddress inetAddress(final int address)
    {
        final byte[] octets = {
            (byte)(address >>> 24), (byte)(address >>> 16), (byte)(address >>> 8), (byte)address };
        try
        {
            return InetAddress.getByAddress(octets);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException("four octets are always an address", ex);
        }
    }

    /**
     * Read an IPv4 address without the array {@link InetAddress#getAddress()} allocates: an
     * {@link Inet4Address}'s hash code is its address in network order, which the JDK has kept since 1.0
     * (and the conformance test would catch if it ever changed).
     *
     * @param address an address from a socket.
     * @return the IPv4 address, or 0 ({@code Ipv4.ANY}) when it is not IPv4.
     */
    static int ipv4(final InetAddress address)
    {
        return address instanceof Inet4Address ? address.hashCode() : 0;
    }

    /**
     * @param socketAddress an address from a socket, possibly null.
     * @return its IPv4 address, or 0 when unknown.
     */
    static int ipv4(final SocketAddress socketAddress)
    {
        return socketAddress instanceof InetSocketAddress ? ipv4(((InetSocketAddress)socketAddress).getAddress()) : 0;
    }

    /**
     * @param socketAddress an address from a socket, possibly null.
     * @return its port, or 0 when unknown.
     */
    static int port(final SocketAddress socketAddress)
    {
        return socketAddress instanceof InetSocketAddress ? ((InetSocketAddress)socketAddress).getPort() : 0;
    }
}
