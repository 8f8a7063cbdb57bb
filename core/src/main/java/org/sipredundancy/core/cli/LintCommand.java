package org.sipredundancy.core.cli;

import org.sipredundancy.core.config.ConfigLint;
import org.sipredundancy.core.config.Diagnostic;
import org.sipredundancy.core.config.LoadOutcome;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.Severity;
import org.sipredundancy.profiles.HardwareProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lint}: what a phone of a given model and firmware makes of a provisioning file — every bad value with
 * what is used instead, parameters that do not apply, keys this core does not use, and hints for settings that
 * cannot do what was meant (SPEC R-CFG-3, R-CFG-8). For people first; {@code --json} for pipelines.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
        "Check a Yealink provisioning file as a phone of the given model and firmware would read it.",
        "Exit status: 0 usable (warnings allowed), 1 errors (any error with --strict; or the file is not usable),",
        "2 bad usage, unknown model, or the file cannot be read."
    })
public final class LintCommand extends ProvisioningFileCommand implements Callable<Integer>
{
    @Option(names = "--strict", description = "Exit 1 when there is any error, for provisioning pipelines.")
    private boolean strict;

    @Option(names = "--json", description = "Print the diagnostics as one JSON object.")
    private boolean json;

    @Option(names = "--verbose", description = "List every note (keys not used by this core) one per line.")
    private boolean verbose;

    /**
     * Read the file, print the diagnostics, and say whether it is usable.
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
        final HardwareProfile profile = profile();
        final int firmware = firmware();
        final List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        if (result.outcome() == LoadOutcome.LOADED)
        {
            all.addAll(ConfigLint.hints(result));
        }
        final int errors = count(all, Severity.ERROR);
        final int warnings = count(all, Severity.WARNING);
        final int notes = count(all, Severity.INFO);
        final int status = status(result, errors);

        if (json)
        {
            out.println(LintReport.json(result, profile, firmware, all, status));
        }
        else
        {
            LintReport.text(out, result, profile, firmware, all, verbose);
            out.printf("%s: %d error(s), %d warning(s), %d note(s) — %s%n", result.fileName(), errors, warnings,
                notes, verdict(result, status));
        }
        out.flush();
        return status;
    }

    private int status(final ParseResult result, final int errors)
    {
        if (result.outcome() == LoadOutcome.UNREADABLE)
        {
            return ExitCodes.USAGE;
        }
        if (!result.usable() || (strict && errors > 0))
        {
            return ExitCodes.ERRORS;
        }
        return ExitCodes.OK;
    }

    private static String verdict(final ParseResult result, final int status)
    {
        if (result.outcome() == LoadOutcome.UNREADABLE)
        {
            return "cannot be read";
        }
        if (!result.usable())
        {
            return "not usable";
        }
        return status == ExitCodes.OK ? "usable" : "usable, but errors fail --strict";
    }

    private static int count(final List<Diagnostic> diagnostics, final Severity severity)
    {
        int count = 0;
        for (final Diagnostic diagnostic : diagnostics)
        {
            if (diagnostic.severity() == severity)
            {
                count++;
            }
        }
        return count;
    }
}
