package org.sipredundancy.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one file with a bound (R-CFG-1): errors and warnings up to the limit, notes up to the
 * limit, then only counts, so that a file of any size is reported in bounded memory. Every diagnostic is counted by
 * severity whether kept or not, so that a strict mode still fails on an error that was not kept. Not thread safe.
 */
final class DiagnosticCollector
{
    private final String fileName;
    private final int limit;
    private final List<Diagnostic> kept = new ArrayList<>();
    private int keptProblems;
    private int keptNotes;
    private int droppedErrors;
    private int droppedWarnings;
    private int droppedNotes;
    private int errors;
    private int warnings;
    private int notes;
    private boolean fatal;

    DiagnosticCollector(final String fileName, final int limit)
    {
        this.fileName = fileName;
        this.limit = limit;
    }

    String fileName()
    {
        return fileName;
    }

    void add(
        final DiagnosticKind kind,
        final int line,
        final String key,
        final String value,
        final String permitted,
        final String usedInstead,
        final String message)
    {
        final Severity severity = kind.severity();
        count(severity);
        fatal |= kind.isFatal();
        final boolean isNote = severity == Severity.INFO;
        if (isNote ? keptNotes >= limit : keptProblems >= limit)
        {
            drop(severity);
            return;
        }
        if (isNote)
        {
            keptNotes++;
        }
        else
        {
            keptProblems++;
        }
        kept.add(new Diagnostic(kind, severity, fileName, line, TextEscaper.shorten(key), TextEscaper.shorten(value),
            permitted, usedInstead, message));
    }

    /**
     * The kept diagnostics in the order found, followed by a summary of those not kept, if any.
     *
     * @return the diagnostics, unmodifiable.
     */
    List<Diagnostic> finish()
    {
        final List<Diagnostic> all = new ArrayList<>(kept);
        final int droppedProblems = droppedErrors + droppedWarnings;
        if (droppedProblems > 0)
        {
            final Severity severity = droppedErrors > 0 ? Severity.ERROR : Severity.WARNING;
            all.add(summary(severity, droppedProblems + " more errors and warnings were not kept (" + droppedErrors +
                " errors, " + droppedWarnings + " warnings)"));
        }
        if (droppedNotes > 0)
        {
            all.add(summary(Severity.INFO, droppedNotes + " more notes were not kept"));
        }
        return List.copyOf(all);
    }

    int errorCount()
    {
        return errors;
    }

    int warningCount()
    {
        return warnings;
    }

    int noteCount()
    {
        return notes;
    }

    boolean hasFatal()
    {
        return fatal;
    }

    private Diagnostic summary(final Severity severity, final String message)
    {
        return new Diagnostic(DiagnosticKind.DIAGNOSTICS_TRUNCATED, severity, fileName, 0, "", "", "", "", message);
    }

    private void count(final Severity severity)
    {
        switch (severity)
        {
            case ERROR:
                errors++;
                break;
            case WARNING:
                warnings++;
                break;
            case INFO:
            default:
                notes++;
                break;
        }
    }

    private void drop(final Severity severity)
    {
        switch (severity)
        {
            case ERROR:
                droppedErrors++;
                break;
            case WARNING:
                droppedWarnings++;
                break;
            case INFO:
            default:
                droppedNotes++;
                break;
        }
    }
}
