package org.sipredundancy.core.config;

import java.util.List;

/**
 * The permitted values of one parameter, as the seed's "Permitted Values" column states them, and the check of a
 * value as written against them (R-CFG-2, R-CFG-3, R-CFG-4). Numbers are decimal integers with an optional minus
 * sign; anything else is not a number. Immutable.
 */
public final class ValueRule
{
    /** The value with which an outbound proxy parameter inherits the SIP server's (R-CFG-4). */
    public static final long INHERIT = -1;
    /** The lowest non-zero failback timeout; 1 to 59 are taken as this (R-CFG-4). */
    public static final long MIN_FAILBACK_TIMEOUT_S = 60;
    /** The highest failback timeout. */
    public static final long MAX_FAILBACK_TIMEOUT_S = 65535;
    /** The longest domain name, in characters, without a trailing dot (RFC 1035). */
    public static final int MAX_DOMAIN_NAME_CHARS = 253;

    private static final int MAX_LABEL_CHARS = 63;
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final String NAPTR_FLAGS = "SAUP";

    /**
     * The form a parameter's value takes.
     */
    public enum Kind
    {
        /** An integer within a range. */
        INTEGER,
        /** A small integer standing for one of a list of choices (0 or 1 for switches). */
        CHOICE,
        /** 0, or an integer from 60 to 65535; 1 to 59 mean 60. */
        FAILBACK_TIMEOUT,
        /** Any text, possibly of limited length. */
        TEXT,
        /** An IP address or a domain name. */
        HOST,
        /** A domain name. */
        DOMAIN_NAME,
        /** One NAPTR flag: S, A, U or P (either case). */
        NAPTR_FLAG
    }

    private final Kind kind;
    private final long minimum;
    private final long maximum;
    private final List<String> choices;
    private final int maxLength;
    private final boolean inheritable;

    private ValueRule(
        final Kind kind,
        final long minimum,
        final long maximum,
        final List<String> choices,
        final int maxLength,
        final boolean inheritable)
    {
        this.kind = kind;
        this.minimum = minimum;
        this.maximum = maximum;
        this.choices = List.copyOf(choices);
        this.maxLength = maxLength;
        this.inheritable = inheritable;
    }

    /**
     * @param minimum the lowest permitted value.
     * @param maximum the highest permitted value.
     * @return integers from minimum to maximum.
     */
    public static ValueRule integer(final long minimum, final long maximum)
    {
        return new ValueRule(Kind.INTEGER, minimum, maximum, List.of(), NO_LIMIT, false);
    }

    /**
     * @param labels what 0, 1, 2 … stand for, in order.
     * @return the integers 0 to labels.size() - 1.
     */
    public static ValueRule choice(final List<String> labels)
    {
        return new ValueRule(Kind.CHOICE, 0, labels.size() - 1L, labels, NO_LIMIT, false);
    }

    /**
     * @return 0 (disabled) or 1 (enabled).
     */
    public static ValueRule flag()
    {
        return choice(List.of("Disabled", "Enabled"));
    }

    /**
     * @return 0, or an integer from 60 to 65535, where 1 to 59 are taken as 60.
     */
    public static ValueRule failbackTimeout()
    {
        return new ValueRule(Kind.FAILBACK_TIMEOUT, 0, MAX_FAILBACK_TIMEOUT_S, List.of(), NO_LIMIT, false);
    }

    /**
     * @return any text.
     */
    public static ValueRule text()
    {
        return new ValueRule(Kind.TEXT, 0, 0, List.of(), NO_LIMIT, false);
    }

    /**
     * @param maxLength the most characters permitted.
     * @return text of at most maxLength characters.
     */
    public static ValueRule text(final int maxLength)
    {
        return new ValueRule(Kind.TEXT, 0, 0, List.of(), maxLength, false);
    }

    /**
     * @return an IP address or a domain name.
     */
    public static ValueRule host()
    {
        return new ValueRule(Kind.HOST, 0, 0, List.of(), NO_LIMIT, false);
    }

    /**
     * @return a domain name (letters, digits, hyphens and underscores in labels of 1 to 63 characters).
     */
    public static ValueRule domainName()
    {
        return new ValueRule(Kind.DOMAIN_NAME, 0, 0, List.of(), NO_LIMIT, false);
    }

    /**
     * @return one of the NAPTR flags S, A, U and P.
     */
    public static ValueRule naptrFlag()
    {
        return new ValueRule(Kind.NAPTR_FLAG, 0, 0, List.of(), NO_LIMIT, false);
    }

    /**
     * The same rule, also permitting {@link #INHERIT} (-1), the outbound proxy parameters' "use the SIP server's".
     *
     * @return a numeric rule that also permits -1.
     * @throws IllegalStateException when the rule is not numeric.
     */
    public ValueRule orInherit()
    {
        if (!isNumeric())
        {
            throw new IllegalStateException("only a numeric rule can inherit");
        }
        return new ValueRule(kind, minimum, maximum, choices, maxLength, true);
    }

    /**
     * @return the form of the value.
     */
    public Kind kind()
    {
        return kind;
    }

    /**
     * @return whether values are integers (as opposed to text).
     */
    public boolean isNumeric()
    {
        return kind == Kind.INTEGER || kind == Kind.CHOICE || kind == Kind.FAILBACK_TIMEOUT;
    }

    /**
     * @return the lowest permitted integer, not counting {@link #INHERIT}; 0 for text.
     */
    public long minimum()
    {
        return minimum;
    }

    /**
     * @return the highest permitted integer; 0 for text.
     */
    public long maximum()
    {
        return maximum;
    }

    /**
     * @return what 0, 1, 2 … stand for, for a choice; empty otherwise.
     */
    public List<String> choices()
    {
        return choices;
    }

    /**
     * @return the most characters a text value may have; {@link Integer#MAX_VALUE} when unlimited.
     */
    public int maxLength()
    {
        return maxLength;
    }

    /**
     * @return whether -1 is permitted and means "inherit the SIP server's value".
     */
    public boolean isInheritable()
    {
        return inheritable;
    }

    /**
     * The permitted values in words, for diagnostics and documentation, e.g.
     * {@code 0 (UDP), 1 (TCP), 2 (TLS) or 3 (DNS-NAPTR)}.
     *
     * @return the description.
     */
    public String permitted()
    {
        final String prefix = inheritable ? "-1 (inherit), or " : "";
        switch (kind)
        {
            case INTEGER:
                return prefix + "an integer from " + minimum + " to " + maximum;
            case CHOICE:
                return prefix + describeChoices();
            case FAILBACK_TIMEOUT:
                return prefix + "0, or an integer from " + MIN_FAILBACK_TIMEOUT_S + " to " + maximum +
                    " (1 to 59 mean " + MIN_FAILBACK_TIMEOUT_S + ")";
            case TEXT:
                return maxLength == NO_LIMIT ? "text" : "text of at most " + maxLength + " characters";
            case HOST:
                return "an IP address or a domain name";
            case DOMAIN_NAME:
                return "a domain name";
            case NAPTR_FLAG:
            default:
                return "S, A, U or P";
        }
    }

    /**
     * Check a value as written. The value is already trimmed and not empty (empty means "default").
     *
     * @param value the value as written.
     * @return the accepted, adjusted or rejected value.
     */
    CheckedValue check(final String value)
    {
        switch (kind)
        {
            case INTEGER:
            case CHOICE:
            case FAILBACK_TIMEOUT:
                return checkNumber(value);
            case TEXT:
                return value.length() > maxLength ?
                    CheckedValue.rejected(
                        DiagnosticKind.VALUE_TOO_LONG, "is longer than " + maxLength + " characters") :
                    CheckedValue.text(value);
            case HOST:
                return isDomainName(value) || isIpv6Literal(value) ? CheckedValue.text(value) :
                    CheckedValue.rejected(DiagnosticKind.BAD_HOST_NAME, "is neither an IP address nor a domain name");
            case DOMAIN_NAME:
                return isDomainName(value) ? CheckedValue.text(value) :
                    CheckedValue.rejected(DiagnosticKind.BAD_HOST_NAME, "is not a domain name");
            case NAPTR_FLAG:
            default:
                return checkNaptrFlag(value);
        }
    }

    private CheckedValue checkNumber(final String value)
    {
        final NumberText number = NumberText.parse(value);
        if (number.status() == NumberText.Status.NOT_A_NUMBER)
        {
            return CheckedValue.rejected(DiagnosticKind.NOT_A_NUMBER, "is not a number");
        }
        if (number.status() == NumberText.Status.TOO_LARGE)
        {
            return CheckedValue.rejected(DiagnosticKind.NUMBER_TOO_LARGE, "does not fit in a 64-bit integer");
        }

        final long v = number.value();
        if (inheritable && v == INHERIT)
        {
            return CheckedValue.number(v);
        }
        if (v < 0 && v < minimum)
        {
            return CheckedValue.rejected(DiagnosticKind.NEGATIVE_NUMBER, "is negative");
        }
        if (kind == Kind.CHOICE && (v < minimum || v > maximum))
        {
            return CheckedValue.rejected(DiagnosticKind.UNKNOWN_VALUE, "is not one of the permitted values");
        }
        if (v < minimum || v > maximum)
        {
            return CheckedValue.rejected(DiagnosticKind.OUT_OF_RANGE, "is out of range");
        }
        if (kind == Kind.FAILBACK_TIMEOUT && v > 0 && v < MIN_FAILBACK_TIMEOUT_S)
        {
            return CheckedValue.adjusted(
                MIN_FAILBACK_TIMEOUT_S,
                DiagnosticKind.FAILBACK_TIMEOUT_RAISED,
                "is between 1 and 59 seconds, which the phone takes as " + MIN_FAILBACK_TIMEOUT_S);
        }
        return CheckedValue.number(v);
    }

    private static CheckedValue checkNaptrFlag(final String value)
    {
        if (value.length() == 1 && NAPTR_FLAGS.indexOf(Character.toUpperCase(value.charAt(0))) >= 0)
        {
            return CheckedValue.text(String.valueOf(Character.toUpperCase(value.charAt(0))));
        }
        return CheckedValue.rejected(DiagnosticKind.UNKNOWN_VALUE, "is not one of the permitted values");
    }

    private String describeChoices()
    {
        final StringBuilder builder = new StringBuilder();
        for (int i = 0; i < choices.size(); i++)
        {
            if (i > 0)
            {
                builder.append(i == choices.size() - 1 ? " or " : ", ");
            }
            builder.append(i).append(" (").append(choices.get(i)).append(')');
        }
        return builder.toString();
    }

    /**
     * Whether text is a domain name as a provisioning file may write one: labels of 1 to 63 letters, digits,
     * hyphens or underscores (SRV owners start with {@code _sip}), separated by dots, at most 253 characters, with
     * an optional trailing dot. A dotted IPv4 address passes too.
     *
     * @param text the text.
     * @return true when it has the form of a domain name.
     */
    static boolean isDomainName(final String text)
    {
        final int length = text.endsWith(".") ? text.length() - 1 : text.length();
        if (length < 1 || length > MAX_DOMAIN_NAME_CHARS)
        {
            return false;
        }

        int labelLength = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    return false;
                }
                labelLength = 0;
            }
            else if (!isLabelChar(c) || ++labelLength > MAX_LABEL_CHARS)
            {
                return false;
            }
        }
        return labelLength > 0;
    }

    private static boolean isLabelChar(final char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isIpv6Literal(final String text)
    {
        final boolean bracketed = text.length() > 2 && text.charAt(0) == '[' && text.charAt(text.length() - 1) == ']';
        final String body = bracketed ? text.substring(1, text.length() - 1) : text;
        if (body.indexOf(':') < 0 || body.length() > MAX_LABEL_CHARS)
        {
            return false;
        }
        for (int i = 0; i < body.length(); i++)
        {
            final char c = body.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.')
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString()
    {
        return permitted();
    }
}
