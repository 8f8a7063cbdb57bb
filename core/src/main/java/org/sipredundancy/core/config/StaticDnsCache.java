package org.sipredundancy.core.config;

import java.util.List;

/**
 * The static DNS cache of the phone (R-DNS-7): the complete A, SRV and NAPTR records of the file, each list in
 * record number order. Immutable.
 *
 * @param aRecords     the A records.
 * @param srvRecords   the SRV records.
 * @param naptrRecords the NAPTR records.
 */
public record StaticDnsCache(
    List<DnsARecord> aRecords, List<DnsSrvRecord> srvRecords, List<DnsNaptrRecord> naptrRecords)
{
    /** A cache with no records. */
    public static final StaticDnsCache EMPTY = new StaticDnsCache(List.of(), List.of(), List.of());

    /**
     * Copy the lists so that the cache stays immutable.
     *
     * @param aRecords the A records.
     * @param srvRecords the SRV records.
     * @param naptrRecords the NAPTR records.
     */
    public StaticDnsCache
    {
        aRecords = List.copyOf(aRecords);
        srvRecords = List.copyOf(srvRecords);
        naptrRecords = List.copyOf(naptrRecords);
    }

    /**
     * @return whether the cache holds no record at all.
     */
    public boolean isEmpty()
    {
        return aRecords.isEmpty() && srvRecords.isEmpty() && naptrRecords.isEmpty();
    }
}
