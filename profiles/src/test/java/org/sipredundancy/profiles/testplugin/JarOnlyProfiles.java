package org.sipredundancy.profiles.testplugin;

import org.sipredundancy.profiles.FixedHardwareProfile;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.HardwareProfileProvider;

import java.util.List;

/**
 * A test-only plugin that no services file on the test class path names: a test writes a jar whose services file
 * does, puts the jar on a class loader, and sees the model appear.
 */
public final class JarOnlyProfiles implements HardwareProfileProvider
{
    /** The jar-only model's id. */
    public static final String MODEL_ID = "SIP-T98J";

    @Override
    public List<HardwareProfile> profiles()
    {
        return List.of(new FixedHardwareProfile(MODEL_ID, List.of(), 2, 80, false, false));
    }
}
