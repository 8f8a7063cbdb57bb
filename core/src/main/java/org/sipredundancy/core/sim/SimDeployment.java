package org.sipredundancy.core.sim;

import org.sipredundancy.core.account.Account;
import org.sipredundancy.core.account.AccountEventText;
import org.sipredundancy.core.account.Phone;
import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.DnsARecord;
import org.sipredundancy.core.config.OutboundProxyConfig;
import org.sipredundancy.core.config.ProvisioningConfig;
import org.sipredundancy.core.config.SipServerConfig;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.KeyEventPublisher;
import org.sipredundancy.hal.sim.DeadHostBehaviour;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimHostNetwork;
import org.sipredundancy.hal.sim.SimNetworkContext;
import org.sipredundancy.hal.sim.SimTrace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A phone and the servers of its provisioning file in one deterministic simulation (SPEC R-RT-4): a
 * {@link SimSipServer} at every address the configuration names or its DNS zone resolves to, each knowing every
 * account's credentials; a {@link SimDnsServer} serving the zone; the {@link Phone} on its own duty cycle; the
 * SIP ladder seen on the wire and the event stream in words. What the scenario tests, the {@code demo} and
 * {@code simulate} commands drive. Links are 5 ms each way.
 */
public final class SimDeployment
{
    /** The phone's address. */
    public static final int PHONE = (int)Ipv4.parse("10.0.0.2");
    /** The DNS server's address. */
    public static final int DNS = (int)Ipv4.parse("10.0.0.53");
    /** One-way latency of every link. */
    public static final long LATENCY_NS = 5_000_000L;

    private final Simulation simulation;
    private final SipLadderTrace ladder;
    private final Map<Integer, SimSipServer> servers = new TreeMap<>(Integer::compareUnsigned);
    private final SimDnsServer dns;
    private final Phone phone;
    private final DutyCycle dutyCycle;
    private final List<String> events = new ArrayList<>();
    private final KeyEventPublisher keys;

    /**
     * @param config the provisioning configuration.
     * @param zone   the DNS zone the servers' names resolve in; may be empty when every server is a literal.
     * @param seed   the simulation's seed.
     * @param extra  a trace that also sees every packet (a pcap writer), or {@link SimTrace#NONE}.
     */
    public SimDeployment(final ProvisioningConfig config, final SimDnsZone zone, final long seed, final SimTrace extra)
    {
        ladder = new SipLadderTrace(PHONE, extra);
        simulation = new Simulation(seed, new SimNetworkContext()
            .defaultLink(LinkProfile.latency(LATENCY_NS)).trace(ladder));
        dns = new SimDnsServer(simulation, DNS, zone);
        for (final int address : zone.addresses())
        {
            server(address, config);
        }
        for (final DnsARecord record : config.staticDnsCache().aRecords())
        {
            final long address = Ipv4.parse(record.ip());
            if (address != Ipv4.INVALID)
            {
                server((int)address, config);
            }
        }
        for (final AccountConfig account : config.accounts())
        {
            for (final SipServerConfig server : account.sipServers())
            {
                literal(server.address(), config);
            }
            for (final OutboundProxyConfig proxy : account.outboundProxy().proxies())
            {
                literal(proxy.address(), config);
            }
        }
        final InboundEventQueue inbound = new InboundEventQueue(1024, 4096);
        keys = new KeyEventPublisher(inbound);
        final SimHostNetwork network = simulation.network().attach(PHONE, inbound);
        dutyCycle = new DutyCycle(new DutyCycleContext().nanoClock(simulation.clock()).inbound(inbound));
        phone = new Phone(config, dutyCycle, network, PHONE, simulation.randomFor(1),
            new int[][]{{DNS, SimDnsServer.PORT}}, new AccountEventText(events::add, false));
        simulation.add(new DutyCycleNode(dutyCycle));
    }

    private void literal(final String host, final ProvisioningConfig config)
    {
        final long literal = Ipv4.parse(host);
        if (literal != Ipv4.INVALID)
        {
            server((int)literal, config);
        }
    }

    private void server(final int address, final ProvisioningConfig config)
    {
        if (servers.containsKey(address))
        {
            return;
        }
        final SimSipServer server = new SimSipServer(simulation, address, SimSipServer.DEFAULT_PORT);
        for (final AccountConfig account : config.accounts())
        {
            if (!account.userName().isEmpty())
            {
                server.user(account.userName(), account.password());
            }
        }
        servers.put(address, server);
    }

    /**
     * Boot the phone: every account starts registering now.
     */
    public void start()
    {
        phone.start(nowNs());
    }

    /**
     * Run the simulation for a stretch of virtual time.
     *
     * @param duration how long.
     */
    public void runFor(final Duration duration)
    {
        simulation.runFor(duration);
    }

    /**
     * Make a server's host go dead: it drops everything (no ICMP), as a crashed or unplugged server does.
     *
     * @param address the server's IPv4 address.
     */
    public void kill(final int address)
    {
        kill(address, DeadHostBehaviour.SILENT);
    }

    /**
     * Make a host go dead.
     *
     * @param address   its IPv4 address.
     * @param behaviour what the network does with packets for it.
     */
    public void kill(final int address, final DeadHostBehaviour behaviour)
    {
        simulation.network().kill(address, behaviour);
    }

    /**
     * Bring a dead host back (a server keeps its bindings, as a registrar with persistent storage does).
     *
     * @param address its IPv4 address.
     */
    public void revive(final int address)
    {
        simulation.network().revive(address);
    }

    /**
     * Place a call from an account.
     *
     * @param account the account number.
     * @param number  the digits.
     * @return the dial status, see {@link org.sipredundancy.core.account.OutgoingCall#dial}.
     * @throws IllegalArgumentException when the account is not in use.
     */
    public int dial(final int account, final String number)
    {
        return account(account).dial(number, nowNs());
    }

    /**
     * Hang up an account's call.
     *
     * @param account the account number.
     */
    public void hangUp(final int account)
    {
        account(account).hangUp(nowNs());
    }

    /**
     * @return the phone's keys: presses reach the phone at the next instant the simulation runs, as on a device.
     */
    public KeyEventPublisher keys()
    {
        return keys;
    }

    /**
     * @param number the account number.
     * @return the account.
     * @throws IllegalArgumentException when the account is not enabled or has no working server.
     */
    public Account account(final int number)
    {
        final Account account = phone.account(number);
        if (account == null)
        {
            throw new IllegalArgumentException("account " + number + " is not enabled or has no sip_server.1");
        }
        return account;
    }

    /**
     * @param address a server's IPv4 address.
     * @return the simulated server there.
     * @throws IllegalArgumentException when the deployment has none there.
     */
    public SimSipServer server(final int address)
    {
        final SimSipServer server = servers.get(address);
        if (server == null)
        {
            throw new IllegalArgumentException("no simulated server at " + Ipv4.toString(address));
        }
        return server;
    }

    /**
     * @return the servers' addresses, in address order.
     */
    public List<Integer> serverAddresses()
    {
        return List.copyOf(servers.keySet());
    }

    /**
     * @return the virtual time now.
     */
    public long nowNs()
    {
        return simulation.clock().nanoTime();
    }

    /**
     * @return the simulation (network faults, time).
     */
    public Simulation simulation()
    {
        return simulation;
    }

    /**
     * @return the phone.
     */
    public Phone phone()
    {
        return phone;
    }

    /**
     * @return the DNS server.
     */
    public SimDnsServer dns()
    {
        return dns;
    }

    /**
     * @return the SIP ladder seen on the wire.
     */
    public SipLadderTrace ladder()
    {
        return ladder;
    }

    /**
     * @return the event stream so far, one line per event.
     */
    public List<String> events()
    {
        return Collections.unmodifiableList(events);
    }
}
