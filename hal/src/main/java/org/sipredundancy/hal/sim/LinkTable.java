package org.sipredundancy.hal.sim;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/**
 * The links of a {@link SimNetwork}: a {@link LinkProfile} per direction (or the default) and the set of cut
 * directions. A direction is the pair (from, to) packed into one long, so look-ups neither box nor allocate.
 * <pre>
 *   key = from (high 32 bits) | to (low 32 bits)
 * </pre>
 * Not thread safe.
 */
final class LinkTable
{
    private final Long2ObjectHashMap<LinkProfile> profiles = new Long2ObjectHashMap<>();
    private final LongHashSet cuts = new LongHashSet();
    private LinkProfile defaultProfile;

    LinkTable(final LinkProfile defaultProfile)
    {
        this.defaultProfile = defaultProfile;
    }

    static long direction(final int from, final int to)
    {
        return ((long)from << 32) | (to & 0xFFFF_FFFFL);
    }

    LinkProfile profile(final int from, final int to)
    {
        final LinkProfile profile = profiles.get(direction(from, to));
        return profile != null ? profile : defaultProfile;
    }

    void profile(final int from, final int to, final LinkProfile profile)
    {
        profiles.put(direction(from, to), profile);
    }

    void defaultProfile(final LinkProfile profile)
    {
        defaultProfile = profile;
    }

    boolean isCut(final int from, final int to)
    {
        return !cuts.isEmpty() && cuts.contains(direction(from, to));
    }

    void cut(final int a, final int b)
    {
        cuts.add(direction(a, b));
        cuts.add(direction(b, a));
    }

    void mend(final int a, final int b)
    {
        cuts.remove(direction(a, b));
        cuts.remove(direction(b, a));
    }

    void mendAll()
    {
        cuts.clear();
    }
}
