package org.sipredundancy.hal.sim;

/**
 * Fluent set-up of a {@link SimNetwork}: capacities, link defaults and the trace. Every capacity is fixed here, at
 * start, so that the running network never allocates (SPEC R-RT-2) and refuses and counts work past its limits
 * instead of growing (SPEC R-BAD-4).
 * <pre>
 *   new SimNetworkContext()
 *       .inFlightCapacity(4096)                      packets in flight at once
 *       .maxPayloadLength(65535)                     largest datagram or stream chunk
 *       .payloadArenaLength(16 MiB)                  bytes in flight at once
 *       .defaultLink(LinkProfile.latency(10 ms))     every direction without its own profile
 *       .trace(new TextSimTrace())
 *       .conclude();
 * </pre>
 * Not thread safe.
 */
public final class SimNetworkContext
{
    /** Default number of packets that may be in flight at once. */
    public static final int DEFAULT_IN_FLIGHT_CAPACITY = 4096;
    /** Default largest datagram, and largest chunk a stream send is cut into, in bytes. */
    public static final int DEFAULT_MAX_PAYLOAD_LENGTH = 65535;
    /** Default number of payload bytes that may be in flight at once. */
    public static final int DEFAULT_PAYLOAD_ARENA_LENGTH = 16 * 1024 * 1024;
    /** Default number of endpoints (handles) per attached host. */
    public static final int DEFAULT_ENDPOINT_CAPACITY = 256;
    /** Default one-way latency of a link: 10 ms. */
    public static final long DEFAULT_LATENCY_NS = 10_000_000L;
    /** Default jitter of a link: none. */
    public static final long DEFAULT_JITTER_NS = 0L;
    /** Default wait before a stream packet that met a full inbound queue tries again: 1 ms. */
    public static final long DEFAULT_STREAM_BACKOFF_NS = 1_000_000L;

    private int inFlightCapacity = DEFAULT_IN_FLIGHT_CAPACITY;
    private int maxPayloadLength = DEFAULT_MAX_PAYLOAD_LENGTH;
    private int payloadArenaLength = DEFAULT_PAYLOAD_ARENA_LENGTH;
    private int endpointCapacity = DEFAULT_ENDPOINT_CAPACITY;
    private LinkProfile defaultLink = LinkProfile.latency(DEFAULT_LATENCY_NS);
    private long streamBackoffNs = DEFAULT_STREAM_BACKOFF_NS;
    private SimTrace trace = SimTrace.NONE;

    /**
     * A context with every default.
     */
    public SimNetworkContext()
    {
    }

    /**
     * Check the settings; the network calls this itself.
     *
     * @return this.
     * @throws IllegalArgumentException when a capacity is not positive or the arena cannot hold one largest payload.
     */
    public SimNetworkContext conclude()
    {
        if (inFlightCapacity < 1 || maxPayloadLength < 1 || endpointCapacity < 1)
        {
            throw new IllegalArgumentException("capacities must be positive: inFlightCapacity=" + inFlightCapacity +
                ", maxPayloadLength=" + maxPayloadLength + ", endpointCapacity=" + endpointCapacity);
        }
        if (payloadArenaLength < maxPayloadLength)
        {
            throw new IllegalArgumentException("payloadArenaLength " + payloadArenaLength +
                " cannot hold one payload of maxPayloadLength " + maxPayloadLength);
        }
        if (streamBackoffNs < 1)
        {
            throw new IllegalArgumentException("streamBackoffNs must be positive: " + streamBackoffNs);
        }
        if (defaultLink == null || trace == null)
        {
            throw new IllegalArgumentException("defaultLink and trace must be set (use SimTrace.NONE for no trace)");
        }
        return this;
    }

    /**
     * @param inFlightCapacity packets (datagrams, stream chunks, control packets) in flight at once; past it a
     *                         send is refused with {@link org.sipredundancy.hal.NetworkStatus#BACK_PRESSURED}.
     * @return this.
     */
    public SimNetworkContext inFlightCapacity(final int inFlightCapacity)
    {
        this.inFlightCapacity = inFlightCapacity;
        return this;
    }

    /**
     * @return packets in flight at once.
     */
    public int inFlightCapacity()
    {
        return inFlightCapacity;
    }

    /**
     * @param maxPayloadLength largest datagram in bytes (longer sends are refused with
     *                         {@link org.sipredundancy.hal.NetworkStatus#TOO_LONG}) and largest stream chunk.
     * @return this.
     */
    public SimNetworkContext maxPayloadLength(final int maxPayloadLength)
    {
        this.maxPayloadLength = maxPayloadLength;
        return this;
    }

    /**
     * @return largest datagram or stream chunk in bytes.
     */
    public int maxPayloadLength()
    {
        return maxPayloadLength;
    }

    /**
     * @param payloadArenaLength payload bytes in flight at once, at least {@link #maxPayloadLength()}.
     * @return this.
     */
    public SimNetworkContext payloadArenaLength(final int payloadArenaLength)
    {
        this.payloadArenaLength = payloadArenaLength;
        return this;
    }

    /**
     * @return payload bytes in flight at once.
     */
    public int payloadArenaLength()
    {
        return payloadArenaLength;
    }

    /**
     * @param endpointCapacity endpoints (handles) each attached host may have open at once; past it an open is
     *                         refused with {@link org.sipredundancy.hal.NetworkStatus#NO_CAPACITY}.
     * @return this.
     */
    public SimNetworkContext endpointCapacity(final int endpointCapacity)
    {
        this.endpointCapacity = endpointCapacity;
        return this;
    }

    /**
     * @return endpoints per host.
     */
    public int endpointCapacity()
    {
        return endpointCapacity;
    }

    /**
     * @param defaultLink the profile of every link direction that has none of its own.
     * @return this.
     */
    public SimNetworkContext defaultLink(final LinkProfile defaultLink)
    {
        this.defaultLink = defaultLink;
        return this;
    }

    /**
     * @return the profile of every link direction that has none of its own.
     */
    public LinkProfile defaultLink()
    {
        return defaultLink;
    }

    /**
     * Set the default link's latency, keeping its other properties.
     *
     * @param latencyNs one-way delay in nanoseconds.
     * @return this.
     */
    public SimNetworkContext defaultLatencyNs(final long latencyNs)
    {
        defaultLink = new LinkProfile(
            latencyNs, defaultLink.jitterNs(), defaultLink.lossProbability(), defaultLink.duplicationProbability());
        return this;
    }

    /**
     * @return the default link's one-way delay in nanoseconds.
     */
    public long defaultLatencyNs()
    {
        return defaultLink.latencyNs();
    }

    /**
     * Set the default link's jitter, keeping its other properties.
     *
     * @param jitterNs largest extra random delay in nanoseconds.
     * @return this.
     */
    public SimNetworkContext defaultJitterNs(final long jitterNs)
    {
        defaultLink = defaultLink.withJitter(jitterNs);
        return this;
    }

    /**
     * @return the default link's largest extra random delay in nanoseconds.
     */
    public long defaultJitterNs()
    {
        return defaultLink.jitterNs();
    }

    /**
     * @param streamBackoffNs how long a stream packet that met a full inbound queue waits before it tries again;
     *                        stream bytes are never dropped, they wait as TCP's flow control would make them.
     * @return this.
     */
    public SimNetworkContext streamBackoffNs(final long streamBackoffNs)
    {
        this.streamBackoffNs = streamBackoffNs;
        return this;
    }

    /**
     * @return the stream back-off in nanoseconds.
     */
    public long streamBackoffNs()
    {
        return streamBackoffNs;
    }

    /**
     * @param trace receives every network happening; {@link SimTrace#NONE} for none.
     * @return this.
     */
    public SimNetworkContext trace(final SimTrace trace)
    {
        this.trace = trace;
        return this;
    }

    /**
     * @return the trace.
     */
    public SimTrace trace()
    {
        return trace;
    }
}
