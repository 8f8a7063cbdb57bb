package org.sipredundancy.profiles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.profiles.yealink.YealinkProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.sipredundancy.profiles.FakeProvider.model;

/**
 * Two claims on one model name stop the registry from starting, and the error names both profiles and both
 * providers.
 */
class ProfileRegistryDuplicateTest
{
    private static final String YEALINK = YealinkProfiles.class.getName();

    @Test
    @DisplayName("R-PRO-4 two providers claiming one model id is a startup error naming both")
    void shouldRefuseSameModelIdFromTwoProviders()
    {
        final FakeProvider clashing = new FakeProvider("acme-phones.jar", List.of(model("SIP-T46G")));

        final DuplicateModelException error = catchThrowableOfType(
            DuplicateModelException.class, () -> new ProfileRegistry(List.of(new YealinkProfiles(), clashing)));

        assertThat(error.name()).isEqualTo("SIP-T46G");
        assertThat(error.firstModelId()).isEqualTo("SIP-T46G");
        assertThat(error.firstProvider()).isEqualTo(YEALINK);
        assertThat(error.secondModelId()).isEqualTo("SIP-T46G");
        assertThat(error.secondProvider()).isEqualTo("acme-phones.jar");
        assertThat(error).hasMessage(
            "model name 'SIP-T46G' is claimed twice: by SIP-T46G from " + YEALINK +
            " and by SIP-T46G from acme-phones.jar");
    }

    @Test
    @DisplayName("R-PRO-4 R-PRO-5 model ids that differ only in spelling still clash")
    void shouldRefuseModelIdThatNormalisesTheSame()
    {
        final FakeProvider clashing = new FakeProvider("acme-phones.jar", List.of(model("t46-g")));

        assertThatThrownBy(() -> new ProfileRegistry(List.of(new YealinkProfiles(), clashing)))
            .isInstanceOf(DuplicateModelException.class)
            .hasMessageContaining("'t46-g'")
            .hasMessageContaining("SIP-T46G from " + YEALINK)
            .hasMessageContaining("t46-g from acme-phones.jar");
    }

    @Test
    @DisplayName("R-PRO-4 an alias claiming another model's id clashes")
    void shouldRefuseAliasClaimingAnotherModel()
    {
        final FakeProvider clashing = new FakeProvider("acme-phones.jar", List.of(model("ACME-1", "cp960")));

        assertThatThrownBy(() -> new ProfileRegistry(List.of(new YealinkProfiles(), clashing)))
            .isInstanceOf(DuplicateModelException.class)
            .hasMessage("model name 'cp960' is claimed twice: by CP960 from " + YEALINK +
                " and by ACME-1 from acme-phones.jar");
    }

    @Test
    @DisplayName("R-PRO-4 one provider listing a model twice clashes with itself")
    void shouldRefuseModelListedTwiceByOneProvider()
    {
        final FakeProvider twice = new FakeProvider("twice.jar", List.of(model("X-1"), model("x 1")));

        assertThatThrownBy(() -> new ProfileRegistry(List.of(twice)))
            .isInstanceOf(DuplicateModelException.class)
            .hasMessage("model name 'x 1' is claimed twice: by X-1 from twice.jar and by x 1 from twice.jar");
    }

    @Test
    @DisplayName("R-PRO-4 R-PRO-5 a profile whose alias spells its own id differently is no clash")
    void shouldAllowAliasThatIsItsOwnId()
    {
        final FakeProvider provider = new FakeProvider("own.jar", List.of(model("SIP-X7", "X7", "sip x7")));

        final ProfileRegistry registry = new ProfileRegistry(List.of(provider));

        assertThat(registry.find("x7").orElseThrow().modelId()).isEqualTo("SIP-X7");
    }

    @Test
    @DisplayName("R-PRO-4 a name that is empty once normalised is refused naming its provider")
    void shouldRefuseNameEmptyOnceNormalised()
    {
        final FakeProvider provider = new FakeProvider("odd.jar", List.of(model("X8", "--")));

        assertThatThrownBy(() -> new ProfileRegistry(List.of(provider)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'--'")
            .hasMessageContaining("X8")
            .hasMessageContaining("odd.jar");
    }
}
