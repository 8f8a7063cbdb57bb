package org.sipredundancy.bench;

import org.sipredundancy.core.account.Account;
import org.sipredundancy.core.account.AccountEvents;
import org.sipredundancy.core.account.Phone;
import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.ProvisioningConfig;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.sim.DutyCycleNode;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDnsServer;
import org.sipredundancy.core.sim.SimSipServer;
import org.sipredundancy.core.sim.Simulation;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.DeadHostBehaviour;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimNetworkContext;
import org.sipredundancy.hal.sim.SimTrace;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.ProfileRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet of SIP-T58V phones, 16 accounts each with users of their own, in one simulation: the seed's cluster
 * (yealink.pbx.com by NAPTR, SRV and A to 192.168.1.14 and .13, TTL 3600 s) as two shared simulated registrars, the
 * simulated DNS server, and every phone at its own address with 3600 s expiries. (Users of their own: a registrar
 * lists every binding of an address of record in its 200 OK, so a thousand phones sharing sixteen users would get
 * answers too large for a datagram.) No text anywhere: no SIP ladder, no event log ({@link SimTrace#NONE},
 * {@link AccountEvents#NONE}, servers with no ladder), so what is measured is the phones and the simulation. For
 * the virtual-time benchmark.
 */
final class PhoneFleet
{
    /** Accounts per phone: a SIP-T58V has 16. */
    static final int ACCOUNTS = 16;
    static final int PRIMARY = (int)Ipv4.parse("192.168.1.14");
    private static final int SECONDARY = (int)Ipv4.parse("192.168.1.13");
    private static final int DNS = (int)Ipv4.parse("10.0.0.53");
    private static final int FIRST_PHONE = (int)Ipv4.parse("10.1.0.1");
    private static final long LATENCY_NS = 5_000_000L;
    /** Timers a 16-account phone needs (a few per account and transaction), not the default 4096. */
    private static final int TIMER_CAPACITY = 256;
    /** 128 ticks of about 1 ms: a wheel of 134 ms; later timers wrap round. */
    private static final int TICKS_PER_WHEEL = 128;

    private final Simulation simulation;
    private final List<Phone> phones = new ArrayList<>();

    /**
     * @param phoneCount how many phones.
     * @param alwaysRun  true for the peer: every phone's duty cycle runs at every instant of the simulation (the
     *                   reference); false: only phones with work run ({@code Simulation.onlyReadyNodes}, the default).
     * @param seed       the simulation seed.
     */
    PhoneFleet(final int phoneCount, final boolean alwaysRun, final long seed)
    {
        simulation = new Simulation(seed, new SimNetworkContext().defaultLink(LinkProfile.latency(LATENCY_NS))
            .trace(SimTrace.NONE)).onlyReadyNodes(!alwaysRun);
        new SimDnsServer(simulation, DNS, SeedDemo.zone(SeedDemo.TTL_S));
        final SimSipServer primary = new SimSipServer(simulation, PRIMARY, SimSipServer.DEFAULT_PORT)
            .ladderCapacity(0);
        final SimSipServer secondary = new SimSipServer(simulation, SECONDARY, SimSipServer.DEFAULT_PORT)
            .ladderCapacity(0);
        final HardwareProfile model = ProfileRegistry.load().find("T58V").orElseThrow();
        for (int i = 0; i < phoneCount; i++)
        {
            final ProvisioningConfig config = config(model, i, primary, secondary);
            final int address = FIRST_PHONE + i;
            final InboundEventQueue inbound = new InboundEventQueue(64, 4096);
            final DutyCycle dutyCycle = new DutyCycle(new DutyCycleContext().nanoClock(simulation.clock())
                .inbound(inbound).timerCapacity(TIMER_CAPACITY).ticksPerWheel(TICKS_PER_WHEEL));
            final Phone phone = new Phone(config, dutyCycle, simulation.network().attach(address, inbound),
                address, simulation.randomFor(100 + i), new int[][]{{DNS, SimDnsServer.PORT}}, AccountEvents.NONE);
            phones.add(phone);
            simulation.add(new DutyCycleNode(dutyCycle));
            phone.start(dutyCycle.nowNs());
        }
    }

    /**
     * Phone i's provisioning: 16 accounts with users of its own (1 000 000 + 100 i + account), each known to both
     * registrars, working server yealink.pbx.com by NAPTR, expiry 3600 s.
     */
    private static ProvisioningConfig config(
        final HardwareProfile model, final int phone, final SimSipServer primary, final SimSipServer secondary)
    {
        final long firstUser = 1_000_000L + phone * 100L;
        for (int x = 1; x <= ACCOUNTS; x++)
        {
            final String user = String.valueOf(firstUser + x);
            primary.user(user, user);
            secondary.user(user, user);
        }
        final ParseResult parsed = ConfigLoader.parseText(SeedDemo.domainAccounts(ACCOUNTS, firstUser, 3600),
            "fleet.cfg", model, 86);
        if (!parsed.usable())
        {
            throw new IllegalStateException("fleet configuration unusable: " + parsed.diagnostics());
        }
        return parsed.config();
    }

    /**
     * A simulated day: the primary dies at 6 h and comes back at 7 h.
     *
     * @return accounts registered at the end (all of them when the phones did their job).
     */
    int day()
    {
        simulation.runFor(Duration.ofHours(6));
        simulation.network().kill(PRIMARY, DeadHostBehaviour.SILENT);
        simulation.runFor(Duration.ofHours(1));
        simulation.network().revive(PRIMARY);
        simulation.runFor(Duration.ofHours(17));
        return registeredAccounts();
    }

    /**
     * @return accounts whose working slot holds an unexpired binding now.
     */
    int registeredAccounts()
    {
        int registered = 0;
        for (final Phone phone : phones)
        {
            for (final Account account : phone.accounts())
            {
                if (account.working().isBound(simulation.clock().nanoTime()))
                {
                    registered++;
                }
            }
        }
        return registered;
    }

    /**
     * @return the simulation's instants so far.
     */
    long instants()
    {
        return simulation.instantCount();
    }
}
