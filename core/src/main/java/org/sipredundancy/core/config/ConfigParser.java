package org.sipredundancy.core.config;

import org.sipredundancy.profiles.FirmwareCheck;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.UnsupportedFirmwareException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one provisioning file against the parameter table for one model and firmware (R-CFG-1 to R-CFG-6): line by
 * line, each problem a diagnostic and never an exception, values into a {@link SettingStore}, then the effective
 * configuration from the {@link ConfigAssembler}. One instance per file. Not thread safe.
 */
final class ConfigParser
{
    static final String VERSION_HEADER = "#!version:1.0.0.1";

    private final HardwareProfile profile;
    private final int firmware;
    private final ParseLimits limits;
    private final DiagnosticCollector diagnostics;
    private final SettingStore store = new SettingStore();
    private final Map<String, UnknownKey> unknownKeys = new LinkedHashMap<>();
    private int unknownKeysNotKept;
    private SubscriptionKeys subscriptionKeys;

    ConfigParser(final String fileName, final HardwareProfile profile, final int firmware, final ParseLimits limits)
    {
        this.profile = profile;
        this.firmware = firmware;
        this.limits = limits;
        this.diagnostics = new DiagnosticCollector(fileName, limits.maxDiagnostics());
    }

    /**
     * Read a stream to its end. The stream is not closed.
     *
     * @param in the file's bytes.
     * @return the result; unreadable when the stream fails.
     */
    ParseResult parse(final InputStream in)
    {
        checkFirmware();
        final LineReader reader = new LineReader(in, limits.maxLineChars());
        LoadOutcome outcome = LoadOutcome.LOADED;
        try
        {
            while (reader.next())
            {
                onLine(reader);
            }
        }
        catch (final IOException | UncheckedIOException ex)
        {
            outcome = LoadOutcome.UNREADABLE;
            diagnostics.add(DiagnosticKind.UNREADABLE, reader.lineNumber(), "", "", "", "defaults only",
                "cannot read " + diagnostics.fileName() + " after line " + reader.lineNumber() + ": " + reason(ex));
        }
        if (reader.lineNumber() == 0 && outcome == LoadOutcome.LOADED)
        {
            missingHeader(0);
        }
        return result(outcome, reader.lineNumber());
    }

    /**
     * The result for a file that could not be opened: defaults only, not usable.
     *
     * @param ex why.
     * @return the result.
     */
    ParseResult unreadable(final IOException ex)
    {
        checkFirmware();
        diagnostics.add(DiagnosticKind.UNREADABLE, 0, "", "", "", "defaults only",
            "cannot read " + diagnostics.fileName() + ": " + reason(ex));
        return result(LoadOutcome.UNREADABLE, 0);
    }

    /**
     * Why a file could not be read, in words rather than an exception's class name.
     */
    private static String reason(final Exception ex)
    {
        if (ex instanceof NoSuchFileException)
        {
            return "no such file";
        }
        if (ex instanceof AccessDeniedException)
        {
            return "permission denied";
        }
        if (ex instanceof FileSystemException && ((FileSystemException)ex).getReason() != null)
        {
            return ((FileSystemException)ex).getReason();
        }
        final Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private ParseResult result(final LoadOutcome outcome, final int lineCount)
    {
        final ProvisioningConfig config = ConfigAssembler.assemble(profile, firmware, store, diagnostics,
            subscriptionKeys().build());
        return new ParseResult(
            outcome, config, diagnostics, unknownKeys.values(), unknownKeysNotKept, store.written(), lineCount);
    }

    private void checkFirmware()
    {
        try
        {
            FirmwareCheck.requireSupported(profile, firmware);
        }
        catch (final UnsupportedFirmwareException ex)
        {
            diagnostics.add(DiagnosticKind.UNSUPPORTED_FIRMWARE, 0, "", Integer.toString(firmware),
                "firmware " + profile.minimumFirmware() + " or later", "not usable", ex.getMessage());
        }
    }

    private void onLine(final LineReader reader)
    {
        final int line = reader.lineNumber();
        final String text = reader.text();
        if (line == 1 && (null == text || !text.stripTrailing().equals(VERSION_HEADER)))
        {
            missingHeader(line);
        }
        if (reader.isTooLong())
        {
            diagnostics.add(DiagnosticKind.LINE_TOO_LONG, line, "", "", "at most " + limits.maxLineChars() +
                " characters", "line ignored", "line " + line + " longer than " + limits.maxLineChars() +
                " characters; ignored");
            return;
        }
        if (reader.isMalformed())
        {
            diagnostics.add(DiagnosticKind.INVALID_UTF8, line, "", "", "UTF-8", "U+FFFD for each invalid sequence",
                "line " + line + " is not valid UTF-8; each invalid byte sequence was replaced by U+FFFD");
        }

        final String stripped = text.strip();
        if (stripped.isEmpty() || stripped.charAt(0) == '#')
        {
            return;
        }
        final int equals = stripped.indexOf('=');
        final String key = equals < 0 ? "" : stripped.substring(0, equals).strip();
        if (key.isEmpty())
        {
            diagnostics.add(DiagnosticKind.NOT_KEY_VALUE, line, "", "", "key = value", "line ignored",
                "line " + line + " is neither a comment nor 'key = value'; ignored");
            return;
        }
        onSetting(line, key, stripped.substring(equals + 1).strip());
    }

    private void missingHeader(final int line)
    {
        diagnostics.add(DiagnosticKind.MISSING_VERSION_HEADER, line, "", "", VERSION_HEADER + " as the first line",
            "read anyway", "the file does not start with " + VERSION_HEADER +
            "; a real phone ignores such a file (this core reads it anyway)");
    }

    private void onSetting(final int line, final String key, final String value)
    {
        final KeyMatch match = ParameterTable.match(key, profile);
        if (match.status() == KeyMatch.Status.UNKNOWN)
        {
            if (!subscriptionKeys().accept(line, key, value))
            {
                onUnknownKey(line, key, value);
            }
            return;
        }

        final Parameter parameter = match.parameter();
        final String shown = shown(parameter, value);
        if (match.status() == KeyMatch.Status.BAD_INDEX)
        {
            diagnostics.add(DiagnosticKind.BAD_INDEX, line, key, shown, match.permitted(), "line ignored",
                TextEscaper.shorten(key) + ": " + match.problem() + "; line ignored");
            return;
        }
        if (!parameter.applicability().appliesTo(profile, firmware))
        {
            notApplicable(line, key, shown, match);
            return;
        }

        final SettingStore.Entry entry;
        final boolean accepted;
        if (value.isEmpty())
        {
            entry = new SettingStore.Entry(line, true, 0, null, false);
            accepted = true;
        }
        else
        {
            final CheckedValue checked = parameter.rule().check(value);
            accepted = !checked.isRejected();
            entry = accepted ?
                new SettingStore.Entry(line, false, checked.number(), checked.text(), true) :
                new SettingStore.Entry(line, true, 0, null, true);
            if (null != checked.problem())
            {
                final String usedInstead = accepted ?
                    Long.toString(checked.number()) : "the default " + parameter.describeDefault();
                diagnostics.add(checked.problem(), line, key, shown, parameter.rule().permitted(), usedInstead,
                    TextEscaper.shorten(key) + " = " + shown + " " + checked.reason() + "; using " + usedInstead);
            }
        }

        final int earlier = store.put(
            new WrittenSetting(parameter, match.x(), match.y(), key, line, value, accepted), entry);
        if (earlier > 0)
        {
            duplicate(line, key, shown, earlier);
        }
    }

    private void notApplicable(final int line, final String key, final String shown, final KeyMatch match)
    {
        final Parameter parameter = match.parameter();
        final String counterpart = counterpart(parameter, match.x(), match.y());
        diagnostics.add(DiagnosticKind.NOT_APPLICABLE, line, key, shown, parameter.applicability().requirement(),
            "line ignored", key + " does not apply to " + profile.modelId() + " on firmware " + firmware +
            ": it needs " + parameter.applicability().requirement() + "; line ignored" +
            (null == counterpart ? "" : "; write " + counterpart + " instead"));
    }

    /**
     * The key that sets the same value on this model and firmware: {@code outbound_proxy.Y.address} for a legacy
     * {@code outbound_host} and the other way round (R-OBP-3); null when there is none that applies.
     */
    private String counterpart(final Parameter parameter, final int x, final int y)
    {
        if (parameter.isLegacyAlias())
        {
            final Parameter stored = parameter.storedAs();
            return stored.applicability().appliesTo(profile, firmware) ?
                stored.key(x, parameter.storedSlot(y)) : null;
        }
        final List<Parameter> accountParameters = ParameterTable.declaredIn(Scope.ACCOUNT);
        for (final Parameter legacy : accountParameters)
        {
            if (legacy.isLegacyAlias() && legacy.storedAs() == parameter && legacy.storedSlot(0) == y &&
                legacy.applicability().appliesTo(profile, firmware))
            {
                return legacy.key(x, 0);
            }
        }
        return null;
    }

    private SubscriptionKeys subscriptionKeys()
    {
        if (subscriptionKeys == null)
        {
            subscriptionKeys = new SubscriptionKeys(profile.accountCount(), diagnostics);
        }
        return subscriptionKeys;
    }

    private void onUnknownKey(final int line, final String key, final String value)
    {
        final UnknownKey earlier = unknownKeys.get(key);
        if (null != earlier)
        {
            unknownKeys.put(key, new UnknownKey(key, line, value));
            duplicate(line, key, "", earlier.line());
            return;
        }
        if (unknownKeys.size() < limits.maxUnknownKeys())
        {
            unknownKeys.put(key, new UnknownKey(key, line, value));
        }
        else
        {
            unknownKeysNotKept++;
        }
        final String suggestion = ParameterTable.caseInsensitiveSuggestion(key, profile);
        diagnostics.add(DiagnosticKind.UNKNOWN_KEY, line, key, "", "", "ignored",
            TextEscaper.shorten(key) + " is not used by this core; kept and ignored" +
            (null == suggestion ? "" : " (keys are case-sensitive: did you mean " + suggestion + "?)"));
    }

    private void duplicate(final int line, final String key, final String shown, final int earlierLine)
    {
        diagnostics.add(DiagnosticKind.DUPLICATE_KEY, line, key, shown, "each key once", "line " + line,
            TextEscaper.shorten(key) + " is set again on line " + line + " (first on line " + earlierLine +
            "); line " + line + " wins");
    }

    private static String shown(final Parameter parameter, final String value)
    {
        if (parameter.isSecret() && !value.isEmpty())
        {
            return ConfigPrinter.MASK;
        }
        return TextEscaper.shorten(value);
    }
}
