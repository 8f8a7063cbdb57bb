package org.sipredundancy.core.sim;

import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimNetworkContext;
import org.sipredundancy.hal.sim.SimTrace;

/**
 * A small simulated world for the loop's own tests: one phone running {@link PingAgent} on its duty cycle and
 * one {@link EchoNode}, over a lossy, jittery, duplicating link.
 */
final class PingWorld
{
    static final int PHONE = (int)Ipv4.parse("192.0.2.10");
    static final int PEER = (int)Ipv4.parse("192.0.2.20");
    static final long MS = 1_000_000L;

    final Simulation simulation;
    final DutyCycle phone;
    final PingAgent ping;

    PingWorld(final long seed, final SimTrace trace)
    {
        simulation = new Simulation(seed, new SimNetworkContext()
            .trace(trace)
            .defaultLink(new LinkProfile(5 * MS, 3 * MS, 0.2, 0.05)));
        simulation.add(new EchoNode(simulation.network(), PEER, 7));
        final InboundEventQueue inbound = new InboundEventQueue(256, 2048);
        final var phoneNetwork = simulation.network().attach(PHONE, inbound);
        phone = new DutyCycle(new DutyCycleContext().nanoClock(simulation.clock()).inbound(inbound));
        ping = new PingAgent(phone, phoneNetwork, PHONE, PEER, 7, 20 * MS, 200 * MS);
        simulation.add(new DutyCycleNode(phone));
    }
}
