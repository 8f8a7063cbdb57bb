package org.sipredundancy.profiles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.profiles.yealink.YealinkProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A firmware below the model's minimum is refused with a message naming model, requested firmware and minimum.
 */
class FirmwareCheckTest
{
    private final ProfileRegistry registry = new ProfileRegistry(List.of(new YealinkProfiles()));

    @Test
    @DisplayName("R-PRO-2 firmware 80 on a SIP-T46S (minimum 81) is refused naming all three")
    void shouldRefuseFirmwareBelowMinimum()
    {
        final HardwareProfile t46s = registry.find("T46S").orElseThrow();

        final UnsupportedFirmwareException error = catchThrowableOfType(
            UnsupportedFirmwareException.class, () -> FirmwareCheck.requireSupported(t46s, 80));

        assertThat(error).hasMessage("SIP-T46S needs firmware 81 or later; firmware 80 was requested");
        assertThat(error.modelId()).isEqualTo("SIP-T46S");
        assertThat(error.requestedFirmware()).isEqualTo(80);
        assertThat(error.minimumFirmware()).isEqualTo(81);
    }

    @Test
    @DisplayName("R-PRO-2 the W53P needs firmware 83: 82 is refused, 83 and later accepted")
    void shouldHoldW53pToFirmware83()
    {
        final HardwareProfile w53p = registry.find("w53p").orElseThrow();

        assertThat(FirmwareCheck.isSupported(w53p, 82)).isFalse();
        assertThat(FirmwareCheck.requireSupported(w53p, 83)).isEqualTo(83);
        assertThat(FirmwareCheck.requireSupported(w53p, 84)).isEqualTo(84);
    }

    @Test
    @DisplayName("R-PRO-2 every built-in model accepts its own default firmware")
    void shouldAcceptDefaultFirmwareOfEveryModel()
    {
        for (final HardwareProfile profile : registry.all())
        {
            assertThat(FirmwareCheck.isSupported(profile, profile.defaultFirmware())).as(profile.modelId()).isTrue();
        }
    }

    @Test
    @DisplayName("R-PRO-2 the default firmware is raised to a minimum newer than 83")
    void shouldRaiseDefaultFirmwareToNewerMinimum()
    {
        final HardwareProfile newer = new FixedHardwareProfile("X-85", List.of(), 1, 85, false, false);
        final HardwareProfile older = new FixedHardwareProfile("X-80", List.of(), 1, 80, false, false);

        assertThat(newer.defaultFirmware()).isEqualTo(85);
        assertThat(older.defaultFirmware()).isEqualTo(HardwareProfile.DEFAULT_FIRMWARE).isEqualTo(83);
    }
}
