package org.sipredundancy.core.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.SplitMix64Random;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationBackoffTest
{
    private static final long S = 1_000_000_000L;

    @Test
    @DisplayName("R-FO-1 the ceiling is min(1800 s, 30 s · 2^failures)")
    void ceiling()
    {
        final RegistrationBackoff backoff = new RegistrationBackoff();
        final List<Long> ceilings = new ArrayList<>();
        for (int failures = 0; failures <= 7; failures++)
        {
            ceilings.add(backoff.ceilingNs(failures) / S);
        }
        assertThat(ceilings).containsExactly(60L, 60L, 120L, 240L, 480L, 960L, 1800L, 1800L);
        assertThat(backoff.ceilingNs(1_000_000)).isEqualTo(1800 * S);
    }

    @Test
    @DisplayName("R-FO-1 R-RT-3 the wait is a random 50–100 % of the ceiling, from the seeded source, reproducibly")
    void jitter()
    {
        final RegistrationBackoff backoff = new RegistrationBackoff();
        final SplitMix64Random random = new SplitMix64Random(9);
        final TreeSet<Long> percents = new TreeSet<>();
        for (int i = 0; i < 2000; i++)
        {
            final long delay = backoff.delayNs(3, random);
            assertThat(delay).isBetween(120 * S, 240 * S);
            percents.add(delay * 100 / (240 * S));
        }
        assertThat(percents.first()).isEqualTo(50);
        assertThat(percents.last()).isEqualTo(100);
        assertThat(percents).hasSize(51);
        final SplitMix64Random a = new SplitMix64Random(4);
        final SplitMix64Random b = new SplitMix64Random(4);
        for (int i = 0; i < 20; i++)
        {
            assertThat(backoff.delayNs(i, a)).isEqualTo(backoff.delayNs(i, b));
        }
    }

    @Test
    @DisplayName("R-FO-1 a fixed interval replaces the formula, without jitter; bad settings are refused by name")
    void fixedInterval()
    {
        final RegistrationBackoff backoff = new RegistrationBackoff(30, 1800, 45);
        assertThat(backoff.delayNs(1, new SplitMix64Random(1))).isEqualTo(45 * S);
        assertThat(backoff.delayNs(9, new SplitMix64Random(2))).isEqualTo(45 * S);
        assertThatThrownBy(() -> new RegistrationBackoff(0, 1800, 0)).hasMessageContaining("base 0 s");
        assertThatThrownBy(() -> new RegistrationBackoff(60, 30, 0)).hasMessageContaining("max 30 s");
        assertThatThrownBy(() -> new RegistrationBackoff(30, 1800, -1)).hasMessageContaining("fixed -1 s");
    }
}
