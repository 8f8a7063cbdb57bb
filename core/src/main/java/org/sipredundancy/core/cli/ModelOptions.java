package org.sipredundancy.core.cli;

import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.ModelLookup;
import org.sipredundancy.profiles.ProfileRegistry;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * The options every command that reads a provisioning file shares: which phone model, which firmware. A model
 * name is matched forgivingly ({@code T46G}, {@code sip-t46g}, {@code T21(P) E2}); an unknown one is answered with
 * the closest known names.
 */
public final class ModelOptions
{
    @Option(
        names = "--model",
        required = true,
        paramLabel = "MODEL",
        description = "Phone model, e.g. T46G, SIP-T58V, W60P (see the profiles command).")
    private String model;

    @Option(
        names = "--firmware",
        paramLabel = "N",
        description = "Firmware version, e.g. 82. Default: 83, raised to the model's minimum where that is higher.")
    private Integer firmware;

    /**
     * Find the model, or say on {@code err} why not.
     *
     * @param err where to explain an unknown model.
     * @return the profile, or null when the name matched no model (already explained).
     */
    public HardwareProfile profile(final PrintWriter err)
    {
        final ModelLookup lookup = ProfileRegistry.load().find(model);
        if (!lookup.isFound())
        {
            err.println("sip-redundancy: " + lookup.message());
            return null;
        }
        return lookup.profile().orElseThrow();
    }

    /**
     * The firmware to assume for a model.
     *
     * @param profile the model.
     * @return the firmware given, or the model's default.
     */
    public int firmware(final HardwareProfile profile)
    {
        return firmware != null ? firmware : profile.defaultFirmware();
    }
}
