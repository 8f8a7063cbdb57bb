package org.sipredundancy.hal;

/**
 * The only source of randomness the core may use (SPEC R-RT-3): injected, seeded, so a simulation is a pure
 * function of configuration, seed and inputs. Not thread safe.
 */
public interface RandomSource
{
    /**
     * @return the next 64 random bits.
     */
    long nextLong();

    /**
     * A uniform integer in {@code [0, bound)}.
     *
     * @param bound exclusive upper bound, greater than 0.
     * @return the value.
     */
    int nextInt(int bound);

    /**
     * A uniform double in {@code [0, 1)}.
     *
     * @return the value.
     */
    double nextDouble();
}
