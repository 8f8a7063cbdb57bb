package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.sipredundancy.core.config.DnsARecord;
import org.sipredundancy.core.config.DnsNaptrRecord;
import org.sipredundancy.core.config.DnsSrvRecord;
import org.sipredundancy.core.config.StaticDnsCache;
import org.sipredundancy.hal.Ipv4;

import java.util.List;

/**
 * The static DNS cache ({@code dns_cache_a/srv/naptr.X.*}, R-DNS-7) in the form the locator asks it: "what records
 * of this type does this name have?". Each record answers for its name exactly as written, compared without regard
 * to ASCII case; nothing is corrected (R-DNS-12), so an SRV record owned by {@code _sip_tcp.example.com} answers
 * only a question for that very name. Records come back in file order, each with its configured {@code ttl}.
 * Built once at start-up; lookups allocate nothing. Immutable after construction.
 */
public final class StaticDnsRecords
{
    /** No static records. */
    public static final StaticDnsRecords NONE = new StaticDnsRecords(StaticDnsCache.EMPTY);

    private final DnsRecordSet aRecords;
    private final DnsRecordSet srvRecords;
    private final DnsRecordSet naptrRecords;
    private final String[] aNames;
    private final String[] srvNames;
    private final String[] naptrNames;

    /**
     * Read the configured records; an A record whose address is not IPv4 is left out (the configuration keeps only
     * valid ones).
     *
     * @param cache the static DNS cache of the effective configuration.
     */
    public StaticDnsRecords(final StaticDnsCache cache)
    {
        final List<DnsARecord> a = cache.aRecords();
        final List<DnsSrvRecord> srv = cache.srvRecords();
        final List<DnsNaptrRecord> naptr = cache.naptrRecords();
        aRecords = new DnsRecordSet(Math.max(1, a.size())).reset(DnsType.A);
        srvRecords = new DnsRecordSet(Math.max(1, srv.size())).reset(DnsType.SRV);
        naptrRecords = new DnsRecordSet(Math.max(1, naptr.size())).reset(DnsType.NAPTR);
        aNames = new String[a.size()];
        srvNames = new String[srv.size()];
        naptrNames = new String[naptr.size()];
        for (final DnsARecord record : a)
        {
            final long address = Ipv4.parse(record.ip());
            if (address != Ipv4.INVALID && aRecords.addAddress((int)address, record.ttlS()))
            {
                aNames[aRecords.size() - 1] = record.name();
            }
        }
        for (final DnsSrvRecord record : srv)
        {
            if (srvRecords.addSrv(record.priority(), record.weight(), record.port(), record.target(), record.ttlS()))
            {
                srvNames[srvRecords.size() - 1] = record.name();
            }
        }
        for (final DnsNaptrRecord record : naptr)
        {
            if (naptrRecords.addNaptr(record.order(), record.preference(), record.flags(), record.service(), "",
                record.replacement(), record.ttlS()))
            {
                naptrNames[naptrRecords.size() - 1] = record.name();
            }
        }
    }

    /**
     * @return whether there is no static record at all.
     */
    public boolean isEmpty()
    {
        return aRecords.size() == 0 && srvRecords.size() == 0 && naptrRecords.size() == 0;
    }

    /**
     * Whether any static record answers a question.
     *
     * @param type the RFC 1035 TYPE number: 1 (A), 33 (SRV) or 35 (NAPTR).
     * @param name the name asked, compared ignoring ASCII case.
     * @return true when at least one record has that type and name.
     */
    public boolean has(final int type, final CharSequence name)
    {
        final DnsRecordSet records = records(type);
        final String[] names = names(type);
        for (int i = 0, n = records == null ? 0 : records.size(); i < n; i++)
        {
            if (DomainName.equalsIgnoreCase(names[i], name))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Answer a question from the static records, allocating nothing.
     *
     * @param type the RFC 1035 TYPE number: 1 (A), 33 (SRV) or 35 (NAPTR).
     * @param name the name asked, compared ignoring ASCII case.
     * @param out  emptied, then given the matching records in file order.
     * @return how many records matched.
     */
    public int lookup(final int type, final CharSequence name, final DnsRecordSet out)
    {
        out.reset(type);
        final DnsRecordSet records = records(type);
        final String[] names = names(type);
        for (int i = 0, n = records == null ? 0 : records.size(); i < n; i++)
        {
            if (DomainName.equalsIgnoreCase(names[i], name))
            {
                out.addCopy(records, i);
            }
        }
        return out.size();
    }

    private DnsRecordSet records(final int type)
    {
        switch (type)
        {
            case DnsType.A:
                return aRecords;
            case DnsType.SRV:
                return srvRecords;
            case DnsType.NAPTR:
                return naptrRecords;
            default:
                return null;
        }
    }

    private String[] names(final int type)
    {
        switch (type)
        {
            case DnsType.A:
                return aNames;
            case DnsType.SRV:
                return srvNames;
            case DnsType.NAPTR:
                return naptrNames;
            default:
                return null;
        }
    }
}
