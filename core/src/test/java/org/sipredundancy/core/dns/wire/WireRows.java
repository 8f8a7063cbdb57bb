package org.sipredundancy.core.dns.wire;

import org.agrona.AsciiSequenceView;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Describes records field by field as text, once from our decoder and once from dnsjava's objects, so that a test
 * compares the two lists and a failure shows the record and the field that differ. Allocates freely: tests only.
 */
final class WireRows
{
    private WireRows()
    {
    }

    static List<String> ours(final DnsMessageDecoder decoder)
    {
        final List<String> rows = new ArrayList<>();
        final DnsName name = new DnsName();
        final DnsName other = new DnsName();
        final AsciiSequenceView view = new AsciiSequenceView();
        decoder.rewindRecords();
        while (decoder.nextRecord())
        {
            decoder.recordName(name);
            final StringBuilder row = new StringBuilder();
            row.append(DnsSection.name(decoder.recordSection())).append(' ').append(name).append(' ')
                .append(decoder.recordClass()).append(' ').append(decoder.recordTtlS()).append(' ')
                .append(decoder.recordType());
            switch (decoder.recordType())
            {
                case DnsType.A:
                    row.append(' ').append(dotted(decoder.aAddress()));
                    break;
                case DnsType.AAAA:
                    row.append(' ').append(Long.toHexString(decoder.aaaaHigh())).append(':')
                        .append(Long.toHexString(decoder.aaaaLow()));
                    break;
                case DnsType.SRV:
                    decoder.srvTarget(other);
                    row.append(' ').append(decoder.srvPriority()).append(' ').append(decoder.srvWeight()).append(' ')
                        .append(decoder.srvPort()).append(' ').append(other);
                    break;
                case DnsType.NAPTR:
                    decoder.naptrReplacement(other);
                    row.append(' ').append(decoder.naptrOrder()).append(' ').append(decoder.naptrPreference());
                    decoder.naptrFlags(view);
                    row.append(" \"").append(view).append('"');
                    decoder.naptrService(view);
                    row.append(" \"").append(view).append('"');
                    decoder.naptrRegexp(view);
                    row.append(" \"").append(view).append("\" ").append(other);
                    break;
                case DnsType.CNAME:
                    decoder.cnameTarget(other);
                    row.append(' ').append(other);
                    break;
                case DnsType.SOA:
                    decoder.soaMname(other);
                    row.append(' ').append(other);
                    decoder.soaRname(other);
                    row.append(' ').append(other).append(' ').append(decoder.soaSerial()).append(' ')
                        .append(decoder.soaRefreshS()).append(' ').append(decoder.soaRetryS()).append(' ')
                        .append(decoder.soaExpireS()).append(' ').append(decoder.soaMinimumS());
                    break;
                default:
                    row.append(" rdlength ").append(decoder.recordRdataLength());
                    break;
            }
            rows.add(row.toString());
        }
        return rows;
    }

    static List<String> dnsjava(final Message message)
    {
        final List<String> rows = new ArrayList<>();
        for (int section = Section.ANSWER; section <= Section.ADDITIONAL; section++)
        {
            for (final Record record : message.getSection(section))
            {
                rows.add(DnsSection.name(section) + ' ' + name(record.getName()) + ' ' + record.getDClass() + ' ' +
                    record.getTTL() + ' ' + record.getType() + fields(record));
            }
        }
        return rows;
    }

    static String name(final Name name)
    {
        final String text = name.toString(true).toLowerCase(Locale.ROOT);
        return ".".equals(text) ? "" : text;
    }

    static String dotted(final int address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }

    private static String fields(final Record record)
    {
        if (record instanceof ARecord)
        {
            return " " + ((ARecord)record).getAddress().getHostAddress();
        }
        if (record instanceof AAAARecord)
        {
            final byte[] octets = ((AAAARecord)record).getAddress().getAddress();
            return " " + Long.toHexString(longAt(octets, 0)) + ":" + Long.toHexString(longAt(octets, 8));
        }
        if (record instanceof SRVRecord)
        {
            final SRVRecord srv = (SRVRecord)record;
            return " " + srv.getPriority() + " " + srv.getWeight() + " " + srv.getPort() + " " + name(srv.getTarget());
        }
        if (record instanceof NAPTRRecord)
        {
            final NAPTRRecord naptr = (NAPTRRecord)record;
            return " " + naptr.getOrder() + " " + naptr.getPreference() + " \"" + naptr.getFlags() + "\" \"" +
                naptr.getService() + "\" \"" + naptr.getRegexp() + "\" " + name(naptr.getReplacement());
        }
        if (record instanceof CNAMERecord)
        {
            return " " + name(((CNAMERecord)record).getTarget());
        }
        if (record instanceof SOARecord)
        {
            final SOARecord soa = (SOARecord)record;
            return " " + name(soa.getHost()) + " " + name(soa.getAdmin()) + " " + soa.getSerial() + " " +
                soa.getRefresh() + " " + soa.getRetry() + " " + soa.getExpire() + " " + soa.getMinimum();
        }
        return " rdlength " + record.rdataToWireCanonical().length;
    }

    private static long longAt(final byte[] octets, final int from)
    {
        long value = 0;
        for (int i = from; i < from + 8; i++)
        {
            value = (value << 8) | (octets[i] & 0xFF);
        }
        return value;
    }
}
