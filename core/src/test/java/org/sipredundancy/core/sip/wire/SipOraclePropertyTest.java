package org.sipredundancy.core.sip.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generated messages read the same by the decoder as by JAIN-SIP (SPEC R-SIP-5): REGISTER requests and their
 * responses with header values from safe alphabets, compact or long names, optional parameters, folded Via
 * lines and headers in any order after the start line.
 */
class SipOraclePropertyTest
{
    /** One generated message's choices; the text is built from them. */
    record Shape(boolean response, int code, String token, String host, long cseq, int expires, boolean compact,
        boolean rport, int rportValue, boolean received, boolean toTag, boolean fold, String body, long shuffle)
    {
    }

    @Provide
    Arbitrary<Shape> shapes()
    {
        final Arbitrary<String> tokens = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-.")
            .ofMinLength(1).ofMaxLength(16);
        final Arbitrary<String> hosts = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz")
            .ofMinLength(1).ofMaxLength(10).map(label -> label + ".example.com");
        return Builders.withBuilder(() -> new Shape(false, 200, "t", "h", 1, 0, false, false, 0, false, false,
            false, "", 0))
            .use(Arbitraries.of(false, true)).in((s, v) -> with(s, v, s.code(), s.token(), s.host(), s.cseq()))
            .use(Arbitraries.of(200, 401, 423, 503, 180)).in((s, v) -> with(s, s.response(), v, s.token(),
                s.host(), s.cseq()))
            .use(tokens).in((s, v) -> with(s, s.response(), s.code(), v, s.host(), s.cseq()))
            .use(hosts).in((s, v) -> with(s, s.response(), s.code(), s.token(), v, s.cseq()))
            .use(Arbitraries.longs().between(0, 2_147_483_647L)).in((s, v) -> with(s, s.response(), s.code(),
                s.token(), s.host(), v))
            .use(Arbitraries.integers().between(0, 100_000)).in((s, v) -> new Shape(s.response(), s.code(),
                s.token(), s.host(), s.cseq(), v, s.compact(), s.rport(), s.rportValue(), s.received(), s.toTag(),
                s.fold(), s.body(), s.shuffle()))
            .use(Arbitraries.integers().between(0, 63)).in((s, v) -> new Shape(s.response(), s.code(), s.token(),
                s.host(), s.cseq(), s.expires(), (v & 1) != 0, (v & 2) != 0, s.rportValue(), (v & 4) != 0,
                (v & 8) != 0, (v & 16) != 0, (v & 32) != 0 ? "v=0\r\n" : "", s.shuffle()))
            .use(Arbitraries.integers().between(1, 65535)).in((s, v) -> new Shape(s.response(), s.code(),
                s.token(), s.host(), s.cseq(), s.expires(), s.compact(), s.rport(), v, s.received(), s.toTag(),
                s.fold(), s.body(), s.shuffle()))
            .use(Arbitraries.longs()).in((s, v) -> new Shape(s.response(), s.code(), s.token(), s.host(),
                s.cseq(), s.expires(), s.compact(), s.rport(), s.rportValue(), s.received(), s.toTag(), s.fold(),
                s.body(), v))
            .build();
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    @Label("R-SIP-5 generated REGISTER messages and responses read as JAIN-SIP reads them")
    void shouldAgreeWithJainSip(@ForAll("shapes") final Shape shape) throws Exception
    {
        SipOracle.decodeAndCompare(SipMessageDecoderTest.bytes(text(shape)));
    }

    private static Shape with(
        final Shape s, final boolean response, final int code, final String token, final String host, final long cseq)
    {
        return new Shape(response, code, token, host, cseq, s.expires(), s.compact(), s.rport(), s.rportValue(),
            s.received(), s.toTag(), s.fold(), s.body(), s.shuffle());
    }

    static String text(final Shape s)
    {
        final String aor = "<sip:" + s.token() + "@" + s.host() + ">";
        final List<String> headers = new ArrayList<>();
        headers.add(name(s, "Via", "v") + "SIP/2.0/UDP 10.0.0.2:5060" + (s.fold() ? "\r\n " : "") +
            ";branch=z9hG4bK" + s.token() + (s.rport() ? ";rport=" + s.rportValue() : "") +
            (s.received() ? ";received=192.0.2.3" : ""));
        headers.add(name(s, "From", "f") + aor + ";tag=f" + s.token());
        headers.add(name(s, "To", "t") + aor + (s.toTag() ? ";tag=t" + s.token() : ""));
        headers.add(name(s, "Call-ID", "i") + s.token() + "@" + s.host());
        headers.add("CSeq: " + s.cseq() + " REGISTER");
        headers.add(name(s, "Contact", "m") + "<sip:" + s.token() + "@10.0.0.2>;expires=" + s.expires());
        headers.add("Expires: " + s.expires());
        if (s.response() && s.code() == 423)
        {
            headers.add("Min-Expires: " + (s.expires() + 1));
        }
        if (s.response() && s.code() == 503)
        {
            headers.add("Retry-After: " + s.expires());
        }
        if (s.response() && s.code() == 401)
        {
            headers.add("WWW-Authenticate: Digest realm=\"" + s.host() + "\", nonce=\"" + s.token() + "\"");
        }
        if (!s.body().isEmpty())
        {
            headers.add(name(s, "Content-Type", "c") + "application/sdp");
        }
        headers.add(name(s, "Content-Length", "l") + s.body().length());
        Collections.shuffle(headers, new Random(s.shuffle()));
        final StringBuilder text = new StringBuilder(s.response() ? "SIP/2.0 " + s.code() + " Some Reason\r\n" :
            "REGISTER sip:" + s.host() + " SIP/2.0\r\n");
        for (final String header : headers)
        {
            text.append(header).append("\r\n");
        }
        return text.append("\r\n").append(s.body()).toString();
    }

    private static String name(final Shape s, final String longName, final String compactName)
    {
        return (s.compact() ? compactName : longName) + ": ";
    }
}
