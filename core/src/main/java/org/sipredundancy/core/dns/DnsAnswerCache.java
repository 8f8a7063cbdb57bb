package org.sipredundancy.core.dns;

import java.util.Arrays;

/**
 * Live DNS answers kept for reuse until their TTL runs out (R-DNS-8), keyed by (TYPE, name), names compared
 * ignoring ASCII case. The account's {@code dns_cache_type} is passed to every call and decides what happens:
 * <ul>
 *     <li>0: nothing is stored and nothing is found: every resolution asks again.</li>
 *     <li>1: answers are stored and found; records from the additional section are neither stored nor found.</li>
 *     <li>2: additional-section records are stored and found too (an SRV answer that carries its targets'
 *     addresses saves the address queries). They never replace a live answer for the same question.</li>
 * </ul>
 * An entry expires as a whole at its smallest TTL (RFC 2181), capped at {@link #MAX_TTL_S}: it is found while
 * {@code nowNs - expiresNs < 0}, so at the exact nanosecond of expiry it is gone. Records found carry the remaining
 * TTL, rounded up to whole seconds. A negative answer (NXDOMAIN or no records of the type) is stored for the SOA
 * minimum the answer carried (RFC 2308 section 5), or for the default given at construction when it carried none,
 * capped at {@link #MAX_NEGATIVE_TTL_S}. Failures (time-outs, SERVFAIL) are never stored.
 * <p>
 * Capacity is fixed: when every entry is in use, a new answer takes the entry that expires soonest (an expired one
 * if any), which would have been asked again first anyway. Lookups scan the entries ever used (a few dozen at
 * most) comparing a hash first, names being hashed once when written; neither lookups nor stores allocate. Time is
 * only the {@code nowNs} passed in. Not thread safe.
 */
public final class DnsAnswerCache
{
    /** {@link #lookup} found nothing usable: ask live DNS. */
    public static final int MISS = 0;
    /** {@link #lookup} found records, now in the output set. */
    public static final int HIT = 1;
    /** {@link #lookup} found a stored negative answer: the name has no records of that type. */
    public static final int NEGATIVE = 2;
    /** Longest time an answer is kept, seven days, whatever its TTL says. */
    public static final int MAX_TTL_S = 604_800;
    /** Longest time a negative answer is kept, three hours (RFC 2308 section 5). */
    public static final int MAX_NEGATIVE_TTL_S = 10_800;
    /**
     * Default time a negative answer without an SOA record is kept: 0, not at all, as RFC 2308 section 5 says
     * ("SHOULD NOT be cached").
     */
    public static final int NO_SOA_NEGATIVE_TTL_S = 0;

    private static final long NS_PER_S = 1_000_000_000L;

    private final int[] types;
    private final int[] hashes;
    private final long[] expiresNs;
    private final long[] versions;
    private final boolean[] used;
    private final boolean[] negative;
    private final boolean[] additional;
    private final DomainName[] names;
    private final DnsRecordSet[] records;
    private final int defaultNegativeTtlS;
    private int entryLimit;
    private long storeCount;
    private long evictionCount;

    /**
     * @param entryCapacity       most questions remembered at once.
     * @param recordCapacity      most records kept per question.
     * @param defaultNegativeTtlS seconds a negative answer without an SOA minimum is kept, e.g.
     *                            {@link #NO_SOA_NEGATIVE_TTL_S}.
     */
    public DnsAnswerCache(final int entryCapacity, final int recordCapacity, final int defaultNegativeTtlS)
    {
        if (entryCapacity < 1)
        {
            throw new IllegalArgumentException("entryCapacity must be positive: " + entryCapacity);
        }
        types = new int[entryCapacity];
        hashes = new int[entryCapacity];
        expiresNs = new long[entryCapacity];
        versions = new long[entryCapacity];
        used = new boolean[entryCapacity];
        negative = new boolean[entryCapacity];
        additional = new boolean[entryCapacity];
        names = new DomainName[entryCapacity];
        records = new DnsRecordSet[entryCapacity];
        for (int i = 0; i < entryCapacity; i++)
        {
            names[i] = new DomainName();
            records[i] = new DnsRecordSet(recordCapacity);
        }
        this.defaultNegativeTtlS = Math.max(0, defaultNegativeTtlS);
    }

    /**
     * Find a stored answer.
     *
     * @param cacheType the account's {@code dns_cache_type}, 0 to 2.
     * @param type      the RFC 1035 TYPE number.
     * @param name      the name asked.
     * @param nowNs     the time now.
     * @param out       on {@link #HIT}, emptied and given the records with their remaining TTL; otherwise emptied.
     * @return {@link #MISS}, {@link #HIT} or {@link #NEGATIVE}.
     */
    public int lookup(
        final int cacheType, final int type, final CharSequence name, final long nowNs, final DnsRecordSet out)
    {
        out.reset(type);
        if (cacheType == 0)
        {
            return MISS;
        }
        final int entry = find(type, name, DomainName.hashIgnoreCase(name));
        if (entry < 0 || (additional[entry] && cacheType < 2))
        {
            return MISS;
        }
        final long remainingNs = expiresNs[entry] - nowNs;
        if (remainingNs <= 0)
        {
            used[entry] = false;
            return MISS;
        }
        if (negative[entry])
        {
            return NEGATIVE;
        }
        out.copyFrom(records[entry], this, versions[entry]);
        out.setAllTtlS((int)((remainingNs + NS_PER_S - 1) / NS_PER_S));
        return HIT;
    }

    /**
     * Store the records of a live answer (answer section), replacing whatever was stored for the question.
     *
     * @param cacheType the account's {@code dns_cache_type}; 0 stores nothing.
     * @param name      the name asked.
     * @param answer    the records, of the type asked; an empty set stores nothing.
     * @param nowNs     the time now.
     * @return whether the answer was stored.
     */
    public boolean storeAnswer(
        final int cacheType, final CharSequence name, final DnsRecordSet answer, final long nowNs)
    {
        if (cacheType == 0 || answer.size() == 0)
        {
            return false;
        }
        return store(answer.type(), name, answer, Math.min(answer.minTtlS(), MAX_TTL_S), false, false, nowNs);
    }

    /**
     * Store records that came in the additional section of a live answer, under their own owner name.
     *
     * @param cacheType the account's {@code dns_cache_type}; only 2 stores anything.
     * @param owner     the records' owner name.
     * @param extra     the records, all of one type and owner.
     * @param nowNs     the time now.
     * @return whether the records were stored; never over a live answer that has not expired.
     */
    public boolean storeAdditional(
        final int cacheType, final CharSequence owner, final DnsRecordSet extra, final long nowNs)
    {
        if (cacheType != 2 || extra.size() == 0)
        {
            return false;
        }
        final int entry = find(extra.type(), owner, DomainName.hashIgnoreCase(owner));
        if (entry >= 0 && !additional[entry] && expiresNs[entry] - nowNs > 0)
        {
            return false;
        }
        return store(extra.type(), owner, extra, Math.min(extra.minTtlS(), MAX_TTL_S), false, true, nowNs);
    }

    /**
     * Store a negative answer: the name has no records of the type (RFC 2308).
     *
     * @param cacheType    the account's {@code dns_cache_type}; 0 stores nothing.
     * @param type         the RFC 1035 TYPE number asked.
     * @param name         the name asked.
     * @param negativeTtlS the SOA minimum of the answer in seconds, or negative when it carried no SOA record.
     * @param nowNs        the time now.
     * @return whether the negative answer was stored.
     */
    public boolean storeNegative(
        final int cacheType, final int type, final CharSequence name, final int negativeTtlS, final long nowNs)
    {
        if (cacheType == 0)
        {
            return false;
        }
        final int ttl = Math.min(negativeTtlS < 0 ? defaultNegativeTtlS : negativeTtlS, MAX_NEGATIVE_TTL_S);
        return store(type, name, null, ttl, true, false, nowNs);
    }

    /**
     * Forget everything, e.g. when the network changes.
     */
    public void clear()
    {
        Arrays.fill(used, false);
        entryLimit = 0;
    }

    /**
     * @param nowNs the time now.
     * @return entries that have not expired, negative ones included.
     */
    public int size(final long nowNs)
    {
        int count = 0;
        for (int i = 0; i < used.length; i++)
        {
            if (used[i] && expiresNs[i] - nowNs > 0)
            {
                count++;
            }
        }
        return count;
    }

    /**
     * @return entries given up before they expired to make room, since construction.
     */
    public long evictionCount()
    {
        return evictionCount;
    }

    private boolean store(
        final int type,
        final CharSequence name,
        final DnsRecordSet answer,
        final int ttlS,
        final boolean isNegative,
        final boolean isAdditional,
        final long nowNs)
    {
        if (ttlS <= 0)
        {
            return false;
        }
        final int hash = DomainName.hashIgnoreCase(name);
        int entry = find(type, name, hash);
        if (entry < 0)
        {
            entry = freeEntry(nowNs);
        }
        if (!names[entry].set(name))
        {
            used[entry] = false;
            return false;
        }
        used[entry] = true;
        entryLimit = Math.max(entryLimit, entry + 1);
        types[entry] = type;
        hashes[entry] = hash;
        negative[entry] = isNegative;
        additional[entry] = isAdditional;
        expiresNs[entry] = nowNs + ttlS * NS_PER_S;
        versions[entry] = ++storeCount;
        if (isNegative)
        {
            records[entry].reset(type);
        }
        else
        {
            records[entry].copyFrom(answer);
        }
        return true;
    }

    private int find(final int type, final CharSequence name, final int hash)
    {
        for (int i = 0, n = entryLimit; i < n; i++)
        {
            if (hashes[i] == hash && types[i] == type && used[i] && names[i].equalsIgnoreCase(name))
            {
                return i;
            }
        }
        return -1;
    }

    private int freeEntry(final long nowNs)
    {
        int soonest = 0;
        for (int i = 0; i < used.length; i++)
        {
            if (!used[i])
            {
                return i;
            }
            if (expiresNs[i] - expiresNs[soonest] < 0)
            {
                soonest = i;
            }
        }
        if (expiresNs[soonest] - nowNs > 0)
        {
            evictionCount++;
        }
        return soonest;
    }
}
