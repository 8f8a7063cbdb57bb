package org.sipredundancy.core.sip.wire;

import gov.nist.javax.sip.message.SIPRequest;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REGISTER the encoder writes carries the fields SPEC R-SIP-5 asks for, reads back the same through the
 * decoder and through JAIN-SIP, never writes past its capacity, and allocates nothing once warm (R-RT-2).
 */
class SipRequestEncoderTest
{
    private static final int WINDOW_ROUNDS = 100_000;
    private static final int WINDOWS = 5;

    /** Looked up once: the lookup itself allocates, the read does not. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final AsciiSequenceView view = new AsciiSequenceView();
    private long sink;

    @Test
    @DisplayName("R-SIP-5 a REGISTER with every field, as JAIN-SIP and the decoder read it")
    void shouldEncodeRegister() throws Exception
    {
        final SipRequestEncoder encoder = encoder("1001", "pbx.example.com", "a73kszlfl", "cid-1@10.0.0.2");
        final int length = encoder.branch("77ab").cseq(4711).expiresS(3600).encodeRegister(buffer, 0, 1024);
        assertThat(length).isPositive();
        final byte[] bytes = Arrays.copyOf(buffer.byteArray(), length);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII)).startsWith(
            "REGISTER sip:pbx.example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 10.0.0.2:5062;branch=z9hG4bK77ab;rport\r\n" +
            "Max-Forwards: 70\r\n").endsWith("Content-Length: 0\r\n\r\n");
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes);
        assertThat(decoder.method()).isEqualTo(SipMethod.REGISTER);
        assertThat(decoder.cseqNumber()).isEqualTo(4711);
        assertThat(decoder.contactExpiresS(view)).isEqualTo(3600);
        assertThat(decoder.expiresS()).isEqualTo(3600);
        final SIPRequest request = (SIPRequest)SipOracle.parse(bytes);
        assertThat(((MaxForwardsHeader)request.getHeader(MaxForwardsHeader.NAME)).getMaxForwards()).isEqualTo(70);
        assertThat(request.getHeader(UserAgentHeader.NAME).toString()).contains("Yealink-T46U");
        final SipURI from = (SipURI)((FromHeader)request.getHeader(FromHeader.NAME)).getAddress().getURI();
        final SipURI to = (SipURI)((ToHeader)request.getHeader(ToHeader.NAME)).getAddress().getURI();
        assertThat(from.getUser() + "@" + from.getHost()).isEqualTo("1001@pbx.example.com");
        assertThat(to.toString()).isEqualTo(from.toString());
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    @Label("R-SIP-5 generated REGISTER fields read back through JAIN-SIP and the decoder")
    void shouldRoundTrip(
        @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) final String user,
        @ForAll @AlphaChars @StringLength(min = 1, max = 20) final String host,
        @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) final String token,
        @ForAll @LongRange(max = 2_147_483_647L) final long cseq,
        @ForAll @IntRange(max = 1_000_000) final int expiresS) throws Exception
    {
        final int length = encoder(user, host + ".example.com", token, token + "@10.0.0.2").branch(token)
            .cseq(cseq).expiresS(expiresS).encodeRegister(buffer, 0, 1024);
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(Arrays.copyOf(buffer.byteArray(), length));
        assertThat(decoder.cseqNumber()).isEqualTo(cseq);
        assertThat(decoder.expiresS()).isEqualTo(expiresS);
        assertThat(decoder.fromTag(view)).isTrue();
        assertThat(view.toString()).isEqualTo(token);
    }

    @Test
    @DisplayName("R-BAD-2 a buffer too small: DOES_NOT_FIT, nothing written past the capacity")
    void shouldRefuseWhenTooSmall()
    {
        final SipRequestEncoder encoder = encoder("1001", "pbx.example.com", "t", "c").branch("b").expiresS(60);
        final int full = encoder.encodeRegister(buffer, 0, 1024);
        for (int capacity = 0; capacity < full; capacity++)
        {
            final UnsafeBuffer small = new UnsafeBuffer(new byte[full + 8]);
            small.setMemory(0, full + 8, (byte)'#');
            assertThat(encoder.encodeRegister(small, 4, capacity)).isEqualTo(SipRequestEncoder.DOES_NOT_FIT);
            for (int i = 4 + capacity; i < full + 8; i++)
            {
                assertThat(small.getByte(i)).isEqualTo((byte)'#');
            }
        }
        assertThat(encoder.encodeRegister(buffer, 0, full)).isEqualTo(full);
    }

    @Test
    @DisplayName("R-RT-2 R-SIP-5 100,000 REGISTER encodes allocate nothing once warm")
    void shouldNotAllocateOnceWarm()
    {
        final SipRequestEncoder encoder = encoder("1001", "pbx.example.com", "a73kszlfl", "cid-1@10.0.0.2")
            .branch("77ab").expiresS(3600);
        final boolean interpreted = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
        run(encoder, interpreted ? 5_000 : 50_000);
        final List<Long> windows = new ArrayList<>();
        for (int i = 0, n = interpreted ? 1 : WINDOWS; i < n; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            run(encoder, WINDOW_ROUNDS);
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

    private void run(final SipRequestEncoder encoder, final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            sink += encoder.cseq(i).encodeRegister(buffer, 0, 1024);
        }
    }

    private static SipRequestEncoder encoder(
        final String user, final String host, final String tag, final String callId)
    {
        return new SipRequestEncoder().transport("UDP").local("10.0.0.2", 5062).registrarHost(host).user(user)
            .fromTag(tag).callId(callId).userAgent("Yealink-T46U");
    }
}
