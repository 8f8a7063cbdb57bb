package org.sipredundancy.hal.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.CommandCode;
import org.sipredundancy.hal.Hal;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.LampState;
import org.sipredundancy.hal.SplitMix64Random;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;
import static org.sipredundancy.hal.sim.SimWorld.send;

class SimHalTest
{
    private static final long MASTER_SEED = 99L;

    private final SimClock clock = new SimClock();
    private final SimNetwork network = new SimNetwork(
        clock, new SplitMix64Random(SplitMix64Random.deriveSeed(MASTER_SEED, 1)), new SimNetworkContext());

    private static List<int[]> drain(final InboundEventQueue queue)
    {
        final List<int[]> events = new ArrayList<>();
        queue.drain((event) -> events.add(new int[]{event.type(), event.code(), event.value()}), Integer.MAX_VALUE);
        return events;
    }

    @Test
    @DisplayName("R-RT-5 R-RT-3 a simulated phone's HAL: the world's clock, its own seeded random, its network host")
    void shouldWireComponents()
    {
        final InboundEventQueue inbound = new InboundEventQueue(16, 512);
        final long seed = SplitMix64Random.deriveSeed(MASTER_SEED, 2);
        final Hal hal = new SimHal(network, PHONE, seed, inbound);

        clock.advanceTo(1_500 * MS);
        assertThat(hal.nanoClock().nanoTime()).isEqualTo(1_500 * MS);
        assertThat(hal.epochClock().time()).isEqualTo(SimClock.DEFAULT_EPOCH_BASE_MS + 1_500);
        assertThat(hal.random().nextLong()).isEqualTo(new SplitMix64Random(seed).nextLong());
        assertThat(hal.inbound()).isSameAs(inbound);
        assertThat(hal.network()).isSameAs(network.host(PHONE));
        assertThat(((SimHal)hal).address()).isEqualTo(PHONE);
    }

    @Test
    @DisplayName("R-RT-5 keys and network events reach the phone through its one inbound queue")
    void shouldPublishKeysAndNetworkIntoInbound()
    {
        final SimHal hal = new SimHal(network, PHONE, 7L, new InboundEventQueue(16, 512));
        final SimHostNetwork server = network.attach(SERVER, new InboundEventQueue(16, 512));
        final int serverHandle = server.openUdp(SERVER, SIP_PORT);
        final int phoneHandle = hal.network().openUdp(PHONE, SIP_PORT);

        assertThat(hal.keys().lineKey(1)).isTrue();
        assertThat(hal.keys().digit('5')).isTrue();
        assertThat(hal.keys().command(CommandCode.QUIT, 0)).isTrue();
        send(server, serverHandle, PHONE, SIP_PORT, "NOTIFY");
        clock.advanceTo(network.nextEventNs());
        network.deliverDue(clock.nanoTime());

        assertThat(drain(hal.inbound())).containsExactly(
            new int[]{InboundEvent.KEY, KeyCode.LINE_KEY, 1},
            new int[]{InboundEvent.KEY, KeyCode.DIGIT, '5'},
            new int[]{InboundEvent.COMMAND, CommandCode.QUIT, 0},
            new int[]{InboundEvent.DATAGRAM, 0, 0});
        assertThat(phoneHandle).isNotNegative();
    }

    @Test
    @DisplayName("R-RT-5 the simulated indicators remember each lamp and the status text, and ignore unknown ones")
    void shouldRememberIndicators()
    {
        final SimIndicators indicators = new SimHal(network, PHONE, 7L, new InboundEventQueue(16, 512)).indicators();

        indicators.registrationLamp(1, LampState.ON);
        indicators.registrationLamp(2, LampState.FLASHING_FAST);
        indicators.blfLamp(10, LampState.FLASHING_SLOW);
        indicators.statusText("Registered on 10.0.0.2");
        indicators.registrationLamp(0, LampState.ON);
        indicators.blfLamp(10_000, LampState.ON);

        assertThat(indicators.registrationLamp(1)).isEqualTo(LampState.ON);
        assertThat(indicators.registrationLamp(2)).isEqualTo(LampState.FLASHING_FAST);
        assertThat(indicators.registrationLamp(3)).isEqualTo(LampState.OFF);
        assertThat(indicators.registrationLamp(99)).isEqualTo(LampState.OFF);
        assertThat(indicators.blfLamp(10)).isEqualTo(LampState.FLASHING_SLOW);
        assertThat(indicators.statusText()).isEqualTo("Registered on 10.0.0.2");
        assertThat(indicators.changeCount()).isEqualTo(4);
        assertThat(indicators.ignoredCount()).isEqualTo(2);

        indicators.statusText(null);
        assertThat(indicators.statusText()).isEmpty();
    }
}
