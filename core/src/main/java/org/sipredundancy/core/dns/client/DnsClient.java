package org.sipredundancy.core.dns.client;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.NanoClock;
import org.sipredundancy.core.dns.DnsAnswerHandler;
import org.sipredundancy.core.dns.DnsFailure;
import org.sipredundancy.core.dns.DnsQueryPort;
import org.sipredundancy.core.dns.wire.DnsDecodeCounters;
import org.sipredundancy.core.dns.wire.DnsDecodeStatus;
import org.sipredundancy.core.dns.wire.DnsMessageDecoder;
import org.sipredundancy.core.dns.wire.DnsName;
import org.sipredundancy.core.dns.wire.DnsQueryEncoder;
import org.sipredundancy.core.dns.wire.DnsRcode;
import org.sipredundancy.core.loop.InboundRouter;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.Transport;

import java.nio.ByteOrder;

/**
 * The live resolver client of the duty cycle (R-DNS-9): the {@link DnsQueryPort} a {@link
 * org.sipredundancy.core.dns.ServerLocator} asks when the static records and the cache cannot answer.
 * <pre>
 *   query(token, name, type)
 *     -&gt; slot (fixed table) -- random id -- UDP to server 0 -- time-out -- again (tries per server) -- server 1 ...
 *          answer: source, id and question must match, else counted and ignored; malformed: counted, ignored
 *          TC -&gt; same query over TCP to that server (2-octet length prefix, RFC 1035 4.2.2)
 *          CNAME -&gt; records of the target in the same answer, or the target asked next (same token, 8 hops)
 *          NOERROR with records -&gt; onXxxRecord..., onAdditionalXxx..., onAnswerEnd
 *          NXDOMAIN, NOERROR without records -&gt; onNoRecords(SOA minimum or -1)
 *          SERVFAIL, REFUSED, ICMP unreachable, TCP refused -&gt; next server; none left -&gt; onFailure(cause)
 * </pre>
 * Outcomes go to the handler registered for the token's top 32 bits (the locator id), else to the context's
 * default handler. A question asked while the same one (name and type) is in flight joins it and is not sent again:
 * a phone's accounts on one domain ask the same NAPTR, SRV and A questions at the same moments (start, TTL expiry),
 * and every asker gets the same records and outcome, in the order they asked. As the port's contract says: an
 * accepted question gets exactly one outcome; a refused one (negative return) gets none; with no server configured
 * a question is accepted and fails with {@link DnsFailure#NO_SERVER} inside the call.
 * <p>
 * Allocation: none once started, except what the {@link Network} does to open an endpoint (a simulated host
 * allocates nothing; the real host opens a socket channel per try, which is how a fresh source port is had).
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class DnsClient implements DnsQueryPort, TimerExpiryHandler
{
    /** {@link #query} refusal: every slot of the table is in use. */
    public static final int FULL = -101;
    /** {@link #query} refusal: no handler for the token's locator id and no default handler. */
    public static final int NO_HANDLER = -102;

    private static final int ANSWERED = 0;
    private static final int NO_RECORDS = 1;
    private static final int FAILED = 2;

    private static final int ID_RANGE = 1 << 16;
    private static final int BAD_NAME = 1;

    private final Network network;
    private final TimerService timers;
    private final InboundRouter router;
    private final NanoClock clock;
    private final RandomSource random;
    private final DnsAnswerHandler defaultHandler;
    private final Int2ObjectHashMap<DnsAnswerHandler> handlers = new Int2ObjectHashMap<>();
    private final int[] serverAddresses;
    private final int[] serverPorts;
    private final int localAddress;
    private final long tryTimeoutNs;
    private final int triesPerServer;
    private final boolean connectedUdp;
    private final DnsQuerySlot[] slots;
    private final DnsMessageDecoder decoder;
    private final DnsAnswerReader reader = new DnsAnswerReader();
    private final DnsName questionName = new DnsName();
    private final DnsClientCounters counters = new DnsClientCounters();
    /** Who is told how a slot ended, pushed before the slot is freed; nested endings push above (re-entrancy). */
    private final long[] endTokens;
    private final DnsAnswerHandler[] endHandlers;
    private int endTop;

    /**
     * Make the client and its table of slots, each with its timer. Start-up only.
     *
     * @param context the set-up; concluded here.
     */
    public DnsClient(final DnsClientContext context)
    {
        context.conclude();
        network = context.network();
        timers = context.timers();
        router = context.router();
        clock = context.nanoClock();
        random = context.random();
        defaultHandler = context.handler();
        serverAddresses = context.serverAddresses();
        serverPorts = context.serverPorts();
        localAddress = context.localAddress();
        tryTimeoutNs = context.tryTimeoutNs();
        triesPerServer = context.triesPerServer();
        connectedUdp = context.connectedUdp();
        decoder = new DnsMessageDecoder(new DnsDecodeCounters());
        slots = new DnsQuerySlot[context.queryCapacity()];
        endTokens = new long[slots.length * (DnsQuerySlot.MAX_FOLLOWERS + 1)];
        endHandlers = new DnsAnswerHandler[endTokens.length];
        for (int i = 0; i < slots.length; i++)
        {
            final DnsQuerySlot slot = new DnsQuerySlot(this, i, context.maxCnameHops(), context.tcpMessageCapacity());
            slot.timer = timers.newTimer(this, i);
            slots[i] = slot;
        }
    }

    /**
     * Send the outcomes of one locator's questions to its handler. Start-up only (the map may grow).
     *
     * @param locatorId the top 32 bits of the locator's query tokens.
     * @param handler   the locator (or anything else that takes outcomes).
     * @return this.
     */
    public DnsClient handler(final int locatorId, final DnsAnswerHandler handler)
    {
        handlers.put(locatorId, handler);
        return this;
    }

    /**
     * {@inheritDoc}
     * <p>
     * Refusals: {@link #FULL}, {@link #NO_HANDLER}, or the {@link NetworkStatus} of a failed open when no server's
     * endpoint could be opened. A name that cannot be encoded is accepted and fails with {@link DnsFailure#OTHER}.
     */
    public int query(final long queryToken, final CharSequence name, final int type)
    {
        final DnsAnswerHandler handler = handlerFor(queryToken);
        if (handler == null)
        {
            counters.refused++;
            return NO_HANDLER;
        }
        final long nowNs = clock.nanoTime();
        if (serverAddresses.length == 0)
        {
            counters.accepted++;
            counters.failures++;
            handler.onFailure(queryToken, DnsFailure.NO_SERVER, nowNs);
            return NetworkStatus.OK;
        }
        for (final DnsQuerySlot asked : slots)
        {
            if (asked.canTake(name, type))
            {
                asked.follow(queryToken, handler);
                counters.accepted++;
                counters.joined++;
                return NetworkStatus.OK;
            }
        }
        final DnsQuerySlot slot = freeSlot();
        if (slot == null)
        {
            counters.refused++;
            return FULL;
        }
        slot.begin(queryToken, handler, name, type);
        final int status = startServer(slot, 0, nowNs);
        if (status == NetworkStatus.OK)
        {
            counters.accepted++;
            return status;
        }
        if (status == BAD_NAME)
        {
            counters.accepted++;
            slot.causes |= DnsQuerySlot.CAUSE_OTHER;
            fail(slot, nowNs);
            return NetworkStatus.OK;
        }
        release(slot);
        counters.refused++;
        return status;
    }

    /**
     * Part of the {@link TimerExpiryHandler} contract: a try of the slot named by the token timed out.
     * {@inheritDoc}
     */
    public void onTimerExpiry(final long token, final long nowNs)
    {
        final DnsQuerySlot slot = slots[(int)token];
        if (slot.state == DnsQuerySlot.FREE)
        {
            return;
        }
        counters.tryTimeouts++;
        if (slot.state == DnsQuerySlot.UDP_WAIT && slot.tries < triesPerServer)
        {
            sendTry(slot, nowNs);
            return;
        }
        nextServer(slot, nowNs);
    }

    /**
     * The events of a slot's endpoint, handed on by the slot.
     */
    void onSlotEvent(final DnsQuerySlot slot, final InboundEvent event, final long nowNs)
    {
        if (slot.state == DnsQuerySlot.FREE || event.handle() != slot.handle)
        {
            counters.stray++;
            return;
        }
        switch (event.type())
        {
            case InboundEvent.DATAGRAM:
                onDatagram(slot, event, nowNs);
                break;
            case InboundEvent.CONNECTED:
                onConnected(slot, nowNs);
                break;
            case InboundEvent.STREAM_DATA:
                onStreamData(slot, event, nowNs);
                break;
            case InboundEvent.TRANSPORT_ERROR:
                counters.serverDown++;
                nextServer(slot, nowNs);
                break;
            default:
                counters.stray++;
                break;
        }
    }

    /**
     * @return the client's counters: questions, tries, time-outs, strays, malformed answers.
     */
    public DnsClientCounters counters()
    {
        return counters;
    }

    /**
     * @return the decoder's counters, by {@link DnsDecodeStatus}.
     */
    public DnsDecodeCounters decodeCounters()
    {
        return decoder.counters();
    }

    /**
     * @return the number of questions in flight now.
     */
    public int inFlightCount()
    {
        int count = 0;
        for (final DnsQuerySlot slot : slots)
        {
            if (slot.state != DnsQuerySlot.FREE)
            {
                count++;
            }
        }
        return count;
    }

    /**
     * @return the number of configured servers.
     */
    public int serverCount()
    {
        return serverAddresses.length;
    }

    private DnsAnswerHandler handlerFor(final long queryToken)
    {
        final DnsAnswerHandler handler = handlers.get((int)(queryToken >>> 32));
        return handler != null ? handler : defaultHandler;
    }

    private DnsQuerySlot freeSlot()
    {
        for (final DnsQuerySlot slot : slots)
        {
            if (slot.state == DnsQuerySlot.FREE)
            {
                return slot;
            }
        }
        return null;
    }

    /**
     * Ask the slot's question of the first server from {@code first} whose endpoint opens.
     *
     * @return OK; {@link #BAD_NAME} when the name cannot be encoded; or the last open failure.
     */
    private int startServer(final DnsQuerySlot slot, final int first, final long nowNs)
    {
        slot.id = random.nextInt(ID_RANGE);
        final int length = DnsQueryEncoder.encode(slot.query, DnsQuerySlot.LENGTH_PREFIX, DnsQuerySlot.QUERY_CAPACITY,
            slot.id, true, slot.name, slot.type);
        if (length < 0)
        {
            return BAD_NAME;
        }
        slot.queryLength = length;
        int status = NetworkStatus.OPEN_FAILED;
        for (int server = first; server < serverAddresses.length; server++)
        {
            status = connectedUdp ?
                network.openConnectedUdp(localAddress, serverAddresses[server], serverPorts[server]) :
                network.openUdp(localAddress, 0);
            if (status >= 0)
            {
                slot.serverIndex = server;
                slot.state = DnsQuerySlot.UDP_WAIT;
                slot.tries = 0;
                own(slot, status);
                sendTry(slot, nowNs);
                return NetworkStatus.OK;
            }
            counters.openFailures++;
        }
        slot.serverIndex = serverAddresses.length;
        return status;
    }

    private void sendTry(final DnsQuerySlot slot, final long nowNs)
    {
        slot.tries++;
        counters.udpTries++;
        final int status = network.send(slot.handle, serverAddresses[slot.serverIndex], serverPorts[slot.serverIndex],
            slot.query, DnsQuerySlot.LENGTH_PREFIX, slot.queryLength);
        if (status < 0)
        {
            counters.sendFailures++;
        }
        schedule(slot, nowNs);
    }

    private void schedule(final DnsQuerySlot slot, final long nowNs)
    {
        if (!timers.schedule(slot.timer, nowNs + tryTimeoutNs))
        {
            counters.timerRefusals++;
        }
    }

    private void nextServer(final DnsQuerySlot slot, final long nowNs)
    {
        if (slot.state == DnsQuerySlot.FREE)
        {
            return;
        }
        disown(slot);
        final int status = startServer(slot, slot.serverIndex + 1, nowNs);
        if (status != NetworkStatus.OK)
        {
            if (status == BAD_NAME)
            {
                slot.causes |= DnsQuerySlot.CAUSE_OTHER;
            }
            fail(slot, nowNs);
        }
    }

    private void onDatagram(final DnsQuerySlot slot, final InboundEvent event, final long nowNs)
    {
        if (event.remoteAddress() != serverAddresses[slot.serverIndex] ||
            event.remotePort() != serverPorts[slot.serverIndex])
        {
            counters.wrongSource++;
            return;
        }
        onMessage(slot, event.buffer(), 0, event.length(), false, nowNs);
    }

    private void onConnected(final DnsQuerySlot slot, final long nowNs)
    {
        if (slot.state != DnsQuerySlot.TCP_CONNECTING)
        {
            counters.stray++;
            return;
        }
        slot.state = DnsQuerySlot.TCP_WAIT;
        slot.query.putShort(0, (short)slot.queryLength, ByteOrder.BIG_ENDIAN);
        final int status = network.send(
            slot.handle, 0, 0, slot.query, 0, DnsQuerySlot.LENGTH_PREFIX + slot.queryLength);
        if (status < 0)
        {
            counters.sendFailures++;
            nextServer(slot, nowNs);
        }
    }

    private void onStreamData(final DnsQuerySlot slot, final InboundEvent event, final long nowNs)
    {
        final int length = event.length();
        if (slot.state != DnsQuerySlot.TCP_WAIT || slot.streamLength + length > slot.stream.capacity())
        {
            counters.malformed++;
            slot.causes |= DnsQuerySlot.CAUSE_MALFORMED;
            nextServer(slot, nowNs);
            return;
        }
        slot.stream.putBytes(slot.streamLength, event.buffer(), 0, length);
        slot.streamLength += length;
        final int generation = slot.generation;
        while (slot.generation == generation && slot.state == DnsQuerySlot.TCP_WAIT &&
            slot.streamLength >= DnsQuerySlot.LENGTH_PREFIX)
        {
            final int messageLength = slot.stream.getShort(0, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int frameLength = DnsQuerySlot.LENGTH_PREFIX + messageLength;
            if (slot.streamLength < frameLength)
            {
                return;
            }
            onMessage(slot, slot.stream, DnsQuerySlot.LENGTH_PREFIX, messageLength, true, nowNs);
            if (slot.generation == generation && slot.state == DnsQuerySlot.TCP_WAIT)
            {
                slot.stream.putBytes(0, slot.stream, frameLength, slot.streamLength - frameLength);
                slot.streamLength -= frameLength;
            }
        }
    }

    /**
     * One whole message from the slot's server: check it, then act on its header.
     */
    private void onMessage(
        final DnsQuerySlot slot,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final boolean overTcp,
        final long nowNs)
    {
        if (decoder.wrap(buffer, offset, length) != DnsDecodeStatus.OK)
        {
            counters.malformed++;
            slot.causes |= DnsQuerySlot.CAUSE_MALFORMED;
            if (overTcp)
            {
                nextServer(slot, nowNs);
            }
            return;
        }
        if (!matches(slot))
        {
            counters.stray++;
            return;
        }
        if (decoder.isTruncated() && !overTcp)
        {
            switchToTcp(slot, nowNs);
            return;
        }
        final int rcode = decoder.rcode();
        if (rcode == DnsRcode.NOERROR || rcode == DnsRcode.NXDOMAIN)
        {
            onAnswer(slot, rcode, nowNs);
            return;
        }
        counters.errorAnswers++;
        slot.causes |= rcode == DnsRcode.SERVFAIL ? DnsQuerySlot.CAUSE_SERVER_FAILURE :
            rcode == DnsRcode.REFUSED ? DnsQuerySlot.CAUSE_REFUSED : DnsQuerySlot.CAUSE_OTHER;
        nextServer(slot, nowNs);
    }

    private boolean matches(final DnsQuerySlot slot)
    {
        return decoder.isResponse() && decoder.id() == slot.id && decoder.questionCount() >= 1 &&
            decoder.questionType() == slot.type && decoder.questionName(questionName) &&
            questionName.contentEquals(slot.name);
    }

    private void switchToTcp(final DnsQuerySlot slot, final long nowNs)
    {
        counters.tcpFallbacks++;
        disown(slot);
        final int handle =
            network.connect(Transport.TCP, serverAddresses[slot.serverIndex], serverPorts[slot.serverIndex], null);
        if (handle < 0)
        {
            counters.openFailures++;
            nextServer(slot, nowNs);
            return;
        }
        own(slot, handle);
        slot.state = DnsQuerySlot.TCP_CONNECTING;
        slot.streamLength = 0;
        schedule(slot, nowNs);
    }

    /**
     * A matched NOERROR or NXDOMAIN answer: follow CNAMEs, then records, a negative answer or the next hop.
     */
    private void onAnswer(final DnsQuerySlot slot, final int rcode, final long nowNs)
    {
        final int followed = reader.followChain(decoder, slot);
        if (followed < 0)
        {
            counters.cnameFailures++;
            slot.causes |= DnsQuerySlot.CAUSE_OTHER;
            fail(slot, nowNs);
            return;
        }
        if (rcode == DnsRcode.NOERROR && reader.countAnswer(decoder, slot) > 0)
        {
            reader.deliverAnswer(decoder, slot, slot.token, slot.handler);
            reader.deliverAdditional(decoder, slot.token, slot.handler);
            for (int i = 0; i < slot.followerCount; i++)
            {
                reader.deliverAnswer(decoder, slot, slot.followerTokens[i], slot.followerHandlers[i]);
                reader.deliverAdditional(decoder, slot.followerTokens[i], slot.followerHandlers[i]);
            }
            end(slot, ANSWERED, 0, nowNs);
            return;
        }
        final int negativeTtlS = reader.negativeTtlS(decoder);
        if (rcode == DnsRcode.NOERROR && followed > 0 && negativeTtlS < 0)
        {
            requery(slot, nowNs);
            return;
        }
        end(slot, NO_RECORDS, negativeTtlS, nowNs);
    }

    /**
     * The answer held only a CNAME: ask for the target, same token, starting with the server that answered.
     */
    private void requery(final DnsQuerySlot slot, final long nowNs)
    {
        counters.cnameRequeries++;
        disown(slot);
        slot.causes = 0;
        final int status = startServer(slot, slot.serverIndex, nowNs);
        if (status != NetworkStatus.OK)
        {
            slot.causes |= DnsQuerySlot.CAUSE_OTHER;
            fail(slot, nowNs);
        }
    }

    private void fail(final DnsQuerySlot slot, final long nowNs)
    {
        final int causes = slot.causes;
        final int cause = (causes & DnsQuerySlot.CAUSE_SERVER_FAILURE) != 0 ? DnsFailure.SERVER_FAILURE :
            (causes & DnsQuerySlot.CAUSE_REFUSED) != 0 ? DnsFailure.REFUSED :
            (causes & DnsQuerySlot.CAUSE_MALFORMED) != 0 ? DnsFailure.MALFORMED :
            (causes & DnsQuerySlot.CAUSE_OTHER) != 0 ? DnsFailure.OTHER : DnsFailure.TIMEOUT;
        end(slot, FAILED, cause, nowNs);
    }

    /**
     * Free the slot, then tell the asker and every question that joined it, in the order they asked. Tokens and
     * handlers are copied out first: a handler may ask a new question at once, which may take this very slot. Room:
     * one full slot's askers per slot of the table, as deep as endings can nest (a handler's new question can only
     * end at once when its name cannot be encoded).
     */
    private void end(final DnsQuerySlot slot, final int outcome, final int value, final long nowNs)
    {
        final int base = endTop;
        endTokens[endTop] = slot.token;
        endHandlers[endTop++] = slot.handler;
        for (int i = 0; i < slot.followerCount; i++)
        {
            endTokens[endTop] = slot.followerTokens[i];
            endHandlers[endTop++] = slot.followerHandlers[i];
        }
        final int top = endTop;
        release(slot);
        for (int i = base; i < top; i++)
        {
            final DnsAnswerHandler handler = endHandlers[i];
            endHandlers[i] = null;
            if (outcome == ANSWERED)
            {
                counters.answers++;
                handler.onAnswerEnd(endTokens[i], nowNs);
            }
            else if (outcome == NO_RECORDS)
            {
                counters.noRecords++;
                handler.onNoRecords(endTokens[i], value, nowNs);
            }
            else
            {
                counters.failures++;
                handler.onFailure(endTokens[i], value, nowNs);
            }
        }
        endTop = base;
    }

    private void own(final DnsQuerySlot slot, final int handle)
    {
        slot.handle = handle;
        router.route(handle, slot);
    }

    private void disown(final DnsQuerySlot slot)
    {
        timers.cancel(slot.timer);
        if (slot.handle != DnsQuerySlot.NO_HANDLE)
        {
            router.unroute(slot.handle);
            network.close(slot.handle);
            slot.handle = DnsQuerySlot.NO_HANDLE;
        }
        slot.streamLength = 0;
    }

    private void release(final DnsQuerySlot slot)
    {
        disown(slot);
        slot.free();
    }
}
