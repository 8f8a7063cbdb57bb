package org.sipredundancy.hal.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;
import static org.sipredundancy.hal.sim.SimWorld.ofType;
import static org.sipredundancy.hal.sim.SimWorld.send;

class SimNetworkLinkTest
{
    private static final long SEED = SimWorld.seedOr(20260101L);

    @Test
    @DisplayName("R-RT-4 a datagram arrives exactly one latency after it was sent, per direction")
    void shouldDeliverAfterExactLatency()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext());
        world.network.link(SERVER, PHONE, LinkProfile.latency(30 * MS));
        final int serverHandle = world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);

        world.clock.advanceTo(3 * MS);
        assertThat(send(world.phone, phoneHandle, SERVER, SIP_PORT, "ping")).isEqualTo(NetworkStatus.OK);
        assertThat(world.network.nextEventNs()).isEqualTo(13 * MS);
        assertThat(world.network.deliverDue(13 * MS - 1)).isZero();

        world.runUntil(20 * MS);
        final SimWorld.Seen ping = ofType(world.serverSeen, InboundEvent.DATAGRAM).get(0);
        assertThat(ping.atNs()).isEqualTo(13 * MS);
        assertThat(ping.remoteAddress()).isEqualTo(PHONE);
        assertThat(ping.remotePort()).isEqualTo(world.phone.localPort(phoneHandle));
        assertThat(ping.payload()).isEqualTo("ping");

        send(world.server, serverHandle, PHONE, ping.remotePort(), "pong");
        world.runUntil(100 * MS);
        assertThat(ofType(world.phoneSeen, InboundEvent.DATAGRAM).get(0).atNs()).isEqualTo(50 * MS);
        assertThat(world.network.sentCount()).isEqualTo(2);
        assertThat(world.network.deliveredCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-RT-4 jitter spreads deliveries over [latency, latency + jitter] and never outside it")
    void shouldKeepJitterWithinBounds()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext().defaultLink(new LinkProfile(10 * MS,
            5 * MS, 0, 0)), 4096, 64);
        world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);

        for (int i = 0; i < 1000; i++)
        {
            send(world.phone, phoneHandle, SERVER, SIP_PORT, "x");
        }
        world.runUntil(1000 * MS);

        final List<SimWorld.Seen> received = ofType(world.serverSeen, InboundEvent.DATAGRAM);
        assertThat(received).as(world.hint()).hasSize(1000);
        final long earliest = received.stream().mapToLong(SimWorld.Seen::atNs).min().orElseThrow();
        final long latest = received.stream().mapToLong(SimWorld.Seen::atNs).max().orElseThrow();
        assertThat(earliest).as(world.hint()).isBetween(10 * MS, 10 * MS + MS / 10);
        assertThat(latest).as(world.hint()).isBetween(15 * MS - MS / 10, 15 * MS);
    }

    @Test
    @DisplayName("R-RT-4 R-RT-3 a 10% lossy link loses 10% of 10,000 datagrams, within tolerance, for a fixed seed")
    void shouldLoseAtConfiguredRate()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext().inFlightCapacity(16_384), 16_384, 64);
        world.network.link(PHONE, SERVER, LinkProfile.latency(MS).withLoss(0.1));
        world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);

        for (int i = 0; i < 10_000; i++)
        {
            send(world.phone, phoneHandle, SERVER, SIP_PORT, "x");
        }
        world.runFor(10 * MS);

        assertThat(world.network.sentCount()).as(world.hint()).isEqualTo(10_000);
        assertThat(world.network.lostCount()).as(world.hint()).isBetween(850L, 1150L);
        assertThat(world.network.deliveredCount() + world.network.lostCount()).isEqualTo(10_000);
        assertThat(ofType(world.serverSeen, InboundEvent.DATAGRAM)).hasSize((int)world.network.deliveredCount());
    }

    @Test
    @DisplayName("R-RT-4 a duplicating link delivers some datagrams twice, each copy counted")
    void shouldDuplicateAtConfiguredRate()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext().inFlightCapacity(16_384), 16_384, 64);
        world.network.link(PHONE, SERVER, LinkProfile.latency(MS).withDuplication(0.2));
        world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);

        for (int i = 0; i < 10_000; i++)
        {
            send(world.phone, phoneHandle, SERVER, SIP_PORT, "x");
        }
        world.runFor(10 * MS);

        assertThat(world.network.duplicatedCount()).as(world.hint()).isBetween(1700L, 2300L);
        assertThat(world.network.deliveredCount()).isEqualTo(10_000 + world.network.duplicatedCount());
        assertThat(ofType(world.serverSeen, InboundEvent.DATAGRAM)).hasSize(10_000 +
            (int)world.network.duplicatedCount());
    }

    @Test
    @DisplayName("R-RT-4 stream bytes are neither lost nor duplicated by a bad link and arrive in order despite jitter")
    void shouldKeepStreamsReliableAndOrdered()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext()
            .defaultLink(new LinkProfile(10 * MS, 20 * MS, 0.5, 0.5)), 1024, 64);
        final int[] handles = world.connectTcp(Transport.TCP);
        final StringBuilder expected = new StringBuilder();

        for (int i = 0; i < 200; i++)
        {
            final String chunk = i + ";";
            expected.append(chunk);
            assertThat(send(world.phone, handles[0], 0, 0, chunk)).isEqualTo(NetworkStatus.OK);
            world.runFor(MS);
        }
        world.runFor(100 * MS);

        assertThat(SimWorld.streamText(world.serverSeen, handles[1])).as(world.hint()).isEqualTo(expected.toString());
        assertThat(world.network.lostCount()).isZero();
        assertThat(world.network.duplicatedCount()).isZero();
    }

    @Test
    @DisplayName("R-RT-4 changing the default link changes every direction without a profile of its own")
    void shouldApplyDefaultLink()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext());
        world.network.defaultLink(LinkProfile.latency(2 * MS));
        world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);

        send(world.phone, phoneHandle, SERVER, SIP_PORT, "x");

        assertThat(world.network.nextEventNs()).isEqualTo(2 * MS);
    }

    @Test
    @DisplayName("R-RT-4 an idle network has no next event, and delivering up to the end of time does nothing")
    void shouldIdleWithoutEvents()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext());

        assertThat(world.network.nextEventNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(world.network.deliverDue(Long.MAX_VALUE)).isZero();
        assertThat(world.network.inFlightCount()).isZero();
    }
}
