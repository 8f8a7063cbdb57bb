package org.sipredundancy.core.sip.transport;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.InboundRouter;
import org.sipredundancy.core.loop.NetworkEventHandler;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.TransportError;

/**
 * SIP over the HAL network port (SPEC R-SIP-1, R-SIP-3, R-BAD-2). A <em>flow</em> is one path to a peer, named by a
 * small int that indexes a fixed table:
 * <pre>
 *   flow 0        the UDP listener on the SIP port: requests from anyone, answers to anyone
 *   flow 1..n-1   a connected UDP endpoint per server (so ICMP unreachable is heard), or a TCP/TLS connection,
 *                 made by {@link #flow} or accepted by the TCP listener on the SIP port
 *
 *   flow(transport, addr, port)  -&gt; the open flow to that peer (connection reuse), else a new one
 *   send on a connecting stream  -&gt; queued (pending buffer), flushed on CONNECTED
 *   datagram                     -&gt; decode -&gt; onSipMessage | onMalformed (counted)
 *   stream bytes                 -&gt; stream buffer -&gt; Content-Length framing -&gt; onSipMessage per message;
 *                                   incomplete: keep; too long for the buffer or undecodable: close, fail
 *   refused, reset, ICMP unreachable, TLS failure, time-out, peer closed
 *                                -&gt; flow closed, id freed, onFlowFailure(flow, cause)
 * </pre>
 * Ids carry no generation: a failed or closed id is handed out again, which is why the handler is told of a failure
 * exactly once and must forget the id then. The transport owns its endpoints through the duty cycle's
 * {@link InboundRouter}, as the DNS client does.
 * <p>
 * Allocation: none once built, except what the {@link Network} does to open an endpoint.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class SipTransport implements NetworkEventHandler, SipSender
{
    /** {@link #flow} refusal: every flow of the table is in use. */
    public static final int FULL = -101;
    /** {@link #send} refusal: the flow is not open. */
    public static final int NO_FLOW = -102;
    /** {@link #send} refusal: the stream is still connecting and its pending buffer cannot take the message. */
    public static final int PENDING_FULL = -103;
    /** The flow of the UDP listener on the SIP port. */
    public static final int LISTENER_FLOW = 0;

    private static final int NO_HANDLE = SipFlow.NO_HANDLE;

    private final Network network;
    private final InboundRouter router;
    private final SipMessageHandler handler;
    private final SipTransportCounters counters;
    private final int localAddress;
    private final int sipPort;
    private final boolean listenTcp;
    private final SipFlow[] flows;
    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private int tcpListenerHandle = NO_HANDLE;

    /**
     * Build the transport and its flow table with every buffer. Start-up only; call {@link #open()} to listen.
     *
     * @param context the set-up; concluded here.
     */
    public SipTransport(final SipTransportContext context)
    {
        context.conclude();
        network = context.network();
        router = context.router();
        handler = context.handler();
        counters = context.counters();
        localAddress = context.localAddress();
        sipPort = context.sipPort();
        listenTcp = context.listenTcp();
        flows = new SipFlow[context.flowCapacity()];
        for (int i = 0; i < flows.length; i++)
        {
            flows[i] = new SipFlow(i, context.streamBufferCapacity(), context.pendingCapacity());
        }
    }

    /**
     * Bind the UDP listener (flow 0) on the SIP port and, when the context asks for it and the network allows it,
     * a TCP listener on the same port whose connections become flows. A TCP listener that cannot be opened is not
     * an error: the phone then simply takes no incoming TCP.
     *
     * @return {@link NetworkStatus#OK}, or the negative status of the failed UDP bind.
     */
    public int open()
    {
        final SipFlow listener = flows[LISTENER_FLOW];
        if (listener.isOpen())
        {
            return NetworkStatus.OK;
        }
        final int handle = network.openUdp(localAddress, sipPort);
        if (handle < 0)
        {
            return handle;
        }
        listener.open(SipFlow.OPEN, handle, Transport.UDP, Ipv4.ANY, 0);
        router.route(handle, this);
        if (listenTcp)
        {
            final int port = network.localPort(handle);
            final int tcpHandle = network.listenTcp(localAddress, port > 0 ? port : sipPort);
            if (tcpHandle >= 0)
            {
                tcpListenerHandle = tcpHandle;
                router.route(tcpHandle, this);
            }
        }
        return NetworkStatus.OK;
    }

    /**
     * The flow to a server: the one already open (or connecting) with the same transport, address and port, so a
     * TCP or TLS connection is reused for every request, else a new one (a connected UDP endpoint, or a connect
     * whose outcome follows as an event; sends meanwhile are queued).
     *
     * @param transport     {@link Transport#UDP}, {@link Transport#TCP} or {@link Transport#TLS}.
     * @param remoteAddress the server's IPv4 address.
     * @param remotePort    the server's port.
     * @param tlsServerName for TLS the name the certificate must match (R-SIP-1); ignored otherwise, may be null.
     * @param nowNs         the duty cycle's time.
     * @return the flow id (1 or more), {@link #FULL}, or the negative {@link NetworkStatus} of a failed open.
     */
    public int flow(
        final int transport,
        final int remoteAddress,
        final int remotePort,
        final CharSequence tlsServerName,
        final long nowNs)
    {
        SipFlow free = null;
        for (int i = 1; i < flows.length; i++)
        {
            final SipFlow flow = flows[i];
            if (flow.matches(transport, remoteAddress, remotePort) && !flow.accepted)
            {
                return i;
            }
            if (free == null && !flow.isOpen())
            {
                free = flow;
            }
        }
        if (free == null)
        {
            return FULL;
        }
        final boolean stream = Transport.isStream(transport);
        final int handle = stream ?
            network.connect(transport, remoteAddress, remotePort, tlsServerName) :
            transport == Transport.UDP ? network.openConnectedUdp(localAddress, remoteAddress, remotePort) :
            NetworkStatus.WRONG_KIND;
        if (handle < 0)
        {
            return handle;
        }
        free.open(stream ? SipFlow.CONNECTING : SipFlow.OPEN, handle, transport, remoteAddress, remotePort);
        router.route(handle, this);
        counters.flowsOpened++;
        return free.id;
    }

    /**
     * {@inheritDoc}
     * <p>
     * On a stream still connecting the message is queued and sent when the connection is made; on an open flow it
     * goes straight to the network. Refusals: {@link #NO_FLOW}, {@link #PENDING_FULL}, {@link NetworkStatus#TOO_LONG}
     * for a region outside the buffer, or the network's negative {@link NetworkStatus}; each is counted as a send
     * failure.
     */
    public int send(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        final SipFlow f = openFlow(flow);
        if (f == null)
        {
            counters.sendFailures++;
            return NO_FLOW;
        }
        if (f.state == SipFlow.CONNECTING)
        {
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.capacity() - length)
            {
                counters.sendFailures++;
                return NetworkStatus.TOO_LONG;
            }
            if (f.pendingLength + length > f.pending.capacity())
            {
                counters.sendFailures++;
                return PENDING_FULL;
            }
            f.pending.putBytes(f.pendingLength, buffer, offset, length);
            f.pendingLength += length;
            counters.messagesOut++;
            return NetworkStatus.OK;
        }
        final int status = flow == LISTENER_FLOW ?
            network.send(f.handle, remoteAddress, remotePort, buffer, offset, length) :
            network.send(f.handle, f.remoteAddress, f.remotePort, buffer, offset, length);
        if (status < 0)
        {
            counters.sendFailures++;
            return status;
        }
        counters.messagesOut++;
        return NetworkStatus.OK;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isReliable(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f != null && Transport.isStream(f.transport);
    }

    /**
     * Close a flow: its endpoint is closed (a connection in an orderly way) and its id freed, with no failure
     * reported. Closing the listener flow or a flow not open does nothing.
     *
     * @param flow the flow.
     */
    public void close(final int flow)
    {
        final SipFlow f = openFlow(flow);
        if (f != null && flow != LISTENER_FLOW)
        {
            release(f);
        }
    }

    /**
     * Close every flow and both listeners; {@link #open()} may be called again afterwards. Shut-down.
     */
    public void closeAll()
    {
        for (int i = flows.length - 1; i >= 0; i--)
        {
            if (flows[i].isOpen())
            {
                release(flows[i]);
            }
        }
        if (tcpListenerHandle != NO_HANDLE)
        {
            router.unroute(tcpListenerHandle);
            network.close(tcpListenerHandle);
            tcpListenerHandle = NO_HANDLE;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onNetworkEvent(final InboundEvent event, final long nowNs)
    {
        final int type = event.type();
        if (type == InboundEvent.CONNECTED && tcpListenerHandle != NO_HANDLE &&
            event.listenerHandle() == tcpListenerHandle)
        {
            onAccepted(event);
            return;
        }
        final SipFlow flow = flowByHandle(event.handle());
        if (flow == null)
        {
            counters.stray++;
            return;
        }
        switch (type)
        {
            case InboundEvent.DATAGRAM:
                onDatagram(flow, event, nowNs);
                break;
            case InboundEvent.STREAM_DATA:
                onStreamData(flow, event.buffer(), event.length(), nowNs);
                break;
            case InboundEvent.CONNECTED:
                onConnected(flow, nowNs);
                break;
            case InboundEvent.TRANSPORT_ERROR:
                if (flow.id == LISTENER_FLOW)
                {
                    counters.stray++;
                }
                else
                {
                    fail(flow, event.cause(), nowNs);
                }
                break;
            default:
                counters.stray++;
                break;
        }
    }

    /**
     * @param flow a flow id.
     * @return its {@link Transport}, or -1 when not open.
     */
    public int transport(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f == null ? -1 : f.transport;
    }

    /**
     * @param flow a flow id.
     * @return the peer's IPv4 address ({@link Ipv4#ANY} for the listener or a flow not open).
     */
    public int remoteAddress(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f == null ? Ipv4.ANY : f.remoteAddress;
    }

    /**
     * @param flow a flow id.
     * @return the peer's port (0 for the listener or a flow not open).
     */
    public int remotePort(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f == null ? 0 : f.remotePort;
    }

    /**
     * @param flow a flow id.
     * @return whether the flow is open or connecting.
     */
    public boolean isOpen(final int flow)
    {
        return openFlow(flow) != null;
    }

    /**
     * @param flow a flow id.
     * @return whether the flow is a stream whose connect is still in progress.
     */
    public boolean isConnecting(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f != null && f.state == SipFlow.CONNECTING;
    }

    /**
     * @param flow a flow id.
     * @return whether the flow is a connection accepted by the TCP listener.
     */
    public boolean isAccepted(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f != null && f.accepted;
    }

    /**
     * @return the UDP listener's bound port (the SIP port, or the one picked for port 0), or a negative
     *         {@link NetworkStatus} before {@link #open()}.
     */
    public int localPort()
    {
        final SipFlow f = flows[LISTENER_FLOW];
        return f.isOpen() ? network.localPort(f.handle) : NetworkStatus.UNKNOWN_HANDLE;
    }

    /**
     * The local address a flow sends from, for Via and Contact.
     *
     * @param flow a flow id.
     * @return the address, {@link Ipv4#ANY} when not known or not open.
     */
    public int localAddress(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f == null ? Ipv4.ANY : network.localAddress(f.handle);
    }

    /**
     * The local port a flow sends from (a connected UDP endpoint or connection has its own).
     *
     * @param flow a flow id.
     * @return the port, or a negative {@link NetworkStatus} when not open.
     */
    public int localPort(final int flow)
    {
        final SipFlow f = openFlow(flow);
        return f == null ? NetworkStatus.UNKNOWN_HANDLE : network.localPort(f.handle);
    }

    /**
     * @return whether a TCP listener on the SIP port is open.
     */
    public boolean isListeningTcp()
    {
        return tcpListenerHandle != NO_HANDLE;
    }

    /**
     * @return the transport's counters.
     */
    public SipTransportCounters counters()
    {
        return counters;
    }

    /**
     * @return the flows open or connecting now, the listener included.
     */
    public int flowCount()
    {
        int count = 0;
        for (final SipFlow flow : flows)
        {
            if (flow.isOpen())
            {
                count++;
            }
        }
        return count;
    }

    /**
     * @return the size of the flow table.
     */
    public int flowCapacity()
    {
        return flows.length;
    }

    private SipFlow openFlow(final int flow)
    {
        if (flow < 0 || flow >= flows.length || !flows[flow].isOpen())
        {
            return null;
        }
        return flows[flow];
    }

    private SipFlow flowByHandle(final int handle)
    {
        for (final SipFlow flow : flows)
        {
            if (flow.isOpen() && flow.handle == handle)
            {
                return flow;
            }
        }
        return null;
    }

    private void onAccepted(final InboundEvent event)
    {
        final int handle = event.handle();
        for (int i = 1; i < flows.length; i++)
        {
            final SipFlow flow = flows[i];
            if (!flow.isOpen())
            {
                flow.open(SipFlow.OPEN, handle, Transport.TCP, event.remoteAddress(), event.remotePort());
                flow.accepted = true;
                router.route(handle, this);
                counters.flowsAccepted++;
                return;
            }
        }
        counters.acceptsRefused++;
        network.close(handle);
    }

    private void onDatagram(final SipFlow flow, final InboundEvent event, final long nowNs)
    {
        final UnsafeBuffer buffer = event.buffer();
        final int length = event.length();
        final int remoteAddress = event.remoteAddress();
        final int remotePort = event.remotePort();
        if (decoder.wrap(buffer, 0, length, false) == SipDecodeStatus.OK)
        {
            counters.messagesIn++;
            handler.onSipMessage(flow.id, remoteAddress, remotePort, decoder, nowNs);
        }
        else
        {
            counters.malformed++;
            handler.onMalformed(flow.id, remoteAddress, remotePort, buffer, 0, length, nowNs);
        }
    }

    private void onConnected(final SipFlow flow, final long nowNs)
    {
        if (flow.state != SipFlow.CONNECTING)
        {
            counters.stray++;
            return;
        }
        flow.state = SipFlow.OPEN;
        if (flow.pendingLength > 0)
        {
            final int length = flow.pendingLength;
            flow.pendingLength = 0;
            if (network.send(flow.handle, flow.remoteAddress, flow.remotePort, flow.pending, 0, length) < 0)
            {
                counters.sendFailures++;
                fail(flow, TransportError.IO_ERROR, nowNs);
            }
        }
    }

    /**
     * Append the bytes to the flow's stream buffer piece by piece, taking every whole message out after each
     * piece, so a read may carry any number of messages and a message may span any number of reads.
     */
    private void onStreamData(final SipFlow flow, final DirectBuffer buffer, final int length, final long nowNs)
    {
        if (!Transport.isStream(flow.transport) || flow.state != SipFlow.OPEN)
        {
            counters.stray++;
            return;
        }
        final int generation = flow.generation;
        final UnsafeBuffer stream = flow.stream;
        final int capacity = stream.capacity();
        int taken = 0;
        while (taken < length)
        {
            final int chunk = Math.min(length - taken, capacity - flow.streamLength);
            stream.putBytes(flow.streamLength, buffer, taken, chunk);
            flow.streamLength += chunk;
            taken += chunk;
            if (!frame(flow, nowNs) || flow.generation != generation)
            {
                return;
            }
            if (flow.streamLength == capacity)
            {
                counters.framingOverflows++;
                fail(flow, TransportError.IO_ERROR, nowNs);
                return;
            }
        }
    }

    /**
     * Take every whole message off the front of the flow's stream buffer and keep the incomplete rest.
     *
     * @return false when the flow was closed (by malformed bytes here, or by the handler).
     */
    private boolean frame(final SipFlow flow, final long nowNs)
    {
        final int generation = flow.generation;
        final UnsafeBuffer stream = flow.stream;
        int position = 0;
        while (true)
        {
            while (position < flow.streamLength && isLineEnd(stream.getByte(position)))
            {
                position++;
            }
            final int available = flow.streamLength - position;
            if (available == 0)
            {
                break;
            }
            final int status = decoder.wrap(stream, position, available, true);
            if (status == SipDecodeStatus.OK)
            {
                position += decoder.messageLength();
                counters.messagesIn++;
                handler.onSipMessage(flow.id, flow.remoteAddress, flow.remotePort, decoder, nowNs);
                if (flow.generation != generation)
                {
                    return false;
                }
            }
            else if (isIncomplete(status))
            {
                break;
            }
            else
            {
                counters.malformed++;
                handler.onMalformed(flow.id, flow.remoteAddress, flow.remotePort, stream, position, available, nowNs);
                if (flow.generation == generation)
                {
                    fail(flow, TransportError.IO_ERROR, nowNs);
                }
                return false;
            }
        }
        final int rest = flow.streamLength - position;
        if (position > 0 && rest > 0)
        {
            stream.putBytes(0, stream, position, rest);
        }
        flow.streamLength = rest;
        return true;
    }

    private static boolean isIncomplete(final int status)
    {
        return status == SipDecodeStatus.NO_START_LINE || status == SipDecodeStatus.NO_END_OF_HEADERS ||
            status == SipDecodeStatus.CONTENT_LENGTH_PAST_END;
    }

    private static boolean isLineEnd(final byte b)
    {
        return b == '\r' || b == '\n';
    }

    private void fail(final SipFlow flow, final int cause, final long nowNs)
    {
        final int id = flow.id;
        release(flow);
        counters.flowsFailed++;
        handler.onFlowFailure(id, cause, nowNs);
    }

    private void release(final SipFlow flow)
    {
        router.unroute(flow.handle);
        network.close(flow.handle);
        flow.free();
    }
}
