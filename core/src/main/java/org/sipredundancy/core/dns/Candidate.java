package org.sipredundancy.core.dns;

import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Transport;

/**
 * One place a SIP request can be sent: an IPv4 address, a port and a transport, with the TTL of the address record
 * it came from (the time DNSTTL failback waits for, R-DNS-10) and where that record came from. A slot of a
 * {@link CandidateList}, overwritten in place so that resolving allocates nothing. Not thread safe.
 */
public final class Candidate
{
    private int address;
    private int port;
    private int transport;
    private int ttlS;
    private CandidateSource source = CandidateSource.LIVE;

    /**
     * Set every field at once.
     *
     * @param address   IPv4 address, first octet in the top byte.
     * @param port      UDP or TCP port, 1 to 65535.
     * @param transport a {@link Transport} constant.
     * @param ttlS      seconds the address may be used before it should be asked again; 0 for a literal.
     * @param source    where the address came from.
     * @return this candidate.
     */
    public Candidate set(
        final int address, final int port, final int transport, final int ttlS, final CandidateSource source)
    {
        this.address = address;
        this.port = port;
        this.transport = transport;
        this.ttlS = ttlS;
        this.source = source;
        return this;
    }

    /**
     * Copy another candidate, e.g. to keep the current server while the list is resolved again.
     *
     * @param other the candidate to copy.
     * @return this candidate.
     */
    public Candidate copyFrom(final Candidate other)
    {
        return set(other.address, other.port, other.transport, other.ttlS, other.source);
    }

    /**
     * @return the IPv4 address, first octet in the top byte.
     */
    public int address()
    {
        return address;
    }

    /**
     * @return the port, 1 to 65535.
     */
    public int port()
    {
        return port;
    }

    /**
     * @return the transport, a {@link Transport} constant.
     */
    public int transport()
    {
        return transport;
    }

    /**
     * @return the TTL in seconds of the address record this candidate came from (remaining TTL when cached,
     *     the configured {@code ttl} when static, 0 for a literal).
     */
    public int ttlS()
    {
        return ttlS;
    }

    /**
     * @return where the address came from.
     */
    public CandidateSource source()
    {
        return source;
    }

    /**
     * Whether another candidate names the same endpoint, whatever its TTL and source: what failback compares.
     *
     * @param other the other candidate.
     * @return true when address, port and transport are equal.
     */
    public boolean sameEndpoint(final Candidate other)
    {
        return address == other.address && port == other.port && transport == other.transport;
    }

    /**
     * Append the endpoint as the spec writes it, e.g. {@code 192.168.1.14:5060 TCP}, allocating nothing once the
     * builder has room.
     *
     * @param out where to append.
     * @return {@code out}.
     */
    public StringBuilder appendEndpoint(final StringBuilder out)
    {
        Ipv4.append(address, out).append(':').append(port).append(' ').append(Transport.name(transport));
        return out;
    }

    /**
     * @return the endpoint, TTL and source, e.g. {@code 192.168.1.14:5060 TCP ttl 3600 live} (allocates: tools
     *     and tests).
     */
    @Override
    public String toString()
    {
        return appendEndpoint(new StringBuilder(48)).append(" ttl ").append(ttlS).append(' ')
            .append(source.label()).toString();
    }
}
