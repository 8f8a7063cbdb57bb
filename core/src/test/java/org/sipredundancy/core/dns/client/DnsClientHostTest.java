package org.sipredundancy.core.dns.client;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.dns.DnsAnswerHandler;
import org.sipredundancy.core.dns.DnsFailure;
import org.sipredundancy.core.dns.wire.DnsHeader;
import org.sipredundancy.core.dns.wire.DnsMessageDecoder;
import org.sipredundancy.core.dns.wire.DnsName;
import org.sipredundancy.core.dns.wire.DnsRcode;
import org.sipredundancy.core.dns.wire.DnsResponseEncoder;
import org.sipredundancy.core.dns.wire.DnsSection;
import org.sipredundancy.core.dns.wire.DnsType;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.host.HostHal;
import org.sipredundancy.hal.host.HostHalContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DNS client on the real host: HostHal's network on 127.0.0.1 against a {@link LoopbackDnsServer} that answers
 * with crafted bytes. The duty cycle is driven by hand with a bounded real-time wait.
 */
class DnsClientHostTest
{
    private static final String HOST = "sip.example.com";
    private static final int ADDRESS = (int)Ipv4.parse("10.0.0.1");
    private static final long TRY_TIMEOUT_NS = 300_000_000L;
    private static final long WAIT_MS = 5_000;

    @Test
    @DisplayName("R-DNS-9 R-RT-5 host: a normal UDP answer is delivered")
    void shouldTakeNormalAnswer() throws Exception
    {
        final Outcome outcome = run((query, tcp) -> List.of(answer(query, 0, false)));
        assertThat(outcome.lines).containsExactly("A 10.0.0.1 60", "end");
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-2 host: a malformed answer is counted and dropped; the try then times out")
    void shouldDropMalformedAnswer() throws Exception
    {
        final Outcome outcome = run((query, tcp) -> List.of(Arrays.copyOf(answer(query, 0, false), 20)));
        assertThat(outcome.lines).containsExactly("failure " + DnsFailure.MALFORMED);
        assertThat(outcome.client.counters().malformed()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-DNS-9 host: a truncated UDP answer is followed over TCP")
    void shouldFollowTruncationOverTcp() throws Exception
    {
        final Outcome outcome = run((query, tcp) -> List.of(answer(query, 0, !tcp)));
        assertThat(outcome.lines).containsExactly("A 10.0.0.1 60", "end");
        assertThat(outcome.client.counters().tcpFallbacks()).isEqualTo(1);
        assertThat(outcome.server.tcpQueries()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-2 host: an answer with a wrong id is ignored, the right one then accepted")
    void shouldIgnoreWrongId() throws Exception
    {
        final Outcome outcome = run((query, tcp) -> List.of(answer(query, 0x1111, false), answer(query, 0, false)));
        assertThat(outcome.lines).containsExactly("A 10.0.0.1 60", "end");
        assertThat(outcome.client.counters().stray()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-DNS-9 host: silence is reported as a time-out")
    void shouldReportTimeout() throws Exception
    {
        final Outcome outcome = run((query, tcp) -> Collections.emptyList());
        assertThat(outcome.lines).containsExactly("failure " + DnsFailure.TIMEOUT);
        assertThat(outcome.server.udpQueries()).isEqualTo(1);
    }

    /** The answer to a query: A 10.0.0.1 for the name asked, its id xor-ed with {@code idFlip}, TC if asked. */
    private static byte[] answer(final byte[] query, final int idFlip, final boolean truncated)
    {
        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        decoder.wrap(new UnsafeBuffer(query), 0, query.length);
        final DnsName name = new DnsName();
        decoder.questionName(name);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final DnsResponseEncoder encoder = new DnsResponseEncoder().wrap(buffer, 0, 512);
        final int flags = DnsHeader.FLAG_QR | DnsHeader.FLAG_RA | DnsRcode.NOERROR;
        encoder.header(decoder.id() ^ idFlip, truncated ? flags | DnsHeader.FLAG_TC : flags)
            .question(name, decoder.questionType());
        if (!truncated)
        {
            encoder.section(DnsSection.ANSWER).a(name, 60, ADDRESS);
        }
        final byte[] bytes = new byte[encoder.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static Outcome run(final BiFunction<byte[], Boolean, List<byte[]>> responder) throws Exception
    {
        try (HostHal hal = new HostHal(new HostHalContext());
            LoopbackDnsServer server = new LoopbackDnsServer(responder))
        {
            final DutyCycle dutyCycle =
                new DutyCycle(new DutyCycleContext().nanoClock(hal.nanoClock()).inbound(hal.inbound()));
            final Recorder recorder = new Recorder();
            final DnsClient client = new DnsClient(new DnsClientContext()
                .dutyCycle(dutyCycle)
                .network(hal.network())
                .random(hal.random())
                .localAddress(Ipv4.LOOPBACK)
                .server(Ipv4.LOOPBACK, server.port())
                .tryTimeoutNs(TRY_TIMEOUT_NS)
                .triesPerServer(1)
                .handler(recorder));
            dutyCycle.doWork();
            assertThat(client.query(1L << 32 | 1, HOST, DnsType.A)).isGreaterThanOrEqualTo(0);
            for (int i = 0; i < WAIT_MS && !recorder.done; i++)
            {
                dutyCycle.doWork();
                Thread.sleep(1);
            }
            assertThat(recorder.done).as("outcome within %d ms", WAIT_MS).isTrue();
            return new Outcome(client, server, recorder.lines);
        }
    }

    private record Outcome(DnsClient client, LoopbackDnsServer server, List<String> lines)
    {
    }

    /** Writes each outcome as a line. */
    private static final class Recorder implements DnsAnswerHandler
    {
        final List<String> lines = new ArrayList<>();
        boolean done;

        public void onAddressRecord(final long queryToken, final int address, final int ttlS)
        {
            lines.add("A " + Ipv4.toString(address) + " " + ttlS);
        }

        public void onSrvRecord(
            final long queryToken, final int priority, final int weight, final int port, final CharSequence target,
            final int ttlS)
        {
            lines.add("SRV " + target);
        }

        public void onNaptrRecord(
            final long queryToken, final int order, final int preference, final CharSequence flags,
            final CharSequence service, final CharSequence regexp, final CharSequence replacement, final int ttlS)
        {
            lines.add("NAPTR " + replacement);
        }

        public void onAdditionalAddressRecord(
            final long queryToken, final CharSequence owner, final int address, final int ttlS)
        {
            lines.add("additional A " + owner);
        }

        public void onAdditionalSrvRecord(
            final long queryToken, final CharSequence owner, final int priority, final int weight, final int port,
            final CharSequence target, final int ttlS)
        {
            lines.add("additional SRV " + owner);
        }

        public void onAnswerEnd(final long queryToken, final long nowNs)
        {
            lines.add("end");
            done = true;
        }

        public void onNoRecords(final long queryToken, final int negativeTtlS, final long nowNs)
        {
            lines.add("no records " + negativeTtlS);
            done = true;
        }

        public void onFailure(final long queryToken, final int cause, final long nowNs)
        {
            lines.add("failure " + cause);
            done = true;
        }
    }
}
