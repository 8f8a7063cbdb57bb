package org.sipredundancy.core.cli;

import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ConfigPrinter;
import org.sipredundancy.core.config.Diagnostic;
import org.sipredundancy.core.config.LoadOutcome;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.Severity;
import org.sipredundancy.profiles.HardwareProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code config}: the configuration a phone would actually run with — defaults applied, {@code -1} inheritance
 * resolved, parameters that do not apply to the model and firmware left out — printed as a valid .cfg file
 * (SPEC R-CFG-7). Passwords print as {@code ********} unless asked for (R-BAD-5).
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
        "Print the effective configuration of a provisioning file as a .cfg file.",
        "Errors found while reading go to standard error (see the lint command for all of them)."
    })
public final class ConfigCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "FILE", description = "The provisioning file (.cfg).")
    private Path file;

    @Mixin
    private ModelOptions modelOptions;

    @Option(names = "--show-passwords", description = "Print passwords as written instead of ********.")
    private boolean showPasswords;

    @Option(names = "--explain", description = "Add a comment line with each parameter's meaning.")
    private boolean explain;

    @Spec
    private CommandSpec spec;

    /**
     * Read the file and print what the phone would run with.
     *
     * @return an {@link ExitCodes} value.
     */
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final HardwareProfile profile = modelOptions.profile(err);
        if (profile == null)
        {
            return ExitCodes.USAGE;
        }
        final ParseResult result = ConfigLoader.parse(file, profile, modelOptions.firmware(profile));
        if (result.outcome() == LoadOutcome.UNREADABLE)
        {
            result.diagnostics().forEach((d) -> err.println("sip-redundancy: " + d.format()));
            return ExitCodes.USAGE;
        }
        for (final Diagnostic diagnostic : result.diagnostics())
        {
            if (diagnostic.severity() == Severity.ERROR)
            {
                err.println(diagnostic.format());
            }
        }
        out.print(new ConfigPrinter().withPasswords(showPasswords).withMeanings(explain).print(result.config()));
        out.flush();
        err.flush();
        return result.usable() ? ExitCodes.OK : ExitCodes.ERRORS;
    }
}
