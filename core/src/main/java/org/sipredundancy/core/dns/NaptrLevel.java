package org.sipredundancy.core.dns;

/**
 * One level of the NAPTR walk (R-DNS-3): the name asked, its records, and the usable ones in the order they are
 * tried. Level 0 is the server's domain; each non-terminal record followed adds a level, at most
 * {@link ServerLocator#MAX_NAPTR_HOPS}. Not thread safe.
 */
final class NaptrLevel
{
    final DomainName name = new DomainName();
    final DnsRecordSet records;
    private final int[] order;
    private int count;
    private int cursor;

    NaptrLevel(final int recordCapacity)
    {
        records = new DnsRecordSet(recordCapacity);
        order = new int[recordCapacity];
    }

    /**
     * Keep the records with a SIP service over UDP, TCP or TLS and a flag the phone follows, then sort them.
     */
    void select(final ResolutionTrace trace)
    {
        count = 0;
        cursor = 0;
        for (int i = 0, n = records.size(); i < n; i++)
        {
            if (!NaptrRules.isUsable(records.service(i)))
            {
                trace.naptr(records, i, "skip, service not used");
            }
            else if (records.flag(i) == NaptrRules.FLAG_OTHER)
            {
                trace.naptr(records, i, "skip, flag or regexp not used");
            }
            else
            {
                order[count++] = i;
            }
        }
        NaptrRules.sort(records, order, count);
    }

    boolean hasNext()
    {
        return cursor < count;
    }

    int next()
    {
        return order[cursor++];
    }
}
