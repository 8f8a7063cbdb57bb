package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real messages a phone meets while registering and calling, decoded field by field and compared with
 * JAIN-SIP's parse of the same bytes (SPEC R-SIP-5).
 */
class SipMessageDecoderTest
{
    static final String REGISTER_OK =
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK77ab;rport=5062;received=192.0.2.7\r\n" +
        "From: \"Alice\" <sip:1001@pbx.example.com>;tag=a73kszlfl\r\n" +
        "To: <sip:1001@pbx.example.com>;tag=srv-91\r\n" +
        "Call-ID: 1j9FpLxk3uxtm8tn@10.0.0.2\r\n" +
        "CSeq: 4711 REGISTER\r\n" +
        "Contact: <sip:1001@10.0.0.2:5060;transport=udp>;expires=1800\r\n" +
        "Authentication-Info: nextnonce=\"47364c23432d2e131a5fb210812c\", qop=auth, rspauth=\"ab12\"\r\n" +
        "Expires: 1800\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    static final String CHALLENGE =
        "SIP/2.0 401 Unauthorized\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK77aa;rport\r\n" +
        "From: <sip:1001@pbx.example.com>;tag=a73kszlfl\r\n" +
        "To: <sip:1001@pbx.example.com>;tag=srv-90\r\n" +
        "Call-ID: 1j9FpLxk3uxtm8tn@10.0.0.2\r\n" +
        "CSeq: 4710 REGISTER\r\n" +
        "WWW-Authenticate: Digest realm=\"pbx.example.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", " +
        "algorithm=MD5, qop=\"auth\"\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    static final String TOO_BRIEF =
        "SIP/2.0 423 Interval Too Brief\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK77ac\r\n" +
        "From: <sip:1001@pbx.example.com>;tag=a73kszlfl\r\n" +
        "To: <sip:1001@pbx.example.com>\r\n" +
        "Call-ID: 1j9FpLxk3uxtm8tn@10.0.0.2\r\n" +
        "CSeq: 4712 REGISTER\r\n" +
        "Min-Expires: 3600\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    static final String UNAVAILABLE =
        "SIP/2.0 503 Service Unavailable\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK77ad;rport=5060\r\n" +
        "From: <sip:1001@pbx.example.com>;tag=a73kszlfl\r\n" +
        "To: <sip:1001@pbx.example.com>;tag=x\r\n" +
        "Call-ID: 1j9FpLxk3uxtm8tn@10.0.0.2\r\n" +
        "CSeq: 4713 REGISTER\r\n" +
        "Retry-After: 120 (maintenance);duration=3600\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    static final String SDP = "v=0\r\no=- 1 1 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n" +
        "m=audio 4000 RTP/AVP 0\r\n";

    static final String INVITE =
        "INVITE sip:1001@10.0.0.2:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKinv1, SIP/2.0/UDP 192.0.2.50;branch=z9hG4bKup\r\n" +
        "Max-Forwards: 69\r\n" +
        "From: \"Bob, Jr\" <sip:2002@pbx.example.com;user=phone>;tag=bob1\r\n" +
        "To: <sip:1001@pbx.example.com>\r\n" +
        "Call-ID: inv-555@192.0.2.1\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:2002@192.0.2.1>\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: " + SDP.length() + "\r\n" +
        "\r\n" + SDP;

    static final String COMPACT_FOLDED =
        "NOTIFY sip:1001@10.0.0.2 SIP/2.0\r\n" +
        "v: SIP/2.0/UDP 192.0.2.1:5060\r\n" +
        " ;branch=z9hG4bKfold;received=192.0.2.99\r\n" +
        "f: <sip:pbx.example.com>;tag=n1\r\n" +
        "t: <sip:1001@pbx.example.com>;tag=a73\r\n" +
        "i: notify-1@192.0.2.1\r\n" +
        "CSeq: 20 NOTIFY\r\n" +
        "m: <sip:pbx.example.com>;expires=300\r\n" +
        "Event: message-summary\r\n" +
        "Subject: line one\r\n" +
        "\tline two\r\n" +
        "c: application/simple-message-summary\r\n" +
        "l: 23\r\n" +
        "\r\n" +
        "Messages-Waiting: yes\r\n";

    private final AsciiSequenceView view = new AsciiSequenceView();

    @Test
    @DisplayName("R-SIP-5 a 200 OK to REGISTER: Via received and rport, tags, Contact expires, Authentication-Info")
    void shouldDecodeRegisterOk() throws Exception
    {
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes(REGISTER_OK));
        assertThat(decoder.statusCode()).isEqualTo(200);
        assertThat(decoder.cseqNumber()).isEqualTo(4711);
        assertThat(decoder.cseqMethod()).isEqualTo(SipMethod.REGISTER);
        assertThat(decoder.topViaRport(view)).isEqualTo(5062);
        assertThat(decoder.topViaReceived(view)).isTrue();
        assertThat(view.toString()).isEqualTo("192.0.2.7");
        assertThat(decoder.contactExpiresS(view)).isEqualTo(1800);
        assertThat(decoder.expiresS()).isEqualTo(1800);
        final int info = decoder.findHeader("authentication-info");
        assertThat(info).isPositive();
        assertThat(decoder.elementCount(info)).isEqualTo(3);
        assertThat(decoder.element(info, 1, view)).isTrue();
        assertThat(view.toString()).isEqualTo("qop=auth");
        assertThat(decoder.findHeader(SipHeaderName.AUTHENTICATION_INFO)).isEqualTo(info);
    }

    @Test
    @DisplayName("R-SIP-5 a 401 with WWW-Authenticate: rport without value, challenge kept whole")
    void shouldDecodeChallenge() throws Exception
    {
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes(CHALLENGE));
        assertThat(decoder.statusCode()).isEqualTo(401);
        assertThat(decoder.topViaRport(view)).isZero();
        decoder.headerValue(decoder.findHeader(SipHeaderName.WWW_AUTHENTICATE), view);
        assertThat(view.toString()).startsWith("Digest realm=\"pbx.example.com\"").endsWith("qop=\"auth\"");
    }

    @Test
    @DisplayName("R-SIP-5 a 423 with Min-Expires")
    void shouldDecodeIntervalTooBrief() throws Exception
    {
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes(TOO_BRIEF));
        assertThat(decoder.minExpiresS()).isEqualTo(3600);
        assertThat(decoder.toTag(view)).isFalse();
        assertThat(decoder.topViaRport(view)).isEqualTo(-1);
    }

    @Test
    @DisplayName("R-SIP-5 a 503 with Retry-After, comment and parameters left aside")
    void shouldDecodeServiceUnavailable() throws Exception
    {
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes(UNAVAILABLE));
        assertThat(decoder.retryAfterS()).isEqualTo(120);
        decoder.reason(view);
        assertThat(view.toString()).isEqualTo("Service Unavailable");
    }

    @Test
    @DisplayName("R-SIP-5 an INVITE with an SDP body and two Via elements in one header")
    void shouldDecodeInvite() throws Exception
    {
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes(INVITE));
        assertThat(decoder.method()).isEqualTo(SipMethod.INVITE);
        assertThat(decoder.bodyLength()).isEqualTo(SDP.length());
        final int via = decoder.findHeader(SipHeaderName.VIA);
        assertThat(decoder.elementCount(via)).isEqualTo(2);
        assertThat(decoder.element(via, 1, view)).isTrue();
        assertThat(view.toString()).isEqualTo("SIP/2.0/UDP 192.0.2.50;branch=z9hG4bKup");
        assertThat(decoder.element(via, 2, view)).isFalse();
        assertThat(decoder.fromTag(view)).isTrue();
        assertThat(view.toString()).isEqualTo("bob1");
    }

    @Test
    @DisplayName("R-SIP-5 compact header names and folded lines")
    void shouldDecodeCompactAndFolded() throws Exception
    {
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes(COMPACT_FOLDED));
        assertThat(decoder.method()).isEqualTo(SipMethod.NOTIFY);
        assertThat(decoder.topViaBranch(view)).isTrue();
        assertThat(view.toString()).isEqualTo("z9hG4bKfold");
        assertThat(decoder.contactExpiresS(view)).isEqualTo(300);
        decoder.headerValue(decoder.findHeader(SipHeaderName.SUBJECT), view);
        assertThat(view.toString()).isEqualTo("line one\r\n\tline two");
        assertThat(decoder.headerNameId(decoder.findHeader("l"))).isEqualTo(SipHeaderName.CONTENT_LENGTH);
        assertThat(decoder.findHeader("Event")).isPositive();
        assertThat(decoder.headerNameId(decoder.findHeader("Event"))).isEqualTo(SipHeaderName.OTHER);
    }

    @Test
    @DisplayName("R-SIP-5 on a stream, messageLength says where the next message starts")
    void shouldFrameOnStream()
    {
        final byte[] two = bytes(INVITE + REGISTER_OK);
        final SipMessageDecoder decoder = new SipMessageDecoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(two);
        assertThat(decoder.wrap(buffer, 0, two.length, true)).isEqualTo(SipDecodeStatus.OK);
        final int first = decoder.messageLength();
        assertThat(first).isEqualTo(INVITE.length());
        assertThat(decoder.wrap(buffer, first, two.length - first, true)).isEqualTo(SipDecodeStatus.OK);
        assertThat(decoder.statusCode()).isEqualTo(200);
        assertThat(decoder.messageLength()).isEqualTo(REGISTER_OK.length());
    }

    @Test
    @DisplayName("R-SIP-5 every compact form and long names in any letter case map to one header number")
    void shouldMapNames()
    {
        final String[] compact = {"v", "F", "t", "i", "M", "l", "c", "k", "s", "E"};
        final int[] ids =
        {
            SipHeaderName.VIA, SipHeaderName.FROM, SipHeaderName.TO, SipHeaderName.CALL_ID, SipHeaderName.CONTACT,
            SipHeaderName.CONTENT_LENGTH, SipHeaderName.CONTENT_TYPE, SipHeaderName.SUPPORTED,
            SipHeaderName.SUBJECT, SipHeaderName.CONTENT_ENCODING,
        };
        for (int n = 0; n < compact.length; n++)
        {
            assertThat(lookup(compact[n])).as(compact[n]).isEqualTo(ids[n]);
            assertThat(lookup(SipHeaderName.name(ids[n]).toUpperCase(java.util.Locale.ROOT))).isEqualTo(ids[n]);
        }
        assertThat(lookup("x")).isEqualTo(SipHeaderName.OTHER);
        assertThat(lookup("min-expires")).isEqualTo(SipHeaderName.MIN_EXPIRES);
        assertThat(lookup("Event")).isEqualTo(SipHeaderName.OTHER);
    }

    private static int lookup(final String name)
    {
        return SipHeaderName.lookup(new UnsafeBuffer(bytes(name)), 0, name.length());
    }

    static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
