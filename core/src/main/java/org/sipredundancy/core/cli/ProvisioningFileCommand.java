package org.sipredundancy.core.cli;

import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.Severity;
import org.sipredundancy.profiles.HardwareProfile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What every command that reads one provisioning file for one model shares: the file argument, the model and
 * firmware options, and reading the file as that phone would.
 */
abstract class ProvisioningFileCommand
{
    @Parameters(index = "0", paramLabel = "FILE", description = "The provisioning file (.cfg).")
    private Path file;

    @Mixin
    private ModelOptions modelOptions;

    @Spec
    private CommandSpec spec;

    private HardwareProfile profile;
    private int firmware;

    /**
     * Find the model and read the file. An unknown model is explained on standard error.
     *
     * @return what the phone makes of the file, or null when the model is unknown.
     */
    final ParseResult load()
    {
        profile = modelOptions.profile(err());
        if (profile == null)
        {
            return null;
        }
        firmware = modelOptions.firmware(profile);
        return ConfigLoader.parse(file, profile, firmware);
    }

    /**
     * {@link #load()}, and explain on standard error when the file cannot be used.
     *
     * @return what the phone makes of the file, or null when the model is unknown or the file is unusable.
     */
    final ParseResult loadUsable()
    {
        final ParseResult parsed = load();
        if (parsed != null && !parsed.usable())
        {
            err().println("sip-redundancy: " + parsed.fileName() + " cannot be used; run lint for the details");
            parsed.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).limit(3)
                .forEach(d -> err().println("  " + d.format()));
            return null;
        }
        return parsed;
    }

    final HardwareProfile profile()
    {
        return profile;
    }

    final int firmware()
    {
        return firmware;
    }

    final PrintWriter out()
    {
        return spec.commandLine().getOut();
    }

    final PrintWriter err()
    {
        return spec.commandLine().getErr();
    }
}
