package org.sipredundancy.core.config;

/**
 * What a {@link ValueRule} made of a value as written: accepted as it is, accepted with an adjustment the phone
 * makes (a failback timeout of 1 to 59 becomes 60), or rejected. Immutable.
 *
 * @param status  accepted, adjusted or rejected.
 * @param number  the value of a numeric parameter once accepted or adjusted.
 * @param text    the value of a text parameter once accepted.
 * @param problem the diagnostic kind for an adjusted or rejected value; null when accepted.
 * @param reason  why, as a phrase that follows the value, e.g. {@code is not a number}; empty when accepted.
 */
record CheckedValue(Status status, long number, String text, DiagnosticKind problem, String reason)
{
    enum Status
    {
        ACCEPTED,
        ADJUSTED,
        REJECTED
    }

    static CheckedValue number(final long number)
    {
        return new CheckedValue(Status.ACCEPTED, number, null, null, "");
    }

    static CheckedValue text(final String text)
    {
        return new CheckedValue(Status.ACCEPTED, 0, text, null, "");
    }

    static CheckedValue adjusted(final long number, final DiagnosticKind problem, final String reason)
    {
        return new CheckedValue(Status.ADJUSTED, number, null, problem, reason);
    }

    static CheckedValue rejected(final DiagnosticKind problem, final String reason)
    {
        return new CheckedValue(Status.REJECTED, 0, null, problem, reason);
    }

    boolean isRejected()
    {
        return status == Status.REJECTED;
    }
}
