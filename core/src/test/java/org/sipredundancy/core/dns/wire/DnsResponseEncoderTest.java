package org.sipredundancy.core.dns.wire;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsResponseEncoderTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[65535]);
    private final DnsResponseEncoder encoder = new DnsResponseEncoder();

    @Provide
    Arbitrary<List<DnsArbitraries.Placed>> records()
    {
        return DnsArbitraries.placedRecords(false, false).list().ofMaxSize(14);
    }

    @Property(tries = 400)
    @Label("R-DNS-11 responses encoded by us parse in dnsjava, and in our decoder, into the same records")
    void shouldEncodeWhatDnsjavaReads(
        @ForAll("records") final List<DnsArbitraries.Placed> unordered,
        @ForAll @IntRange(max = 0xFFFF) final int id,
        @ForAll @IntRange(max = 5) final int rcode) throws IOException
    {
        final List<DnsArbitraries.Placed> records = new ArrayList<>(unordered);
        records.sort(Comparator.comparingInt(DnsArbitraries.Placed::section));
        encoder.wrap(buffer, 0, buffer.capacity()).header(id, DnsHeader.FLAG_QR | DnsHeader.FLAG_AA | rcode)
            .question("Question.example.com", DnsType.NAPTR);
        final Message expected = new Message(id);
        for (final DnsArbitraries.Placed placed : records)
        {
            encoder.section(placed.section());
            write(placed.record());
            expected.addRecord(placed.record(), placed.section());
        }
        final int length = encoder.length();
        assertThat(length).as(DnsEncodeStatus.name(length)).isPositive();

        final Message parsed = new Message(Arrays.copyOf(buffer.byteArray(), length));
        assertThat(parsed.getHeader().getID()).isEqualTo(id);
        assertThat(parsed.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(parsed.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(parsed.getRcode()).isEqualTo(rcode);
        assertThat(parsed.getQuestion().getName().toString(true)).isEqualTo("Question.example.com");
        assertThat(WireRows.dnsjava(parsed)).isEqualTo(WireRows.dnsjava(expected));

        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(WireRows.ours(decoder)).isEqualTo(WireRows.dnsjava(expected));
        assertThat(length).as("compression: never longer than dnsjava without it")
            .isLessThanOrEqualTo(uncompressedLength(expected) + 26);
    }

    @Test
    @DisplayName("R-DNS-11 a name whose labels repeat (a.a) never points into itself while it is being written")
    void shouldNotPointIntoNameBeingWritten() throws IOException
    {
        final UnsafeBuffer zeroed = new UnsafeBuffer(new byte[512]);
        final int length = encoder.wrap(zeroed, 0, 512).header(9, DnsHeader.FLAG_QR)
            .question("example.com", DnsType.A)
            .a("a.a", 60, 0x7F000001)
            .a("X.x", 60, 0x7F000002)
            .length();

        final Message parsed = new Message(Arrays.copyOf(zeroed.byteArray(), length));
        assertThat(parsed.getSection(Section.ANSWER)).extracting((r) -> r.getName().toString())
            .containsExactly("a.a.", "X.x.");
    }

    @Test
    @DisplayName("R-DNS-11 a negative answer carries the zone's SOA in the authority section (RFC 2308)")
    void shouldEncodeNegativeAnswerWithSoa() throws IOException
    {
        final int length = encoder.wrap(buffer, 0, 512).header(3, DnsHeader.FLAG_QR | DnsRcode.NXDOMAIN)
            .question("nothing.example.com", DnsType.A)
            .section(DnsSection.AUTHORITY)
            .soa("example.com", 60, "ns1.example.com", "hostmaster.example.com", 2026112401L, 7200, 900, 1209600,
                0xFFFF_FFFFL)
            .length();
        final Message parsed = new Message(Arrays.copyOf(buffer.byteArray(), length));
        assertThat(parsed.getRcode()).isEqualTo(DnsRcode.NXDOMAIN);
        assertThat(WireRows.dnsjava(parsed)).containsExactly("AUTHORITY example.com 1 60 6 ns1.example.com "
            + "hostmaster.example.com 2026112401 7200 900 1209600 4294967295");
        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(decoder.rcode()).isEqualTo(DnsRcode.NXDOMAIN);
        assertThat(WireRows.ours(decoder)).isEqualTo(WireRows.dnsjava(parsed));
    }

    @Test
    @DisplayName("R-DNS-11 records go in section order; a section going back is refused and the refusal sticks")
    void shouldRefuseSectionsOutOfOrder()
    {
        encoder.wrap(buffer, 0, 512).header(1, DnsHeader.FLAG_QR).question("a.com", DnsType.A)
            .section(DnsSection.ADDITIONAL).a("a.com", 1, 1)
            .section(DnsSection.ANSWER);
        assertThat(encoder.length()).isEqualTo(DnsEncodeStatus.OUT_OF_ORDER);
        encoder.a("b.com", 1, 1);
        assertThat(encoder.status()).isEqualTo(DnsEncodeStatus.OUT_OF_ORDER);

        encoder.wrap(buffer, 0, 512).a("a.com", 1, 1).question("a.com", DnsType.A);
        assertThat(encoder.length()).isEqualTo(DnsEncodeStatus.OUT_OF_ORDER);
    }

    @Test
    @DisplayName("R-DNS-11 R-BAD-2 bad names, strings, values and a full buffer are refused, nothing thrown")
    void shouldRefuseBadInput()
    {
        assertThat(encoder.length()).isEqualTo(DnsEncodeStatus.NOT_WRAPPED);
        assertThat(encoder.wrap(buffer, 0, 512).a("a..com", 1, 1).length()).isEqualTo(DnsEncodeStatus.EMPTY_LABEL);
        assertThat(encoder.wrap(buffer, 0, 512).cname("a.com", 1, "b c").length())
            .isEqualTo(DnsEncodeStatus.BAD_CHARACTER);
        assertThat(encoder.wrap(buffer, 0, 512).naptr("a.com", 1, 1, 1, "s", "x".repeat(256), "", ".").length())
            .isEqualTo(DnsEncodeStatus.BAD_CHARACTER_STRING);
        assertThat(encoder.wrap(buffer, 0, 512).naptr("a.com", 1, 1, 1, "s", "\u20ac", "", ".").length())
            .isEqualTo(DnsEncodeStatus.BAD_CHARACTER_STRING);
        assertThat(encoder.wrap(buffer, 0, 512).srv("a.com", 1, 0x10000, 1, 1, "b.com").length())
            .isEqualTo(DnsEncodeStatus.VALUE_OUT_OF_RANGE);
        assertThat(encoder.wrap(buffer, 0, 512).a("a.com", 0x1_0000_0000L, 1).length())
            .isEqualTo(DnsEncodeStatus.VALUE_OUT_OF_RANGE);
        assertThat(encoder.wrap(buffer, 0, 512).a("a.com", -1, 1).length())
            .isEqualTo(DnsEncodeStatus.VALUE_OUT_OF_RANGE);
        assertThat(encoder.wrap(buffer, 0, 512).header(0x10000, 0).length())
            .isEqualTo(DnsEncodeStatus.VALUE_OUT_OF_RANGE);
        assertThat(encoder.wrap(buffer, 0, 11).length()).isEqualTo(DnsEncodeStatus.BUFFER_TOO_SMALL);
        assertThat(encoder.wrap(buffer, 0, 30).question("a.com", DnsType.A).a("a.com", 1, 1).length())
            .isEqualTo(DnsEncodeStatus.BUFFER_TOO_SMALL);
    }

    @Test
    @DisplayName("R-DNS-11 every record type parses in dnsjava as the type written")
    void shouldWriteEachType() throws IOException
    {
        final int length = encoder.wrap(buffer, 0, 1024).header(9, DnsHeader.FLAG_QR)
            .question("host.example.com", DnsType.AAAA)
            .cname("host.example.com", 10, "real.example.com")
            .aaaa("real.example.com", 20, 0x2001_0DB8_0000_0000L, 0x0000_0000_0000_0001L)
            .length();
        final Message parsed = new Message(Arrays.copyOf(buffer.byteArray(), length));
        final List<Record> answers = parsed.getSection(org.xbill.DNS.Section.ANSWER);
        assertThat(answers.get(0)).isInstanceOf(CNAMERecord.class);
        assertThat(((AAAARecord)answers.get(1)).getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    private void write(final Record record)
    {
        final String owner = record.getName().toString(true);
        final long ttl = record.getTTL();
        if (record instanceof ARecord)
        {
            encoder.a(owner, ttl, ByteBuffer.wrap(((ARecord)record).getAddress().getAddress()).getInt());
        }
        else if (record instanceof AAAARecord)
        {
            final ByteBuffer octets = ByteBuffer.wrap(((AAAARecord)record).getAddress().getAddress());
            encoder.aaaa(owner, ttl, octets.getLong(), octets.getLong());
        }
        else if (record instanceof SRVRecord)
        {
            final SRVRecord srv = (SRVRecord)record;
            encoder.srv(owner, ttl, srv.getPriority(), srv.getWeight(), srv.getPort(), text(srv.getTarget()));
        }
        else if (record instanceof NAPTRRecord)
        {
            final NAPTRRecord naptr = (NAPTRRecord)record;
            encoder.naptr(owner, ttl, naptr.getOrder(), naptr.getPreference(), naptr.getFlags(), naptr.getService(),
                naptr.getRegexp(), text(naptr.getReplacement()));
        }
        else if (record instanceof CNAMERecord)
        {
            encoder.cname(owner, ttl, text(((CNAMERecord)record).getTarget()));
        }
        else
        {
            final SOARecord soa = (SOARecord)record;
            encoder.soa(owner, ttl, text(soa.getHost()), text(soa.getAdmin()), soa.getSerial(), soa.getRefresh(),
                soa.getRetry(), soa.getExpire(), soa.getMinimum());
        }
    }

    private static String text(final Name name)
    {
        return name.toString(true);
    }

    private static int uncompressedLength(final Message message)
    {
        int length = DnsHeader.LENGTH;
        for (int section = org.xbill.DNS.Section.ANSWER; section <= org.xbill.DNS.Section.ADDITIONAL; section++)
        {
            for (final Record record : message.getSection(section))
            {
                length += record.getName().length() + DnsHeader.RECORD_FIXED_LENGTH +
                    record.rdataToWireCanonical().length;
            }
        }
        return length;
    }
}
