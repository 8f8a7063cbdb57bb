package org.sipredundancy.core.sip.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Junk never throws and always returns (SPEC R-BAD-2): random octets, and real messages with octets overwritten,
 * CR, LF, colons, spaces or quotes dropped in, or the end cut off. Whatever the status, every accessor stays
 * inside the bytes given.
 */
class SipJunkPropertyTest
{
    private static final String[] SEEDS =
    {
        SipMessageDecoderTest.REGISTER_OK, SipMessageDecoderTest.CHALLENGE, SipMessageDecoderTest.TOO_BRIEF,
        SipMessageDecoderTest.UNAVAILABLE, SipMessageDecoderTest.INVITE, SipMessageDecoderTest.COMPACT_FOLDED,
    };
    private static final byte[] NASTY = {'\r', '\n', ':', ' ', '\t', '"', '<', '>', ';', ',', '=', 0, (byte)0xFF};

    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final AsciiSequenceView view = new AsciiSequenceView();

    @Provide
    Arbitrary<byte[]> damagedMessages()
    {
        final Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE).list()
            .ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(Arbitraries.of(SEEDS), positions, Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 255)).as(SipJunkPropertyTest::damage);
    }

    @Property(tries = 2000)
    @Label("R-BAD-2 random octets never throw")
    void randomOctetsNeverThrow(@ForAll @Size(max = 600) final byte[] bytes, @ForAll final boolean stream)
    {
        readEverything(bytes, stream);
    }

    @Property(tries = 3000)
    @Label("R-BAD-2 damaged real messages never throw")
    void damagedMessagesNeverThrow(@ForAll("damagedMessages") final byte[] bytes, @ForAll final boolean stream)
    {
        readEverything(bytes, stream);
    }

    private static byte[] damage(final String seed, final List<Integer> at, final int kind, final int value)
    {
        final byte[] bytes = SipMessageDecoderTest.bytes(seed);
        if (kind == 2)
        {
            return java.util.Arrays.copyOf(bytes, at.get(0) % bytes.length);
        }
        for (final int position : at)
        {
            bytes[position % bytes.length] = kind == 0 ? (byte)value : NASTY[value % NASTY.length];
        }
        return bytes;
    }

    private void readEverything(final byte[] bytes, final boolean stream)
    {
        final int status = decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length, stream);
        assertThat(status).isBetween(SipDecodeStatus.OK, SipDecodeStatus.COUNT - 1);
        long sum = decoder.cseqNumber() + decoder.cseqMethod() + decoder.expiresS() + decoder.minExpiresS() +
            decoder.retryAfterS() + decoder.contactExpiresS(view) + decoder.topViaRport(view);
        decoder.callId(view);
        within(bytes);
        decoder.topViaBranch(view);
        within(bytes);
        decoder.topViaReceived(view);
        within(bytes);
        decoder.fromTag(view);
        within(bytes);
        decoder.toTag(view);
        within(bytes);
        decoder.requestUri(view);
        within(bytes);
        decoder.reason(view);
        within(bytes);
        for (int h = 0; h < decoder.headerCount(); h++)
        {
            decoder.headerValue(h, view);
            within(bytes);
            final int elements = decoder.elementCount(h);
            for (int e = 0; e < elements; e++)
            {
                assertThat(decoder.element(h, e, view)).isTrue();
                within(bytes);
            }
            sum += decoder.headerNameId(h);
        }
        if (status == SipDecodeStatus.OK)
        {
            assertThat(decoder.bodyOffset() + decoder.bodyLength()).isLessThanOrEqualTo(bytes.length);
            assertThat(decoder.messageLength()).isBetween(1, bytes.length);
        }
        assertThat(sum).isGreaterThanOrEqualTo(Long.MIN_VALUE);
    }

    private void within(final byte[] bytes)
    {
        if (view.length() > 0)
        {
            assertThat(view.offset()).isBetween(0, bytes.length);
            assertThat(view.offset() + view.length()).isBetween(0, bytes.length);
        }
    }
}
