package org.sipredundancy.hal.sim;

import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.TransportError;

/**
 * What happens when a packet of a {@link SimNetwork} reaches its destination: it is delivered into the host's
 * queue, lost, dropped, made to wait, or turned round into the answer a real network or host would send back.
 * <pre>
 *   arrives at B --&gt; no host / partition ............................ LOST
 *                 +-&gt; B dead: REJECT -&gt; answer (ICMP, REFUSED, RST);  SILENT -&gt; LOST
 *                 +-&gt; DATAGRAM: bound port -&gt; DATAGRAM event | queue full -&gt; DROPPED | none -&gt; ICMP
 *                 +-&gt; CONNECT:  listener -&gt; CONNECTED to both sides | failing TLS -&gt; TLS_FAILURE
 *                 |              | no listener, full table or queue -&gt; REFUSED
 *                 +-&gt; on a connection: expected -&gt; event, in order | queue full -&gt; wait | stale -&gt; RST
 * </pre>
 * Not thread safe.
 */
final class PacketArrival
{
    private final SimNetwork network;
    private final InFlight inFlight;
    private final long streamBackoffNs;

    PacketArrival(final SimNetwork network)
    {
        this.network = network;
        inFlight = network.inFlight();
        streamBackoffNs = network.streamBackoffNs();
    }

    /**
     * Handle one packet taken off the wire.
     *
     * @param packet the packet; it is released, rescheduled or turned round before this returns.
     * @param nowNs  the time the network has reached (at or after the packet's delivery time).
     */
    void arrive(final InFlightPacket packet, final long nowNs)
    {
        final SimHostNetwork host = network.host(packet.destinationAddress);
        if (host == null || network.isCut(packet.sourceAddress, packet.destinationAddress))
        {
            network.lose(packet);
            return;
        }
        switch (packet.kind)
        {
            case InFlightPacket.DATAGRAM:
                arriveDatagram(host, packet);
                break;
            case InFlightPacket.ICMP:
                arriveIcmp(host, packet);
                break;
            case InFlightPacket.CONNECT:
                arriveConnect(host, packet);
                break;
            default:
                arriveOnConnection(host, packet, nowNs);
                break;
        }
    }

    private void arriveDatagram(final SimHostNetwork host, final InFlightPacket packet)
    {
        if (!host.isAlive())
        {
            network.answerOrLose(host, packet, InFlightPacket.ICMP);
            return;
        }
        final SimEndpoint endpoint =
            host.datagramTarget(packet.destinationPort, packet.sourceAddress, packet.sourcePort);
        if (endpoint == null)
        {
            network.answer(packet, InFlightPacket.ICMP);
            return;
        }
        deliverUnreliable(host, endpoint, packet, InboundEvent.DATAGRAM, TransportError.NONE);
    }

    private void arriveIcmp(final SimHostNetwork host, final InFlightPacket packet)
    {
        if (!host.isAlive())
        {
            network.lose(packet);
            return;
        }
        final SimEndpoint endpoint = packet.targetEndpoint;
        final boolean heard = endpoint != null &&
            endpoint.isCurrent(packet.targetGeneration) &&
            endpoint.kind == SimEndpoint.CONNECTED_UDP &&
            endpoint.remoteAddress == packet.sourceAddress &&
            endpoint.remotePort == packet.sourcePort;
        if (heard)
        {
            deliverUnreliable(host, endpoint, packet, InboundEvent.TRANSPORT_ERROR, TransportError.ICMP_UNREACHABLE);
        }
        else
        {
            // Only a connected socket hears of ICMP errors; the host drops the rest.
            inFlight.release(packet);
        }
    }

    private void arriveConnect(final SimHostNetwork host, final InFlightPacket packet)
    {
        if (!host.isAlive())
        {
            network.answerOrLose(host, packet, InFlightPacket.REFUSED);
            return;
        }
        final SimEndpoint listener = host.listener(packet.destinationPort);
        if (listener == null)
        {
            network.answer(packet, InFlightPacket.REFUSED);
            return;
        }
        if (packet.transport == Transport.TLS && host.isTlsFailing())
        {
            network.answer(packet, InFlightPacket.TLS_FAILED);
            return;
        }
        final SimEndpoint accepted = host.accept(listener, packet.transport, packet.sourceAddress, packet.sourcePort);
        final InboundEvent event = accepted == null ? null : host.inbound().claim();
        if (event == null)
        {
            // A full endpoint table or queue is a full accept backlog: the connect is refused.
            if (accepted != null)
            {
                accepted.free();
            }
            network.answer(packet, InFlightPacket.REFUSED);
            return;
        }
        accepted.connectedTo(packet.sourceEndpoint, packet.sourceGeneration);
        accepted.lastScheduledNs = packet.deliveryNs;
        event.network(InboundEvent.CONNECTED, accepted.handle, packet.sourceAddress, packet.sourcePort)
            .listenerHandle(listener.handle);
        host.inbound().publish(event);
        network.touched(host.inbound());
        inFlight.trace(SimHappening.CONNECTED, packet.deliveryNs, packet);

        // Both sides are connected after one latency: the acceptance reaches the connecting side at this instant.
        packet.targetEndpoint = accepted;
        packet.targetGeneration = accepted.generation;
        packet.turnRound();
        packet.kind = InFlightPacket.ACCEPTED;
        inFlight.schedule(packet, packet.deliveryNs);
    }

    private void arriveOnConnection(final SimHostNetwork host, final InFlightPacket packet, final long nowNs)
    {
        final boolean drawsReset = packet.kind == InFlightPacket.STREAM || packet.kind == InFlightPacket.ACCEPTED;
        if (!host.isAlive() && drawsReset)
        {
            network.answerOrLose(host, packet, InFlightPacket.RESET);
            return;
        }
        if (!host.isAlive())
        {
            network.lose(packet);
            return;
        }
        final SimEndpoint target = packet.targetEndpoint;
        if (!isExpectedBy(target, packet))
        {
            if (drawsReset)
            {
                network.answer(packet, InFlightPacket.RESET);
            }
            else
            {
                inFlight.release(packet);
            }
            return;
        }
        final InboundEventQueue queue = host.inbound();
        final boolean mustWait = packet.deliveryNs < target.stalledUntilNs || queue.size() >= queue.capacity();
        final InboundEvent event = mustWait ? null : queue.claim();
        if (event == null)
        {
            // Connection packets are never dropped: like TCP under flow control they wait, in order, and retry.
            if (packet.deliveryNs >= target.stalledUntilNs)
            {
                target.stalledUntilNs = nowNs + streamBackoffNs;
            }
            inFlight.postpone(packet, target.stalledUntilNs);
            return;
        }
        fillConnectionEvent(event, target, packet);
        queue.publish(event);
        network.touched(queue);
        if (packet.kind == InFlightPacket.STREAM)
        {
            network.delivered(packet);
        }
        inFlight.release(packet);
    }

    private static boolean isExpectedBy(final SimEndpoint target, final InFlightPacket packet)
    {
        if (target == null || !target.isCurrent(packet.targetGeneration))
        {
            return false;
        }
        switch (packet.kind)
        {
            case InFlightPacket.ACCEPTED:
            case InFlightPacket.REFUSED:
            case InFlightPacket.TLS_FAILED:
                return target.state == SimEndpoint.CONNECTING;
            case InFlightPacket.STREAM:
            case InFlightPacket.CLOSE:
                return target.state == SimEndpoint.ESTABLISHED;
            default:
                return target.state == SimEndpoint.ESTABLISHED || target.state == SimEndpoint.PEER_CLOSED;
        }
    }

    private void fillConnectionEvent(final InboundEvent event, final SimEndpoint target, final InFlightPacket packet)
    {
        event.network(InboundEvent.TRANSPORT_ERROR, target.handle, packet.sourceAddress, packet.sourcePort);
        switch (packet.kind)
        {
            case InFlightPacket.ACCEPTED:
                target.connectedTo(packet.sourceEndpoint, packet.sourceGeneration);
                event.network(InboundEvent.CONNECTED, target.handle, packet.sourceAddress, packet.sourcePort);
                break;
            case InFlightPacket.STREAM:
                event.network(InboundEvent.STREAM_DATA, target.handle, packet.sourceAddress, packet.sourcePort)
                    .length(inFlight.copyPayload(packet, event.buffer(), event.capacity()));
                break;
            case InFlightPacket.CLOSE:
                target.state = SimEndpoint.PEER_CLOSED;
                event.cause(TransportError.PEER_CLOSED);
                break;
            case InFlightPacket.RESET:
                target.state = SimEndpoint.FAILED;
                event.cause(TransportError.CONNECTION_RESET);
                break;
            case InFlightPacket.REFUSED:
                target.state = SimEndpoint.FAILED;
                event.cause(TransportError.CONNECTION_REFUSED);
                break;
            default:
                target.state = SimEndpoint.FAILED;
                event.cause(TransportError.TLS_FAILURE);
                break;
        }
    }

    private void deliverUnreliable(
        final SimHostNetwork host,
        final SimEndpoint endpoint,
        final InFlightPacket packet,
        final int type,
        final int cause)
    {
        final InboundEvent event = host.inbound().claim();
        if (event == null)
        {
            network.droppedQueueFull(packet);
            return;
        }
        // A datagram longer than the receiver's buffer is truncated, as a real socket read truncates it.
        final int length = inFlight.copyPayload(packet, event.buffer(), event.capacity());
        event.network(type, endpoint.handle, packet.sourceAddress, packet.sourcePort).cause(cause).length(length);
        host.inbound().publish(event);
        network.touched(host.inbound());
        if (type == InboundEvent.DATAGRAM)
        {
            network.delivered(packet);
        }
        inFlight.release(packet);
    }
}
