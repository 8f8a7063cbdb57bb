package org.sipredundancy.core.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything reading one provisioning file gives (R-CFG-3): the effective configuration, the diagnostics, the keys
 * this core does not implement, and the values as written. {@link #usable()} says whether a phone could start from
 * it; {@link #errorCount()} lets a strict mode fail a provisioning pipeline on any error. Immutable.
 */
public final class ParseResult
{
    private final LoadOutcome outcome;
    private final String fileName;
    private final ProvisioningConfig config;
    private final List<Diagnostic> diagnostics;
    private final int errorCount;
    private final int warningCount;
    private final int noteCount;
    private final boolean fatal;
    private final List<UnknownKey> unknownKeys;
    private final int unknownKeysNotKept;
    private final List<WrittenSetting> writtenSettings;
    private final Map<String, WrittenSetting> writtenByKey = new HashMap<>();
    private final int lineCount;

    ParseResult(
        final LoadOutcome outcome,
        final ProvisioningConfig config,
        final DiagnosticCollector diagnostics,
        final Collection<UnknownKey> unknownKeys,
        final int unknownKeysNotKept,
        final Collection<WrittenSetting> writtenSettings,
        final int lineCount)
    {
        this.outcome = outcome;
        this.fileName = diagnostics.fileName();
        this.config = config;
        this.diagnostics = diagnostics.finish();
        this.errorCount = diagnostics.errorCount();
        this.warningCount = diagnostics.warningCount();
        this.noteCount = diagnostics.noteCount();
        this.fatal = diagnostics.hasFatal();
        this.unknownKeys = List.copyOf(unknownKeys);
        this.unknownKeysNotKept = unknownKeysNotKept;
        this.writtenSettings = List.copyOf(writtenSettings);
        for (final WrittenSetting setting : this.writtenSettings)
        {
            writtenByKey.put(setting.key(), setting);
        }
        this.lineCount = lineCount;
    }

    /**
     * @return whether the file was read.
     */
    public LoadOutcome outcome()
    {
        return outcome;
    }

    /**
     * @return the file's name as the caller gave it; diagnostics carry the same.
     */
    public String fileName()
    {
        return fileName;
    }

    /**
     * The effective configuration: what the file set where valid and applicable, defaults elsewhere. Present even
     * when the result is not usable (then it is what could be read, or defaults only).
     *
     * @return the configuration.
     */
    public ProvisioningConfig config()
    {
        return config;
    }

    /**
     * Whether a phone could start from the configuration: the file was read and the firmware is supported by the
     * model. Errors in single values do not prevent that: their defaults are used (R-CFG-3).
     *
     * @return true when usable.
     */
    public boolean usable()
    {
        return outcome == LoadOutcome.LOADED && !fatal;
    }

    /**
     * The diagnostics in the order found (the firmware check first, static DNS records last), bounded by
     * {@link ParseLimits}, with a final summary counting those not kept.
     *
     * @return the diagnostics, unmodifiable.
     */
    public List<Diagnostic> diagnostics()
    {
        return diagnostics;
    }

    /**
     * @return every error found, kept or not; a strict mode fails when this is not 0.
     */
    public int errorCount()
    {
        return errorCount;
    }

    /**
     * @return every warning found, kept or not.
     */
    public int warningCount()
    {
        return warningCount;
    }

    /**
     * @return every note (INFO) found, kept or not.
     */
    public int noteCount()
    {
        return noteCount;
    }

    /**
     * The keys this core does not implement, each once, with its last value, in the order first seen; bounded by
     * {@link ParseLimits#maxUnknownKeys()}.
     *
     * @return the keys, unmodifiable.
     */
    public List<UnknownKey> unknownKeys()
    {
        return unknownKeys;
    }

    /**
     * @return how many lines with keys this core does not implement came after the limit and were not kept.
     */
    public int unknownKeysNotKept()
    {
        return unknownKeysNotKept;
    }

    /**
     * The applicable parameter lines that took effect, with their values as written (R-CFG-4), in the order their
     * keys last took effect.
     *
     * @return the settings, unmodifiable.
     */
    public List<WrittenSetting> writtenSettings()
    {
        return writtenSettings;
    }

    /**
     * The value as written for a key, e.g. to tell an explicit {@code outbound_proxy.1.retry_counts = 3} from an
     * inherited 3.
     *
     * @param key the key exactly as written, e.g. {@code account.1.outbound_proxy.1.retry_counts}.
     * @return the setting that took effect, or empty when the file does not set the key (or it did not apply).
     */
    public Optional<WrittenSetting> written(final String key)
    {
        return Optional.ofNullable(writtenByKey.get(key));
    }

    /**
     * @return how many lines the file has.
     */
    public int lineCount()
    {
        return lineCount;
    }

    @Override
    public String toString()
    {
        return fileName + ": " + outcome + (usable() ? ", usable" : ", not usable") + ", " + errorCount +
            " errors, " + warningCount + " warnings, " + noteCount + " notes";
    }
}
