package org.sipredundancy.core.config;

import java.util.List;

/**
 * Whether an account reuses DNS answers ({@code account.X.dns_cache_type}, R-DNS-8).
 */
public enum DnsCacheType
{
    /** 0: every resolution queries again; nothing is cached. */
    NO_CACHE("real-time query, no cache"),
    /** 1: answers are reused until their TTL runs out; additional records are ignored. */
    CACHE_ANSWERS("cache answers"),
    /** 2: answers and the records of the additional section are cached. */
    CACHE_ANSWERS_AND_ADDITIONAL("cache answers and additional records");

    private static final DnsCacheType[] BY_CODE = values();

    private final String label;

    DnsCacheType(final String label)
    {
        this.label = label;
    }

    /**
     * @return the number a provisioning file writes for this type.
     */
    public int code()
    {
        return ordinal();
    }

    /**
     * @return a short description of what the phone caches.
     */
    public String label()
    {
        return label;
    }

    /**
     * The cache type a provisioning file's number stands for.
     *
     * @param code the number, 0 to 2.
     * @return the cache type.
     * @throws IllegalArgumentException when the number stands for none.
     */
    public static DnsCacheType fromCode(final long code)
    {
        if (code < 0 || code >= BY_CODE.length)
        {
            throw new IllegalArgumentException("no DNS cache type " + code);
        }
        return BY_CODE[(int)code];
    }

    /**
     * @return the labels in code order, for the parameter table's permitted values.
     */
    public static List<String> labels()
    {
        return List.of(NO_CACHE.label, CACHE_ANSWERS.label, CACHE_ANSWERS_AND_ADDITIONAL.label);
    }
}
