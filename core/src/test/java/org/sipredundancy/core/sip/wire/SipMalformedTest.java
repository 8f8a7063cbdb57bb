package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each malformation gets its own status and nothing throws (SPEC R-BAD-2); a request whose request line parsed
 * still tells its method, so the caller can answer 400.
 */
class SipMalformedTest
{
    private static final String HEADERS = "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n";

    private final SipMessageDecoder decoder = new SipMessageDecoder();

    @Test
    @DisplayName("R-BAD-2 no start line: empty, blank lines only, no line end")
    void shouldRejectMissingStartLine()
    {
        assertThat(decode("", false)).isEqualTo(SipDecodeStatus.NO_START_LINE);
        assertThat(decode("\r\n\r\n", false)).isEqualTo(SipDecodeStatus.NO_START_LINE);
        assertThat(decode("OPTIONS sip:a SIP/2.0", false)).isEqualTo(SipDecodeStatus.NO_START_LINE);
        assertThat(decoder.wrap(null, 0, 10)).isEqualTo(SipDecodeStatus.NO_START_LINE);
        assertThat(decoder.wrap(new UnsafeBuffer(new byte[4]), 2, 10)).isEqualTo(SipDecodeStatus.NO_START_LINE);
    }

    @Test
    @DisplayName("R-BAD-2 bad request lines and bad status lines")
    void shouldRejectBadStartLines()
    {
        assertThat(decode("OPTIONS sip:a\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_REQUEST_LINE);
        assertThat(decode("OPTIONS sip:a SIP/3.0\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_REQUEST_LINE);
        assertThat(decode("OPT(IONS sip:a SIP/2.0\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_REQUEST_LINE);
        assertThat(decode("OPTIONS  SIP/2.0\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_REQUEST_LINE);
        assertThat(decode("SIP/2.0 20 OK\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_STATUS_LINE);
        assertThat(decode("SIP/2.0 2000 OK\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_STATUS_LINE);
        assertThat(decode("SIP/2.0 700 Odd\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_STATUS_LINE);
        assertThat(decode("SIP/2.0 2x0 OK\r\n\r\n", false)).isEqualTo(SipDecodeStatus.BAD_STATUS_LINE);
    }

    @Test
    @DisplayName("R-BAD-2 header without colon, fold before any header, missing blank line; method kept for 400")
    void shouldRejectBadHeaders()
    {
        assertThat(decode("OPTIONS sip:a SIP/2.0\r\nVia SIP/2.0/UDP h\r\n\r\n", false))
            .isEqualTo(SipDecodeStatus.HEADER_WITHOUT_COLON);
        assertThat(decoder.isRequest()).isTrue();
        assertThat(decoder.method()).isEqualTo(SipMethod.OPTIONS);
        assertThat(decode("OPTIONS sip:a SIP/2.0\r\n: value\r\n\r\n", false))
            .isEqualTo(SipDecodeStatus.HEADER_WITHOUT_COLON);
        assertThat(decode("OPTIONS sip:a SIP/2.0\r\n folded\r\n\r\n", false))
            .isEqualTo(SipDecodeStatus.FOLD_WITHOUT_HEADER);
        assertThat(decode("OPTIONS sip:a SIP/2.0\r\n" + HEADERS, false))
            .isEqualTo(SipDecodeStatus.NO_END_OF_HEADERS);
    }

    @Test
    @DisplayName("R-BAD-2 line too long and too many headers: bounded work")
    void shouldRejectOversizedInput()
    {
        final String longValue = "x".repeat(SipMessageDecoder.MAX_LINE_LENGTH);
        assertThat(decode("OPTIONS sip:a SIP/2.0\r\nSubject: " + longValue + "\r\n\r\n", false))
            .isEqualTo(SipDecodeStatus.LINE_TOO_LONG);
        assertThat(decode("OPTIONS sip:" + longValue + " SIP/2.0\r\n\r\n", false))
            .isEqualTo(SipDecodeStatus.LINE_TOO_LONG);
        assertThat(decode("OPTIONS sip:" + longValue + " SIP/2.0", false)).isEqualTo(SipDecodeStatus.LINE_TOO_LONG);
        final String many = "X-A: 1\r\n".repeat(SipMessageDecoder.MAX_HEADERS + 1);
        assertThat(decode("OPTIONS sip:a SIP/2.0\r\n" + many + "\r\n", false))
            .isEqualTo(SipDecodeStatus.TOO_MANY_HEADERS);
        final String enough = "X-A: 1\r\n".repeat(SipMessageDecoder.MAX_HEADERS);
        assertThat(decode("OPTIONS sip:a SIP/2.0\r\n" + enough + "\r\n", false)).isEqualTo(SipDecodeStatus.OK);
    }

    @Test
    @DisplayName("R-BAD-2 Content-Length missing on a stream, invalid, mismatched, past the end")
    void shouldRejectBadContentLength()
    {
        final String start = "OPTIONS sip:a SIP/2.0\r\n" + HEADERS;
        assertThat(decode(start + "\r\nbody", true)).isEqualTo(SipDecodeStatus.CONTENT_LENGTH_MISSING);
        assertThat(decode(start + "\r\nbody", false)).isEqualTo(SipDecodeStatus.OK);
        assertThat(decoder.bodyLength()).isEqualTo(4);
        assertThat(decode(start + "Content-Length: 4x\r\n\r\nbody", false))
            .isEqualTo(SipDecodeStatus.CONTENT_LENGTH_INVALID);
        assertThat(decode(start + "Content-Length: 99999999999\r\n\r\nbody", false))
            .isEqualTo(SipDecodeStatus.CONTENT_LENGTH_INVALID);
        assertThat(decode(start + "Content-Length: 4\r\nl: 3\r\n\r\nbody", false))
            .isEqualTo(SipDecodeStatus.CONTENT_LENGTH_MISMATCH);
        assertThat(decode(start + "Content-Length: 5\r\n\r\nbody", true))
            .isEqualTo(SipDecodeStatus.CONTENT_LENGTH_PAST_END);
        assertThat(decode(start + "Content-Length: 2\r\n\r\nbody", false)).isEqualTo(SipDecodeStatus.OK);
        assertThat(decoder.bodyLength()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-BAD-2 missing headers give sentinels, not exceptions")
    void shouldGiveSentinels()
    {
        final AsciiSequenceView view = new AsciiSequenceView();
        assertThat(decode("SIP/2.0 200 OK\r\n\r\n", false)).isEqualTo(SipDecodeStatus.OK);
        assertThat(decoder.callId(view)).isFalse();
        assertThat(decoder.cseqNumber()).isEqualTo(-1);
        assertThat(decoder.cseqMethod()).isEqualTo(SipMethod.UNKNOWN);
        assertThat(decoder.topViaBranch(view)).isFalse();
        assertThat(decoder.topViaRport(view)).isEqualTo(-1);
        assertThat(decoder.fromTag(view)).isFalse();
        assertThat(decoder.contactExpiresS(view)).isEqualTo(-1);
        assertThat(decoder.expiresS()).isEqualTo(-1);
        assertThat(decoder.retryAfterS()).isEqualTo(-1);
        assertThat(decoder.contentLength()).isEqualTo(-1);
        assertThat(SipDecodeStatus.name(SipDecodeStatus.COUNT)).isEqualTo("STATUS?");
    }

    private int decode(final String text, final boolean stream)
    {
        final byte[] bytes = SipMessageDecoderTest.bytes(text);
        return decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length, stream);
    }
}
