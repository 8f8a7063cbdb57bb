package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.TransportError;

import java.util.Arrays;

/**
 * The simulated world's network (SPEC R-RT-4): hosts with one IPv4 address each, links with latency, jitter, loss
 * and duplication, partitions, dead hosts and failing TLS, all in virtual time and drawn from one
 * {@link RandomSource}, so a run is a pure function of its seed (SPEC R-RT-3).
 * <pre>
 *   host A --send--&gt; [ in-flight heap, ordered by (deliveryNs, sequence) ] --deliverDue(now)--&gt; host B's queue
 *                       |  link A-&gt;B: latency + jitter, loss, duplication   |
 *                       |  partition A|B, dead B (REJECT / SILENT), TLS      +--&gt; answers turned round to A:
 *                       |                                                         ICMP, REFUSED, RST, TLS failure
 * </pre>
 * A driver moves the {@link SimClock} to {@link #nextEventNs()} (or to its own next timer), calls
 * {@link #deliverDue(long)}, then lets every host drain its queue. Loss and duplication are drawn when a datagram is
 * sent; partitions and dead hosts are checked both when a packet is sent and when it arrives, so a cut also takes
 * the packets already on the wire. Streams are reliable and ordered: neither lost nor duplicated, and when the
 * receiver's queue is full they wait and try again rather than drop; a partition black-holes them silently.
 * <p>
 * Every packet in flight lives in a preallocated pool and its bytes in a preallocated arena: once warm, sending and
 * delivering allocate nothing (SPEC R-RT-2). Past those capacities sends are refused with
 * {@link NetworkStatus#BACK_PRESSURED} and counted (SPEC R-BAD-4).
 * <p>
 * Not thread safe: the simulation's one thread owns the network and all its hosts.
 */
public final class SimNetwork
{
    private final SimClock clock;
    private final RandomSource random;
    private final int maxPayloadLength;
    private final int endpointCapacity;
    private final long streamBackoffNs;
    private final InFlight inFlight;
    private final LinkTable links;
    private final PacketArrival arrival;
    private final Int2ObjectHashMap<SimHostNetwork> hosts = new Int2ObjectHashMap<>();
    private long sentCount;
    private long deliveredCount;
    private long lostCount;
    private long duplicatedCount;
    private long droppedQueueFullCount;
    private long poolExhaustedCount;
    private InboundEventQueue[] touched = new InboundEventQueue[64];
    private int touchedCount;
    private boolean trackTouched;

    /**
     * Create an empty network.
     *
     * @param clock   the virtual clock that sends read their time from.
     * @param random  the source of every random choice (jitter, loss, duplication).
     * @param context capacities, link defaults and trace; concluded here.
     */
    public SimNetwork(final SimClock clock, final RandomSource random, final SimNetworkContext context)
    {
        context.conclude();
        this.clock = clock;
        this.random = random;
        maxPayloadLength = context.maxPayloadLength();
        endpointCapacity = context.endpointCapacity();
        streamBackoffNs = context.streamBackoffNs();
        inFlight = new InFlight(context);
        links = new LinkTable(context.defaultLink());
        arrival = new PacketArrival(this);
    }

    /**
     * Attach a host. Phones and simulated servers are attached alike; a server is just code that drains its own
     * queue and answers through the returned network.
     *
     * @param address the host's IPv4 address, unique in this network.
     * @param queue   where everything addressed to the host is delivered.
     * @return the host's network port.
     * @throws IllegalArgumentException when a host already has the address.
     */
    public SimHostNetwork attach(final int address, final InboundEventQueue queue)
    {
        if (hosts.containsKey(address) || queue == null)
        {
            throw new IllegalArgumentException("cannot attach a host at " + address + ": address taken or no queue");
        }
        final SimHostNetwork host = new SimHostNetwork(this, address, queue, endpointCapacity);
        hosts.put(address, host);
        return host;
    }

    /**
     * @param address an IPv4 address.
     * @return the host attached at the address, or null when there is none.
     */
    public SimHostNetwork host(final int address)
    {
        return hosts.get(address);
    }

    /**
     * @return the virtual clock.
     */
    public SimClock clock()
    {
        return clock;
    }

    /**
     * @return the virtual time in nanoseconds of the next scheduled delivery, or {@link Long#MAX_VALUE} when nothing
     * is in flight.
     */
    public long nextEventNs()
    {
        return inFlight.nextDeliveryNs();
    }

    /**
     * Deliver every packet due at or before a time, in (time, sequence) order, into its host's queue, and handle
     * what the arrivals provoke (answers due at the same time are delivered in the same call).
     *
     * @param nowNs the virtual time reached.
     * @return the number of packets that arrived (delivered, lost, dropped, answered or made to wait).
     */
    public int deliverDue(final long nowNs)
    {
        // Packets that must wait go back on the wire after dueNs, so this loop always ends, even at the end of time.
        final long dueNs = Math.min(nowNs, Long.MAX_VALUE - streamBackoffNs);
        int count = 0;
        while (inFlight.scheduledCount() > 0 && inFlight.nextDeliveryNs() <= dueNs)
        {
            arrival.arrive(inFlight.poll(), dueNs);
            count++;
        }
        return count;
    }

    /**
     * Give one direction of a link its own profile.
     *
     * @param from    sending host's address.
     * @param to      receiving host's address.
     * @param profile what the direction does to packets.
     */
    public void link(final int from, final int to, final LinkProfile profile)
    {
        links.profile(from, to, requireProfile(profile));
    }

    /**
     * Set the profile of every direction that has none of its own.
     *
     * @param profile what those links do to packets.
     */
    public void defaultLink(final LinkProfile profile)
    {
        links.defaultProfile(requireProfile(profile));
    }

    /**
     * Cut both directions between two hosts: packets sent, and packets in flight when they arrive, are lost
     * silently; nothing comes back.
     *
     * @param a one host's address.
     * @param b the other's.
     */
    public void partition(final int a, final int b)
    {
        links.cut(a, b);
    }

    /**
     * Mend both directions between two hosts.
     *
     * @param a one host's address.
     * @param b the other's.
     */
    public void heal(final int a, final int b)
    {
        links.mend(a, b);
    }

    /**
     * Mend every partition.
     */
    public void healAll()
    {
        links.mendAll();
    }

    /**
     * Kill a host. Its own sends vanish from now on; what reaches it depends on the behaviour. With
     * {@link DeadHostBehaviour#REJECT} every open connection of the host is reset at once (the peer sees
     * {@link TransportError#CONNECTION_RESET} after one latency).
     *
     * @param address   the host's address.
     * @param behaviour whether the dead host answers ({@link DeadHostBehaviour#REJECT}) or stays silent.
     * @throws IllegalArgumentException when no host is attached at the address.
     */
    public void kill(final int address, final DeadHostBehaviour behaviour)
    {
        final SimHostNetwork host = requireHost(address);
        if (behaviour == null)
        {
            throw new IllegalArgumentException("a dead host needs a behaviour");
        }
        if (behaviour == DeadHostBehaviour.REJECT)
        {
            for (int handle = 0; handle < host.endpointCapacity(); handle++)
            {
                final SimEndpoint endpoint = host.endpointAt(handle);
                if (endpoint.kind == SimEndpoint.CONNECTION && endpoint.state != SimEndpoint.FAILED)
                {
                    if (endpoint.state == SimEndpoint.ESTABLISHED)
                    {
                        sendControl(endpoint, InFlightPacket.RESET);
                    }
                    endpoint.state = SimEndpoint.FAILED;
                }
            }
        }
        host.kill(behaviour);
    }

    /**
     * Bring a killed host back. Its endpoints and listeners are as they were; connections reset by a
     * {@link DeadHostBehaviour#REJECT} kill stay failed.
     *
     * @param address the host's address.
     * @throws IllegalArgumentException when no host is attached at the address.
     */
    public void revive(final int address)
    {
        requireHost(address).revive();
    }

    /**
     * Make TLS handshakes to a host fail (a bad certificate, a protocol mismatch): a TLS connect then draws
     * {@link TransportError#TLS_FAILURE} instead of being accepted. TCP is unaffected.
     *
     * @param address the host's address.
     * @param failing true to fail handshakes, false to accept them again.
     * @throws IllegalArgumentException when no host is attached at the address.
     */
    public void failTls(final int address, final boolean failing)
    {
        requireHost(address).tlsFailing(failing);
    }

    /**
     * @return datagrams and stream chunks sent by hosts (duplicates not included).
     */
    public long sentCount()
    {
        return sentCount;
    }

    /**
     * @return datagrams and stream chunks delivered into an inbound queue (duplicates included).
     */
    public long deliveredCount()
    {
        return deliveredCount;
    }

    /**
     * @return datagrams and stream chunks lost to link loss, partitions, or dead or absent hosts.
     */
    public long lostCount()
    {
        return lostCount;
    }

    /**
     * @return extra copies of datagrams made by links.
     */
    public long duplicatedCount()
    {
        return duplicatedCount;
    }

    /**
     * @return datagrams and ICMP errors dropped because the destination's inbound queue was full.
     */
    public long droppedQueueFullCount()
    {
        return droppedQueueFullCount;
    }

    /**
     * @return sends refused, and duplicates and control packets dropped, because the in-flight pool or the payload
     * arena was exhausted.
     */
    public long poolExhaustedCount()
    {
        return poolExhaustedCount;
    }

    /**
     * @return how many events {@link #deliverDue} has published since {@link #clearTouched}: a driver that runs
     *         only hosts with something to do reads which queues they went to with {@link #touched(int)}.
     */
    public int touchedCount()
    {
        return touchedCount;
    }

    /**
     * @param index 0 to {@link #touchedCount()} - 1.
     * @return the queue the index-th event went to (a queue appears once per event).
     */
    public InboundEventQueue touched(final int index)
    {
        return touched[index];
    }

    /**
     * Forget the queues events went to.
     */
    public void clearTouched()
    {
        touchedCount = 0;
    }

    /**
     * Keep track of the queues {@link #deliverDue} publishes to (off by default: a driver that never clears them
     * must not collect them).
     *
     * @param track whether to keep them.
     */
    public void trackTouched(final boolean track)
    {
        trackTouched = track;
        touchedCount = 0;
    }

    void touched(final InboundEventQueue queue)
    {
        if (!trackTouched)
        {
            return;
        }
        if (touchedCount == touched.length)
        {
            touched = Arrays.copyOf(touched, touched.length * 2);
        }
        touched[touchedCount++] = queue;
    }

    /**
     * @return packets in flight now.
     */
    public int inFlightCount()
    {
        return inFlight.scheduledCount();
    }

    int sendDatagram(
        final SimEndpoint from,
        final int destinationAddress,
        final int destinationPort,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (length > maxPayloadLength)
        {
            return NetworkStatus.TOO_LONG;
        }
        final InFlightPacket packet = message(from, destinationAddress, destinationPort, buffer, offset, length);
        if (packet == null)
        {
            return NetworkStatus.BACK_PRESSURED;
        }
        final long nowNs = packet.deliveryNs;
        sentCount++;
        inFlight.trace(SimHappening.SENT, nowNs, packet);
        final LinkProfile link = links.profile(packet.sourceAddress, destinationAddress);
        if (isBlackHoled(from, destinationAddress) || draw(link.lossProbability()))
        {
            lose(packet);
            return NetworkStatus.OK;
        }
        InFlightPacket copy = null;
        if (draw(link.duplicationProbability()))
        {
            copy = message(from, destinationAddress, destinationPort, buffer, offset, length);
            if (copy != null)
            {
                duplicatedCount++;
                inFlight.trace(SimHappening.DUPLICATED, nowNs, copy);
            }
        }
        inFlight.schedule(packet, nowNs + delay(link));
        if (copy != null)
        {
            inFlight.schedule(copy, nowNs + delay(link));
        }
        return NetworkStatus.OK;
    }

    int sendStream(final SimEndpoint from, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length == 0)
        {
            return NetworkStatus.OK;
        }
        final int chunkLength = Math.min(maxPayloadLength, from.peer.host.inbound().payloadCapacity());
        final int fullChunks = length / chunkLength;
        final int rest = length - fullChunks * chunkLength;
        final int chunks = fullChunks + (rest > 0 ? 1 : 0);
        final int blocks = fullChunks * PayloadArena.blocksFor(chunkLength) + PayloadArena.blocksFor(rest);
        if (!inFlight.hasRoom(chunks, blocks))
        {
            refuse(from, from.remoteAddress, from.remotePort, buffer, offset, length);
            return NetworkStatus.BACK_PRESSURED;
        }
        final LinkProfile link = links.profile(from.host.address(), from.remoteAddress);
        final boolean blackHoled = isBlackHoled(from, from.remoteAddress);
        for (int done = 0; done < length; done += chunkLength)
        {
            final int chunk = Math.min(chunkLength, length - done);
            final InFlightPacket packet =
                message(from, from.remoteAddress, from.remotePort, buffer, offset + done, chunk);
            packet.kind = InFlightPacket.STREAM;
            packet.targetEndpoint = from.peer;
            packet.targetGeneration = from.peerGeneration;
            sentCount++;
            inFlight.trace(SimHappening.SENT, packet.deliveryNs, packet);
            if (blackHoled)
            {
                lose(packet);
            }
            else
            {
                scheduleInOrder(from, packet, packet.deliveryNs + delay(link));
            }
        }
        return NetworkStatus.OK;
    }

    int sendConnect(final SimEndpoint from)
    {
        final InFlightPacket packet = control(from, InFlightPacket.CONNECT);
        if (packet == null)
        {
            return NetworkStatus.BACK_PRESSURED;
        }
        inFlight.trace(SimHappening.CONNECT, packet.deliveryNs, packet);
        if (isBlackHoled(from, from.remoteAddress))
        {
            lose(packet);
        }
        else
        {
            final LinkProfile link = links.profile(packet.sourceAddress, from.remoteAddress);
            inFlight.schedule(packet, packet.deliveryNs + delay(link));
        }
        return NetworkStatus.OK;
    }

    /**
     * Send an orderly close or a reset to a connection's peer, behind the bytes already sent on it.
     *
     * @param from the local side of an established connection.
     * @param kind {@link InFlightPacket#CLOSE} or {@link InFlightPacket#RESET}.
     */
    void sendControl(final SimEndpoint from, final int kind)
    {
        final InFlightPacket packet = control(from, kind);
        if (packet == null)
        {
            return;
        }
        packet.targetEndpoint = from.peer;
        packet.targetGeneration = from.peerGeneration;
        final int happening = kind == InFlightPacket.CLOSE ? SimHappening.CLOSE : SimHappening.RESET;
        inFlight.trace(happening, packet.deliveryNs, packet);
        // A dead host's resets come from its still-running machine (REJECT); anything else it sends vanishes.
        final boolean silenced = kind == InFlightPacket.CLOSE && !from.host.isAlive();
        if (silenced || links.isCut(packet.sourceAddress, from.remoteAddress))
        {
            lose(packet);
        }
        else
        {
            final LinkProfile link = links.profile(packet.sourceAddress, from.remoteAddress);
            scheduleInOrder(from, packet, packet.deliveryNs + delay(link));
        }
    }

    /**
     * Count and trace a message that reached its destination's queue.
     *
     * @param packet the datagram or stream chunk, before it is released.
     */
    void delivered(final InFlightPacket packet)
    {
        deliveredCount++;
        inFlight.trace(SimHappening.DELIVERED, packet.deliveryNs, packet);
    }

    /**
     * Count, trace and release a packet whose destination's queue was full.
     *
     * @param packet the datagram or ICMP error.
     */
    void droppedQueueFull(final InFlightPacket packet)
    {
        droppedQueueFullCount++;
        inFlight.trace(SimHappening.DROPPED_QUEUE_FULL, packet.deliveryNs, packet);
        inFlight.release(packet);
    }

    /**
     * Count, trace and release a packet that vanished.
     *
     * @param packet the packet, timed at the moment it vanished.
     */
    void lose(final InFlightPacket packet)
    {
        if (packet.kind == InFlightPacket.DATAGRAM || packet.kind == InFlightPacket.STREAM)
        {
            lostCount++;
        }
        inFlight.trace(SimHappening.LOST, packet.deliveryNs, packet);
        inFlight.release(packet);
    }

    /**
     * Turn an arrived packet round into the answer it provokes (ICMP, RST, a refusal), traced at its arrival and
     * delivered to its sender's endpoint after the reverse direction's delay. Reusing the packet means an answer
     * never needs a free slot.
     *
     * @param packet the arrived packet.
     * @param kind   the answer's {@link InFlightPacket} kind.
     */
    void answer(final InFlightPacket packet, final int kind)
    {
        inFlight.dropPayload(packet);
        packet.turnRound();
        packet.kind = kind;
        inFlight.trace(answerHappening(kind), packet.deliveryNs, packet);
        final LinkProfile link = links.profile(packet.sourceAddress, packet.destinationAddress);
        inFlight.schedule(packet, packet.deliveryNs + delay(link));
    }

    /**
     * What a packet that reached a dead host provokes: the answer when the host rejects, nothing when it is silent.
     *
     * @param deadHost the host.
     * @param packet   the arrived packet.
     * @param kind     the answer's {@link InFlightPacket} kind.
     */
    void answerOrLose(final SimHostNetwork deadHost, final InFlightPacket packet, final int kind)
    {
        if (deadHost.deadBehaviour() == DeadHostBehaviour.REJECT)
        {
            answer(packet, kind);
        }
        else
        {
            lose(packet);
        }
    }

    boolean isCut(final int from, final int to)
    {
        return links.isCut(from, to);
    }

    InFlight inFlight()
    {
        return inFlight;
    }

    long streamBackoffNs()
    {
        return streamBackoffNs;
    }

    private static int answerHappening(final int kind)
    {
        switch (kind)
        {
            case InFlightPacket.ICMP:
                return SimHappening.ICMP_UNREACHABLE;
            case InFlightPacket.REFUSED:
                return SimHappening.REFUSED;
            case InFlightPacket.TLS_FAILED:
                return SimHappening.TLS_FAILURE;
            default:
                return SimHappening.RESET;
        }
    }

    private InFlightPacket message(
        final SimEndpoint from,
        final int destinationAddress,
        final int destinationPort,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final InFlightPacket packet = inFlight.claim(buffer, offset, length);
        if (packet == null)
        {
            refuse(from, destinationAddress, destinationPort, buffer, offset, length);
            return null;
        }
        return header(packet, InFlightPacket.DATAGRAM, from, destinationAddress, destinationPort);
    }

    private InFlightPacket control(final SimEndpoint from, final int kind)
    {
        final InFlightPacket packet = inFlight.claim();
        if (packet == null)
        {
            refuse(from, from.remoteAddress, from.remotePort, null, 0, 0);
            return null;
        }
        return header(packet, kind, from, from.remoteAddress, from.remotePort);
    }

    private InFlightPacket header(
        final InFlightPacket packet,
        final int kind,
        final SimEndpoint from,
        final int destinationAddress,
        final int destinationPort)
    {
        packet.kind = kind;
        packet.transport = from.transport;
        packet.deliveryNs = clock.nanoTime();
        packet.sourceAddress = from.host.address();
        packet.sourcePort = from.localPort;
        packet.destinationAddress = destinationAddress;
        packet.destinationPort = destinationPort;
        packet.sourceEndpoint = from;
        packet.sourceGeneration = from.generation;
        return packet;
    }

    private void refuse(
        final SimEndpoint from,
        final int destinationAddress,
        final int destinationPort,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        poolExhaustedCount++;
        inFlight.traceRefused(clock.nanoTime(), from, destinationAddress, destinationPort, buffer, offset, length);
    }

    private void scheduleInOrder(final SimEndpoint from, final InFlightPacket packet, final long deliveryNs)
    {
        final long inOrderNs = Math.max(deliveryNs, from.lastScheduledNs);
        from.lastScheduledNs = inOrderNs;
        inFlight.schedule(packet, inOrderNs);
    }

    private boolean isBlackHoled(final SimEndpoint from, final int destinationAddress)
    {
        return !from.host.isAlive() || links.isCut(from.host.address(), destinationAddress);
    }

    private boolean draw(final double probability)
    {
        return probability > 0.0 && random.nextDouble() < probability;
    }

    private long delay(final LinkProfile link)
    {
        final long jitterNs = link.jitterNs();
        if (jitterNs == 0)
        {
            return link.latencyNs();
        }
        return link.latencyNs() + Math.min(jitterNs, (long)(random.nextDouble() * (jitterNs + 1.0)));
    }

    private SimHostNetwork requireHost(final int address)
    {
        final SimHostNetwork host = hosts.get(address);
        if (host == null)
        {
            throw new IllegalArgumentException("no host attached at " + address);
        }
        return host;
    }

    private static LinkProfile requireProfile(final LinkProfile profile)
    {
        if (profile == null)
        {
            throw new IllegalArgumentException("a link needs a profile");
        }
        return profile;
    }
}
