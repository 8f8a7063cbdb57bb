package org.sipredundancy.hal.host;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.LampState;
import org.sipredundancy.hal.SplitMix64Random;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostHalTest
{
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    @DisplayName("R-RT-5 a given seed makes the host's random source replayable")
    void shouldUseGivenSeed()
    {
        try (HostHal hal = new HostHal(context().seed(42)))
        {
            final SplitMix64Random expected = new SplitMix64Random(42);
            assertThat(hal.random().nextLong()).isEqualTo(expected.nextLong());
            assertThat(hal.random().nextLong()).isEqualTo(expected.nextLong());
        }
    }

    @Test
    @DisplayName("R-RT-5 the host wires clocks, keys, lamps and network to one inbound queue")
    void shouldWireParts()
    {
        try (HostHal hal = new HostHal(context().inboundCapacity(8).inboundPayloadCapacity(512)))
        {
            assertThat(hal.inbound().capacity()).isEqualTo(8);
            assertThat(hal.inbound().payloadCapacity()).isEqualTo(512);
            assertThat(hal.nanoClock().nanoTime()).isNotZero();
            assertThat(hal.epochClock().time()).isPositive();

            hal.keys().lineKey(1);
            final List<Integer> codes = new ArrayList<>();
            hal.inbound().drain((e) -> codes.add(e.type() == InboundEvent.KEY ? e.code() : -1), 8);
            assertThat(codes).containsExactly(KeyCode.LINE_KEY);

            hal.indicators().registrationLamp(1, LampState.ON);
            assertThat(output.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("line 1 registration ON");

            final int handle = hal.network().openUdp(Ipv4.LOOPBACK, 0);
            assertThat(hal.network().localPort(handle)).isPositive();
        }
    }

    private HostHalContext context()
    {
        return new HostHalContext().indicatorOut(new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
