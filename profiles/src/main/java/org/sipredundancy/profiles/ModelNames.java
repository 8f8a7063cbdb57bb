package org.sipredundancy.profiles;

/**
 * How model names are compared (R-PRO-5). Administrators write {@code T46G}, {@code sip-t46g}, {@code SIP VP-T49G}
 * or {@code T21P E2} for the models Yealink writes {@code SIP-T46G}, {@code SIP VP-T49G} and
 * {@code SIP-T21(P) E2}; all spellings of one model reduce to one normal form, and an unknown name is measured
 * against the known ones by edit distance on that form.
 */
public final class ModelNames
{
    private static final String SIP_PREFIX = "SIP";

    private ModelNames()
    {
    }

    /**
     * Reduce a model name to the form names are compared in: upper case, with white space, hyphens and parentheses
     * removed, then a leading {@code SIP} dropped (when something follows it). So {@code sip-t46g}, {@code T46G}
     * and {@code SIP-T46G} all give {@code T46G}, and {@code T21(P) E2} and {@code t21p e2} give {@code T21PE2}.
     *
     * @param name a model name as written by a person.
     * @return the normal form, possibly empty.
     */
    public static String normalise(final CharSequence name)
    {
        final StringBuilder builder = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (!isIgnored(c))
            {
                builder.append(Character.toUpperCase(c));
            }
        }

        if (builder.length() > SIP_PREFIX.length() && builder.indexOf(SIP_PREFIX) == 0)
        {
            builder.delete(0, SIP_PREFIX.length());
        }

        return builder.toString();
    }

    /**
     * The Levenshtein distance between two names: the fewest single-character insertions, deletions and
     * substitutions that turn one into the other. Used on normal forms to suggest the models closest to an unknown
     * name.
     *
     * @param a one name.
     * @param b the other name.
     * @return the edit distance, 0 when equal.
     */
    public static int editDistance(final CharSequence a, final CharSequence b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                final int deletion = previous[j] + 1;
                final int insertion = current[j - 1] + 1;
                current[j] = Math.min(substitution, Math.min(deletion, insertion));
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.length()];
    }

    private static boolean isIgnored(final char c)
    {
        return Character.isWhitespace(c) || c == '-' || c == '(' || c == ')';
    }
}
