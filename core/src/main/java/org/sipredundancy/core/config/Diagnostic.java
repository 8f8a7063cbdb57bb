package org.sipredundancy.core.config;

/**
 * One problem found in a provisioning file (R-CFG-3): where it is, what was written, what is permitted, what is
 * used instead, and a sentence for a person. A password is never carried: its value reads {@code ********}
 * (R-BAD-5). Immutable.
 *
 * @param kind        what the problem is; it decides the severity.
 * @param severity    how much it matters; the kind's severity except for a truncation summary, which takes the
 *                    highest severity it counts.
 * @param fileName    the file, as the caller named it.
 * @param line        1-based line number, or 0 for the whole file.
 * @param key         the key as written, or empty when the line has none.
 * @param value       the value as written (masked for a password, shortened when very long), or empty.
 * @param permitted   what the parameter permits, or empty.
 * @param usedInstead what the core uses instead, e.g. {@code the default 5060} or {@code line ignored}, or empty.
 * @param message     a readable sentence saying all of the above.
 */
public record Diagnostic(
    DiagnosticKind kind,
    Severity severity,
    String fileName,
    int line,
    String key,
    String value,
    String permitted,
    String usedInstead,
    String message)
{
    /**
     * One line for a person or a log, compiler style: {@code file:line: SEVERITY message}, with control characters
     * escaped so that junk in a file cannot garble a terminal.
     *
     * @return the formatted diagnostic.
     */
    public String format()
    {
        return fileName + ":" + line + ": " + severity + " " + TextEscaper.escape(message);
    }

    @Override
    public String toString()
    {
        return format();
    }
}
