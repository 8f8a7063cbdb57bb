package org.sipredundancy.core.config;

/**
 * What a {@link Diagnostic} is about, so that a command line or a test can tell problems apart without reading
 * messages. Each kind has one severity.
 */
public enum DiagnosticKind
{
    /** The file does not start with {@code #!version:1.0.0.1}; real phones ignore such a file. */
    MISSING_VERSION_HEADER(Severity.WARNING),
    /** A line holds bytes that are not UTF-8; they were replaced by U+FFFD. */
    INVALID_UTF8(Severity.WARNING),
    /** A line is longer than the limit; it was ignored without being held whole. */
    LINE_TOO_LONG(Severity.ERROR),
    /** A line is neither blank, a comment, nor {@code key = value}; it was ignored. */
    NOT_KEY_VALUE(Severity.WARNING),
    /** A key is set again; the later line wins. */
    DUPLICATE_KEY(Severity.WARNING),
    /** A key this core does not implement; it is kept and otherwise ignored. */
    UNKNOWN_KEY(Severity.INFO),
    /** A key's X or Y is not a number in its range (or is the literal placeholder); the line was ignored. */
    BAD_INDEX(Severity.ERROR),
    /** A numeric parameter's value is not a decimal integer; the default is used. */
    NOT_A_NUMBER(Severity.ERROR),
    /** A numeric value does not fit in a 64-bit integer; the default is used. */
    NUMBER_TOO_LARGE(Severity.ERROR),
    /** A negative value where none is permitted; the default is used. */
    NEGATIVE_NUMBER(Severity.ERROR),
    /** An integer outside the permitted range; the default is used. */
    OUT_OF_RANGE(Severity.ERROR),
    /** A value that is not one of an enumeration's permitted values; the default is used. */
    UNKNOWN_VALUE(Severity.ERROR),
    /** A text value longer than permitted (e.g. an address over 256 characters); the default is used. */
    VALUE_TOO_LONG(Severity.ERROR),
    /** A value that is not a domain name (or IP address) where one is required; the default is used. */
    BAD_HOST_NAME(Severity.ERROR),
    /** A {@code failback_timeout} from 1 to 59, which the phone takes as 60. */
    FAILBACK_TIMEOUT_RAISED(Severity.WARNING),
    /** A parameter that does not apply to the chosen model and firmware; the line was ignored. */
    NOT_APPLICABLE(Severity.WARNING),
    /** A static DNS cache record lacks a field it cannot do without; the record is not used. */
    INCOMPLETE_DNS_RECORD(Severity.WARNING),
    /** A static DNS cache record whose fields are complete but unusable (an A record's ip is no IPv4 address). */
    INVALID_DNS_RECORD(Severity.WARNING),
    /** The firmware is older than the model's minimum (R-PRO-2); the configuration is not usable. */
    UNSUPPORTED_FIRMWARE(Severity.ERROR),
    /** The file could not be read; the configuration is not usable. */
    UNREADABLE(Severity.ERROR),
    /** A setting that reads fine but cannot do what its author probably meant (R-CFG-8); only from ConfigLint. */
    LINT_HINT(Severity.WARNING),
    /** More diagnostics than the limit; this one counts those not kept. */
    DIAGNOSTICS_TRUNCATED(Severity.INFO);

    private final Severity severity;

    DiagnosticKind(final Severity severity)
    {
        this.severity = severity;
    }

    /**
     * @return how much a diagnostic of this kind matters.
     */
    public Severity severity()
    {
        return severity;
    }

    /**
     * Whether a diagnostic of this kind makes the configuration unusable: the phone could not start from it.
     *
     * @return true for an unreadable file or an unsupported firmware.
     */
    public boolean isFatal()
    {
        return this == UNREADABLE || this == UNSUPPORTED_FIRMWARE;
    }
}
