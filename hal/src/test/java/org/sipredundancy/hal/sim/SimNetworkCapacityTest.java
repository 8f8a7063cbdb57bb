package org.sipredundancy.hal.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;
import static org.sipredundancy.hal.sim.SimWorld.ofType;
import static org.sipredundancy.hal.sim.SimWorld.send;

class SimNetworkCapacityTest
{
    private static final long SEED = SimWorld.seedOr(11L);

    @Test
    @DisplayName("R-BAD-4 datagrams that find the inbound queue full are dropped and counted, by network and queue")
    void shouldCountQueueFullDrops()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext(), 2, 64);
        final int serverHandle = world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, SIP_PORT);

        for (int i = 0; i < 5; i++)
        {
            send(world.server, serverHandle, PHONE, SIP_PORT, "flood " + i);
        }
        world.clock.advanceTo(world.network.nextEventNs());
        world.network.deliverDue(world.clock.nanoTime());
        world.drain();

        assertThat(ofType(world.phoneSeen, InboundEvent.DATAGRAM)).extracting(SimWorld.Seen::payload)
            .containsExactly("flood 0", "flood 1");
        assertThat(world.network.droppedQueueFullCount()).isEqualTo(3);
        assertThat(world.phoneQueue.droppedCount()).isEqualTo(3);
        assertThat(world.network.deliveredCount()).isEqualTo(2);
        assertThat(phoneHandle).isNotNegative();
    }

    @Test
    @DisplayName("R-BAD-4 stream bytes that find the inbound queue full wait and arrive later, in order, none lost")
    void shouldHoldStreamBytesWhileQueueIsFull()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext(), 2, 64);
        final int[] handles = world.connectTcp(Transport.TCP);

        for (int i = 0; i < 6; i++)
        {
            send(world.server, handles[1], 0, 0, i + ";");
        }
        world.clock.advanceTo(world.network.nextEventNs());
        world.network.deliverDue(world.clock.nanoTime());
        assertThat(world.phoneQueue.size()).isEqualTo(2);
        assertThat(world.network.inFlightCount()).as("the rest wait").isEqualTo(4);

        world.runFor(100 * MS);

        assertThat(SimWorld.streamText(world.phoneSeen, handles[0])).isEqualTo("0;1;2;3;4;5;");
        assertThat(world.network.droppedQueueFullCount()).isZero();
        assertThat(world.phoneQueue.droppedCount()).isZero();
    }

    @Test
    @DisplayName("R-BAD-4 delivering up to the end of time with waiting stream bytes still returns")
    void shouldReturnWhenStreamBytesWaitAtEndOfTime()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext(), 2, 64);
        final int[] handles = world.connectTcp(Transport.TCP);
        for (int i = 0; i < 6; i++)
        {
            send(world.server, handles[1], 0, 0, i + ";");
        }

        assertThat(world.network.deliverDue(Long.MAX_VALUE)).isEqualTo(6);
        assertThat(world.phoneQueue.size()).isEqualTo(2);
        assertThat(world.network.inFlightCount()).isEqualTo(4);
    }

    @Test
    @DisplayName("R-BAD-4 R-RT-2 past the in-flight pool a send is refused with BACK_PRESSURED and counted")
    void shouldRefuseWhenPoolIsExhausted()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext().inFlightCapacity(4));
        world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);

        for (int i = 0; i < 4; i++)
        {
            assertThat(send(world.phone, phoneHandle, SERVER, SIP_PORT, "x")).isEqualTo(NetworkStatus.OK);
        }
        assertThat(send(world.phone, phoneHandle, SERVER, SIP_PORT, "x")).isEqualTo(NetworkStatus.BACK_PRESSURED);
        assertThat(world.phone.connect(Transport.TCP, SERVER, SIP_PORT, null)).isEqualTo(NetworkStatus.BACK_PRESSURED);
        assertThat(world.network.poolExhaustedCount()).isEqualTo(2);
        assertThat(world.phone.openEndpointCount()).as("the refused connect left no endpoint").isEqualTo(1);

        world.runFor(100 * MS);
        assertThat(send(world.phone, phoneHandle, SERVER, SIP_PORT, "x")).isEqualTo(NetworkStatus.OK);
        assertThat(world.network.sentCount()).isEqualTo(5);
    }

    @Test
    @DisplayName("R-BAD-4 past the payload arena a send is refused with BACK_PRESSURED and counted")
    void shouldRefuseWhenArenaIsExhausted()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext()
            .maxPayloadLength(1024)
            .payloadArenaLength(2048));
        world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);
        final UnsafeBuffer big = new UnsafeBuffer(new byte[1024]);

        assertThat(world.phone.send(phoneHandle, SERVER, SIP_PORT, big, 0, 1024)).isEqualTo(NetworkStatus.OK);
        assertThat(world.phone.send(phoneHandle, SERVER, SIP_PORT, big, 0, 1024)).isEqualTo(NetworkStatus.OK);
        assertThat(world.phone.send(phoneHandle, SERVER, SIP_PORT, big, 0, 1)).isEqualTo(NetworkStatus.BACK_PRESSURED);
        assertThat(world.network.poolExhaustedCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-BAD-4 past the endpoint table an open is refused with NO_CAPACITY, and a close frees a slot")
    void shouldRefuseWhenEndpointTableIsFull()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext().endpointCapacity(2));

        final int first = world.phone.openUdp(PHONE, 0);
        final int second = world.phone.listenTcp(PHONE, SIP_PORT);
        assertThat(world.phone.openUdp(PHONE, 0)).isEqualTo(NetworkStatus.NO_CAPACITY);
        assertThat(world.phone.connect(Transport.TCP, SERVER, SIP_PORT, null)).isEqualTo(NetworkStatus.NO_CAPACITY);

        world.phone.close(first);
        final int third = world.phone.openUdp(PHONE, 0);
        assertThat(third).isNotNegative();
        assertThat(second).isNotNegative();
    }

    @Test
    @DisplayName("R-RT-5 R-BAD-4 datagrams over the maximum and regions outside the buffer are refused with TOO_LONG")
    void shouldRefuseTooLong()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext().maxPayloadLength(100));
        final int handle = world.phone.openUdp(PHONE, 0);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[200]);

        assertThat(world.phone.send(handle, SERVER, SIP_PORT, buffer, 0, 101)).isEqualTo(NetworkStatus.TOO_LONG);
        assertThat(world.phone.send(handle, SERVER, SIP_PORT, buffer, 150, 60)).isEqualTo(NetworkStatus.TOO_LONG);
        assertThat(world.phone.send(handle, SERVER, SIP_PORT, buffer, -1, 10)).isEqualTo(NetworkStatus.TOO_LONG);
        assertThat(world.phone.send(handle, SERVER, SIP_PORT, buffer, 0, -1)).isEqualTo(NetworkStatus.TOO_LONG);
        assertThat(world.phone.send(handle, SERVER, SIP_PORT, null, 0, 1)).isEqualTo(NetworkStatus.TOO_LONG);
        assertThat(world.network.sentCount()).isZero();
    }

    @Test
    @DisplayName("R-RT-5 wrong calls get a status, never an exception")
    void shouldAnswerWrongCallsWithStatuses()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext());
        final int listener = world.phone.listenTcp(PHONE, SIP_PORT);
        final int udp = world.phone.openUdp(PHONE, SIP_PORT);

        assertThat(send(world.phone, listener, SERVER, SIP_PORT, "x")).isEqualTo(NetworkStatus.WRONG_KIND);
        assertThat(world.phone.connect(Transport.UDP, SERVER, SIP_PORT, null)).isEqualTo(NetworkStatus.WRONG_KIND);
        assertThat(world.phone.openUdp(PHONE, SIP_PORT)).as("port in use").isEqualTo(NetworkStatus.OPEN_FAILED);
        assertThat(world.phone.listenTcp(PHONE, SIP_PORT)).as("port in use").isEqualTo(NetworkStatus.OPEN_FAILED);
        assertThat(world.phone.openUdp(SERVER, 0)).as("not our address").isEqualTo(NetworkStatus.OPEN_FAILED);
        assertThat(world.phone.openUdp(PHONE, 70_000)).isEqualTo(NetworkStatus.OPEN_FAILED);
        assertThat(world.phone.openConnectedUdp(PHONE, SERVER, 0)).isEqualTo(NetworkStatus.OPEN_FAILED);
        assertThat(world.phone.connect(Transport.TCP, SERVER, -5, null)).isEqualTo(NetworkStatus.OPEN_FAILED);
        assertThat(world.phone.localPort(-1)).isEqualTo(NetworkStatus.UNKNOWN_HANDLE);
        assertThat(world.phone.localAddress(udp)).isEqualTo(PHONE);
        assertThat(world.phone.localAddress(999)).isZero();
        world.phone.close(-1);
        world.phone.close(999);
    }

    @Test
    @DisplayName("R-RT-5 a large stream send arrives whole, cut into chunks the receiver's events can hold")
    void shouldChunkLargeStreamSends()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext(), 64, 100);
        final int[] handles = world.connectTcp(Transport.TCP);
        final String text = "0123456789".repeat(45);

        assertThat(send(world.phone, handles[0], 0, 0, text)).isEqualTo(NetworkStatus.OK);
        world.runFor(100 * MS);

        assertThat(SimWorld.streamText(world.serverSeen, handles[1])).isEqualTo(text);
        assertThat(ofType(world.serverSeen, InboundEvent.STREAM_DATA)).hasSize(5);
        assertThat(world.network.sentCount()).isEqualTo(5);
    }

    @Test
    @DisplayName("R-RT-5 a datagram longer than the receiver's events is truncated, as a socket read truncates it")
    void shouldTruncateLongDatagrams()
    {
        final SimWorld world = new SimWorld(SEED, new SimNetworkContext(), 64, 8);
        world.server.openUdp(SERVER, SIP_PORT);
        final int handle = world.phone.openUdp(PHONE, 0);

        send(world.phone, handle, SERVER, SIP_PORT, "0123456789");
        world.runFor(100 * MS);

        assertThat(ofType(world.serverSeen, InboundEvent.DATAGRAM)).extracting(SimWorld.Seen::payload)
            .containsExactly("01234567");
    }
}
