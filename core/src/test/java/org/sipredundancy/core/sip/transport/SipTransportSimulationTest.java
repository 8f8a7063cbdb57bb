package org.sipredundancy.core.sip.transport;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.sim.DeadHostBehaviour;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.transport.TransportWorld.MS;
import static org.sipredundancy.core.sip.transport.TransportWorld.PEER;
import static org.sipredundancy.core.sip.transport.TransportWorld.PHONE;
import static org.sipredundancy.core.sip.transport.TransportWorld.SIP_PORT;
import static org.sipredundancy.core.sip.transport.TransportWorld.request;
import static org.sipredundancy.core.sip.transport.TransportWorld.response;

/**
 * The SIP transport in a simulated network, in virtual time: UDP and TCP round trips, connection reuse, the pending
 * queue, stream framing, and every transport failure reported once with its cause.
 */
class SipTransportSimulationTest
{
    private static final String PEER_AT = "from=192.0.2.20:5060";

    private final RecordingHandler handler = new RecordingHandler();

    @Test
    @DisplayName("R-SIP-1 UDP: a request on a connected flow draws the server's response on the same flow")
    void shouldRoundTripOverUdp()
    {
        final TransportWorld world = new TransportWorld(handler);
        assertThat(world.transport.open()).isEqualTo(NetworkStatus.OK);
        assertThat(world.transport.localPort()).isEqualTo(SIP_PORT);
        world.peer.udpReply = response(200, "c1").getBytes(StandardCharsets.US_ASCII);

        final int flow = world.transport.flow(Transport.UDP, PEER, SIP_PORT, null, world.nowNs());
        assertThat(flow).isEqualTo(1);
        assertThat(world.transport.isReliable(flow)).isFalse();
        assertThat(world.transport.transport(flow)).isEqualTo(Transport.UDP);
        assertThat(world.transport.localAddress(flow)).isEqualTo(PHONE);
        assertThat(world.send(flow, request("REGISTER", "c1", ""))).isEqualTo(NetworkStatus.OK);
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();

        assertThat(handler.lines).containsExactly("message flow=1 " + PEER_AT + " 200 call-id=c1");
        assertThat(world.peer.datagrams).containsExactly(request("REGISTER", "c1", ""));
        assertThat(world.transport.flow(Transport.UDP, PEER, SIP_PORT, null, world.nowNs())).isEqualTo(flow);
        assertThat(world.transport.counters().messagesOut()).isEqualTo(1);
        assertThat(world.transport.counters().messagesIn()).isEqualTo(1);
        assertThat(world.transport.counters().flowsOpened()).isEqualTo(1);
        assertThat(world.transport.flowCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-1 UDP: a request to the phone's SIP port arrives on flow 0 and is answered from it")
    void shouldServeListenerFlow()
    {
        final TransportWorld world = new TransportWorld(handler);
        world.transport.open();
        world.peer.sendDatagram(PHONE, SIP_PORT, request("OPTIONS", "o1", "").getBytes(StandardCharsets.US_ASCII));
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("message flow=0 " + PEER_AT + " OPTIONS call-id=o1");

        assertThat(world.send(SipTransport.LISTENER_FLOW, response(200, "o1"))).isEqualTo(NetworkStatus.OK);
        assertThat(world.runUntil(() -> world.peer.datagrams.size() == 1)).isTrue();
        assertThat(world.peer.datagrams).containsExactly(response(200, "o1"));
    }

    @Test
    @DisplayName("R-SIP-1 TCP: two requests to one server share one connection (one connect, one accept)")
    void shouldReuseTcpConnection()
    {
        final TransportWorld world = new TransportWorld(handler);
        world.transport.open();
        final int first = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        final String one = request("REGISTER", "t1", "");
        final String two = request("REGISTER", "t2", "");
        world.send(first, one);
        world.run(50 * MS);
        final int second = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        world.send(second, two);
        assertThat(world.runUntil(() -> world.peer.streamText().length() == (one + two).length())).isTrue();

        assertThat(second).isEqualTo(first);
        assertThat(world.transport.isReliable(first)).isTrue();
        assertThat(world.peer.accepted).isEqualTo(1);
        assertThat(world.peer.streamText()).isEqualTo(one + two);
        assertThat(world.transport.counters().flowsOpened()).isEqualTo(1);
        assertThat(world.transport.flowCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-1 TCP: messages sent while connecting are queued and flushed in order on connect")
    void shouldFlushPendingOnConnect()
    {
        final String one = request("REGISTER", "p1", "");
        final String two = request("REGISTER", "p2", "");
        final int capacity = one.length() + request("X", "p", "").length();
        final TransportWorld world = new TransportWorld(handler, c -> c.pendingCapacity(capacity));
        world.transport.open();
        final int flow = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        assertThat(world.transport.isConnecting(flow)).isTrue();
        assertThat(world.send(flow, one)).isEqualTo(NetworkStatus.OK);
        assertThat(world.send(flow, two)).isEqualTo(SipTransport.PENDING_FULL);
        assertThat(world.send(flow, request("X", "p", ""))).isEqualTo(NetworkStatus.OK);
        assertThat(world.peer.streamText()).isEmpty();

        assertThat(world.runUntil(() -> !world.transport.isConnecting(flow))).isTrue();
        assertThat(world.runUntil(() -> world.peer.streamText().length() > one.length())).isTrue();
        assertThat(world.peer.streamText()).isEqualTo(one + request("X", "p", ""));
        assertThat(world.send(flow, two)).isEqualTo(NetworkStatus.OK);
        assertThat(world.runUntil(() -> world.peer.streamText().endsWith(two))).isTrue();
        assertThat(world.transport.counters().sendFailures()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-1 TCP framing: three messages in one read are delivered as three, bodies intact")
    void shouldFrameThreeMessagesInOneRead()
    {
        final TransportWorld world = connectedTcp(handler);
        world.peer.sendStream(request("MESSAGE", "m1", "hello") + "\r\n" + response(200, "m2") +
            request("MESSAGE", "m3", "{\"a\":1}\r\n"));
        assertThat(world.runUntil(() -> handler.lines.size() == 3)).isTrue();

        assertThat(handler.lines).containsExactly(
            "message flow=1 " + PEER_AT + " MESSAGE call-id=m1",
            "message flow=1 " + PEER_AT + " 200 call-id=m2",
            "message flow=1 " + PEER_AT + " MESSAGE call-id=m3");
        assertThat(handler.bodies).containsExactly("hello", "", "{\"a\":1}\r\n");
        assertThat(world.transport.counters().messagesIn()).isEqualTo(3);
    }

    @Test
    @DisplayName("R-SIP-1 TCP framing: one message split in two reads at every byte position is delivered whole")
    void shouldFrameMessageSplitAtEveryPosition()
    {
        final TransportWorld world = connectedTcp(handler);
        final String message = request("MESSAGE", "s", "body-of-eleven".substring(0, 11));
        final List<String> expected = new ArrayList<>();
        for (int split = 1; split < message.length(); split++)
        {
            world.peer.sendStream(message.substring(0, split));
            world.run(MS);
            world.peer.sendStream(message.substring(split));
            world.run(MS);
            expected.add("message flow=1 " + PEER_AT + " MESSAGE call-id=s");
        }
        world.run(20 * MS);

        assertThat(handler.lines).isEqualTo(expected);
        assertThat(handler.bodies).containsOnly("body-of-ele");
        assertThat(world.transport.counters().malformed()).isZero();
    }

    @Test
    @DisplayName("R-BAD-2 TCP: a message longer than the stream buffer closes the flow with IO_ERROR, counted")
    void shouldFailFlowOnStreamOverflow()
    {
        final TransportWorld world = connectedTcp(handler, c -> c.streamBufferCapacity(256));
        world.peer.sendStream(request("MESSAGE", "big", "x".repeat(400)));
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();

        assertThat(handler.lines).containsExactly("failure flow=1 IO_ERROR");
        assertThat(world.transport.isOpen(1)).isFalse();
        assertThat(world.transport.counters().framingOverflows()).isEqualTo(1);
        assertThat(world.transport.counters().flowsFailed()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-BAD-2 TCP: undecodable stream bytes are reported, counted, and the flow is closed with IO_ERROR")
    void shouldFailFlowOnMalformedStream()
    {
        final TransportWorld world = connectedTcp(handler);
        world.peer.sendStream("HELLO THERE\r\nno colon here\r\n\r\n");
        assertThat(world.runUntil(() -> handler.lines.size() == 2)).isTrue();
        assertThat(handler.lines).containsExactly("malformed flow=1 length=30", "failure flow=1 IO_ERROR");
        assertThat(world.transport.counters().malformed()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-BAD-2 UDP: junk datagrams are reported and counted, never thrown; the next message still arrives")
    void shouldCountMalformedDatagram()
    {
        final TransportWorld world = new TransportWorld(handler);
        world.transport.open();
        world.peer.sendDatagram(PHONE, SIP_PORT, "junk".getBytes(StandardCharsets.US_ASCII));
        world.peer.sendDatagram(PHONE, SIP_PORT, new byte[] {0, (byte)0xFF, '\n', ':', '\r', '\n', '\r', '\n'});
        world.peer.sendDatagram(PHONE, SIP_PORT,
            "INVITE sip:a SIP/2.0\r\nContent-Length: 99\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));
        world.peer.sendDatagram(PHONE, SIP_PORT, request("OPTIONS", "after", "").getBytes(StandardCharsets.US_ASCII));
        assertThat(world.runUntil(() -> handler.lines.size() == 4)).isTrue();

        assertThat(handler.lines).containsExactly("malformed flow=0 length=4", "malformed flow=0 length=8",
            "malformed flow=0 length=45", "message flow=0 " + PEER_AT + " OPTIONS call-id=after");
        assertThat(world.transport.counters().malformed()).isEqualTo(3);
        assertThat(world.phone.router().errorCount()).isZero();
        assertThat(world.transport.isOpen(SipTransport.LISTENER_FLOW)).isTrue();
    }

    @Test
    @DisplayName("R-SIP-3 TCP: a refused connect fails the flow (CONNECTION_REFUSED); a later flow reconnects")
    void shouldReportRefusedAndReconnect()
    {
        final TransportWorld world = new TransportWorld(handler);
        world.transport.open();
        world.simulation.network().kill(PEER, DeadHostBehaviour.REJECT);
        final int flow = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        world.send(flow, request("REGISTER", "r1", ""));
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("failure flow=1 CONNECTION_REFUSED");
        assertThat(world.transport.isOpen(flow)).isFalse();
        assertThat(world.transport.send(flow, PEER, SIP_PORT, new org.agrona.concurrent.UnsafeBuffer(new byte[1]), 0,
            1, world.nowNs())).isEqualTo(SipTransport.NO_FLOW);

        world.simulation.network().revive(PEER);
        final int again = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        world.send(again, request("REGISTER", "r2", ""));
        assertThat(world.runUntil(() -> world.peer.streamText().length() > 0)).isTrue();
        assertThat(again).isEqualTo(1);
        assertThat(world.peer.streamText()).isEqualTo(request("REGISTER", "r2", ""));
        assertThat(world.transport.counters().flowsFailed()).isEqualTo(1);
        assertThat(world.transport.counters().flowsOpened()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-3 TCP: a reset connection fails the flow (CONNECTION_RESET); a later flow reconnects")
    void shouldReportResetAndReconnect()
    {
        final TransportWorld world = connectedTcp(handler);
        world.simulation.network().kill(PEER, DeadHostBehaviour.REJECT);
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("failure flow=1 CONNECTION_RESET");
        assertThat(world.transport.flowCount()).isEqualTo(1);

        world.simulation.network().revive(PEER);
        final int again = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        world.send(again, request("REGISTER", "after-reset", ""));
        assertThat(world.runUntil(() -> world.peer.streamText().contains("after-reset"))).isTrue();
        assertThat(world.peer.accepted).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-3 TCP: an orderly close by the server fails the flow with PEER_CLOSED")
    void shouldReportPeerClosed()
    {
        final TransportWorld world = connectedTcp(handler);
        world.peer.closeConnection();
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("failure flow=1 PEER_CLOSED");
        assertThat(world.transport.isOpen(1)).isFalse();
    }

    @Test
    @DisplayName("R-SIP-1 R-SIP-3 TLS: a failing handshake fails the flow with TLS_FAILURE")
    void shouldReportTlsFailure()
    {
        final TransportWorld world = new TransportWorld(handler);
        world.transport.open();
        world.simulation.network().failTls(PEER, true);
        final int flow = world.transport.flow(Transport.TLS, PEER, SIP_PORT, "pbx.example.com", world.nowNs());
        assertThat(world.transport.isReliable(flow)).isTrue();
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("failure flow=1 TLS_FAILURE");
    }

    @Test
    @DisplayName("R-SIP-3 UDP: ICMP unreachable from a dead server fails the flow; after revival a flow works again")
    void shouldReportIcmpUnreachableAndReopen()
    {
        final TransportWorld world = new TransportWorld(handler);
        world.transport.open();
        world.peer.udpReply = response(200, "u2").getBytes(StandardCharsets.US_ASCII);
        world.simulation.network().kill(PEER, DeadHostBehaviour.REJECT);
        final int flow = world.transport.flow(Transport.UDP, PEER, SIP_PORT, null, world.nowNs());
        world.send(flow, request("REGISTER", "u1", ""));
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines).containsExactly("failure flow=1 ICMP_UNREACHABLE");
        assertThat(world.transport.isOpen(flow)).isFalse();

        world.simulation.network().revive(PEER);
        final int again = world.transport.flow(Transport.UDP, PEER, SIP_PORT, null, world.nowNs());
        world.send(again, request("REGISTER", "u2", ""));
        assertThat(world.runUntil(() -> handler.lines.size() == 2)).isTrue();
        assertThat(handler.lines.get(1)).isEqualTo("message flow=1 " + PEER_AT + " 200 call-id=u2");
    }

    @Test
    @DisplayName("R-SIP-1 TCP: a connection from a peer to the SIP port becomes a flow that can answer")
    void shouldAcceptIncomingConnection()
    {
        final TransportWorld world = new TransportWorld(handler);
        world.transport.open();
        assertThat(world.transport.isListeningTcp()).isTrue();
        world.peer.connect(PHONE, SIP_PORT);
        world.run(20 * MS);
        world.peer.sendStream(request("OPTIONS", "in1", ""));
        assertThat(world.runUntil(() -> !handler.lines.isEmpty())).isTrue();
        assertThat(handler.lines.get(0)).startsWith("message flow=1 from=192.0.2.20:").endsWith(" OPTIONS call-id=in1");
        assertThat(world.transport.isAccepted(1)).isTrue();
        assertThat(world.transport.counters().flowsAccepted()).isEqualTo(1);

        assertThat(world.send(1, response(200, "in1"))).isEqualTo(NetworkStatus.OK);
        assertThat(world.runUntil(() -> world.peer.streamText().length() > 0)).isTrue();
        assertThat(world.peer.streamText()).isEqualTo(response(200, "in1"));
    }

    @Test
    @DisplayName("R-SIP-1 the flow table is fixed: FULL when every flow is taken, a closed id is handed out again")
    void shouldRefuseWhenFullAndReuseIds()
    {
        final TransportWorld world = new TransportWorld(handler, c -> c.flowCapacity(3));
        world.transport.open();
        assertThat(world.transport.flow(Transport.UDP, PEER, SIP_PORT, null, 0)).isEqualTo(1);
        assertThat(world.transport.flow(Transport.UDP, PEER, 5080, null, 0)).isEqualTo(2);
        assertThat(world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, 0)).isEqualTo(SipTransport.FULL);
        world.transport.close(1);
        assertThat(world.transport.isOpen(1)).isFalse();
        assertThat(world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, 0)).isEqualTo(1);
        assertThat(world.transport.transport(1)).isEqualTo(Transport.TCP);
        assertThat(world.transport.remotePort(2)).isEqualTo(5080);
        world.transport.closeAll();
        assertThat(world.transport.flowCount()).isZero();
        assertThat(world.phoneNetwork.openEndpointCount()).isZero();
        assertThat(handler.lines).isEmpty();
    }

    static TransportWorld connectedTcp(final RecordingHandler handler)
    {
        return connectedTcp(handler, c -> c);
    }

    static TransportWorld connectedTcp(
        final RecordingHandler handler, final java.util.function.UnaryOperator<SipTransportContext> settings)
    {
        final TransportWorld world = new TransportWorld(handler, settings);
        world.transport.open();
        final int flow = world.transport.flow(Transport.TCP, PEER, SIP_PORT, null, world.nowNs());
        assertThat(flow).isEqualTo(1);
        assertThat(world.runUntil(() -> !world.transport.isConnecting(flow) && world.peer.lastConnection >= 0))
            .isTrue();
        return world;
    }
}
