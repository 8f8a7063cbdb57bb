package org.sipredundancy.hal.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.Transport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;
import static org.sipredundancy.hal.sim.SimWorld.ofType;
import static org.sipredundancy.hal.sim.SimWorld.send;

/**
 * The network's promises for any seed and link: jqwik prints the failing seed and link, and the world's seed is in
 * every assertion message.
 */
class SimNetworkPropertyTest
{
    @Property(tries = 60)
    @Label("R-RT-4 R-RT-3 for any seed and link, stream bytes arrive whole and in order, whatever the queue size")
    void shouldDeliverStreamsInOrder(
        @ForAll final long seed,
        @ForAll @LongRange(min = 0, max = 20_000_000L) final long jitterNs,
        @ForAll @DoubleRange(min = 0.0, max = 1.0) final double loss,
        @ForAll @IntRange(min = 2, max = 8) final int queueCapacity)
    {
        final SimWorld world = new SimWorld(seed, new SimNetworkContext()
            .defaultLink(new LinkProfile(MS, jitterNs, loss, 0.5)), queueCapacity, 16);
        final int[] handles = world.connectTcp(Transport.TCP);
        final StringBuilder expected = new StringBuilder();

        for (int i = 0; i < 100; i++)
        {
            final String text = "<" + i + ">";
            expected.append(text);
            send(world.phone, handles[0], 0, 0, text);
            world.clock.advanceBy(MS / 4);
            world.settle();
        }
        world.runFor(1_000 * MS);

        assertThat(SimWorld.streamText(world.serverSeen, handles[1])).as(world.hint()).isEqualTo(expected.toString());
    }

    @Property(tries = 60)
    @Label("R-RT-4 R-RT-3 for any seed and link, a datagram arrives within [latency, latency + jitter] or not at all")
    void shouldKeepDatagramsInTheirWindow(
        @ForAll final long seed,
        @ForAll @LongRange(min = 0, max = 100_000_000L) final long latencyNs,
        @ForAll @LongRange(min = 0, max = 100_000_000L) final long jitterNs,
        @ForAll @DoubleRange(min = 0.0, max = 1.0) final double loss,
        @ForAll @DoubleRange(min = 0.0, max = 1.0) final double duplication)
    {
        final SimWorld world = new SimWorld(seed, new SimNetworkContext()
            .defaultLink(new LinkProfile(latencyNs, jitterNs, loss, duplication)), 1024, 16);
        world.server.openUdp(SERVER, SIP_PORT);
        final int handle = world.phone.openUdp(PHONE, 0);

        send(world.phone, handle, SERVER, SIP_PORT, "probe");
        final long sentAtNs = world.clock.nanoTime();
        world.runFor(latencyNs + jitterNs + MS);

        final List<SimWorld.Seen> received = ofType(world.serverSeen, InboundEvent.DATAGRAM);
        assertThat(received.size()).as(world.hint()).isEqualTo((int)world.network.deliveredCount())
            .isLessThanOrEqualTo(2);
        assertThat(received).as(world.hint()).allSatisfy((seen) -> assertThat(seen.atNs() - sentAtNs)
            .isBetween(latencyNs, latencyNs + jitterNs));
        assertThat(world.network.deliveredCount() + world.network.lostCount())
            .as(world.hint()).isEqualTo(1 + world.network.duplicatedCount());
    }
}
