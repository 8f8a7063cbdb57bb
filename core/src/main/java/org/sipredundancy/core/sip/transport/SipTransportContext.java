package org.sipredundancy.core.sip.transport;

import org.sipredundancy.core.loop.InboundRouter;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;

/**
 * Fluent set-up of a {@link SipTransport}: where it runs (network port and router of one duty cycle), whom it tells
 * (the message handler), where it listens, and how much it may hold. Every buffer is sized here and allocated once
 * when the transport is built. Start-up only. Call {@link #conclude()} (the transport does) to check it.
 */
public final class SipTransportContext
{
    /** The SIP port (RFC 3261 section 19.1.2). */
    public static final int DEFAULT_SIP_PORT = 5060;
    /** Flows at once, the UDP listener included. */
    public static final int DEFAULT_FLOW_CAPACITY = 16;
    /** Bytes of one stream held while a message is incomplete: the largest message a stream can carry. */
    public static final int DEFAULT_STREAM_BUFFER_CAPACITY = 16 * 1024;
    /** Bytes queued on a stream while its connect is in progress. */
    public static final int DEFAULT_PENDING_CAPACITY = 8 * 1024;

    private Network network;
    private InboundRouter router;
    private SipMessageHandler handler;
    private SipTransportCounters counters;
    private int localAddress = Ipv4.ANY;
    private int sipPort = DEFAULT_SIP_PORT;
    private int flowCapacity = DEFAULT_FLOW_CAPACITY;
    private int streamBufferCapacity = DEFAULT_STREAM_BUFFER_CAPACITY;
    private int pendingCapacity = DEFAULT_PENDING_CAPACITY;
    private boolean listenTcp = true;

    /**
     * Check that everything needed is set and in range, and supply fresh counters when none were given.
     *
     * @return this.
     * @throws IllegalStateException when something is missing or out of range.
     */
    public SipTransportContext conclude()
    {
        if (network == null || router == null || handler == null)
        {
            throw new IllegalStateException("network, router and handler are required");
        }
        if (sipPort < 0 || sipPort > 65535)
        {
            throw new IllegalStateException("sipPort must be in [0, 65535]: " + sipPort);
        }
        if (flowCapacity < 2)
        {
            throw new IllegalStateException("flowCapacity must be at least 2 (listener and one server): " +
                flowCapacity);
        }
        if (streamBufferCapacity < 64 || pendingCapacity < 64)
        {
            throw new IllegalStateException("stream and pending buffers must hold at least 64 bytes");
        }
        if (counters == null)
        {
            counters = new SipTransportCounters();
        }
        return this;
    }

    /**
     * @param network the device's network port.
     * @return this.
     */
    public SipTransportContext network(final Network network)
    {
        this.network = network;
        return this;
    }

    /**
     * @return the device's network port.
     */
    public Network network()
    {
        return network;
    }

    /**
     * @param router the duty cycle's router, through which the transport owns its endpoints.
     * @return this.
     */
    public SipTransportContext router(final InboundRouter router)
    {
        this.router = router;
        return this;
    }

    /**
     * @return the duty cycle's router.
     */
    public InboundRouter router()
    {
        return router;
    }

    /**
     * @param handler who receives messages, malformed bytes and flow failures.
     * @return this.
     */
    public SipTransportContext handler(final SipMessageHandler handler)
    {
        this.handler = handler;
        return this;
    }

    /**
     * @return who receives messages, malformed bytes and flow failures.
     */
    public SipMessageHandler handler()
    {
        return handler;
    }

    /**
     * @param counters counters to bump, e.g. shared with a status page; fresh ones when not set.
     * @return this.
     */
    public SipTransportContext counters(final SipTransportCounters counters)
    {
        this.counters = counters;
        return this;
    }

    /**
     * @return the counters, after {@link #conclude()} never null.
     */
    public SipTransportCounters counters()
    {
        return counters;
    }

    /**
     * @param localAddress IPv4 address to bind, {@link Ipv4#ANY} (the default) for all.
     * @return this.
     */
    public SipTransportContext localAddress(final int localAddress)
    {
        this.localAddress = localAddress;
        return this;
    }

    /**
     * @return IPv4 address to bind.
     */
    public int localAddress()
    {
        return localAddress;
    }

    /**
     * @param sipPort the local SIP port for the UDP listener and the TCP listener; 0 for any free port.
     * @return this.
     */
    public SipTransportContext sipPort(final int sipPort)
    {
        this.sipPort = sipPort;
        return this;
    }

    /**
     * @return the local SIP port.
     */
    public int sipPort()
    {
        return sipPort;
    }

    /**
     * @param flowCapacity flows at once, the UDP listener (flow 0) included.
     * @return this.
     */
    public SipTransportContext flowCapacity(final int flowCapacity)
    {
        this.flowCapacity = flowCapacity;
        return this;
    }

    /**
     * @return flows at once.
     */
    public int flowCapacity()
    {
        return flowCapacity;
    }

    /**
     * @param streamBufferCapacity bytes per stream flow held for an incomplete message; a longer message closes
     *                             the flow (SPEC R-BAD-2: memory never grows).
     * @return this.
     */
    public SipTransportContext streamBufferCapacity(final int streamBufferCapacity)
    {
        this.streamBufferCapacity = streamBufferCapacity;
        return this;
    }

    /**
     * @return bytes per stream flow held for an incomplete message.
     */
    public int streamBufferCapacity()
    {
        return streamBufferCapacity;
    }

    /**
     * @param pendingCapacity bytes per stream flow queued while its connect is in progress.
     * @return this.
     */
    public SipTransportContext pendingCapacity(final int pendingCapacity)
    {
        this.pendingCapacity = pendingCapacity;
        return this;
    }

    /**
     * @return bytes per stream flow queued while its connect is in progress.
     */
    public int pendingCapacity()
    {
        return pendingCapacity;
    }

    /**
     * @param listenTcp whether {@link SipTransport#open()} also listens for TCP on the SIP port (default true).
     * @return this.
     */
    public SipTransportContext listenTcp(final boolean listenTcp)
    {
        this.listenTcp = listenTcp;
        return this;
    }

    /**
     * @return whether to listen for TCP on the SIP port.
     */
    public boolean listenTcp()
    {
        return listenTcp;
    }
}
