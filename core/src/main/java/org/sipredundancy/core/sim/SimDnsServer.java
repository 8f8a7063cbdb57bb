package org.sipredundancy.core.sim;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.dns.wire.DnsDecodeStatus;
import org.sipredundancy.core.dns.wire.DnsHeader;
import org.sipredundancy.core.dns.wire.DnsMessageDecoder;
import org.sipredundancy.core.dns.wire.DnsName;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.sim.SimClock;
import org.sipredundancy.hal.sim.SimNetwork;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated DNS server (SPEC R-RT-4): a host of a {@link SimNetwork} that answers queries on UDP port 53 and on a
 * TCP listener on port 53 (2-octet length prefix, RFC 1035 section 4.2.2) from a {@link SimDnsZone}, built with
 * the core's own response encoder. It acts as a recursive resolver would: CNAMEs in the zone are chased inside one
 * answer (unless told not to), SRV answers carry their targets' A records and NAPTR answers their replacements' SRV
 * records in the additional section, and negative answers carry the zone's SOA in the authority section.
 * <p>
 * A test sets one {@link SimDnsFault} (for the next N queries or for ever), a truncation threshold for UDP answers,
 * and reads back every query received, with its virtual time, and counts per (name, type), so cache tests can show
 * that no second query went out within the TTL. Deterministic: no randomness of its own. Not thread safe.
 */
public final class SimDnsServer implements SimNode, InboundEventHandler
{
    /** The DNS port. */
    public static final int PORT = 53;
    /** The port a {@link SimDnsFault#WRONG_SOURCE_PORT} answer comes from. */
    public static final int WRONG_SOURCE_PORT = 5353;

    private static final int MESSAGE_CAPACITY = 65535;
    private static final int UNLIMITED = -1;

    private final InboundEventQueue queue = new InboundEventQueue(256, 4096);
    private final Network network;
    private final SimClock clock;
    private final int address;
    private final SimDnsZone zone;
    private final SimDnsAnswerWriter writer;
    private final int udpHandle;
    private final int spoofHandle;
    private final int tcpListener;
    private final DnsMessageDecoder decoder = new DnsMessageDecoder();
    private final DnsName name = new DnsName();
    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[2 + MESSAGE_CAPACITY]);
    private final Int2ObjectHashMap<SimDnsStream> streams = new Int2ObjectHashMap<>();
    private final List<SimDnsQuery> queries = new ArrayList<>();
    private final Map<String, Integer> countByQuestion = new HashMap<>();
    private SimDnsFault fault = SimDnsFault.NONE;
    private int faultsLeft = UNLIMITED;
    private boolean alsoAnswerCorrectly;
    private long malformedQueryCount;

    /**
     * Attach a server to the simulation's network and open its endpoints.
     *
     * @param simulation the simulation; the server is added to it as a node.
     * @param address    the server's IPv4 address.
     * @param zone       the records it serves; the test may keep adding to it.
     */
    public SimDnsServer(final Simulation simulation, final int address, final SimDnsZone zone)
    {
        final SimNetwork simNetwork = simulation.network();
        this.network = simNetwork.attach(address, queue);
        this.clock = simNetwork.clock();
        this.address = address;
        this.zone = zone;
        this.writer = new SimDnsAnswerWriter(zone);
        udpHandle = network.openUdp(address, PORT);
        spoofHandle = network.openUdp(address, WRONG_SOURCE_PORT);
        tcpListener = network.listenTcp(address, PORT);
        if (udpHandle < 0 || spoofHandle < 0 || tcpListener < 0)
        {
            throw new IllegalStateException("could not open the DNS server's endpoints");
        }
        simulation.add(this);
    }

    /**
     * Misbehave from now on, for ever (until changed).
     *
     * @param fault the fault; {@link SimDnsFault#NONE} to behave.
     * @return this.
     */
    public SimDnsServer fault(final SimDnsFault fault)
    {
        return fault(fault, UNLIMITED);
    }

    /**
     * Misbehave for the next queries, then behave.
     *
     * @param fault the fault.
     * @param count how many queries it applies to; -1 for ever.
     * @return this.
     */
    public SimDnsServer fault(final SimDnsFault fault, final int count)
    {
        this.fault = fault;
        this.faultsLeft = count;
        return this;
    }

    /**
     * With {@link SimDnsFault#WRONG_ID}, {@link SimDnsFault#MALFORMED} or {@link SimDnsFault#WRONG_SOURCE_PORT},
     * also send the correct answer right after the bad one (a spoofer racing the real server).
     *
     * @param alsoAnswerCorrectly whether to.
     * @return this.
     */
    public SimDnsServer alsoAnswerCorrectly(final boolean alsoAnswerCorrectly)
    {
        this.alsoAnswerCorrectly = alsoAnswerCorrectly;
        return this;
    }

    /**
     * Set TC on UDP answers with more than this many answer records, sending only the header and question; TCP
     * answers are always complete.
     *
     * @param records the most answer records a UDP answer carries; -1 for no limit.
     * @return this.
     */
    public SimDnsServer truncateUdpAbove(final int records)
    {
        writer.truncateAbove(records);
        return this;
    }

    /**
     * Whether CNAMEs are chased inside one answer (the default) or answered alone, so the client must ask the
     * target itself.
     *
     * @param chase true to chase.
     * @return this.
     */
    public SimDnsServer chaseCnames(final boolean chase)
    {
        writer.chaseCnames(chase);
        return this;
    }

    /**
     * Whether SRV and NAPTR answers carry additional records (the default).
     *
     * @param additional true to add them.
     * @return this.
     */
    public SimDnsServer additionalRecords(final boolean additional)
    {
        writer.additionalRecords(additional);
        return this;
    }

    /**
     * @return the server's address.
     */
    public int address()
    {
        return address;
    }

    /**
     * @return the zone served.
     */
    public SimDnsZone zone()
    {
        return zone;
    }

    /**
     * @param name a name.
     * @param type a {@link org.sipredundancy.core.dns.wire.DnsType}.
     * @return how many queries for that name and type arrived, over UDP and TCP.
     */
    public int queryCount(final String name, final int type)
    {
        return countByQuestion.getOrDefault(questionKey(name, type), 0);
    }

    /**
     * @return every well-formed query received, in order of arrival.
     */
    public List<SimDnsQuery> queries()
    {
        return List.copyOf(queries);
    }

    /**
     * @return queries the server could not decode.
     */
    public long malformedQueryCount()
    {
        return malformedQueryCount;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        return queue.drain(this, Integer.MAX_VALUE);
    }

    /**
     * {@inheritDoc}
     */
    public long nextDeadlineNs()
    {
        return Long.MAX_VALUE;
    }

    /**
     * {@inheritDoc}
     */
    public void onInboundEvent(final InboundEvent event)
    {
        switch (event.type())
        {
            case InboundEvent.DATAGRAM:
                if (event.handle() == udpHandle)
                {
                    onQuery(event.buffer(), 0, event.length(), event.remoteAddress(), event.remotePort(), -1);
                }
                break;
            case InboundEvent.CONNECTED:
                if (event.listenerHandle() == tcpListener)
                {
                    streams.put(event.handle(), new SimDnsStream());
                }
                break;
            case InboundEvent.STREAM_DATA:
                onStreamData(event);
                break;
            case InboundEvent.TRANSPORT_ERROR:
                if (streams.remove(event.handle()) != null)
                {
                    network.close(event.handle());
                }
                break;
            default:
                break;
        }
    }

    private void onStreamData(final InboundEvent event)
    {
        final SimDnsStream stream = streams.get(event.handle());
        if (stream == null)
        {
            return;
        }
        stream.append(event.buffer(), event.length());
        int messageLength;
        while ((messageLength = stream.nextMessageLength()) >= 0)
        {
            onQuery(stream.buffer(), 2, messageLength, event.remoteAddress(), event.remotePort(), event.handle());
            stream.consume(2 + messageLength);
        }
    }

    private void onQuery(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int remoteAddress,
        final int remotePort,
        final int tcpHandle)
    {
        final boolean tcp = tcpHandle >= 0;
        if (decoder.wrap(buffer, offset, length) != DnsDecodeStatus.OK || decoder.isResponse() ||
            !decoder.questionName(name))
        {
            malformedQueryCount++;
            return;
        }
        final String qname = name.toString();
        final int qtype = decoder.questionType();
        final int id = decoder.id();
        queries.add(new SimDnsQuery(clock.nanoTime(), qname, qtype, tcp));
        countByQuestion.merge(questionKey(qname, qtype), 1, Integer::sum);
        final SimDnsFault current = takeFault();
        if (current == SimDnsFault.SILENT)
        {
            return;
        }
        final int rcode = current == SimDnsFault.SERVFAIL ? 2 : current == SimDnsFault.REFUSED ? 5 : -1;
        final int answerLength = writer.write(answer, 2, MESSAGE_CAPACITY, id, qname, qtype, tcp, rcode);
        if (answerLength < 0)
        {
            return;
        }
        if (current == SimDnsFault.WRONG_ID || current == SimDnsFault.MALFORMED ||
            (current == SimDnsFault.WRONG_SOURCE_PORT && !tcp))
        {
            sendBad(current, answerLength, remoteAddress, remotePort, tcpHandle);
            if (!alsoAnswerCorrectly)
            {
                return;
            }
        }
        send(answerLength, remoteAddress, remotePort, tcpHandle, udpHandle);
    }

    private void sendBad(
        final SimDnsFault current,
        final int answerLength,
        final int remoteAddress,
        final int remotePort,
        final int tcpHandle)
    {
        final short id = answer.getShort(2 + DnsHeader.ID_OFFSET, ByteOrder.BIG_ENDIAN);
        final short count = answer.getShort(2 + DnsHeader.ANCOUNT_OFFSET, ByteOrder.BIG_ENDIAN);
        if (current == SimDnsFault.WRONG_ID)
        {
            answer.putShort(2 + DnsHeader.ID_OFFSET, (short)(id ^ 0x5A5A), ByteOrder.BIG_ENDIAN);
        }
        else if (current == SimDnsFault.MALFORMED)
        {
            answer.putShort(2 + DnsHeader.ANCOUNT_OFFSET, (short)0x7FFF, ByteOrder.BIG_ENDIAN);
        }
        send(answerLength, remoteAddress, remotePort, tcpHandle,
            current == SimDnsFault.WRONG_SOURCE_PORT ? spoofHandle : udpHandle);
        answer.putShort(2 + DnsHeader.ID_OFFSET, id, ByteOrder.BIG_ENDIAN);
        answer.putShort(2 + DnsHeader.ANCOUNT_OFFSET, count, ByteOrder.BIG_ENDIAN);
    }

    private void send(
        final int answerLength, final int remoteAddress, final int remotePort, final int tcpHandle, final int from)
    {
        if (tcpHandle >= 0)
        {
            answer.putShort(0, (short)answerLength, ByteOrder.BIG_ENDIAN);
            network.send(tcpHandle, 0, 0, answer, 0, 2 + answerLength);
        }
        else
        {
            network.send(from, remoteAddress, remotePort, answer, 2, answerLength);
        }
    }

    private SimDnsFault takeFault()
    {
        final SimDnsFault current = fault;
        if (faultsLeft > 0 && --faultsLeft == 0)
        {
            fault = SimDnsFault.NONE;
        }
        return current;
    }

    private static String questionKey(final String name, final int type)
    {
        return SimDnsZone.key(name) + "/" + type;
    }
}
