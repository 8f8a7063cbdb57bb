package org.sipredundancy.profiles.testplugin;

import org.sipredundancy.profiles.FixedHardwareProfile;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.HardwareProfileProvider;

import java.util.List;

/**
 * A test-only plugin, registered in the test resources' META-INF/services file, adding a model that does not exist:
 * SIP-T99X with 4 accounts, needing firmware 84 (newer than the default, so its default firmware is raised).
 */
public final class FictitiousProfiles implements HardwareProfileProvider
{
    /** The fictitious model's id. */
    public static final String MODEL_ID = "SIP-T99X";

    @Override
    public List<HardwareProfile> profiles()
    {
        return List.of(new FixedHardwareProfile(MODEL_ID, List.of("T99X", "Yealink T99X"), 4, 84, false, false));
    }
}
