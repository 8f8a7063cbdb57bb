package org.sipredundancy.hal.sim;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

/**
 * Virtual time for a simulation (SPEC R-RT-4). It starts at 0 ns and moves only when the simulation driver moves
 * it, so a run takes as long as its events need, not as long as its virtual span, and two runs with the same seed
 * see exactly the same times.
 * <p>
 * The wall clock is derived from the same virtual nanoseconds: a fixed epoch base plus virtual time, so Date
 * headers and log stamps are reproducible too.
 * <pre>
 *   virtual ns:  0 ---------------- nowNs
 *   epoch ms:    epochBaseMs ------ epochBaseMs + nowNs / 1,000,000
 * </pre>
 * Not thread safe.
 */
public final class SimClock implements NanoClock, EpochClock
{
    /** 2026-01-01T00:00:00Z in milliseconds since 1970: the wall-clock reading at virtual time zero by default. */
    public static final long DEFAULT_EPOCH_BASE_MS = 1_767_225_600_000L;

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final long epochBaseMs;
    private long nowNs;

    /**
     * A clock at virtual time zero whose wall clock reads {@link #DEFAULT_EPOCH_BASE_MS} then.
     */
    public SimClock()
    {
        this(DEFAULT_EPOCH_BASE_MS);
    }

    /**
     * A clock at virtual time zero with a chosen wall-clock reading at that moment.
     *
     * @param epochBaseMs milliseconds since 1970 at virtual time zero.
     */
    public SimClock(final long epochBaseMs)
    {
        this.epochBaseMs = epochBaseMs;
    }

    /**
     * Move virtual time forward to an absolute time. Moving to the current time is allowed and does nothing.
     *
     * @param nowNs the new virtual time in nanoseconds, not before the current one.
     * @throws IllegalArgumentException when {@code nowNs} is before the current time; time never runs backwards.
     */
    public void advanceTo(final long nowNs)
    {
        if (nowNs < this.nowNs)
        {
            throw new IllegalArgumentException(
                "virtual time cannot move backwards: from " + this.nowNs + " ns to " + nowNs + " ns");
        }
        this.nowNs = nowNs;
    }

    /**
     * Move virtual time forward by a span.
     *
     * @param durationNs how far, in nanoseconds, not negative.
     * @throws IllegalArgumentException when {@code durationNs} is negative.
     */
    public void advanceBy(final long durationNs)
    {
        if (durationNs < 0)
        {
            throw new IllegalArgumentException(
                "virtual time cannot move backwards: from " + nowNs + " ns by " + durationNs + " ns");
        }
        nowNs += durationNs;
    }

    /**
     * @return the virtual time in nanoseconds since the simulation started.
     */
    public long nanoTime()
    {
        return nowNs;
    }

    /**
     * @return the simulated wall clock in milliseconds since 1970: the epoch base plus whole virtual milliseconds.
     */
    public long time()
    {
        return epochBaseMs + nowNs / NANOS_PER_MILLI;
    }

    /**
     * @return the wall-clock reading at virtual time zero, in milliseconds since 1970.
     */
    public long epochBaseMs()
    {
        return epochBaseMs;
    }
}
