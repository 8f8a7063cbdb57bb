package org.sipredundancy.core.dns.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;
import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Junk never throws and costs bounded work (SPEC R-BAD-2, R-BAD-3): random octets, and valid messages with bits
 * flipped, octets overwritten or the end cut off. Whatever the status, reading everything the decoder offers
 * stays inside the message, and the steps spent checking names stay within a bound linear in the length, which
 * does not depend on time: every name lies on at least one octet of its own (two unless it is the bare root),
 * and no name takes more than {@link DnsNameReader#MAX_STEPS_PER_NAME} steps.
 */
class DnsJunkPropertyTest
{
    private final DnsName name = new DnsName();
    private final AsciiSequenceView view = new AsciiSequenceView();

    @Provide
    Arbitrary<byte[]> validMessages()
    {
        return Combinators.combine(DnsArbitraries.placedRecords(true, true).list().ofMaxSize(10),
            DnsArbitraries.names(true)).as((records, question) ->
            {
                final Message message = new Message(77);
                message.getHeader().setFlag(Flags.QR);
                message.addRecord(Record.newRecord(question, Type.SRV, DClass.IN), Section.QUESTION);
                for (final DnsArbitraries.Placed placed : records)
                {
                    message.addRecord(placed.record(), placed.section());
                }
                return message.toWire();
            });
    }

    @Provide
    Arbitrary<byte[]> damagedMessages()
    {
        final Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE).list()
            .ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(validMessages(), positions, Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 255)).as((wire, at, kind, value) -> damage(wire, at, kind, value));
    }

    @Property(tries = 1000)
    @Label("R-BAD-2 R-BAD-3 random octets never throw, and name checks take bounded steps")
    void shouldSurviveRandomOctets(@ForAll @Size(max = 600) final byte[] bytes)
    {
        Statistics.collect(DnsDecodeStatus.name(decodeEverything(bytes)));
    }

    @Property(tries = 1000)
    @Label("R-BAD-2 R-BAD-3 valid messages with bits flipped, octets overwritten or cut short never throw")
    void shouldSurviveDamagedMessages(@ForAll("damagedMessages") final byte[] bytes)
    {
        Statistics.collect(DnsDecodeStatus.name(decodeEverything(bytes)));
    }

    @Property(tries = 300)
    @Label("R-BAD-2 R-BAD-3 every prefix of a valid message is either rejected or read whole, never thrown")
    void shouldSurviveEveryTruncation(@ForAll("validMessages") final byte[] wire)
    {
        for (int length = 0; length <= wire.length; length++)
        {
            final int status = decodeEverything(java.util.Arrays.copyOf(wire, length));
            if (length == wire.length)
            {
                assertThat(status).isEqualTo(DnsDecodeStatus.OK);
            }
        }
    }

    /**
     * Decode, then read every accessor; the bytes sit in a buffer exactly their length, so any read beyond the
     * message would throw.
     */
    private int decodeEverything(final byte[] bytes)
    {
        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        final long stepsBefore = decoder.nameSteps();
        final int status = decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        final long steps = decoder.nameSteps() - stepsBefore;
        assertThat(status).isBetween(DnsDecodeStatus.OK, DnsDecodeStatus.COUNT - 1);
        assertThat(steps).as("name steps for %d octets", bytes.length)
            .isLessThanOrEqualTo((long)(DnsNameReader.MAX_STEPS_PER_NAME / 2 + 1) * bytes.length);
        decoder.questionName(name);
        while (decoder.nextRecord())
        {
            decoder.recordName(name);
            decoder.aAddress();
            decoder.aaaaHigh();
            decoder.aaaaLow();
            decoder.srvPriority();
            decoder.srvTarget(name);
            decoder.naptrFlags(view);
            decoder.naptrService(view);
            decoder.naptrRegexp(view);
            decoder.naptrReplacement(name);
            decoder.cnameTarget(name);
            decoder.soaMname(name);
            decoder.soaRname(name);
            decoder.soaMinimumS();
            assertThat(name.length()).isLessThanOrEqualTo(DnsName.CAPACITY);
        }
        assertThat(decoder.counters().count(status)).isEqualTo(1);
        return status;
    }

    private static byte[] damage(final byte[] wire, final List<Integer> positions, final int kind, final int value)
    {
        final byte[] damaged = wire.clone();
        for (final int position : positions)
        {
            final int at = position % damaged.length;
            switch (kind)
            {
                case 0:
                    damaged[at] ^= (byte)(1 << (value & 7));
                    break;
                case 1:
                    damaged[at] = (byte)value;
                    break;
                case 2:
                    damaged[at] = (byte)(0xC0 | (value & 0x3F));
                    break;
                default:
                    return java.util.Arrays.copyOf(damaged, at);
            }
        }
        return damaged;
    }
}
