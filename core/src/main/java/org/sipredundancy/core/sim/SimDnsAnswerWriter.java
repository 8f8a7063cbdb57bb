package org.sipredundancy.core.sim;

import org.agrona.MutableDirectBuffer;
import org.sipredundancy.core.dns.wire.DnsHeader;
import org.sipredundancy.core.dns.wire.DnsRcode;
import org.sipredundancy.core.dns.wire.DnsResponseEncoder;
import org.sipredundancy.core.dns.wire.DnsSection;
import org.sipredundancy.core.dns.wire.DnsType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link SimDnsServer}'s answer to one question from its {@link SimDnsZone}, the way a recursive resolver
 * answers: the CNAME chain (chased, bounded, loops cut), the records of the type asked, the SOA of the zone in the
 * authority section of a negative answer, and the records an SRV or NAPTR answer points to in the additional
 * section. Simulation only: it allocates. Not thread safe.
 */
final class SimDnsAnswerWriter
{
    private static final int FLAGS = DnsHeader.FLAG_QR | DnsHeader.FLAG_AA | DnsHeader.FLAG_RD | DnsHeader.FLAG_RA;
    private static final int MAX_CHAIN = 16;

    private final SimDnsZone zone;
    private final DnsResponseEncoder encoder = new DnsResponseEncoder();
    private int truncateAbove = -1;
    private boolean chase = true;
    private boolean additional = true;

    SimDnsAnswerWriter(final SimDnsZone zone)
    {
        this.zone = zone;
    }

    void truncateAbove(final int records)
    {
        truncateAbove = records;
    }

    void chaseCnames(final boolean chase)
    {
        this.chase = chase;
    }

    void additionalRecords(final boolean additional)
    {
        this.additional = additional;
    }

    /**
     * Write the answer.
     *
     * @param rcode an error RCODE to answer with instead of the zone's records, or -1.
     * @return the answer's length, or a negative encoder status.
     */
    int write(
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity,
        final int id,
        final String qname,
        final int qtype,
        final boolean tcp,
        final int rcode)
    {
        encoder.wrap(buffer, offset, capacity);
        if (rcode >= 0)
        {
            return encoder.header(id, FLAGS | rcode).question(qname, qtype).length();
        }
        final List<SimDnsZone.Entry> answers = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        seen.add(SimDnsZone.key(qname));
        String current = qname;
        List<SimDnsZone.Entry> records = zone.find(current, qtype);
        boolean cut = false;
        while (records.isEmpty() && qtype != DnsType.CNAME && !cut)
        {
            final List<SimDnsZone.Entry> cnames = zone.find(current, DnsType.CNAME);
            if (cnames.isEmpty())
            {
                break;
            }
            final SimDnsZone.Entry cname = cnames.get(0);
            answers.add(cname);
            cut = !chase || !seen.add(SimDnsZone.key(cname.target())) || answers.size() >= MAX_CHAIN;
            current = cname.target();
            records = cut ? List.of() : zone.find(current, qtype);
        }
        answers.addAll(records);
        int answerRcode = DnsRcode.NOERROR;
        SimDnsZone.Entry soa = null;
        if (records.isEmpty() && !cut)
        {
            answerRcode = zone.hasName(current) ? DnsRcode.NOERROR : DnsRcode.NXDOMAIN;
            soa = zone.soaFor(current);
        }
        if (!tcp && truncateAbove >= 0 && answers.size() > truncateAbove)
        {
            return encoder.header(id, FLAGS | DnsHeader.FLAG_TC | answerRcode).question(qname, qtype).length();
        }
        encoder.header(id, FLAGS | answerRcode).question(qname, qtype).section(DnsSection.ANSWER);
        for (final SimDnsZone.Entry entry : answers)
        {
            record(entry);
        }
        if (soa != null)
        {
            encoder.section(DnsSection.AUTHORITY);
            record(soa);
        }
        if (additional)
        {
            encoder.section(DnsSection.ADDITIONAL);
            for (final SimDnsZone.Entry entry : records)
            {
                addAdditional(entry);
            }
        }
        return encoder.length();
    }

    private void addAdditional(final SimDnsZone.Entry entry)
    {
        if (entry.type() == DnsType.SRV)
        {
            for (final SimDnsZone.Entry address : zone.find(entry.target(), DnsType.A))
            {
                record(address);
            }
        }
        else if (entry.type() == DnsType.NAPTR && "s".equalsIgnoreCase(entry.flags()))
        {
            for (final SimDnsZone.Entry srv : zone.find(entry.target(), DnsType.SRV))
            {
                record(srv);
            }
        }
    }

    private void record(final SimDnsZone.Entry entry)
    {
        switch (entry.type())
        {
            case DnsType.A:
                encoder.a(entry.owner(), entry.ttlS(), entry.address());
                break;
            case DnsType.SRV:
                encoder.srv(entry.owner(), entry.ttlS(), entry.first(), entry.second(), entry.port(), entry.target());
                break;
            case DnsType.NAPTR:
                encoder.naptr(entry.owner(), entry.ttlS(), entry.first(), entry.second(), entry.flags(),
                    entry.service(), entry.regexp(), entry.target());
                break;
            case DnsType.CNAME:
                encoder.cname(entry.owner(), entry.ttlS(), entry.target());
                break;
            case DnsType.SOA:
                encoder.soa(entry.owner(), entry.ttlS(), "ns." + entry.owner(), "hostmaster." + entry.owner(), 1,
                    3600, 600, 86400, entry.minimumS());
                break;
            default:
                break;
        }
    }
}
