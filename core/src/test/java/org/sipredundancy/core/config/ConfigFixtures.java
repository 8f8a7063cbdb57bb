package org.sipredundancy.core.config;

import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.ProfileRegistry;

import java.util.List;

/**
 * Shared test helpers: the model registry, and files written line by line.
 */
final class ConfigFixtures
{
    static final String HEADER = "#!version:1.0.0.1";
    static final ProfileRegistry REGISTRY = ProfileRegistry.load();
    static final HardwareProfile T46G = REGISTRY.find("T46G").orElseThrow();

    private ConfigFixtures()
    {
    }

    static HardwareProfile model(final String name)
    {
        return REGISTRY.find(name).orElseThrow();
    }

    static String file(final String... lines)
    {
        return file(List.of(lines));
    }

    static String file(final List<String> lines)
    {
        final StringBuilder builder = new StringBuilder();
        for (final String line : lines)
        {
            builder.append(line).append('\n');
        }
        return builder.toString();
    }

    static ParseResult parse(final HardwareProfile profile, final int firmware, final String... lines)
    {
        return ConfigLoader.parseText(file(lines), "test.cfg", profile, firmware);
    }

    static ParseResult parseWithHeader(final HardwareProfile profile, final int firmware, final String... lines)
    {
        final String[] all = new String[lines.length + 1];
        all[0] = HEADER;
        System.arraycopy(lines, 0, all, 1, lines.length);
        return parse(profile, firmware, all);
    }

    /**
     * @return each diagnostic as "SEVERITY line key", for exact comparisons.
     */
    static List<String> summary(final ParseResult result)
    {
        return result.diagnostics().stream()
            .map(d -> d.severity() + " " + d.line() + " " + d.key())
            .collect(java.util.stream.Collectors.toList());
    }
}
