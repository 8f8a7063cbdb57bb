package org.sipredundancy.core.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.Account;
import org.sipredundancy.core.account.AccountEvents;
import org.sipredundancy.core.account.Phone;
import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimNetworkContext;
import org.sipredundancy.hal.sim.SimTrace;
import org.sipredundancy.profiles.ProfileRegistry;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-RT-2 for the whole redundancy path: a SIP-T58V with 16 accounts refreshing every 54 s against the seed's cluster
 * (NAPTR/SRV/A from the DNS cache, digest, 200 OK) allocates nothing inside its duty cycle once warm — ServerSlot,
 * FailoverList, ServerLocator, Registration, transactions and transport together. Only the phone's cycles are
 * counted (the simulated servers allocate, as tools may). Under the JIT the JVM itself sometimes allocates a little
 * on the thread, so one window of five must be exactly zero; an allocation of the code would show in every window.
 */
class PhoneRefreshAllocationTest
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** The phone's duty cycle, counting what its cycles allocate. */
    private static final class CountingNode implements SimNode
    {
        private final DutyCycle dutyCycle;
        private long allocated;

        CountingNode(final DutyCycle dutyCycle)
        {
            this.dutyCycle = dutyCycle;
        }

        public int doWork()
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            final int work = dutyCycle.doWork();
            allocated += THREADS.getCurrentThreadAllocatedBytes() - before;
            return work;
        }

        public long nextDeadlineNs()
        {
            return dutyCycle.timers().nextDeadlineNs();
        }
    }

    @Test
    @DisplayName("R-RT-2 R-FO-1 16 accounts refreshing through DNS cache, digest and failover list allocate nothing")
    void refreshesAllocateNothing()
    {
        final Simulation simulation = new Simulation(Simulation.seedOr(9L), new SimNetworkContext()
            .defaultLink(LinkProfile.latency(5_000_000L)).trace(SimTrace.NONE));
        final int dns = (int)Ipv4.parse("10.0.0.53");
        new SimDnsServer(simulation, dns, SeedDemo.zone(SeedDemo.TTL_S));
        final SimSipServer primary = new SimSipServer(simulation, (int)Ipv4.parse("192.168.1.14"),
            SimSipServer.DEFAULT_PORT);
        for (int x = 1; x <= 16; x++)
        {
            primary.user(String.valueOf(4600 + x), String.valueOf(4600 + x));
        }
        final ParseResult parsed = ConfigLoader.parseText(SeedDemo.domainAccounts(16, 4600, 60), "t58v.cfg",
            ProfileRegistry.load().find("T58V").orElseThrow(), 86);
        final InboundEventQueue inbound = new InboundEventQueue(256, 4096);
        final DutyCycle dutyCycle = new DutyCycle(new DutyCycleContext().nanoClock(simulation.clock())
            .inbound(inbound));
        final int address = (int)Ipv4.parse("10.0.0.2");
        final Phone phone = new Phone(parsed.config(), dutyCycle, simulation.network().attach(address, inbound),
            address, simulation.randomFor(1), new int[][]{{dns, SimDnsServer.PORT}}, AccountEvents.NONE);
        final CountingNode node = simulation.add(new CountingNode(dutyCycle));
        phone.start(dutyCycle.nowNs());
        simulation.runFor(Duration.ofMinutes(30));

        final List<Long> windows = new ArrayList<>();
        final long refreshesBefore = primary.registerCount("4601");
        for (int i = 0; i < 5; i++)
        {
            final long before = node.allocated;
            simulation.runFor(Duration.ofMinutes(10));
            windows.add(node.allocated - before);
        }
        assertThat(primary.registerCount("4601") - refreshesBefore).as("refreshes happened").isGreaterThan(50);
        for (final Account account : phone.accounts())
        {
            assertThat(account.working().isBound(simulation.clock().nanoTime())).isTrue();
        }
        assertThat(windows).as("bytes allocated by the phone per 10 virtual minutes").contains(0L);
    }
}
