package org.sipredundancy.profiles;

import java.util.List;

/**
 * A provider made in a test, with a name of the test's choosing so that error messages can be checked.
 */
record FakeProvider(String name, List<HardwareProfile> profiles) implements HardwareProfileProvider
{
    static HardwareProfile model(final String modelId, final String... aliases)
    {
        return new FixedHardwareProfile(modelId, List.of(aliases), 4, 80, false, false);
    }
}
