package org.sipredundancy.profiles.yealink;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.HardwareProfileConformanceTest.Expected;
import org.sipredundancy.profiles.ModelLookup;
import org.sipredundancy.profiles.ProfileRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry over the built-in Yealink models: what it holds, in which order, and how it answers names.
 */
class ProfileRegistryTest
{
    private final ProfileRegistry registry = new ProfileRegistry(List.of(new YealinkProfiles()));

    @Test
    @DisplayName("R-PRO-1 all 29 models of the seed are present")
    void shouldHoldEverySeedModel()
    {
        final List<String> seedIds = new ArrayList<>();
        for (final Expected row : YealinkProfilesConformanceTest.seedTable())
        {
            seedIds.add(row.modelId());
        }

        assertThat(seedIds).hasSize(29);
        assertThat(modelIds(registry.all())).containsExactlyInAnyOrderElementsOf(seedIds);
    }

    @Test
    @DisplayName("R-PRO-1 all() lists most accounts first, then by model id")
    void shouldListInStableOrder()
    {
        assertThat(modelIds(registry.all())).containsExactly(
            "SIP VP-T49G", "SIP-T29G", "SIP-T46G", "SIP-T46S", "SIP-T48G", "SIP-T48S", "SIP-T54S", "SIP-T56A",
            "SIP-T58A", "SIP-T58V",
            "SIP-T42G", "SIP-T42S", "SIP-T52S",
            "W53P", "W60P",
            "SIP-T27G", "SIP-T41P", "SIP-T41S",
            "W52P", "W56P",
            "SIP-T23G", "SIP-T23P", "SIP-T40G", "SIP-T40P",
            "SIP-T21(P) E2",
            "CP860", "CP920", "CP960", "SIP-T19(P) E2");
    }

    @Test
    @DisplayName("R-PRO-1 all() is the same whatever order the providers' lists are in")
    void shouldListInSameOrderWhateverProviderOrder()
    {
        final List<HardwareProfile> reversed = new ArrayList<>(new YealinkProfiles().profiles());
        Collections.reverse(reversed);

        final ProfileRegistry other = new ProfileRegistry(List.of(() -> reversed));

        assertThat(modelIds(other.all())).isEqualTo(modelIds(registry.all()));
    }

    @ParameterizedTest(name = "R-PRO-5 ''{0}'' finds {1}")
    @DisplayName("R-PRO-5 names match forgivingly")
    @CsvSource(delimiter = '|', value = {
        "T46G          | SIP-T46G",
        "sip-t46g      | SIP-T46G",
        "SIP-T46G      | SIP-T46G",
        "SIP T46G      | SIP-T46G",
        "VP-T49G       | SIP VP-T49G",
        "SIP VP-T49G   | SIP VP-T49G",
        "sip-vp-t49g   | SIP VP-T49G",
        "T21P E2       | SIP-T21(P) E2",
        "T21(P) E2     | SIP-T21(P) E2",
        "SIP-T21P E2   | SIP-T21(P) E2",
        "T21 E2        | SIP-T21(P) E2",
        "t19p e2       | SIP-T19(P) E2",
        "T19(P)E2      | SIP-T19(P) E2",
        "cp960         | CP960",
        "CP 960        | CP960",
        "w56p          | W56P",
        "W-56-P        | W56P",
        "'  t41p  '    | SIP-T41P",
    })
    void shouldFindByForgivingName(final String name, final String modelId)
    {
        final ModelLookup lookup = registry.find(name);

        assertThat(lookup.isFound()).isTrue();
        assertThat(lookup.orElseThrow().modelId()).isEqualTo(modelId);
        assertThat(lookup.suggestions()).isEmpty();
        assertThat(lookup.requestedName()).isEqualTo(name);
    }

    @Test
    @DisplayName("R-PRO-5 a P that is part of the model name is not optional")
    void shouldNotDropThePThatIsPartOfTheName()
    {
        assertThat(registry.find("T41P").orElseThrow().modelId()).isEqualTo("SIP-T41P");
        assertThat(registry.find("T41").isFound()).isFalse();
        assertThat(registry.find("T21").isFound()).isFalse();
    }

    @Test
    @DisplayName("R-PRO-5 an unknown name lists the three closest model ids")
    void shouldSuggestThreeClosestForUnknownName()
    {
        final ModelLookup lookup = registry.find("T46X");

        assertThat(lookup).isNotNull();
        assertThat(lookup.isFound()).isFalse();
        assertThat(lookup.profile()).isEmpty();
        assertThat(lookup.suggestions()).containsExactly("SIP-T46G", "SIP-T46S", "SIP-T48G");
        assertThat(lookup.message()).isEqualTo("unknown model 'T46X'; did you mean SIP-T46G, SIP-T46S, SIP-T48G?");
    }

    @ParameterizedTest(name = "R-PRO-5 ''{0}'' suggests {1}, {2}, {3}")
    @DisplayName("R-PRO-5 suggestions are nearest first, ties in all() order")
    @CsvSource(delimiter = '|', value = {
        "CP961       | CP960         | CP860         | CP920",
        "W57P        | W53P          | W52P          | W56P",
        "T21Q E2     | SIP-T21(P) E2 | SIP-T19(P) E2 | SIP-T29G",
        "VP-T49X     | SIP VP-T49G   | SIP-T29G      | SIP-T46G",
        "sip-t58b    | SIP-T58A      | SIP-T58V      | SIP-T48G",
    })
    void shouldSuggestNearestFirst(final String name, final String first, final String second, final String third)
    {
        assertThat(registry.find(name).suggestions()).containsExactly(first, second, third);
    }

    @Test
    @DisplayName("R-PRO-5 an unknown name is refused with the suggestion when a profile is required")
    void shouldRefuseUnknownNameWithSuggestion()
    {
        assertThatThrownBy(() -> registry.find("T46X").orElseThrow())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown model 'T46X'; did you mean SIP-T46G, SIP-T46S, SIP-T48G?");
    }

    @Test
    @DisplayName("R-PRO-5 an empty registry answers an unknown name without suggestions")
    void shouldAnswerWithoutSuggestionsWhenEmpty()
    {
        final ModelLookup lookup = new ProfileRegistry(List.of()).find("T46G");

        assertThat(lookup.isFound()).isFalse();
        assertThat(lookup.suggestions()).isEmpty();
        assertThat(lookup.message()).isEqualTo("unknown model 'T46G'; no models are known");
    }

    private static List<String> modelIds(final List<HardwareProfile> profiles)
    {
        final List<String> ids = new ArrayList<>();
        for (final HardwareProfile profile : profiles)
        {
            ids.add(profile.modelId());
        }
        return ids;
    }
}
