package org.sipredundancy.hal.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimClockTest
{
    @Test
    @DisplayName("R-RT-4 R-RT-3 virtual time starts at zero and the wall clock at 2026-01-01T00:00:00Z")
    void shouldStartAtZeroAndFixedEpoch()
    {
        final SimClock clock = new SimClock();

        assertThat(clock.nanoTime()).isZero();
        assertThat(Instant.ofEpochMilli(clock.time())).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("R-RT-4 the clock moves only when told, to a time or by a span, and the wall clock follows")
    void shouldAdvanceToAndBy()
    {
        final SimClock clock = new SimClock(1_000L);

        clock.advanceTo(2_500_000L);
        assertThat(clock.nanoTime()).isEqualTo(2_500_000L);
        assertThat(clock.time()).isEqualTo(1_002L);

        clock.advanceBy(500_000L);
        assertThat(clock.nanoTime()).isEqualTo(3_000_000L);
        assertThat(clock.time()).isEqualTo(1_003L);

        clock.advanceTo(3_000_000L);
        assertThat(clock.nanoTime()).isEqualTo(3_000_000L);
        assertThat(clock.epochBaseMs()).isEqualTo(1_000L);
    }

    @Test
    @DisplayName("R-RT-4 virtual time never runs backwards and the refusal names both times")
    void shouldRefuseToMoveBackwards()
    {
        final SimClock clock = new SimClock();
        clock.advanceTo(7_000L);

        assertThatThrownBy(() -> clock.advanceTo(6_999L))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("7000")
            .hasMessageContaining("6999");
        assertThatThrownBy(() -> clock.advanceBy(-1L))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("7000")
            .hasMessageContaining("-1");
        assertThat(clock.nanoTime()).isEqualTo(7_000L);
    }
}
