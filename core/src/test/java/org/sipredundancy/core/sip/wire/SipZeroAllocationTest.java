package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2: once warm, decoding a 200 OK to REGISTER and reading every field a registration needs allocates
 * nothing. The JIT may allocate a few hundred bytes of its own now and then, so one window out of five must be
 * exactly zero: an allocation the decoder made would show in every window.
 */
class SipZeroAllocationTest
{
    private static final int WINDOW_ROUNDS = 100_000;
    private static final int WINDOWS = 5;

    /** Looked up once: the lookup itself allocates, the read does not. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private UnsafeBuffer message;
    private int length;
    private long sink;

    @Test
    @DisplayName("R-RT-2 R-SIP-5 100,000 decodes of a 200 OK to REGISTER allocate nothing once warm")
    void shouldNotAllocateOnceWarm()
    {
        final byte[] bytes = SipMessageDecoderTest.bytes(SipMessageDecoderTest.REGISTER_OK);
        message = new UnsafeBuffer(bytes);
        length = bytes.length;
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
            long sum = decoder.wrap(message, 0, length) + decoder.statusCode();
            decoder.callId(view);
            sum += view.length() + decoder.cseqNumber() + decoder.cseqMethod();
            decoder.topViaBranch(view);
            sum += view.length() + decoder.topViaRport(view);
            decoder.topViaReceived(view);
            sum += view.length();
            decoder.fromTag(view);
            sum += view.length();
            decoder.toTag(view);
            sum += view.length() + decoder.contactExpiresS(view) + decoder.expiresS() + decoder.minExpiresS();
            sum += decoder.retryAfterS() + decoder.contentLength() + decoder.bodyLength();
            final int info = decoder.findHeader("Authentication-Info");
            sum += decoder.elementCount(info);
            sink += sum;
        }
    }
}
