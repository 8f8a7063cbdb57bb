package org.sipredundancy.hal.sim;

/**
 * What one direction of a simulated link does to the packets crossing it. Each datagram is delayed by
 * {@code latencyNs} plus a uniform extra delay in {@code [0, jitterNs]}, lost with {@code lossProbability} and,
 * when not lost, copied once more with {@code duplicationProbability} (the copy has its own delay). Stream bytes
 * (TCP, TLS) see the delay but neither loss nor duplication: the simulated TCP is reliable and ordered.
 * <pre>
 *   sent at t -------- latencyNs -------- [ jitter window ] -- delivered in [t + latency, t + latency + jitter]
 * </pre>
 * Immutable.
 *
 * @param latencyNs              fixed one-way delay in nanoseconds, not negative.
 * @param jitterNs               largest extra random delay in nanoseconds, not negative.
 * @param lossProbability        chance in [0, 1] that a datagram vanishes.
 * @param duplicationProbability chance in [0, 1] that a datagram that was not lost arrives twice.
 */
public record LinkProfile(long latencyNs, long jitterNs, double lossProbability, double duplicationProbability)
{
    /**
     * Validate the profile.
     *
     * @param latencyNs              fixed one-way delay in nanoseconds, not negative.
     * @param jitterNs               largest extra random delay in nanoseconds, not negative.
     * @param lossProbability        chance in [0, 1] that a datagram vanishes.
     * @param duplicationProbability chance in [0, 1] that a datagram that was not lost arrives twice.
     * @throws IllegalArgumentException when a delay is negative or a probability is outside [0, 1].
     */
    public LinkProfile
    {
        if (latencyNs < 0 || jitterNs < 0)
        {
            throw new IllegalArgumentException(
                "latency and jitter must not be negative: latencyNs=" + latencyNs + ", jitterNs=" + jitterNs);
        }
        if (!isProbability(lossProbability) || !isProbability(duplicationProbability))
        {
            throw new IllegalArgumentException("probabilities must be in [0, 1]: loss=" + lossProbability +
                ", duplication=" + duplicationProbability);
        }
    }

    /**
     * A clean link: fixed delay, no jitter, no loss, no duplication.
     *
     * @param latencyNs one-way delay in nanoseconds.
     * @return the profile.
     */
    public static LinkProfile latency(final long latencyNs)
    {
        return new LinkProfile(latencyNs, 0, 0.0, 0.0);
    }

    /**
     * @param jitterNs largest extra random delay in nanoseconds.
     * @return a copy of this profile with that jitter.
     */
    public LinkProfile withJitter(final long jitterNs)
    {
        return new LinkProfile(latencyNs, jitterNs, lossProbability, duplicationProbability);
    }

    /**
     * @param lossProbability chance in [0, 1] that a datagram vanishes.
     * @return a copy of this profile with that loss.
     */
    public LinkProfile withLoss(final double lossProbability)
    {
        return new LinkProfile(latencyNs, jitterNs, lossProbability, duplicationProbability);
    }

    /**
     * @param duplicationProbability chance in [0, 1] that a datagram arrives twice.
     * @return a copy of this profile with that duplication.
     */
    public LinkProfile withDuplication(final double duplicationProbability)
    {
        return new LinkProfile(latencyNs, jitterNs, lossProbability, duplicationProbability);
    }

    private static boolean isProbability(final double value)
    {
        return value >= 0.0 && value <= 1.0;
    }
}
