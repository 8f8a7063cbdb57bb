package org.sipredundancy.core.config;

/**
 * A decimal integer as a provisioning file writes it: an optional minus sign, then one or more ASCII digits, nothing
 * else. Parsed by hand so that junk costs no exception, and so that a number beyond 64 bits is told apart from text
 * that is not a number.
 *
 * @param status whether the text is a number, and whether it fits.
 * @param value  the number when it fits; 0 otherwise.
 */
record NumberText(Status status, long value)
{
    enum Status
    {
        NUMBER,
        NOT_A_NUMBER,
        TOO_LARGE
    }

    private static final NumberText NOT_A_NUMBER = new NumberText(Status.NOT_A_NUMBER, 0);
    private static final NumberText TOO_LARGE = new NumberText(Status.TOO_LARGE, 0);

    static NumberText parse(final String text)
    {
        final boolean negative = !text.isEmpty() && text.charAt(0) == '-';
        final int start = negative ? 1 : 0;
        if (start == text.length())
        {
            return NOT_A_NUMBER;
        }

        boolean overflow = false;
        long accumulated = 0;
        for (int i = start; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return NOT_A_NUMBER;
            }
            final int digit = c - '0';
            if (accumulated < (Long.MIN_VALUE + digit) / 10)
            {
                overflow = true;
            }
            else
            {
                accumulated = accumulated * 10 - digit;
            }
        }

        if (overflow || (!negative && accumulated == Long.MIN_VALUE))
        {
            return TOO_LARGE;
        }
        return new NumberText(Status.NUMBER, negative ? accumulated : -accumulated);
    }
}
