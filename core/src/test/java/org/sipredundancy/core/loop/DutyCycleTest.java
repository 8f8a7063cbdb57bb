package org.sipredundancy.core.loop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.KeyEventPublisher;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DutyCycleTest
{
    private final long[] clockNs = {1_000_000L};
    private final List<String> log = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private InboundEventQueue inbound;
    private DutyCycle dutyCycle;

    @BeforeEach
    void setUp()
    {
        inbound = new InboundEventQueue(16, 256);
        dutyCycle = new DutyCycle(new DutyCycleContext()
            .nanoClock(() -> clockNs[0])
            .inbound(inbound)
            .inboundLimit(4)
            .errorHandler(errors::add));
    }

    private void publishDatagram(final int handle, final String payload)
    {
        final InboundEvent event = inbound.claim();
        event.network(InboundEvent.DATAGRAM, handle, 0x7F000001, 5060);
        event.buffer().putStringWithoutLengthAscii(0, payload);
        event.length(payload.length());
        inbound.publish(event);
    }

    @Test
    @DisplayName("R-RT-1 one cycle reads the clock once and hands that time to events, timers and components")
    void shouldUseOneTimePerCycle()
    {
        dutyCycle.router().route(3, (event, nowNs) -> log.add("event@" + nowNs));
        final Timer timer = dutyCycle.timers().newTimer((token, nowNs) -> log.add("timer@" + nowNs), 1);
        dutyCycle.addComponent((nowNs) ->
        {
            log.add("component@" + nowNs);
            return 0;
        });
        dutyCycle.timers().schedule(timer, clockNs[0] + 5_000_000L);
        publishDatagram(3, "x");
        clockNs[0] += 10_000_000L;

        assertThat(dutyCycle.doWork()).isEqualTo(2);

        final long now = clockNs[0];
        assertThat(log).containsExactly("event@" + now, "timer@" + now, "component@" + now);
        assertThat(dutyCycle.nowNs()).isEqualTo(now);
    }

    @Test
    @DisplayName("R-RT-1 R-BAD-4 the inbound queue is drained at most inboundLimit events per cycle")
    void shouldLimitInboundPerCycle()
    {
        dutyCycle.router().route(1, (event, nowNs) -> log.add(event.buffer().getStringWithoutLengthAscii(0, 1)));
        for (int i = 0; i < 10; i++)
        {
            publishDatagram(1, Integer.toString(i));
        }

        assertThat(dutyCycle.doWork()).isEqualTo(4);
        assertThat(dutyCycle.doWork()).isEqualTo(4);
        assertThat(dutyCycle.doWork()).isEqualTo(2);
        assertThat(dutyCycle.doWork()).isZero();
        assertThat(log).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    @DisplayName("R-BAD-2 a handler that throws is contained: counted, reported, and the next event is handled")
    void shouldContainHandlerFailure()
    {
        dutyCycle.router().route(1, (event, nowNs) ->
        {
            throw new IllegalStateException("malformed");
        });
        dutyCycle.router().route(2, (event, nowNs) -> log.add("second"));
        publishDatagram(1, "a");
        publishDatagram(2, "b");

        assertThat(dutyCycle.doWork()).isEqualTo(2);

        assertThat(log).containsExactly("second");
        assertThat(dutyCycle.router().errorCount()).isEqualTo(1);
        assertThat(errors).singleElement().hasFieldOrPropertyWithValue("message", "malformed");
    }

    @Test
    @DisplayName("R-RT-1 events for endpoints nobody owns are counted and dropped")
    void shouldCountUnroutedEvents()
    {
        publishDatagram(42, "stray");
        dutyCycle.doWork();
        assertThat(dutyCycle.router().unroutedCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-RT-5 key presses reach the input handler in the order pressed")
    void shouldDeliverKeys()
    {
        dutyCycle.router().inputHandler((type, code, value, nowNs) -> log.add(KeyCode.name(code) + ":" + value));
        final KeyEventPublisher keys = new KeyEventPublisher(inbound);
        keys.hook(true);
        keys.digit('4');
        keys.digit('6');
        keys.send();
        assertThat(keys.digit('x')).isFalse();

        dutyCycle.doWork();

        assertThat(log).containsExactly("HOOK_OFF:0", "DIGIT:52", "DIGIT:54", "SEND:0");
    }

    @Test
    @DisplayName("R-RT-1 an idle cycle reports no work")
    void shouldReportIdle()
    {
        assertThat(dutyCycle.doWork()).isZero();
        assertThat(dutyCycle.cycleCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-RT-1 settings are checked once and a bad one is named")
    void shouldNameBadSetting()
    {
        final DutyCycleContext context = new DutyCycleContext().nanoClock(() -> 0).inbound(inbound).ticksPerWheel(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(context::conclude)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ticksPerWheel must be a power of two: 100");
    }
}
