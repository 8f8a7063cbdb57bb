package org.sipredundancy.core.sip.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.sim.DutyCycleNode;
import org.sipredundancy.core.sim.Simulation;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimHostNetwork;
import org.sipredundancy.hal.sim.SimNetworkContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A phone with a {@link SipTransport} on its duty cycle and a {@link SipPeerNode} server, over a lossless link of
 * 5 ms each way, in virtual time.
 */
final class TransportWorld
{
    static final int PHONE = (int)Ipv4.parse("192.0.2.10");
    static final int PEER = (int)Ipv4.parse("192.0.2.20");
    static final int SIP_PORT = 5060;
    static final long MS = 1_000_000L;

    final Simulation simulation;
    final DutyCycle phone;
    final SimHostNetwork phoneNetwork;
    final SipTransport transport;
    final SipPeerNode peer;

    TransportWorld(final SipMessageHandler handler)
    {
        this(handler, UnaryOperator.identity());
    }

    TransportWorld(final SipMessageHandler handler, final UnaryOperator<SipTransportContext> settings)
    {
        simulation = new Simulation(Simulation.seedOr(11L), new SimNetworkContext()
            .defaultLink(LinkProfile.latency(5 * MS)));
        peer = simulation.add(new SipPeerNode(simulation.network(), PEER, SIP_PORT));
        final InboundEventQueue inbound = new InboundEventQueue(256, 4096);
        phoneNetwork = simulation.network().attach(PHONE, inbound);
        phone = new DutyCycle(new DutyCycleContext().nanoClock(simulation.clock()).inbound(inbound));
        transport = new SipTransport(settings.apply(new SipTransportContext()
            .network(phoneNetwork)
            .router(phone.router())
            .handler(handler)
            .localAddress(PHONE)));
        simulation.add(new DutyCycleNode(phone));
    }

    long nowNs()
    {
        return simulation.clock().nanoTime();
    }

    int send(final int flow, final String message)
    {
        final byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        return transport.send(flow, PEER, SIP_PORT, new UnsafeBuffer(bytes), 0, bytes.length, nowNs());
    }

    boolean runUntil(final BooleanSupplier condition)
    {
        return simulation.runUntil(condition, Duration.ofSeconds(5));
    }

    void run(final long durationNs)
    {
        simulation.runForNs(durationNs);
    }

    static String request(final String method, final String callId, final String body)
    {
        return method + " sip:pbx.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId + "\r\n" +
            "Call-ID: " + callId + "\r\n" +
            "CSeq: 1 " + method + "\r\n" +
            "Content-Length: " + body.length() + "\r\n" +
            "\r\n" + body;
    }

    static String response(final int code, final String callId)
    {
        return "SIP/2.0 " + code + " OK\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + callId + "\r\n" +
            "Call-ID: " + callId + "\r\n" +
            "CSeq: 1 REGISTER\r\n" +
            "Content-Length: 0\r\n" +
            "\r\n";
    }
}
