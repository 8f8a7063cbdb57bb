package org.sipredundancy.core.dns.client;

import org.agrona.concurrent.NanoClock;
import org.sipredundancy.core.dns.DnsAnswerHandler;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.InboundRouter;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.RandomSource;

import java.util.Arrays;

/**
 * Fluent set-up of a {@link DnsClient}: where it runs (network, timers, router, clock of one duty cycle), whom it
 * asks (the DNS servers, in order) and how patiently (time-out per try, tries per server, R-DNS-9). Start-up only:
 * it allocates. Call {@link #conclude()} (the client does) to check it.
 */
public final class DnsClientContext
{
    /** Time-out of one try: 2 seconds. */
    public static final long DEFAULT_TRY_TIMEOUT_NS = 2_000_000_000L;
    /** Tries per server before the next server is asked. */
    public static final int DEFAULT_TRIES_PER_SERVER = 2;
    /** Questions in flight at once. */
    public static final int DEFAULT_QUERY_CAPACITY = 16;
    /** Most CNAMEs followed for one question. */
    public static final int DEFAULT_MAX_CNAME_HOPS = 8;
    /** Largest answer taken over TCP, in octets (the most a 2-octet length prefix can say). */
    public static final int DEFAULT_TCP_MESSAGE_CAPACITY = 65535;
    /** The DNS port. */
    public static final int DNS_PORT = 53;

    private Network network;
    private TimerService timers;
    private InboundRouter router;
    private NanoClock nanoClock;
    private RandomSource random;
    private DnsAnswerHandler handler;
    private int[] serverAddresses = new int[0];
    private int[] serverPorts = new int[0];
    private int localAddress = Ipv4.ANY;
    private long tryTimeoutNs = DEFAULT_TRY_TIMEOUT_NS;
    private int triesPerServer = DEFAULT_TRIES_PER_SERVER;
    private int queryCapacity = DEFAULT_QUERY_CAPACITY;
    private int maxCnameHops = DEFAULT_MAX_CNAME_HOPS;
    private int tcpMessageCapacity = DEFAULT_TCP_MESSAGE_CAPACITY;
    private boolean connectedUdp = true;

    /**
     * Check that everything needed is set and in range.
     *
     * @return this.
     * @throws IllegalStateException when something is missing or out of range.
     */
    public DnsClientContext conclude()
    {
        if (network == null || timers == null || router == null || nanoClock == null || random == null)
        {
            throw new IllegalStateException("network, timers, router, nanoClock and random are required");
        }
        if (tryTimeoutNs <= 0 || triesPerServer < 1 || queryCapacity < 1 || maxCnameHops < 0 ||
            tcpMessageCapacity < 512 || tcpMessageCapacity > DEFAULT_TCP_MESSAGE_CAPACITY)
        {
            throw new IllegalStateException("out of range: tryTimeoutNs=" + tryTimeoutNs + ", triesPerServer=" +
                triesPerServer + ", queryCapacity=" + queryCapacity + ", maxCnameHops=" + maxCnameHops +
                ", tcpMessageCapacity=" + tcpMessageCapacity);
        }
        return this;
    }

    /**
     * Run on a duty cycle: its timers, its router and its time (read once per cycle).
     *
     * @param dutyCycle the phone's duty cycle.
     * @return this.
     */
    public DnsClientContext dutyCycle(final DutyCycle dutyCycle)
    {
        timers = dutyCycle.timers();
        router = dutyCycle.router();
        nanoClock = dutyCycle::nowNs;
        return this;
    }

    /**
     * @param network the device's network port.
     * @return this.
     */
    public DnsClientContext network(final Network network)
    {
        this.network = network;
        return this;
    }

    /**
     * @param timers the duty cycle's timers; the client makes one timer per question slot at start-up.
     * @return this.
     */
    public DnsClientContext timers(final TimerService timers)
    {
        this.timers = timers;
        return this;
    }

    /**
     * @param router the duty cycle's router; the client routes the endpoints it opens to itself.
     * @return this.
     */
    public DnsClientContext router(final InboundRouter router)
    {
        this.router = router;
        return this;
    }

    /**
     * @param nanoClock the time a question is asked at, for its first time-out (the duty cycle's {@code nowNs}).
     * @return this.
     */
    public DnsClientContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * @param random the injected seeded source of query ids (R-RT-3).
     * @return this.
     */
    public DnsClientContext random(final RandomSource random)
    {
        this.random = random;
        return this;
    }

    /**
     * @param handler told outcomes of questions whose locator id has no handler of its own; may be null.
     * @return this.
     */
    public DnsClientContext handler(final DnsAnswerHandler handler)
    {
        this.handler = handler;
        return this;
    }

    /**
     * Add a DNS server; servers are asked in the order added.
     *
     * @param address the server's IPv4 address.
     * @param port    its port, usually {@link #DNS_PORT}.
     * @return this.
     */
    public DnsClientContext server(final int address, final int port)
    {
        serverAddresses = Arrays.copyOf(serverAddresses, serverAddresses.length + 1);
        serverPorts = Arrays.copyOf(serverPorts, serverPorts.length + 1);
        serverAddresses[serverAddresses.length - 1] = address;
        serverPorts[serverPorts.length - 1] = port;
        return this;
    }

    /**
     * @param localAddress the local address endpoints bind to, {@link Ipv4#ANY} by default.
     * @return this.
     */
    public DnsClientContext localAddress(final int localAddress)
    {
        this.localAddress = localAddress;
        return this;
    }

    /**
     * @param tryTimeoutNs how long one try waits for its answer.
     * @return this.
     */
    public DnsClientContext tryTimeoutNs(final long tryTimeoutNs)
    {
        this.tryTimeoutNs = tryTimeoutNs;
        return this;
    }

    /**
     * @param triesPerServer how many times a question goes to one server over UDP before the next server.
     * @return this.
     */
    public DnsClientContext triesPerServer(final int triesPerServer)
    {
        this.triesPerServer = triesPerServer;
        return this;
    }

    /**
     * @param queryCapacity most questions in flight at once; past it {@link DnsClient#query} refuses.
     * @return this.
     */
    public DnsClientContext queryCapacity(final int queryCapacity)
    {
        this.queryCapacity = queryCapacity;
        return this;
    }

    /**
     * @param maxCnameHops most CNAMEs followed for one question.
     * @return this.
     */
    public DnsClientContext maxCnameHops(final int maxCnameHops)
    {
        this.maxCnameHops = maxCnameHops;
        return this;
    }

    /**
     * @param tcpMessageCapacity largest answer taken over TCP, 512 to 65535 octets; one buffer per slot.
     * @return this.
     */
    public DnsClientContext tcpMessageCapacity(final int tcpMessageCapacity)
    {
        this.tcpMessageCapacity = tcpMessageCapacity;
        return this;
    }

    /**
     * Whether each try uses a UDP endpoint connected to the server (the default): the host then reports ICMP
     * unreachable, so a dead server is left at once, and drops datagrams from other sources before the client
     * sees them. Unconnected endpoints see everything, and the client's own source check counts the strays.
     *
     * @param connectedUdp true for connected endpoints.
     * @return this.
     */
    public DnsClientContext connectedUdp(final boolean connectedUdp)
    {
        this.connectedUdp = connectedUdp;
        return this;
    }

    Network network()
    {
        return network;
    }

    TimerService timers()
    {
        return timers;
    }

    InboundRouter router()
    {
        return router;
    }

    NanoClock nanoClock()
    {
        return nanoClock;
    }

    RandomSource random()
    {
        return random;
    }

    DnsAnswerHandler handler()
    {
        return handler;
    }

    int[] serverAddresses()
    {
        return serverAddresses.clone();
    }

    int[] serverPorts()
    {
        return serverPorts.clone();
    }

    int localAddress()
    {
        return localAddress;
    }

    long tryTimeoutNs()
    {
        return tryTimeoutNs;
    }

    int triesPerServer()
    {
        return triesPerServer;
    }

    int queryCapacity()
    {
        return queryCapacity;
    }

    int maxCnameHops()
    {
        return maxCnameHops;
    }

    int tcpMessageCapacity()
    {
        return tcpMessageCapacity;
    }

    boolean connectedUdp()
    {
        return connectedUdp;
    }
}
