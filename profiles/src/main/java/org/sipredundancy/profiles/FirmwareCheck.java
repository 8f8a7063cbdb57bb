package org.sipredundancy.profiles;

/**
 * Checks a requested firmware against a model's minimum (R-PRO-2) before the core runs as that model, so a
 * configuration for a firmware that lacks server redundancy is refused at start with a reason.
 */
public final class FirmwareCheck
{
    private FirmwareCheck()
    {
    }

    /**
     * Whether the model supports server redundancy on the firmware.
     *
     * @param profile  the model.
     * @param firmware the firmware major version, e.g. 81.
     * @return true when the firmware is the model's minimum or newer.
     */
    public static boolean isSupported(final HardwareProfile profile, final int firmware)
    {
        return firmware >= profile.minimumFirmware();
    }

    /**
     * Refuse a firmware older than the model's minimum.
     *
     * @param profile  the model.
     * @param firmware the firmware major version, e.g. 81.
     * @return the firmware, for chaining.
     * @throws UnsupportedFirmwareException naming model, requested firmware and minimum when it is too old.
     */
    public static int requireSupported(final HardwareProfile profile, final int firmware)
    {
        if (!isSupported(profile, firmware))
        {
            throw new UnsupportedFirmwareException(profile.modelId(), firmware, profile.minimumFirmware());
        }
        return firmware;
    }
}
