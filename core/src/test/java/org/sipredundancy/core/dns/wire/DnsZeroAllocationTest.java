package org.sipredundancy.core.dns.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2: once warm, encoding a query and decoding a typical SRV answer (two SRV records, two A records in the
 * additional section, names compressed), reading every field and name, allocates nothing. As in the duty cycle's
 * test, the JIT may allocate a few hundred bytes of its own now and then, so one window out of five must be
 * exactly zero: an allocation the codec made would show in every window.
 */
class DnsZeroAllocationTest
{
    private static final int WINDOW_ROUNDS = 100_000;
    private static final int WINDOWS = 5;

    /** Looked up once: the lookup itself allocates, the read does not. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final UnsafeBuffer answer = new UnsafeBuffer(new byte[512]);
    private final UnsafeBuffer query = new UnsafeBuffer(new byte[512]);
    private final DnsMessageDecoder decoder = new DnsMessageDecoder();
    private final DnsName name = new DnsName();
    private final DnsName target = new DnsName();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private int answerLength;
    private long sink;

    @Test
    @DisplayName("R-RT-2 R-DNS-11 100,000 query encodes and SRV answer decodes allocate nothing once warm")
    void shouldNotAllocateOnceWarm()
    {
        answerLength = SeedAppendixATest.encodeSrvAnswer(new DnsResponseEncoder(), answer, 42);
        assertThat(answerLength).isPositive();
        final boolean interpreted = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
        run(interpreted ? 5_000 : 50_000);

        final List<Long> windows = new ArrayList<>();
        for (int i = 0, n = interpreted ? 1 : WINDOWS; i < n; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            run(WINDOW_ROUNDS);
            final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            windows.add(allocated);
            if (allocated == 0)
            {
                break;
            }
        }

        assertThat(sink).isNotZero();
        assertThat(windows).as("bytes allocated per window of %d rounds", WINDOW_ROUNDS).contains(0L);
    }

    private void run(final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            final int queryLength = DnsQueryEncoder.encode(
                query, 0, 512, i & 0xFFFF, true, "_sip._tcp.yealink.pbx.com", DnsType.SRV);
            sink += queryLength;
            sink += decodeAll();
        }
    }

    private long decodeAll()
    {
        long sum = decoder.wrap(answer, 0, answerLength);
        decoder.questionName(name);
        sum += name.length() + decoder.questionType() + decoder.id();
        while (decoder.nextRecord())
        {
            decoder.recordName(name);
            sum += name.contentHash() + decoder.recordTtlS() + decoder.recordSection();
            switch (decoder.recordType())
            {
                case DnsType.SRV:
                    decoder.srvTarget(target);
                    sum += decoder.srvPriority() + decoder.srvWeight() + decoder.srvPort() + target.length();
                    break;
                case DnsType.A:
                    sum += decoder.aAddress();
                    break;
                case DnsType.NAPTR:
                    decoder.naptrService(view);
                    sum += view.length();
                    break;
                default:
                    break;
            }
        }
        return sum;
    }
}
