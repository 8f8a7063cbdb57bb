package org.sipredundancy.core.examples;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.core.sim.DutyCycleNode;
import org.sipredundancy.core.sim.Simulation;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.host.HostHal;
import org.sipredundancy.hal.host.HostHalContext;
import org.sipredundancy.hal.sim.DeadHostBehaviour;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimHal;
import org.sipredundancy.hal.sim.SimNetworkContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's two code samples, kept compiling and working: embedding the core on a host, and stepping it in a
 * simulation. If one of these breaks, the README is wrong.
 */
class ReadmeExamplesTest
{
    @Test
    @DisplayName("R-RT-1 R-RT-5 README: the duty cycle runs on a real host under an AgentRunner")
    void shouldEmbedOnHost() throws Exception
    {
        final AtomicInteger received = new AtomicInteger();
        try (HostHal hal = new HostHal(new HostHalContext()))
        {
            final DutyCycle dutyCycle = new DutyCycle(new DutyCycleContext()
                .nanoClock(hal.nanoClock())
                .inbound(hal.inbound()));

            // Start-up: components open endpoints and route their events (this may allocate).
            final int handle = hal.network().openUdp(Ipv4.LOOPBACK, 0);
            dutyCycle.router().route(handle, (event, nowNs) -> received.incrementAndGet());

            try (AgentRunner runner = new AgentRunner(
                new BackoffIdleStrategy(), Throwable::printStackTrace, null, dutyCycle))
            {
                AgentRunner.startOnThread(runner);
                final UnsafeBuffer hello = new UnsafeBuffer("hello".getBytes(StandardCharsets.US_ASCII));
                hal.network().send(handle, Ipv4.LOOPBACK, hal.network().localPort(handle), hello, 0, 5);
                for (int i = 0; i < 500 && received.get() == 0; i++)
                {
                    Thread.sleep(10);
                }
            }
        }
        assertThat(received.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-RT-4 README: a phone stepped in virtual time sees its peer die at 60 s")
    void shouldStepInSimulation()
    {
        final int phoneAddress = (int)Ipv4.parse("192.0.2.10");
        final int serverAddress = (int)Ipv4.parse("192.0.2.20");
        final Simulation sim = new Simulation(Simulation.seedOr(42), new SimNetworkContext()
            .defaultLink(new LinkProfile(5_000_000L, 0, 0.0, 0.0)));
        final SimHal phoneHal = new SimHal(sim.network(), phoneAddress, sim.seed(), new InboundEventQueue(256, 2048));
        final DutyCycle phone = new DutyCycle(new DutyCycleContext()
            .nanoClock(sim.clock())
            .inbound(phoneHal.inbound()));
        sim.add(new DutyCycleNode(phone));
        sim.network().attach(serverAddress, new InboundEventQueue(16, 2048)).openUdp(serverAddress, 5060);

        // Every second the phone sends a datagram on a connected endpoint; ICMP unreachable says the server is dead.
        final int handle = phoneHal.network().openConnectedUdp(phoneAddress, serverAddress, 5060);
        final long[] deadAtNs = {-1};
        phone.router().route(handle, (event, nowNs) ->
        {
            if (event.type() == InboundEvent.TRANSPORT_ERROR && deadAtNs[0] < 0)
            {
                deadAtNs[0] = nowNs;
            }
        });
        final UnsafeBuffer ping = new UnsafeBuffer(new byte[4]);
        final Timer[] every = new Timer[1];
        every[0] = phone.timers().newTimer((token, nowNs) ->
        {
            phoneHal.network().send(handle, 0, 0, ping, 0, 4);
            phone.timers().schedule(every[0], nowNs + 1_000_000_000L);
        }, 0);
        phone.timers().schedule(every[0], 1_000_000_000L);

        sim.at(Duration.ofSeconds(60).toNanos(), () -> sim.network().kill(serverAddress, DeadHostBehaviour.REJECT));
        sim.runFor(Duration.ofMinutes(5));

        // The kill and the ping due at 60 s share one instant, and actions run first: the 60 s ping already finds
        // the server dead, and its ICMP unreachable is back one round trip (2 x 5 ms) later.
        assertThat(deadAtNs[0]).as(sim.reproduceHint()).isEqualTo(Duration.ofSeconds(60).toNanos() + 10_000_000L);
    }
}
