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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulation of part of a {@link PhoneFleet}: phones {@code first} to {@code first + count - 1}, each exactly as
 * it would be in a fleet of one shard (its address, its users, its random stream {@code 100 + index} of the same
 * seed), with a simulated DNS server and the two registrars of their own. Why shards: the phones of a fleet share
 * nothing but the registrars, and a registrar's state is per user, so a fleet cut into shards that run on their own
 * threads does per phone what the whole fleet does in one simulation, and each shard is as deterministic as any
 * simulation (its trace depends on the seed and its phones, never on threads). What differs: each shard's
 * registrars see only their shard's load (fewer datagrams dropped on their inbound queues when all phones refresh
 * at once). Not thread safe: one thread runs a shard at a time.
 */
final class FleetShard
{
    private static final int PRIMARY = (int)Ipv4.parse("192.168.1.14");
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
     * @param model     the phones' model.
     * @param first     the fleet index of the shard's first phone.
     * @param count     how many phones.
     * @param alwaysRun true for the peer: every phone's duty cycle runs at every instant.
     * @param seed      the simulation seed, the same for every shard.
     */
    FleetShard(final HardwareProfile model, final int first, final int count, final boolean alwaysRun, final long seed)
    {
        simulation = new Simulation(seed, new SimNetworkContext().defaultLink(LinkProfile.latency(LATENCY_NS))
            .trace(SimTrace.NONE)).onlyReadyNodes(!alwaysRun);
        new SimDnsServer(simulation, DNS, SeedDemo.zone(SeedDemo.TTL_S));
        final SimSipServer primary = new SimSipServer(simulation, PRIMARY, SimSipServer.DEFAULT_PORT)
            .ladderCapacity(0);
        final SimSipServer secondary = new SimSipServer(simulation, SECONDARY, SimSipServer.DEFAULT_PORT)
            .ladderCapacity(0);
        for (int i = first; i < first + count; i++)
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
        for (int x = 1; x <= PhoneFleet.ACCOUNTS; x++)
        {
            final String user = String.valueOf(firstUser + x);
            primary.user(user, user);
            secondary.user(user, user);
        }
        final ParseResult parsed = ConfigLoader.parseText(SeedDemo.domainAccounts(PhoneFleet.ACCOUNTS, firstUser,
            3600), "fleet.cfg", model, 86);
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

    /**
     * @return datagrams the shard's simulated network has carried so far.
     */
    long sentCount()
    {
        return simulation.network().sentCount();
    }
}
