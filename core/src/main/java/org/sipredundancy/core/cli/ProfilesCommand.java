package org.sipredundancy.core.cli;

import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.ProfileRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code profiles}: the phone models this build knows (built-in and plugins on the class path), with what each
 * allows, so an administrator can check a model name before linting a file for it.
 */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description = "List the phone models: accounts, minimum firmware, default firmware, DECT base station.")
public final class ProfilesCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    /**
     * Print one line per model, most accounts first.
     *
     * @return 0.
     */
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("%-16s %8s %12s %12s  %s%n", "MODEL", "ACCOUNTS", "MIN-FIRMWARE", "DEF-FIRMWARE", "KIND");
        for (final HardwareProfile profile : ProfileRegistry.load().all())
        {
            out.printf("%-16s %8d %12d %12d  %s%n",
                profile.modelId(),
                profile.accountCount(),
                profile.minimumFirmware(),
                profile.defaultFirmware(),
                profile.isDectBaseStation() ? "DECT base station" : "desk phone");
        }
        out.flush();
        return SipRedundancyCli.EXIT_OK;
    }
}
