package org.sipredundancy.profiles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fixed profile refuses impossible facts at start and cannot be changed afterwards.
 */
class FixedHardwareProfileTest
{
    @Test
    @DisplayName("R-PRO-1 R-PRO-4 a blank model id, no accounts or a negative firmware are refused")
    void shouldRefuseImpossibleFacts()
    {
        assertThatThrownBy(() -> new FixedHardwareProfile(" ", List.of(), 1, 80, false, false))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedHardwareProfile("X", List.of(), 0, 80, false, false))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X: account count 0");
        assertThatThrownBy(() -> new FixedHardwareProfile("X", List.of(), 1, -1, false, false))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X: minimum firmware -1");
    }

    @Test
    @DisplayName("R-PRO-4 the aliases are copied, so the caller's list cannot change the profile")
    void shouldCopyAliases()
    {
        final List<String> aliases = new ArrayList<>(List.of("A"));
        final HardwareProfile profile = new FixedHardwareProfile("X", aliases, 1, 80, false, false);

        aliases.add("B");

        assertThat(profile.aliases()).containsExactly("A");
        assertThatThrownBy(() -> profile.aliases().add("C")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("R-PRO-3 a profile says whether it is a DECT base station when printed")
    void shouldPrintDect()
    {
        assertThat(new FixedHardwareProfile("W56P", List.of(), 5, 80, true, false))
            .hasToString("W56P (5 accounts, firmware 80 or later, DECT base station)");
    }
}
