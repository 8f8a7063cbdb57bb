package org.sipredundancy.profiles.testplugin;

import org.sipredundancy.profiles.HardwareProfileConformanceTest;
import org.sipredundancy.profiles.HardwareProfileProvider;

import java.util.List;

/**
 * The conformance test serves plugins too: the fictitious model against its own one-row table.
 */
class FictitiousProfilesConformanceTest extends HardwareProfileConformanceTest
{
    @Override
    protected HardwareProfileProvider provider()
    {
        return new FictitiousProfiles();
    }

    @Override
    protected List<Expected> expectedModels()
    {
        return List.of(new Expected("SIP-T99X", 4, 84, false, false));
    }
}
