package org.sipredundancy.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fleet benchmark's fleet: cut into shards on threads of their own, each shard still does exactly what the same
 * phones do in a fleet of one simulation, and does it the same way every time.
 */
class PhoneFleetTest
{
    private static final long SEED = 6;

    @Test
    @DisplayName("R-RT-4 R-RT-3 a shard of a fleet carries the same datagrams as a one-simulation fleet of its phones")
    void shouldRunEachShardAsItsOwnFleet()
    {
        final long[] alone;
        try (PhoneFleet first = new PhoneFleet(3, false, SEED, 1))
        {
            assertThat(first.day()).isEqualTo(3 * PhoneFleet.ACCOUNTS);
            alone = first.sentCounts();
        }
        try (PhoneFleet sharded = new PhoneFleet(6, false, SEED, 2))
        {
            assertThat(sharded.day()).isEqualTo(6 * PhoneFleet.ACCOUNTS);
            final long[] sent = sharded.sentCounts();
            assertThat(sent).hasSize(2);
            assertThat(sent[0]).as("phones 0-2, in a shard of their own").isEqualTo(alone[0]).isPositive();
            assertThat(sent[1]).as("phones 3-5").isPositive();
            assertThat(sharded.registeredAccounts()).isEqualTo(6 * PhoneFleet.ACCOUNTS);
        }
    }

    @Test
    @DisplayName("R-RT-4 R-RT-3 a sharded fleet's day is the same in every run, whichever thread runs which shard")
    void shouldRepeatAShardedDayExactly()
    {
        final long[] firstRun;
        try (PhoneFleet fleet = new PhoneFleet(5, false, SEED, 3))
        {
            fleet.day();
            firstRun = fleet.sentCounts();
        }
        try (PhoneFleet fleet = new PhoneFleet(5, false, SEED, 3))
        {
            fleet.day();
            assertThat(fleet.sentCounts()).containsExactly(firstRun);
            assertThat(fleet.instants()).isPositive();
        }
    }

    @Test
    @DisplayName("R-RT-4 a fleet refuses fewer than one shard or more shards than phones, naming the range")
    void shouldRefuseImpossibleShardCounts()
    {
        assertThatThrownBy(() -> new PhoneFleet(4, false, SEED, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("shards must be 1 to 4 (the phones): 0");
        assertThatThrownBy(() -> new PhoneFleet(4, false, SEED, 5))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("shards must be 1 to 4 (the phones): 5");
    }
}
