package org.sipredundancy.core.sip;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.sim.DutyCycleNode;
import org.sipredundancy.core.sim.SimNode;
import org.sipredundancy.core.sim.Simulation;
import org.sipredundancy.core.sip.uas.CallListener;
import org.sipredundancy.core.sip.uas.IncomingRequests;
import org.sipredundancy.core.sip.uas.IncomingRequestsContext;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimNetworkContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack's server side over the simulated network: requests from the account's server reach
 * {@link IncomingRequests} through the transport and the server transactions and are answered on the wire; a
 * stranger is ignored; a request the decoder rejects is answered 400 when its request line parses.
 */
class SipStackSimulationTest implements CallListener
{
    private static final int PHONE = (int)Ipv4.parse("10.0.0.2");
    private static final int SERVER = (int)Ipv4.parse("192.168.1.14");
    private static final int STRANGER = (int)Ipv4.parse("203.0.113.9");
    private static final long MS = 1_000_000L;

    private final Simulation simulation = new Simulation(Simulation.seedOr(3L),
        new SimNetworkContext().defaultLink(LinkProfile.latency(5 * MS)));
    private final List<String> calls = new ArrayList<>();
    private final SipStack stack;
    private final IncomingRequests incoming;
    private final Peer server = new Peer(SERVER);
    private final Peer stranger = new Peer(STRANGER);

    SipStackSimulationTest()
    {
        final InboundEventQueue inbound = new InboundEventQueue(256, 4096);
        final Network network = simulation.network().attach(PHONE, inbound);
        final DutyCycle phone = new DutyCycle(new DutyCycleContext().nanoClock(simulation.clock()).inbound(inbound));
        stack = new SipStack(network, phone.router(), phone.timers(), simulation.randomFor(1), PHONE, 5060);
        incoming = new IncomingRequests(new IncomingRequestsContext().transactions(stack.serverTransactions())
            .clientTransactions(stack.transactions())
            .sender(stack.transport()).random(simulation.randomFor(2)).contactUri("sip:1001@10.0.0.2:5060")
            .localAddress("10.0.0.2").sourceFilter(address -> address == SERVER).callListener(this)
            .notifyListener((notify, nowNs) -> calls.add("notify")));
        stack.requestHandler(incoming::onRequest);
        phone.router().inputHandler(incoming);
        assertThat(stack.transport().open()).isEqualTo(NetworkStatus.OK);
        simulation.add(new DutyCycleNode(phone));
        simulation.add(server);
        simulation.add(stranger);
    }

    private static String request(final String method, final String branch, final String callId, final String extra)
    {
        return method + " sip:1001@10.0.0.2:5060 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.168.1.14:5060;branch=z9hG4bK" + branch + "\r\n" +
            "From: <sip:4606@pbx.test>;tag=caller\r\nTo: <sip:1001@pbx.test>\r\n" +
            "Call-ID: " + callId + "\r\nCSeq: 1 " + method + "\r\n" + extra + "Content-Length: 0\r\n\r\n";
    }

    @Test
    @DisplayName("R-SIP-6 OPTIONS and NOTIFY from the server are answered 200; a stranger's OPTIONS is ignored")
    void optionsAndAntiSpoofing()
    {
        server.send(request("OPTIONS", "o1", "c1", ""));
        stranger.send(request("OPTIONS", "o2", "c2", ""));
        server.send(request("NOTIFY", "n1", "c3", "Event: message-summary\r\n"));
        simulation.runForNs(100 * MS);
        assertThat(server.statusLines()).containsExactly("SIP/2.0 200 OK", "SIP/2.0 200 OK");
        assertThat(stranger.received).isEmpty();
        assertThat(incoming.droppedSource()).isEqualTo(1);
        assertThat(calls).containsExactly("notify");
    }

    @Test
    @DisplayName("R-SIP-6 an INVITE rings (100, 180), the line key answers it with 200 and SDP; BYE ends it")
    void incomingCall()
    {
        server.send(request("INVITE", "i1", "call-1", ""));
        simulation.runForNs(50 * MS);
        assertThat(server.statusLines()).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 180 Ringing");
        assertThat(calls).containsExactly("incoming");
        incoming.onInput(InboundEvent.KEY, KeyCode.LINE_KEY, 1, simulation.clock().nanoTime());
        simulation.runForNs(50 * MS);
        assertThat(server.statusLines()).endsWith("SIP/2.0 200 OK");
        assertThat(server.received.get(server.received.size() - 1)).contains("Content-Type: application/sdp")
            .contains("m=audio ");
        server.send(request("INVITE", "i2", "call-2", ""));
        simulation.runForNs(50 * MS);
        assertThat(server.statusLines()).contains("SIP/2.0 486 Busy Here");
        server.send(request("BYE", "b1", "call-1", "").replace("To: <sip:1001@pbx.test>",
            "To: <sip:1001@pbx.test>;tag=" + toTag(server.received.get(2))));
        simulation.runForNs(50 * MS);
        assertThat(calls).containsExactly("incoming", "ended 1");
    }

    @Test
    @DisplayName("R-BAD-2 a request the decoder rejects is answered 400 when its request line parses, else dropped")
    void badRequests()
    {
        server.send("INVITE sip:1001@10.0.0.2 SIP/2.0\r\nVia: SIP/2.0/UDP 192.168.1.14:5060;branch=z9hG4bKx\r\n" +
            "i: bad-1\r\nCSeq: 1 INVITE\r\nThis line has no colon\r\nContent-Length: 0\r\n\r\n");
        server.send("garbage that is no SIP at all\r\n\r\n");
        simulation.runForNs(50 * MS);
        assertThat(server.statusLines()).containsExactly("SIP/2.0 400 Bad Request");
        assertThat(server.received.get(0)).contains("Via: SIP/2.0/UDP 192.168.1.14:5060;branch=z9hG4bKx\r\n")
            .contains("i: bad-1\r\n").contains("CSeq: 1 INVITE\r\n");
        assertThat(stack.malformedCount()).isEqualTo(2);
        assertThat(stack.badRequestCount()).isEqualTo(1);
    }

    private static String toTag(final String response)
    {
        final int at = response.indexOf(";tag=", response.indexOf("\nTo:"));
        return response.substring(at + 5, response.indexOf("\r\n", at));
    }

    public void onIncomingCall(final int call, final SipMessageDecoder invite, final long nowNs)
    {
        calls.add("incoming");
    }

    public void onCallEnded(final int call, final int reason, final long nowNs)
    {
        calls.add("ended " + reason);
    }

    /** A host that sends requests to the phone's SIP port over UDP and keeps what comes back. */
    private final class Peer implements SimNode, InboundEventHandler
    {
        final List<String> received = new ArrayList<>();
        private final InboundEventQueue queue = new InboundEventQueue(64, 4096);
        private final Network network;
        private final int handle;

        Peer(final int address)
        {
            network = simulation.network().attach(address, queue);
            handle = network.openUdp(address, 5060);
        }

        void send(final String message)
        {
            final byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            network.send(handle, PHONE, 5060, new UnsafeBuffer(bytes), 0, bytes.length);
        }

        List<String> statusLines()
        {
            return received.stream().map(r -> r.substring(0, r.indexOf("\r\n"))).toList();
        }

        public int doWork()
        {
            return queue.drain(this, Integer.MAX_VALUE);
        }

        public long nextDeadlineNs()
        {
            return Long.MAX_VALUE;
        }

        public void onInboundEvent(final InboundEvent event)
        {
            if (event.type() == InboundEvent.DATAGRAM)
            {
                received.add(event.buffer().getStringWithoutLengthAscii(0, event.length()));
            }
        }
    }
}
