package org.sipredundancy.core.dns.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Generators of dnsjava records for the round-trip and oracle properties: names over a few shared suffixes (so
 * that compression has something to do), TTLs, and every field of A, AAAA, SRV, NAPTR, CNAME and SOA.
 * With {@code oddOctets}, labels may hold any octet (dots, spaces, bytes above 0x7F), written as dnsjava escapes.
 */
final class DnsArbitraries
{
    private static final List<String> SUFFIXES = List.of(
        "yealink.pbx.com", "Example.COM", "example.com", "sip.test", "a.b.c.d.e.f.g.h", "x");

    private DnsArbitraries()
    {
    }

    /** A record and the section it goes in. */
    record Placed(int section, Record record)
    {
    }

    static Arbitrary<Name> names(final boolean oddOctets)
    {
        final Arbitrary<String> plainLabel = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, Arbitraries.strings().withChars("abcdefxyzXYZ0189-_").ofMinLength(1)
                .ofMaxLength(12)),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("abZ").ofMinLength(50).ofMaxLength(63)));
        final Arbitrary<String> oddLabel = Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(10)
            .map(DnsArbitraries::escaped);
        final Arbitrary<String> label = oddOctets ?
            Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, plainLabel), net.jqwik.api.Tuple.of(1, oddLabel)) :
            plainLabel;
        final Arbitrary<String> text = Combinators.combine(label.list().ofMaxSize(4), Arbitraries.of(SUFFIXES))
            .as((labels, suffix) -> labels.isEmpty() ? suffix : String.join(".", labels) + "." + suffix);
        return text.map(DnsArbitraries::nameOrNull).filter(name -> name != null);
    }

    static Arbitrary<Placed> placedRecords(final boolean oddOctets, final boolean otherClasses)
    {
        final Arbitrary<Name> names = names(oddOctets);
        final Arbitrary<Name> targets = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, names), net.jqwik.api.Tuple.of(1, Arbitraries.just(Name.root)));
        final Arbitrary<Long> ttls = Arbitraries.longs().between(0, 0x7FFF_FFFFL);
        final Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        final Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        final Arbitrary<Integer> dclass = otherClasses ?
            Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just(DClass.IN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(DClass.CH))) :
            Arbitraries.just(DClass.IN);
        final Arbitrary<Record> a = Combinators.combine(names, dclass, ttls, Arbitraries.integers())
            .as((name, c, ttl, address) -> new ARecord(name, c, ttl, address(address)));
        final Arbitrary<Record> aaaa = Combinators.combine(names, dclass, ttls, Arbitraries.bytes().array(byte[].class)
            .ofSize(16)).as((name, c, ttl, octets) -> new AAAARecord(name, c, ttl, address6(octets)));
        final Arbitrary<Record> srv = Combinators.combine(names, dclass, ttls, u16, u16, u16, targets)
            .as((name, c, ttl, priority, weight, port, target) ->
                new SRVRecord(name, c, ttl, priority, weight, port, target));
        final Arbitrary<String> flags = Arbitraries.of("s", "S", "a", "u", "", "p");
        final Arbitrary<String> services = Arbitraries.oneOf(Arbitraries.of("SIP+D2T", "SIP+D2U", "SIPS+D2T",
            "SIP+D2S", "E2U+sip"), Arbitraries.strings().withChars("abcXYZ019+:-").ofMaxLength(40));
        final Arbitrary<String> regexps = Arbitraries.oneOf(Arbitraries.of("", "!^.*$!sip:info@example.com!"),
            Arbitraries.strings().withChars("!^.*$@ab09").ofMaxLength(255));
        final Arbitrary<Record> naptr = Combinators.combine(names, dclass, ttls, u16, u16, flags, services,
            Combinators.combine(regexps, targets).as(List::of))
            .as((name, c, ttl, order, preference, flag, service, rest) -> new NAPTRRecord(name, c, ttl, order,
                preference, flag, service, (String)rest.get(0), (Name)rest.get(1)));
        final Arbitrary<Record> cname = Combinators.combine(names, dclass, ttls, names)
            .as((name, c, ttl, target) -> new CNAMERecord(name, c, ttl, target));
        final Arbitrary<Record> soa = Combinators.combine(names, dclass, ttls, names, names,
            u32.list().ofSize(5))
            .as((name, c, ttl, mname, rname, numbers) -> new SOARecord(name, c, ttl, mname, rname, numbers.get(0),
                numbers.get(1), numbers.get(2), numbers.get(3), numbers.get(4)));
        final Arbitrary<Record> record = Arbitraries.oneOf(a, aaaa, srv, naptr, cname, soa);
        return Combinators.combine(Arbitraries.integers().between(Section.ANSWER, Section.ADDITIONAL), record)
            .as(Placed::new);
    }

    private static Name nameOrNull(final String text)
    {
        try
        {
            return Name.fromString(text, Name.root);
        }
        catch (final TextParseException ex)
        {
            return null;
        }
    }

    private static String escaped(final List<Integer> octets)
    {
        final StringBuilder text = new StringBuilder();
        for (final int octet : octets)
        {
            text.append('\\').append(String.format("%03d", octet));
        }
        return text.toString();
    }

    private static InetAddress address(final int value)
    {
        try
        {
            return InetAddress.getByAddress(
                new byte[]{(byte)(value >>> 24), (byte)(value >>> 16), (byte)(value >>> 8), (byte)value});
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Never an IPv4-mapped address, which Java would turn into an IPv4 one. */
    private static InetAddress address6(final byte[] octets)
    {
        octets[0] = 0x20;
        octets[1] = 0x01;
        try
        {
            return InetAddress.getByAddress(octets);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
