package org.sipredundancy.core.dns.wire;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.agrona.concurrent.UnsafeBuffer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dnsjava is the oracle: messages it builds (its own compression, any octets in labels, other classes, an EDNS OPT
 * record) decode with ours into the same records, field by field.
 */
class DnsOracleTest
{
    @Provide
    Arbitrary<List<DnsArbitraries.Placed>> records()
    {
        return DnsArbitraries.placedRecords(true, true).list().ofMaxSize(14);
    }

    @Provide
    Arbitrary<Name> questionNames()
    {
        return DnsArbitraries.names(true);
    }

    @Property(tries = 400)
    @Label("R-DNS-11 R-BAD-2 messages built by dnsjava decode with ours into the same records, field by field")
    void shouldDecodeWhatDnsjavaEncodes(
        @ForAll("records") final List<DnsArbitraries.Placed> records,
        @ForAll("questionNames") final Name question,
        @ForAll @IntRange(max = 0xFFFF) final int id,
        @ForAll @IntRange(max = 5) final int rcode,
        @ForAll final boolean authoritative,
        @ForAll final boolean truncated,
        @ForAll final boolean edns)
    {
        final Message message = new Message(id);
        message.getHeader().setFlag(Flags.QR);
        if (authoritative)
        {
            message.getHeader().setFlag(Flags.AA);
        }
        if (truncated)
        {
            message.getHeader().setFlag(Flags.TC);
        }
        message.getHeader().setRcode(rcode);
        message.addRecord(Record.newRecord(question, Type.SRV, DClass.IN), Section.QUESTION);
        for (final DnsArbitraries.Placed placed : records)
        {
            message.addRecord(placed.record(), placed.section());
        }
        if (edns)
        {
            message.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        final byte[] wire = message.toWire();
        Statistics.collect(records.size() < 4 ? "0-3 records" : records.size() < 9 ? "4-8 records" : "9+ records");
        final byte[] padded = new byte[wire.length + 3];
        System.arraycopy(wire, 0, padded, 3, wire.length);

        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        assertThat(decoder.wrap(new UnsafeBuffer(padded), 3, wire.length))
            .as("status %s", DnsDecodeStatus.name(decoder.status())).isEqualTo(DnsDecodeStatus.OK);
        assertThat(decoder.id()).isEqualTo(id);
        assertThat(decoder.rcode()).isEqualTo(rcode);
        assertThat(decoder.isResponse()).isTrue();
        assertThat(decoder.isAuthoritative()).isEqualTo(authoritative);
        assertThat(decoder.isTruncated()).isEqualTo(truncated);
        assertThat(decoder.opcode()).isZero();
        final DnsName name = new DnsName();
        assertThat(decoder.questionName(name)).isTrue();
        assertThat(name.toString()).isEqualTo(WireRows.name(question));
        assertThat(decoder.questionType()).isEqualTo(Type.SRV);
        assertThat(decoder.answerCount()).isEqualTo(message.getSection(Section.ANSWER).size());
        assertThat(decoder.authorityCount()).isEqualTo(message.getSection(Section.AUTHORITY).size());
        assertThat(decoder.additionalCount()).isEqualTo(message.getSection(Section.ADDITIONAL).size());
        assertThat(WireRows.ours(decoder)).isEqualTo(WireRows.dnsjava(message));
        assertThat(decoder.trailingBytes()).isZero();
    }

    @Property(tries = 100)
    @Label("R-DNS-11 names with any octets read back as dnsjava prints them, and compare equal to that text")
    void shouldReadOddNamesAsDnsjavaPrintsThem(@ForAll("questionNames") final Name question)
    {
        final Message message = Message.newQuery(Record.newRecord(question, Type.A, DClass.IN));
        final byte[] wire = message.toWire();
        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        assertThat(decoder.wrap(new UnsafeBuffer(wire), 0, wire.length)).isEqualTo(DnsDecodeStatus.OK);
        final DnsName name = new DnsName();
        decoder.questionName(name);
        final String expected = WireRows.name(question);
        assertThat(name.toString()).isEqualTo(expected);
        assertThat(name.contentEquals(question.toString(false))).isTrue();
        assertThat(name.length()).isLessThanOrEqualTo(DnsName.CAPACITY);
    }
}
