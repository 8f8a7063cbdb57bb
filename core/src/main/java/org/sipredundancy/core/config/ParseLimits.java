package org.sipredundancy.core.config;

/**
 * The bounds that keep reading a file of any size in bounded memory (R-CFG-1): the longest line read, and how many
 * diagnostics and unknown keys are kept. Past a bound the rest are counted, not kept. Immutable.
 * <p>
 * Errors and warnings, and notes, are kept up to {@code maxDiagnostics} each, so that the hundreds of keys a real
 * file holds for features this core does not implement never crowd out a real problem.
 *
 * @param maxLineChars    the longest line, in characters, that is read; a longer one is diagnosed and ignored.
 * @param maxDiagnostics  how many errors and warnings are kept, and how many notes.
 * @param maxUnknownKeys  how many distinct keys this core does not implement are kept.
 */
public record ParseLimits(int maxLineChars, int maxDiagnostics, int maxUnknownKeys)
{
    /**
     * The limits of {@link ConfigLoader}: lines of up to 4096 characters (the longest value the seed permits is an
     * address of 256), and 1000 kept diagnostics of each kind and unknown keys.
     */
    public static final ParseLimits DEFAULT = new ParseLimits(4096, 1000, 1000);

    /**
     * Refuse limits that cannot work.
     *
     * @param maxLineChars the longest line read, at least 1.
     * @param maxDiagnostics errors and warnings kept, and notes kept, at least 1.
     * @param maxUnknownKeys unknown keys kept, not negative.
     */
    public ParseLimits
    {
        if (maxLineChars < 1 || maxDiagnostics < 1 || maxUnknownKeys < 0)
        {
            throw new IllegalArgumentException("limits must be positive: " + maxLineChars + ", " + maxDiagnostics +
                ", " + maxUnknownKeys);
        }
    }
}
