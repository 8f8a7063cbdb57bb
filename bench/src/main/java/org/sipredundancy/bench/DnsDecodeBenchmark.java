package org.sipredundancy.bench;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sipredundancy.core.dns.wire.DnsDecodeStatus;
import org.sipredundancy.core.dns.wire.DnsHeader;
import org.sipredundancy.core.dns.wire.DnsMessageDecoder;
import org.sipredundancy.core.dns.wire.DnsName;
import org.sipredundancy.core.dns.wire.DnsRcode;
import org.sipredundancy.core.dns.wire.DnsResponseEncoder;
import org.sipredundancy.core.dns.wire.DnsSection;
import org.sipredundancy.core.dns.wire.DnsType;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Decoding a typical SRV answer (SPEC R-DNS-11, R-RT-2): the seed's {@code _sip._tcp.yealink.pbx.com} with two SRV
 * records and the two targets' A records in the additional section, names compressed, 161 octets. The core's
 * {@link DnsMessageDecoder} (validate the whole message, then walk every record and field, names into reusable
 * {@link DnsName} holders) against dnsjava's {@code new Message(bytes)} plus reading the same fields from its
 * record objects. Both hand everything they read to the {@link Blackhole}.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" }) // Agrona 2 reaches for Unsafe.
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DnsDecodeBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final DnsMessageDecoder decoder = new DnsMessageDecoder();
    private final DnsName name = new DnsName();
    private final DnsName target = new DnsName();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private int length;
    private byte[] bytes;

    /**
     * Encode the answer once, with the core's encoder, and check both decoders read it.
     *
     * @throws IOException if dnsjava cannot parse it, which would make the comparison meaningless.
     */
    @Setup
    public void setUp() throws IOException
    {
        length = new DnsResponseEncoder().wrap(buffer, 0, buffer.capacity())
            .header(0x4242, DnsHeader.FLAG_QR | DnsHeader.FLAG_AA | DnsHeader.FLAG_RD | DnsRcode.NOERROR)
            .question("_sip._tcp.yealink.pbx.com", DnsType.SRV)
            .srv("_sip._tcp.yealink.pbx.com", 3600, 0, 1, 5060, "server1.yealink.pbx.com")
            .srv("_sip._tcp.yealink.pbx.com", 3600, 0, 2, 5060, "server2.yealink.pbx.com")
            .section(DnsSection.ADDITIONAL)
            .a("server1.yealink.pbx.com", 3600, 0xC0A8010D)
            .a("server2.yealink.pbx.com", 3600, 0xC0A8010E)
            .length();
        bytes = Arrays.copyOf(buffer.byteArray(), length);
        if (decoder.wrap(buffer, 0, length) != DnsDecodeStatus.OK || new Message(bytes).getSection(
            Section.ADDITIONAL).size() != 2)
        {
            throw new IllegalStateException("the benchmark's answer does not decode");
        }
    }

    @Benchmark
    public void ours(final Blackhole blackhole)
    {
        blackhole.consume(decoder.wrap(buffer, 0, length));
        blackhole.consume(decoder.id());
        blackhole.consume(decoder.rcode());
        decoder.questionName(name);
        blackhole.consume(name.length());
        blackhole.consume(decoder.questionType());
        while (decoder.nextRecord())
        {
            decoder.recordName(name);
            blackhole.consume(name.length());
            blackhole.consume(decoder.recordSection());
            blackhole.consume(decoder.recordClass());
            blackhole.consume(decoder.recordTtlS());
            final int type = decoder.recordType();
            blackhole.consume(type);
            if (type == DnsType.SRV)
            {
                blackhole.consume(decoder.srvPriority());
                blackhole.consume(decoder.srvWeight());
                blackhole.consume(decoder.srvPort());
                decoder.srvTarget(target);
                blackhole.consume(target.length());
            }
            else if (type == DnsType.A)
            {
                blackhole.consume(decoder.aAddress());
            }
            else if (type == DnsType.NAPTR)
            {
                decoder.naptrService(view);
                blackhole.consume(view.length());
            }
        }
    }

    @Benchmark
    public void dnsjava(final Blackhole blackhole) throws IOException
    {
        final Message message = new Message(bytes);
        blackhole.consume(message.getHeader().getID());
        blackhole.consume(message.getRcode());
        final Record question = message.getQuestion();
        blackhole.consume(question.getName());
        blackhole.consume(question.getType());
        for (int section = Section.ANSWER; section <= Section.ADDITIONAL; section++)
        {
            for (final Record record : message.getSection(section))
            {
                blackhole.consume(record.getName());
                blackhole.consume(section);
                blackhole.consume(record.getDClass());
                blackhole.consume(record.getTTL());
                blackhole.consume(record.getType());
                if (record instanceof SRVRecord)
                {
                    final SRVRecord srv = (SRVRecord)record;
                    blackhole.consume(srv.getPriority());
                    blackhole.consume(srv.getWeight());
                    blackhole.consume(srv.getPort());
                    blackhole.consume(srv.getTarget());
                }
                else if (record instanceof ARecord)
                {
                    blackhole.consume(((ARecord)record).getAddress());
                }
            }
        }
    }
}
