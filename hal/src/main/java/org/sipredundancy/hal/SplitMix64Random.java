package org.sipredundancy.hal;

/**
 * A small, fast, allocation-free {@link RandomSource}: Steele, Lea and Flood's SplitMix64 generator. The same
 * seed always gives the same sequence on every JVM, which is what simulation traces rely on. Not for
 * cryptography. Not thread safe.
 */
public final class SplitMix64Random implements RandomSource
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    /**
     * @param seed any value; equal seeds give equal sequences.
     */
    public SplitMix64Random(final long seed)
    {
        this.state = seed;
    }

    /**
     * Derive an independent seed for a named stream from a master seed, so that each simulated component draws
     * its own sequence and adding draws in one component does not shift another's.
     *
     * @param masterSeed the simulation's seed.
     * @param stream     a small number naming the component.
     * @return the component's seed.
     */
    public static long deriveSeed(final long masterSeed, final long stream)
    {
        return mix(masterSeed + GOLDEN_GAMMA * (stream + 1));
    }

    /**
     * {@inheritDoc}
     */
    public long nextLong()
    {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /**
     * {@inheritDoc}
     */
    public int nextInt(final int bound)
    {
        if (bound <= 0)
        {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // Lemire's multiply-shift with rejection: unbiased and division-free in the common case.
        long product = (nextLong() >>> 32) * bound;
        long low = product & 0xFFFFFFFFL;
        if (low < bound)
        {
            final long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold)
            {
                product = (nextLong() >>> 32) * bound;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int)(product >>> 32);
    }

    /**
     * {@inheritDoc}
     */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
