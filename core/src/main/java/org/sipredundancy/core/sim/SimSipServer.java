package org.sipredundancy.core.sim;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipHeaderName;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.core.sip.wire.SipResponseEncoder;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.sim.SimClock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated SIP registrar and peer (SPEC R-SIP-3..6, R-RT-4): a host of the simulation's network that answers on
 * UDP and TCP at one address and port, so every test of the phone's SIP stack runs deterministically in virtual
 * time. It challenges REGISTERs with digest (MD5, MD5-sess, SHA-256; nonce reuse with a growing nc, stale nonces
 * after a lifetime), enforces Min-Expires (423) and a maximum grant, keeps bindings that run out in virtual time,
 * and answers OPTIONS, INVITE (100, 180, 200 with SDP, or a set final status), ACK, BYE, CANCEL (200 and 487) and
 * SUBSCRIBE; other methods draw 501. The far end of calls — hanging up from there, calling the phone — is
 * {@link #calls()}, NOTIFYs {@link #notifier()}.
 * <p>
 * A test sets a {@link SimSipFault} for the next N requests or for ever: silence, 503 with Retry-After, a
 * rejection, or slow answers. Retransmissions of a request already answered draw the stored response again, so
 * a slow answer never makes a double registration. Every message in and out is recorded as a {@link SimSipEvent}
 * for {@link #ladder()} and {@link #ladderText()}. Garbage never throws: it is counted and dropped, or answered 400
 * when the request line parses. Randomness (nonces, tags) comes only from {@link Simulation#randomFor(int)}.
 * Simulation only: it allocates per message. Not thread safe.
 */
public final class SimSipServer implements SimNode, InboundEventHandler
{
    /** The default SIP port. */
    public static final int DEFAULT_PORT = 5060;

    private static final int RANDOM_STREAM_BASE = 0x5150_0000;
    private static final int MESSAGE_CAPACITY = 65535;
    private static final int MAX_TRANSACTIONS = 4096;
    private static final int MAX_LINE_SHOWN = 200;
    private static final int MAX_LADDER_EVENTS = 1_000_000;
    static final long DEFAULT_EXPIRES_S = 3600;
    private static final int UNLIMITED = -1;
    private static final String VERSION_SUFFIX = " SIP/2.0";
    private static final String VERSION_PREFIX = "SIP/2.0 ";

    private final InboundEventQueue queue = new InboundEventQueue(256, 8192);
    private final Simulation simulation;
    private final Network network;
    private final SimClock clock;
    private final int address;
    private final int port;
    private final String host;
    private final RandomSource random;
    private final SimRegistrar registrar;
    private final int udpHandle;
    private final int tcpListener;
    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final SipResponseEncoder encoder = new SipResponseEncoder();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[MESSAGE_CAPACITY]);
    private final Int2ObjectHashMap<SimSipStream> streams = new Int2ObjectHashMap<>();
    private final SimTransactions transactions = new SimTransactions(MAX_TRANSACTIONS);
    private final List<SimSipEvent> ladder = new ArrayList<>();
    private int ladderCapacity = MAX_LADDER_EVENTS;
    private final List<SimSubscription> subscriptions = new ArrayList<>();
    private final SimNotifier notifier;
    private final SimCalls calls;
    private SimSipFault fault = SimSipFault.NONE;
    private int faultsLeft = UNLIMITED;
    private long retryAfterS = 30;
    private int rejectStatus = 403;
    private long slowDelayNs = 2_000_000_000L;
    private long ringDelayNs;
    private long answerDelayNs = 1_000_000_000L;
    private int inviteStatus = 200;
    private long malformedCount;
    private int lastSourceAddress;
    private String lastSourceText;

    /**
     * Attach a server to the simulation's network, open UDP and a TCP listener at address:port, and add it to the
     * simulation as a node.
     *
     * @param simulation the simulation.
     * @param address    the server's IPv4 address.
     * @param port       its SIP port, usually {@link #DEFAULT_PORT}.
     */
    public SimSipServer(final Simulation simulation, final int address, final int port)
    {
        this.simulation = simulation;
        this.network = simulation.network().attach(address, queue);
        this.clock = simulation.clock();
        this.address = address;
        this.port = port;
        this.host = Ipv4.toString(address);
        this.random = simulation.randomFor(RANDOM_STREAM_BASE ^ address ^ port);
        this.registrar = new SimRegistrar(random, host);
        udpHandle = network.openUdp(address, port);
        tcpListener = network.listenTcp(address, port);
        if (udpHandle < 0 || tcpListener < 0)
        {
            throw new IllegalStateException("could not open the SIP server's endpoints");
        }
        final SimNotifier.Sender udp = (bytes, to, toPort) ->
            network.send(udpHandle, to, toPort, new UnsafeBuffer(bytes), 0, bytes.length);
        notifier = new SimNotifier(host, port, udp);
        calls = new SimCalls(host, port, udp, user -> bindings().stream()
            .filter(b -> b.user().equals(user) && b.expiresAtNs() > clock.nanoTime()).findFirst().orElse(null));
        simulation.add(this);
    }

    /**
     * Add an account the registrar accepts.
     *
     * @param user     the digest username (and the user part of the address of record).
     * @param password its password.
     * @return this.
     */
    public SimSipServer user(final String user, final String password)
    {
        registrar.user(user, password);
        return this;
    }

    /**
     * @param realm the digest realm offered in challenges; the default is the server's dotted address.
     * @return this.
     */
    public SimSipServer realm(final String realm)
    {
        registrar.realm = realm;
        return this;
    }

    /**
     * @param algorithm "MD5" (the default), "MD5-sess", "SHA-256" or "SHA-256-sess", offered in challenges and
     *                  required in answers.
     * @return this.
     */
    public SimSipServer algorithm(final String algorithm)
    {
        registrar.algorithm = algorithm;
        return this;
    }

    /**
     * @param requireAuth whether REGISTER must carry valid digest credentials (the default).
     * @return this.
     */
    public SimSipServer requireAuth(final boolean requireAuth)
    {
        registrar.requireAuth = requireAuth;
        return this;
    }

    /**
     * @param seconds how long a nonce is accepted (default 300 s virtual); after that a correct answer draws a 401
     *                with {@code stale=true}.
     * @return this.
     */
    public SimSipServer nonceLifetimeS(final long seconds)
    {
        registrar.nonceLifetimeS = seconds;
        return this;
    }

    /**
     * @param seconds the shortest expiry accepted; shorter (but not 0) draws 423 with Min-Expires. 0 for none.
     * @return this.
     */
    public SimSipServer minExpiresS(final long seconds)
    {
        registrar.minExpiresS = seconds;
        return this;
    }

    /**
     * @param seconds the longest expiry granted (the grant is the smaller of this and the request); 0 for no limit.
     * @return this.
     */
    public SimSipServer maxExpiresS(final long seconds)
    {
        registrar.maxExpiresS = seconds;
        return this;
    }

    /**
     * Misbehave from now on, until changed.
     *
     * @param fault the fault; {@link SimSipFault#NONE} to behave.
     * @return this.
     */
    public SimSipServer fault(final SimSipFault fault)
    {
        return fault(fault, UNLIMITED);
    }

    /**
     * Misbehave for the next requests (retransmissions of an answered request do not count), then behave.
     *
     * @param fault the fault.
     * @param count how many requests it applies to; -1 for ever.
     * @return this.
     */
    public SimSipServer fault(final SimSipFault fault, final int count)
    {
        this.fault = fault;
        this.faultsLeft = count;
        return this;
    }

    /**
     * @param seconds the Retry-After of {@link SimSipFault#SERVICE_UNAVAILABLE} answers (default 30).
     * @return this.
     */
    public SimSipServer retryAfterS(final long seconds)
    {
        this.retryAfterS = seconds;
        return this;
    }

    /**
     * @param status the final status of {@link SimSipFault#REJECT} answers (default 403).
     * @return this.
     */
    public SimSipServer rejectStatus(final int status)
    {
        this.rejectStatus = status;
        return this;
    }

    /**
     * @param events the most messages {@link #ladder()} keeps (default 1 000 000); 0 records none, for a benchmark
     *               of a fleet whose servers would otherwise keep every message of a day.
     * @return this.
     */
    public SimSipServer ladderCapacity(final int events)
    {
        ladderCapacity = Math.max(0, events);
        return this;
    }

    /**
     * @param delayNs how long {@link SimSipFault#SLOW} waits before handling a request (default 2 s).
     * @return this.
     */
    public SimSipServer slowDelayNs(final long delayNs)
    {
        this.slowDelayNs = delayNs;
        return this;
    }

    /**
     * @param delayNs time from an INVITE to its 180 Ringing (default 0).
     * @return this.
     */
    public SimSipServer ringDelayNs(final long delayNs)
    {
        this.ringDelayNs = delayNs;
        return this;
    }

    /**
     * @param delayNs time from an INVITE to its 200 OK (default 1 s).
     * @return this.
     */
    public SimSipServer answerDelayNs(final long delayNs)
    {
        this.answerDelayNs = delayNs;
        return this;
    }

    /**
     * @param status the final status of INVITEs: 200 (the default) rings then answers; anything else (e.g. 486) is
     *               sent right after 100 Trying.
     * @return this.
     */
    public SimSipServer inviteResponse(final int status)
    {
        this.inviteStatus = status;
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
     * @return the server's port.
     */
    public int port()
    {
        return port;
    }

    /**
     * @param user  the user part of an address of record.
     * @param nowNs a virtual time.
     * @return whether the user has a binding that has not run out at that time.
     */
    public boolean isRegistered(final String user, final long nowNs)
    {
        return registrar.isRegistered(user, nowNs);
    }

    /**
     * @return the bindings in force now, user by user, in the order each user first registered.
     */
    public List<SimBinding> bindings()
    {
        return registrar.bindings(clock.nanoTime());
    }

    /**
     * @param user the user part of an address of record.
     * @return how many REGISTERs for the user were accepted (200 OK), retransmissions not counted.
     */
    public int registerCount(final String user)
    {
        return registrar.registerCount(user);
    }

    /**
     * @return the server's notifier: set BLF and MWI states, see the NOTIFYs sent.
     */
    public SimNotifier notifier()
    {
        return notifier;
    }

    /**
     * @return the far end of calls: hang up answered calls, call a registered phone.
     */
    public SimCalls calls()
    {
        return calls;
    }

    /**
     * @return every SUBSCRIBE accepted, in order.
     */
    public List<SimSubscription> subscriptions()
    {
        return List.copyOf(subscriptions);
    }

    /**
     * @return messages that could not be decoded.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    /**
     * @return every message in and out, in order (the first million, so a long run cannot exhaust memory).
     */
    public List<SimSipEvent> ladder()
    {
        return List.copyOf(ladder);
    }

    /**
     * @return the ladder, one {@link SimSipEvent#line()} per line, each ending in a line feed.
     */
    public String ladderText()
    {
        final StringBuilder text = new StringBuilder();
        for (final SimSipEvent event : ladder)
        {
            text.append(event.line()).append('\n');
        }
        return text.toString();
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
                    onMessage(event.buffer(), 0, event.length(), event.remoteAddress(), event.remotePort(), -1);
                }
                break;
            case InboundEvent.CONNECTED:
                if (event.listenerHandle() == tcpListener)
                {
                    streams.put(event.handle(), new SimSipStream());
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
        final int handle = event.handle();
        final SimSipStream stream = streams.get(handle);
        if (stream == null)
        {
            return;
        }
        if (!stream.append(event.buffer(), event.length()))
        {
            malformedCount++;
            dropStream(handle);
            return;
        }
        while (true)
        {
            stream.skipLineEnds();
            if (stream.length() == 0)
            {
                return;
            }
            final int status = decoder.wrap(stream.buffer(), 0, stream.length(), true);
            if (status == SipDecodeStatus.NO_START_LINE || status == SipDecodeStatus.NO_END_OF_HEADERS ||
                status == SipDecodeStatus.CONTENT_LENGTH_PAST_END)
            {
                return;
            }
            if (status != SipDecodeStatus.OK)
            {
                onMessage(stream.buffer(), 0, stream.length(), event.remoteAddress(), event.remotePort(), handle);
                dropStream(handle);
                return;
            }
            final int length = decoder.messageLength();
            onMessage(stream.buffer(), 0, length, event.remoteAddress(), event.remotePort(), handle);
            stream.consume(length);
        }
    }

    private void dropStream(final int handle)
    {
        streams.remove(handle);
        network.close(handle);
    }

    private void onMessage(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int remoteAddress,
        final int remotePort,
        final int tcpHandle)
    {
        final int transport = tcpHandle >= 0 ? Transport.TCP : Transport.UDP;
        final int status = decoder.wrap(buffer, offset, length, tcpHandle >= 0);
        if (status != SipDecodeStatus.OK)
        {
            malformedCount++;
            record(SimSipEvent.Direction.IN, remoteAddress, remotePort, transport, buffer, offset, length, false);
            if (decoder.isRequest() && decoder.method() != SipMethod.ACK &&
                decoder.findHeader(SipHeaderName.VIA) >= 0 && decoder.findHeader(SipHeaderName.CSEQ) >= 0)
            {
                final SimSipTransaction tx = new SimSipTransaction(
                    new byte[0], remoteAddress, remotePort, tcpHandle, newTag());
                respond(tx, 400, "Bad Request");
            }
            return;
        }
        record(SimSipEvent.Direction.IN, remoteAddress, remotePort, transport, buffer, offset, length, true);
        if (!decoder.isRequest())
        {
            calls.onResponse(decoder);
            return;
        }
        if (decoder.method() == SipMethod.ACK)
        {
            return;
        }
        transactions.keyOf(decoder, view);
        final SimSipTransaction existing = transactions.find();
        if (existing != null)
        {
            if (existing.lastResponse != null)
            {
                resend(existing);
            }
            return;
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        final SimSipTransaction tx = new SimSipTransaction(copy, remoteAddress, remotePort, tcpHandle, newTag());
        transactions.remember(tx);
        applyFault(tx);
    }

    private void applyFault(final SimSipTransaction tx)
    {
        final SimSipFault current = takeFault();
        switch (current)
        {
            case SILENT:
                transactions.forget(tx);
                break;
            case SERVICE_UNAVAILABLE:
                encoder.retryAfterS(retryAfterS);
                respond(tx, 503, "Service Unavailable");
                break;
            case REJECT:
                respond(tx, rejectStatus, reason(rejectStatus));
                break;
            case SLOW:
                simulation.at(clock.nanoTime() + slowDelayNs, () -> handleLater(tx));
                break;
            default:
                handle(tx);
                break;
        }
    }

    /** A request handled after a delay: the decoder must read it again, from the transaction's copy. */
    private void handleLater(final SimSipTransaction tx)
    {
        if (wrap(tx) == SipDecodeStatus.OK)
        {
            handle(tx);
        }
    }

    /** The request the decoder is wrapped around (at once: still the received bytes, read once). */
    private void handle(final SimSipTransaction tx)
    {
        switch (decoder.method())
        {
            case SipMethod.REGISTER:
                onRegister(tx);
                break;
            case SipMethod.BYE:
                calls.onBye(callId());
                respond(tx, 200, "OK");
                break;
            case SipMethod.OPTIONS:
                respond(tx, 200, "OK");
                break;
            case SipMethod.INVITE:
                onInvite(tx);
                break;
            case SipMethod.CANCEL:
                onCancel(tx);
                break;
            case SipMethod.SUBSCRIBE:
                onSubscribe(tx);
                break;
            default:
                respond(tx, 501, "Not Implemented");
                break;
        }
    }

    private void onRegister(final SimSipTransaction tx)
    {
        final int authHeader = decoder.findHeader("Authorization");
        if (authHeader >= 0)
        {
            registrar.credentials(decoder.buffer(), decoder.headerValueIndex(authHeader),
                decoder.headerValueLength(authHeader));
        }
        final SimRegistrar.Outcome challenge = registrar.authorize(authHeader >= 0, clock.nanoTime());
        final SimRegistrar.Outcome outcome = challenge != null ? challenge : bind(tx);
        if (outcome.wwwAuthenticate != null)
        {
            extraHeaders("WWW-Authenticate: " + outcome.wwwAuthenticate + "\r\n");
        }
        else if (outcome.contactLines.length() > 0)
        {
            extraHeaders(outcome.contactLines.toString());
        }
        encoder.minExpiresS(outcome.minExpiresS);
        respond(tx, outcome.status, outcome.reason);
    }

    /** The bindings of an authorized REGISTER: its Contacts and where it came from. */
    private SimRegistrar.Outcome bind(final SimSipTransaction tx)
    {
        final List<String> contacts = new ArrayList<>();
        final List<Long> requested = new ArrayList<>();
        final long headerExpires = decoder.expiresS();
        for (int h = decoder.findHeader(SipHeaderName.CONTACT); h >= 0;
            h = decoder.findHeader(SipHeaderName.CONTACT, h + 1))
        {
            for (int e = 0, n = decoder.elementCount(h); e < n; e++)
            {
                decoder.element(h, e, view);
                SimRegistrar.addContact(view.toString(), headerExpires, contacts, requested);
            }
        }
        final SimBinding template = new SimBinding(
            "", "", 0, tx.remoteAddress, tx.remotePort, callId(), decoder.cseqNumber());
        return registrar.bind(toUser(), contacts, requested, template, clock.nanoTime());
    }

    private void onInvite(final SimSipTransaction tx)
    {
        respond(tx, 100, "Trying");
        if (inviteStatus != 200)
        {
            wrap(tx);
            respond(tx, inviteStatus, reason(inviteStatus));
            return;
        }
        if (ringDelayNs <= 0)
        {
            wrap(tx);
            respond(tx, 180, "Ringing");
        }
        else
        {
            simulation.at(clock.nanoTime() + ringDelayNs, () -> provisional(tx));
        }
        simulation.at(clock.nanoTime() + answerDelayNs, () -> answer(tx));
    }

    private void provisional(final SimSipTransaction tx)
    {
        if (!tx.finalSent && wrap(tx) == SipDecodeStatus.OK)
        {
            respond(tx, 180, "Ringing");
        }
    }

    private void answer(final SimSipTransaction tx)
    {
        if (tx.finalSent || wrap(tx) != SipDecodeStatus.OK)
        {
            return;
        }
        final String sdp = "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        final byte[] body = sdp.getBytes(StandardCharsets.US_ASCII);
        encoder.contact("sip:" + host + ":" + port).body("application/sdp", new UnsafeBuffer(body), 0, body.length);
        respond(tx, 200, "OK");
        calls.onAnswered(decoder, tx.toTag, tx.remoteAddress, tx.remotePort);
    }

    private void onCancel(final SimSipTransaction tx)
    {
        decoder.topViaBranch(view);
        transactions.inviteKey(view);
        final SimSipTransaction invite = transactions.find();
        if (invite == null)
        {
            respond(tx, 481, "Call/Transaction Does Not Exist");
            return;
        }
        respond(tx, 200, "OK");
        if (!invite.finalSent && wrap(invite) == SipDecodeStatus.OK)
        {
            respond(invite, 487, "Request Terminated");
        }
    }

    private void onSubscribe(final SimSipTransaction tx)
    {
        final long requested = decoder.expiresS();
        final long expires = requested >= 0 ? requested : DEFAULT_EXPIRES_S;
        final int eventHeader = decoder.findHeader("Event");
        String event = "";
        if (eventHeader >= 0)
        {
            decoder.headerValue(eventHeader, view);
            event = view.toString();
        }
        subscriptions.add(new SimSubscription(clock.nanoTime(), event, callId(), expires));
        extraHeaders("Expires: " + expires + "\r\n");
        encoder.contact("sip:" + host + ":" + port);
        respond(tx, 200, "OK");
        final String subscriberTag = decoder.fromTag(view) ? view.toString() : "";
        notifier.onSubscribe(callId(), event, toUser(), subscriberTag, tx.toTag, tx.remoteAddress, tx.remotePort,
            expires, clock.nanoTime());
    }

    /** Write a response to the request the decoder is wrapped around, send it and remember it; clears options. */
    private void respond(final SimSipTransaction tx, final int status, final String reason)
    {
        encoder.source(sourceText(tx.remoteAddress), tx.remotePort);
        final int length = encoder.encode(decoder, status, reason, status == 100 ? "" : tx.toTag, out, 0,
            MESSAGE_CAPACITY);
        encoder.clearOptional();
        if (length < 0)
        {
            return;
        }
        final byte[] response = new byte[length];
        out.getBytes(0, response);
        tx.lastResponse = response;
        if (status >= 200)
        {
            tx.finalSent = true;
        }
        transmit(tx, out, length);
        record(SimSipEvent.Direction.OUT, tx.remoteAddress, tx.remotePort, tx.tcp() ? Transport.TCP : Transport.UDP,
            out, 0, length, true);
    }

    /** The text of the address answered, made again only when it changes (a phone's accounts answer in a row). */
    private String sourceText(final int remoteAddress)
    {
        if (remoteAddress != lastSourceAddress || lastSourceText == null)
        {
            lastSourceAddress = remoteAddress;
            lastSourceText = Ipv4.toString(remoteAddress);
        }
        return lastSourceText;
    }

    private void resend(final SimSipTransaction tx)
    {
        final UnsafeBuffer bytes = new UnsafeBuffer(tx.lastResponse);
        transmit(tx, bytes, tx.lastResponse.length);
        record(SimSipEvent.Direction.OUT, tx.remoteAddress, tx.remotePort, tx.tcp() ? Transport.TCP : Transport.UDP,
            bytes, 0, tx.lastResponse.length, true);
    }

    private void transmit(final SimSipTransaction tx, final DirectBuffer bytes, final int length)
    {
        if (tx.tcp())
        {
            network.send(tx.tcpHandle, 0, 0, bytes, 0, length);
        }
        else
        {
            network.send(udpHandle, tx.remoteAddress, tx.remotePort, bytes, 0, length);
        }
    }

    private int wrap(final SimSipTransaction tx)
    {
        return decoder.wrap(new UnsafeBuffer(tx.request), 0, tx.request.length, tx.tcp());
    }

    private String callId()
    {
        decoder.callId(view);
        return view.toString();
    }

    private String toUser()
    {
        final int to = decoder.findHeader(SipHeaderName.TO);
        if (to < 0)
        {
            return "";
        }
        decoder.headerValue(to, view);
        final String value = view.toString();
        final int scheme = value.indexOf("sip:") >= 0 ? value.indexOf("sip:") + 4 :
            value.indexOf("sips:") >= 0 ? value.indexOf("sips:") + 5 : -1;
        final int at = scheme >= 0 ? value.indexOf('@', scheme) : -1;
        return at > scheme ? value.substring(scheme, at) : "";
    }

    private void extraHeaders(final String lines)
    {
        final byte[] bytes = lines.getBytes(StandardCharsets.US_ASCII);
        encoder.extraHeaders(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private String newTag()
    {
        return Long.toHexString(random.nextLong());
    }

    private SimSipFault takeFault()
    {
        final SimSipFault current = fault;
        if (faultsLeft > 0 && --faultsLeft == 0)
        {
            fault = SimSipFault.NONE;
        }
        return current;
    }

    /** A ladder line; its text is made only while the ladder has room, so a full or disabled one costs nothing. */
    private void record(
        final SimSipEvent.Direction direction,
        final int remoteAddress,
        final int remotePort,
        final int transport,
        final DirectBuffer message,
        final int offset,
        final int length,
        final boolean decoded)
    {
        if (ladder.size() >= ladderCapacity)
        {
            return;
        }
        ladder.add(new SimSipEvent(clock.nanoTime(), direction, address, port, remoteAddress, remotePort, transport,
            firstLine(message, offset, length), decoded ? decoder.cseqNumber() : -1, decoded ? callId() : ""));
    }

    private static String firstLine(final DirectBuffer buffer, final int offset, final int length)
    {
        final StringBuilder line = new StringBuilder();
        for (int i = offset, end = offset + Math.min(length, MAX_LINE_SHOWN); i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b == '\r' || b == '\n')
            {
                break;
            }
            line.append(b >= 0x20 && b < 0x7F ? (char)b : '.');
        }
        final String text = line.toString();
        if (text.endsWith(VERSION_SUFFIX))
        {
            return text.substring(0, text.length() - VERSION_SUFFIX.length());
        }
        return text.startsWith(VERSION_PREFIX) ? text.substring(VERSION_PREFIX.length()) : text;
    }

    private static String reason(final int status)
    {
        switch (status)
        {
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 480:
                return "Temporarily Unavailable";
            case 486:
                return "Busy Here";
            case 500:
                return "Server Internal Error";
            case 503:
                return "Service Unavailable";
            case 603:
                return "Decline";
            default:
                return "Failure";
        }
    }
}
