package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

/**
 * The additional-section records of one live answer, held until the answer is complete, then stored in the cache
 * grouped by owner (R-DNS-8, {@code dns_cache_type = 2}). Only records that the answer itself points to are kept:
 * A records of its SRV targets and SRV records of its NAPTR replacements; anything else a server adds is not
 * trusted. Fixed capacity; extra records are dropped. Not thread safe.
 */
final class AdditionalRecords
{
    private final DomainName[] owners;
    private final DnsRecordSet records;
    private final boolean[] stored;
    private final DnsRecordSet group;
    private int type;

    AdditionalRecords(final int capacity)
    {
        owners = new DomainName[capacity];
        for (int i = 0; i < capacity; i++)
        {
            owners[i] = new DomainName();
        }
        records = new DnsRecordSet(capacity);
        stored = new boolean[capacity];
        group = new DnsRecordSet(capacity);
    }

    /**
     * Forget the records, ready for an answer whose additional records are of this type.
     *
     * @param recordType A for an SRV answer, SRV for a NAPTR answer, 0 for an answer whose extras are ignored.
     */
    void reset(final int recordType)
    {
        type = recordType;
        records.reset(recordType);
    }

    void addAddress(final CharSequence owner, final int address, final int ttlS)
    {
        if (type == DnsType.A && hasRoom(owner))
        {
            records.addAddress(address, ttlS);
        }
    }

    void addSrv(
        final CharSequence owner, final int priority, final int weight, final int port, final CharSequence target,
        final int ttlS)
    {
        if (type == DnsType.SRV && hasRoom(owner))
        {
            records.addSrv(priority, weight, port, target, ttlS);
        }
    }

    private boolean hasRoom(final CharSequence owner)
    {
        return records.size() < records.capacity() && owners[records.size()].set(owner);
    }

    /**
     * Store every group of records whose owner the answer points to.
     *
     * @param answer    the answer's records (SRV or NAPTR).
     * @param cache     where to store.
     * @param cacheType the account's {@code dns_cache_type}; only 2 stores anything.
     * @param nowNs     the time now.
     * @return how many groups were stored.
     */
    int storeInto(final DnsRecordSet answer, final DnsAnswerCache cache, final int cacheType, final long nowNs)
    {
        int groups = 0;
        final int count = records.size();
        for (int i = 0; i < count; i++)
        {
            stored[i] = false;
        }
        for (int i = 0; i < count; i++)
        {
            if (stored[i] || !pointedTo(answer, owners[i]))
            {
                continue;
            }
            group.reset(type);
            for (int j = i; j < count; j++)
            {
                if (!stored[j] && owners[j].equalsIgnoreCase(owners[i]))
                {
                    group.addCopy(records, j);
                    stored[j] = true;
                }
            }
            if (cache.storeAdditional(cacheType, owners[i], group, nowNs))
            {
                groups++;
            }
        }
        return groups;
    }

    private static boolean pointedTo(final DnsRecordSet answer, final DomainName owner)
    {
        for (int i = 0, n = answer.size(); i < n; i++)
        {
            if (answer.name(i).equalsIgnoreCase(owner))
            {
                return true;
            }
        }
        return false;
    }
}
