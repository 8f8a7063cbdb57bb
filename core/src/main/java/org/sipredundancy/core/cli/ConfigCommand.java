package org.sipredundancy.core.cli;

import org.sipredundancy.core.config.ConfigPrinter;
import org.sipredundancy.core.config.Diagnostic;
import org.sipredundancy.core.config.LoadOutcome;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
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
public final class ConfigCommand extends ProvisioningFileCommand implements Callable<Integer>
{
    @Option(names = "--show-passwords", description = "Print passwords as written instead of ********.")
    private boolean showPasswords;

    @Option(names = "--explain", description = "Add a comment line with each parameter's meaning.")
    private boolean explain;

    /**
     * Read the file and print what the phone would run with.
     *
     * @return an {@link ExitCodes} value.
     */
    public Integer call()
    {
        final ParseResult result = load();
        if (result == null)
        {
            return ExitCodes.USAGE;
        }
        final PrintWriter out = out();
        final PrintWriter err = err();
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
