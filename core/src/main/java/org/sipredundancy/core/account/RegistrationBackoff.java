package org.sipredundancy.core.account;

import org.sipredundancy.hal.RandomSource;

/**
 * How long an account waits before it tries the primary again after every candidate failed (SPEC R-FO-1, RFC 5626
 * section 4.5): {@code min(max, base · 2^failures)}, then a random 50–100 % of that from the injected seeded source,
 * so that a thousand phones that lost the same server do not come back in the same second. A fixed interval, when
 * configured, replaces the formula (no jitter: the administrator asked for that interval).
 */
public final class RegistrationBackoff
{
    /** RFC 5626's base time when every flow failed, in seconds. */
    public static final long DEFAULT_BASE_S = 30;
    /** RFC 5626's upper bound, in seconds. */
    public static final long DEFAULT_MAX_S = 1800;

    private static final long NS_PER_S = 1_000_000_000L;
    private static final int PERCENT_RANGE = 51;

    private final long baseNs;
    private final long maxNs;
    private final long fixedIntervalNs;

    /**
     * @param baseS           the base time in seconds (RFC 5626: 30).
     * @param maxS            the upper bound in seconds (RFC 5626: 1800).
     * @param fixedIntervalS  a fixed interval in seconds that replaces the formula, or 0 for the formula.
     */
    public RegistrationBackoff(final long baseS, final long maxS, final long fixedIntervalS)
    {
        if (baseS <= 0 || maxS < baseS || fixedIntervalS < 0)
        {
            throw new IllegalArgumentException("back-off needs 0 < base <= max and a fixed interval >= 0, was base " +
                baseS + " s, max " + maxS + " s, fixed " + fixedIntervalS + " s");
        }
        baseNs = baseS * NS_PER_S;
        maxNs = maxS * NS_PER_S;
        fixedIntervalNs = fixedIntervalS * NS_PER_S;
    }

    /**
     * RFC 5626's values and no fixed interval.
     */
    public RegistrationBackoff()
    {
        this(DEFAULT_BASE_S, DEFAULT_MAX_S, 0);
    }

    /**
     * The upper end of the wait after {@code failures} consecutive rounds in which every candidate failed.
     *
     * @param failures consecutive failed rounds, 1 or more (0 is treated as 1).
     * @return {@code min(max, base · 2^failures)} in nanoseconds, or the fixed interval.
     */
    public long ceilingNs(final int failures)
    {
        if (fixedIntervalNs > 0)
        {
            return fixedIntervalNs;
        }
        final int exponent = Math.max(1, failures);
        if (exponent >= Long.numberOfLeadingZeros(baseNs) - 1)
        {
            return maxNs;
        }
        return Math.min(maxNs, baseNs << exponent);
    }

    /**
     * The wait to apply: a random 50–100 % (whole percents) of {@link #ceilingNs}, or the fixed interval.
     *
     * @param failures consecutive failed rounds, 1 or more.
     * @param random   the injected seeded source.
     * @return nanoseconds to wait before trying the primary again.
     */
    public long delayNs(final int failures, final RandomSource random)
    {
        final long ceiling = ceilingNs(failures);
        if (fixedIntervalNs > 0)
        {
            return ceiling;
        }
        final int percent = 50 + random.nextInt(PERCENT_RANGE);
        return ceiling / 100 * percent;
    }
}
