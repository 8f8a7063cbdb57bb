package org.sipredundancy.hal.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.TransportError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;
import static org.sipredundancy.hal.sim.SimWorld.ofType;
import static org.sipredundancy.hal.sim.SimWorld.only;
import static org.sipredundancy.hal.sim.SimWorld.send;

class SimNetworkFaultTest
{
    private static final long SEED = SimWorld.seedOr(3L);

    private final SimWorld world = new SimWorld(SEED, new SimNetworkContext());

    @Test
    @DisplayName("R-RT-4 a partition loses datagrams both ways, silently, until it is healed")
    void shouldPartitionBothWaysAndHeal()
    {
        final int serverHandle = world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openConnectedUdp(PHONE, SERVER, SIP_PORT);
        world.network.partition(PHONE, SERVER);

        send(world.phone, phoneHandle, 0, 0, "lost up");
        send(world.server, serverHandle, PHONE, world.phone.localPort(phoneHandle), "lost down");
        world.runFor(100 * MS);

        assertThat(world.phoneSeen).isEmpty();
        assertThat(world.serverSeen).isEmpty();
        assertThat(world.network.lostCount()).isEqualTo(2);

        world.network.heal(SERVER, PHONE);
        send(world.phone, phoneHandle, 0, 0, "up");
        send(world.server, serverHandle, PHONE, world.phone.localPort(phoneHandle), "down");
        world.runFor(100 * MS);

        assertThat(only(world.serverSeen, (s) -> true).payload()).isEqualTo("up");
        assertThat(only(world.phoneSeen, (s) -> true).payload()).isEqualTo("down");
    }

    @Test
    @DisplayName("R-RT-4 a partition also takes the packets already on the wire, and healAll mends every cut")
    void shouldLosePacketsInFlightAndHealAll()
    {
        world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openUdp(PHONE, 0);

        send(world.phone, phoneHandle, SERVER, SIP_PORT, "in flight");
        world.runFor(5 * MS);
        world.network.partition(PHONE, SERVER);
        world.runFor(100 * MS);
        assertThat(world.serverSeen).isEmpty();
        assertThat(world.network.lostCount()).isEqualTo(1);

        world.network.healAll();
        send(world.phone, phoneHandle, SERVER, SIP_PORT, "after");
        world.runFor(100 * MS);
        assertThat(only(world.serverSeen, (s) -> true).payload()).isEqualTo("after");
    }

    @Test
    @DisplayName("R-RT-4 a partition black-holes stream bytes without any error; bytes sent after healing arrive")
    void shouldBlackHoleStreamBytes()
    {
        final int[] handles = world.connectTcp(Transport.TCP);
        world.network.partition(PHONE, SERVER);

        assertThat(send(world.phone, handles[0], 0, 0, "gone")).isEqualTo(NetworkStatus.OK);
        world.runFor(100 * MS);
        world.network.heal(PHONE, SERVER);
        send(world.phone, handles[0], 0, 0, "here");
        world.runFor(100 * MS);

        assertThat(SimWorld.streamText(world.serverSeen, handles[1])).isEqualTo("here");
        assertThat(ofType(world.phoneSeen, InboundEvent.TRANSPORT_ERROR)).isEmpty();
        assertThat(ofType(world.serverSeen, InboundEvent.TRANSPORT_ERROR)).isEmpty();
    }

    @Test
    @DisplayName("R-RT-4 R-SIP-3 a host killed with REJECT answers UDP with ICMP unreachable on connected endpoints")
    void shouldAnswerIcmpFromRejectingDeadHost()
    {
        world.server.openUdp(SERVER, SIP_PORT);
        final int connected = world.phone.openConnectedUdp(PHONE, SERVER, SIP_PORT);
        final int unconnected = world.phone.openUdp(PHONE, 0);
        world.network.kill(SERVER, DeadHostBehaviour.REJECT);

        send(world.phone, connected, 0, 0, "REGISTER");
        send(world.phone, unconnected, SERVER, SIP_PORT, "REGISTER");
        world.runFor(100 * MS);

        final SimWorld.Seen icmp = only(world.phoneSeen, (s) -> true);
        assertThat(icmp.type()).isEqualTo(InboundEvent.TRANSPORT_ERROR);
        assertThat(icmp.cause()).isEqualTo(TransportError.ICMP_UNREACHABLE);
        assertThat(icmp.handle()).isEqualTo(connected);
        assertThat(icmp.remoteAddress()).isEqualTo(SERVER);
        assertThat(icmp.remotePort()).isEqualTo(SIP_PORT);
        assertThat(icmp.atNs()).as("one latency there, one back").isEqualTo(20 * MS);
        assertThat(world.serverSeen).isEmpty();
        assertThat(world.server.isAlive()).isFalse();
    }

    @Test
    @DisplayName("R-RT-4 R-SIP-3 a host killed with REJECT refuses TCP and TLS connects")
    void shouldRefuseConnectsToRejectingDeadHost()
    {
        world.server.listenTcp(SERVER, SIP_PORT);
        world.network.kill(SERVER, DeadHostBehaviour.REJECT);

        final int tcp = world.phone.connect(Transport.TCP, SERVER, SIP_PORT, null);
        final int tls = world.phone.connect(Transport.TLS, SERVER, SIP_PORT, "server.example");
        world.runFor(100 * MS);

        assertThat(only(world.phoneSeen, (s) -> s.handle() == tcp).cause())
            .isEqualTo(TransportError.CONNECTION_REFUSED);
        assertThat(only(world.phoneSeen, (s) -> s.handle() == tls).cause())
            .isEqualTo(TransportError.CONNECTION_REFUSED);
        assertThat(send(world.phone, tcp, 0, 0, "x")).isEqualTo(NetworkStatus.NOT_CONNECTED);
    }

    @Test
    @DisplayName("R-RT-4 R-SIP-3 killing a host with REJECT resets its open connections at the peer")
    void shouldResetOpenConnectionsOfRejectingDeadHost()
    {
        final int[] handles = world.connectTcp(Transport.TCP);
        final long killedAtNs = world.clock.nanoTime();

        world.network.kill(SERVER, DeadHostBehaviour.REJECT);
        world.runFor(100 * MS);

        final SimWorld.Seen reset = only(world.phoneSeen, (s) -> s.type() == InboundEvent.TRANSPORT_ERROR);
        assertThat(reset.handle()).isEqualTo(handles[0]);
        assertThat(reset.cause()).isEqualTo(TransportError.CONNECTION_RESET);
        assertThat(reset.atNs()).isEqualTo(killedAtNs + 10 * MS);
        assertThat(send(world.phone, handles[0], 0, 0, "x")).isEqualTo(NetworkStatus.NOT_CONNECTED);
        assertThat(ofType(world.serverSeen, InboundEvent.TRANSPORT_ERROR)).isEmpty();
    }

    @Test
    @DisplayName("R-RT-4 R-SIP-3 a host killed SILENT answers nothing: no ICMP, no refusal, no reset")
    void shouldStaySilentWhenKilledSilent()
    {
        final int[] handles = world.connectTcp(Transport.TCP);
        world.server.openUdp(SERVER, SIP_PORT);
        final int connected = world.phone.openConnectedUdp(PHONE, SERVER, SIP_PORT);
        final int before = world.phoneSeen.size();
        world.network.kill(SERVER, DeadHostBehaviour.SILENT);

        send(world.phone, connected, 0, 0, "REGISTER");
        send(world.phone, handles[0], 0, 0, "REGISTER");
        final int tcp = world.phone.connect(Transport.TCP, SERVER, SIP_PORT, null);
        world.runFor(10_000 * MS);

        assertThat(tcp).isNotNegative();
        assertThat(world.phoneSeen).hasSize(before);
        assertThat(world.network.inFlightCount()).isZero();
        assertThat(world.network.lostCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-RT-4 a dead host's own sends vanish, and a revived host answers again")
    void shouldReviveHost()
    {
        final int serverHandle = world.server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = world.phone.openConnectedUdp(PHONE, SERVER, SIP_PORT);
        final int phonePort = world.phone.localPort(phoneHandle);
        world.network.kill(SERVER, DeadHostBehaviour.REJECT);

        assertThat(send(world.server, serverHandle, PHONE, phonePort, "from the dead")).isEqualTo(NetworkStatus.OK);
        world.runFor(100 * MS);
        assertThat(world.phoneSeen).isEmpty();

        world.network.revive(SERVER);
        send(world.phone, phoneHandle, 0, 0, "hello");
        send(world.server, serverHandle, PHONE, phonePort, "alive");
        world.runFor(100 * MS);

        assertThat(world.server.isAlive()).isTrue();
        assertThat(only(world.serverSeen, (s) -> true).payload()).isEqualTo("hello");
        assertThat(only(world.phoneSeen, (s) -> true).payload()).isEqualTo("alive");
    }

    @Test
    @DisplayName("R-RT-4 R-SIP-3 failing TLS makes TLS connects fail with TLS_FAILURE while TCP still connects")
    void shouldInjectTlsFailure()
    {
        final int listener = world.server.listenTcp(SERVER, SIP_PORT);
        world.network.failTls(SERVER, true);

        final int tls = world.phone.connect(Transport.TLS, SERVER, SIP_PORT, "server.example");
        final int tcp = world.phone.connect(Transport.TCP, SERVER, SIP_PORT, null);
        world.runFor(100 * MS);

        assertThat(only(world.phoneSeen, (s) -> s.handle() == tls).cause()).isEqualTo(TransportError.TLS_FAILURE);
        assertThat(only(world.phoneSeen, (s) -> s.handle() == tcp).type()).isEqualTo(InboundEvent.CONNECTED);
        assertThat(only(world.serverSeen, (s) -> true).listenerHandle()).isEqualTo(listener);

        world.network.failTls(SERVER, false);
        final int again = world.phone.connect(Transport.TLS, SERVER, SIP_PORT, "server.example");
        world.runFor(100 * MS);
        assertThat(only(world.phoneSeen, (s) -> s.handle() == again).type()).isEqualTo(InboundEvent.CONNECTED);
    }

    @Test
    @DisplayName("R-RT-5 both sides of a connection are connected after one latency and the listener is named")
    void shouldConnectBothSidesAfterOneLatency()
    {
        final int listener = world.server.listenTcp(SERVER, SIP_PORT);
        final int client = world.phone.connect(Transport.TLS, SERVER, SIP_PORT, "server.example");
        assertThat(send(world.phone, client, 0, 0, "early")).isEqualTo(NetworkStatus.NOT_CONNECTED);

        world.runFor(100 * MS);

        final SimWorld.Seen clientSide = only(world.phoneSeen, (s) -> true);
        final SimWorld.Seen serverSide = only(world.serverSeen, (s) -> true);
        assertThat(clientSide.type()).isEqualTo(InboundEvent.CONNECTED);
        assertThat(clientSide.atNs()).isEqualTo(10 * MS);
        assertThat(clientSide.remoteAddress()).isEqualTo(SERVER);
        assertThat(clientSide.remotePort()).isEqualTo(SIP_PORT);
        assertThat(serverSide.type()).isEqualTo(InboundEvent.CONNECTED);
        assertThat(serverSide.atNs()).isEqualTo(10 * MS);
        assertThat(serverSide.listenerHandle()).isEqualTo(listener);
        assertThat(serverSide.remoteAddress()).isEqualTo(PHONE);
        assertThat(serverSide.remotePort()).isEqualTo(world.phone.localPort(client));
        assertThat(world.server.localPort(serverSide.handle())).isEqualTo(SIP_PORT);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 closing a connection tells the peer PEER_CLOSED after the bytes sent before it")
    void shouldCloseInOrder()
    {
        final int[] handles = world.connectTcp(Transport.TCP);

        send(world.phone, handles[0], 0, 0, "last words");
        world.phone.close(handles[0]);
        world.runFor(100 * MS);

        assertThat(world.serverSeen.get(world.serverSeen.size() - 2).payload()).isEqualTo("last words");
        final SimWorld.Seen closed = world.serverSeen.get(world.serverSeen.size() - 1);
        assertThat(closed.type()).isEqualTo(InboundEvent.TRANSPORT_ERROR);
        assertThat(closed.cause()).isEqualTo(TransportError.PEER_CLOSED);
        assertThat(send(world.server, handles[1], 0, 0, "too late")).isEqualTo(NetworkStatus.NOT_CONNECTED);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 bytes that reach a connection already closed at the other end draw a reset")
    void shouldResetStaleConnection()
    {
        final int[] handles = world.connectTcp(Transport.TCP);

        world.server.close(handles[1]);
        send(world.phone, handles[0], 0, 0, "crossing the close");
        world.runFor(100 * MS);

        assertThat(ofType(world.phoneSeen, InboundEvent.TRANSPORT_ERROR))
            .extracting(SimWorld.Seen::cause)
            .containsExactly(TransportError.PEER_CLOSED, TransportError.CONNECTION_RESET);
    }

    @Test
    @DisplayName("R-RT-4 faults name attached hosts; an unknown address is a set-up mistake")
    void shouldRefuseFaultsOnUnknownHosts()
    {
        assertThatThrownBy(() -> world.network.kill(12345, DeadHostBehaviour.SILENT))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.network.revive(12345)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.network.failTls(12345, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.network.attach(PHONE, world.phoneQueue))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
