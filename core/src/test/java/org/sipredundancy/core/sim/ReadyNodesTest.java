package org.sipredundancy.core.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.sim.SimTrace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReadyNodes}: a simulation that runs only ready nodes runs the same run as one that runs every node, while
 * idle phones are not run at all, and a timer set on a phone from outside, between runs, still fires on time.
 */
class ReadyNodesTest
{
    private static final int IDLE_PHONES = 70;

    private static final class World
    {
        final PingWorld ping;
        final List<DutyCycle> idle = new ArrayList<>();

        World(final boolean onlyReadyNodes)
        {
            ping = new PingWorld(17, SimTrace.NONE);
            ping.simulation.onlyReadyNodes(onlyReadyNodes);
            for (int i = 0; i < IDLE_PHONES; i++)
            {
                final DutyCycle phone = new DutyCycle(new DutyCycleContext().nanoClock(ping.simulation.clock())
                    .inbound(new InboundEventQueue(16, 256)));
                idle.add(phone);
                ping.simulation.add(new DutyCycleNode(phone));
            }
        }
    }

    @Test
    @DisplayName("R-RT-4 only ready nodes run: the same pings as running every node, idle phones never run")
    void sameRunWithoutTheIdle()
    {
        final World ready = new World(true);
        final World every = new World(false);
        ready.ping.simulation.runFor(Duration.ofSeconds(10));
        every.ping.simulation.runFor(Duration.ofSeconds(10));

        assertThat(ready.ping.ping.sent()).isPositive().isEqualTo(every.ping.ping.sent());
        assertThat(ready.ping.ping.replies()).isPositive().isEqualTo(every.ping.ping.replies());
        assertThat(ready.ping.ping.timeouts()).isEqualTo(every.ping.ping.timeouts());
        assertThat(ready.idle).allSatisfy(phone -> assertThat(phone.cycleCount()).isZero());
        assertThat(every.idle).allSatisfy(phone -> assertThat(phone.cycleCount()).isPositive());
        assertThat(ready.ping.phone.cycleCount()).isLessThanOrEqualTo(every.ping.phone.cycleCount());
    }

    @Test
    @DisplayName("R-RT-4 a timer set on an idle phone between runs fires at its deadline, not at its next event")
    void timerSetFromOutsideFiresOnTime()
    {
        final World world = new World(true);
        world.ping.simulation.runFor(Duration.ofSeconds(1));
        final DutyCycle phone = world.idle.get(IDLE_PHONES - 1);
        final long[] firedAtNs = {-1};
        final Timer timer = phone.timers().newTimer((token, nowNs) -> firedAtNs[0] = nowNs, 0);
        final long deadlineNs = world.ping.simulation.clock().nanoTime() + 2_500_000_000L;
        phone.timers().schedule(timer, deadlineNs);

        world.ping.simulation.runFor(Duration.ofSeconds(5));

        assertThat(firedAtNs[0]).isEqualTo(deadlineNs);
        assertThat(phone.cycleCount()).as("run at the deadline, not at every instant of the pings").isLessThan(5);
    }
}
