package org.sipredundancy.core.cli;

import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.Diagnostic;
import org.sipredundancy.core.config.DiagnosticKind;
import org.sipredundancy.core.config.LoadOutcome;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.ProvisioningConfig;
import org.sipredundancy.core.config.Severity;
import org.sipredundancy.core.config.SipServerConfig;
import org.sipredundancy.profiles.HardwareProfile;

import java.io.PrintWriter;
import java.util.List;

/**
 * How {@code lint} shows its diagnostics: grouped by severity for a person (errors, then warnings, then notes, the
 * many "not used by this core" notes folded into one line unless asked), or as one JSON object for a pipeline.
 */
final class LintReport
{
    private LintReport()
    {
    }

    static void text(
        final PrintWriter out,
        final ParseResult result,
        final HardwareProfile profile,
        final int firmware,
        final List<Diagnostic> all,
        final boolean verbose)
    {
        out.printf("%s as read by %s, firmware %d%n", result.fileName(), profile.modelId(), firmware);
        if (result.outcome() == LoadOutcome.LOADED)
        {
            accounts(out, result.config());
        }
        section(out, "Errors", all, Severity.ERROR);
        section(out, "Warnings", all, Severity.WARNING);
        if (verbose)
        {
            section(out, "Notes", all, Severity.INFO);
        }
        else
        {
            int unused = 0;
            for (final Diagnostic diagnostic : all)
            {
                if (diagnostic.kind() == DiagnosticKind.UNKNOWN_KEY)
                {
                    unused++;
                }
            }
            if (unused > 0)
            {
                out.printf("%nNotes%n  %d key(s) are not used by this core (ignored, as a phone of this model " +
                    "would use them for other features); list them with --verbose%n", unused);
            }
        }
    }

    /**
     * One line per enabled account: what the phone will register with, so a reader sees at once whether the file
     * does what it should despite its diagnostics.
     */
    private static void accounts(final PrintWriter out, final ProvisioningConfig config)
    {
        out.printf("%nEnabled accounts%n");
        boolean any = false;
        for (final AccountConfig account : config.accounts())
        {
            if (account.enabled())
            {
                any = true;
                out.printf("  account %d (%s):", account.index(), account.userName().isEmpty() ? "no user name" :
                    account.userName());
                for (final SipServerConfig server : account.sipServers())
                {
                    if (server.isConfigured())
                    {
                        out.printf(" sip_server.%d %s (%s, %s);", server.index(), server.address(),
                            server.portFromDns() ? "port from DNS" : "port " + server.port(),
                            server.transport().label());
                    }
                }
                if (account.outboundProxy().enabled())
                {
                    out.print(" outbound proxy enabled;");
                }
                out.println();
            }
        }
        if (!any)
        {
            out.println("  none: the phone will not register");
        }
    }

    private static void section(
        final PrintWriter out, final String title, final List<Diagnostic> all, final Severity severity)
    {
        boolean first = true;
        for (final Diagnostic diagnostic : all)
        {
            if (diagnostic.severity() == severity)
            {
                if (first)
                {
                    out.printf("%n%s%n", title);
                    first = false;
                }
                out.println("  " + diagnostic.format());
            }
        }
    }

    static String json(
        final ParseResult result,
        final HardwareProfile profile,
        final int firmware,
        final List<Diagnostic> all,
        final int status)
    {
        final StringBuilder json = new StringBuilder(256 + all.size() * 256);
        json.append("{\"file\":");
        JsonText.quote(result.fileName(), json);
        json.append(",\"model\":");
        JsonText.quote(profile.modelId(), json);
        json.append(",\"firmware\":").append(firmware)
            .append(",\"usable\":").append(result.usable())
            .append(",\"exitStatus\":").append(status)
            .append(",\"diagnostics\":[");
        for (int i = 0; i < all.size(); i++)
        {
            final Diagnostic d = all.get(i);
            json.append(i == 0 ? "" : ",").append("{\"severity\":");
            JsonText.quote(d.severity().name(), json).append(",\"kind\":");
            JsonText.quote(d.kind().name(), json).append(",\"line\":").append(d.line()).append(",\"key\":");
            JsonText.quote(d.key(), json).append(",\"value\":");
            JsonText.quote(d.value(), json).append(",\"permitted\":");
            JsonText.quote(d.permitted(), json).append(",\"usedInstead\":");
            JsonText.quote(d.usedInstead(), json).append(",\"message\":");
            JsonText.quote(d.message(), json).append('}');
        }
        return json.append("]}").toString();
    }
}
