package org.sipredundancy.core.sip.auth;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.SplitMix64Random;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DigestAuthenticatorTest
{
    private static final String PASSWORD = "Circle of Life";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[2048]);
    private final DigestChallenge challenge = new DigestChallenge();

    private void challenge(final DigestAuthenticator authenticator, final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        assertThat(challenge.parse(new UnsafeBuffer(bytes), 0, bytes.length)).isEqualTo(DigestChallenge.OK);
        assertThat(authenticator.onChallenge(challenge)).isEqualTo(DigestChallenge.OK);
    }

    private static String rfcChallenge(final String algorithm)
    {
        return "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + algorithm +
            ", nonce=\"" + NONCE + "\", opaque=\"" + OPAQUE + "\"";
    }

    private DigestAuthenticator rfcAuthenticator(final String algorithm)
    {
        final DigestAuthenticator authenticator = new DigestAuthenticator(new SplitMix64Random(1));
        assertThat(authenticator.credentials("Mufasa", PASSWORD)).isTrue();
        challenge(authenticator, rfcChallenge(algorithm));
        return authenticator;
    }

    private String text(final int length)
    {
        assertThat(length).isPositive();
        return out.getStringWithoutLengthAscii(0, length);
    }

    private static String param(final String header, final String name)
    {
        final Matcher m = Pattern.compile("[ ,]" + name + "=\"?([^\",]*)\"?").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("R-SIP-4 RFC 7616 section 3.9.1 MD5 example response")
    void rfc7616Md5()
    {
        final DigestAuthenticator authenticator = rfcAuthenticator("MD5");
        final String header = text(authenticator.writeAuthorization("GET", "/dir/index.html", CNONCE, out, 0, 2048));
        assertThat(header).isEqualTo("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"" + NONCE +
            "\", uri=\"/dir/index.html\", response=\"8ca523f5e9506fed4657c9700eebdbec\", algorithm=MD5, cnonce=\"" +
            CNONCE + "\", opaque=\"" + OPAQUE + "\", qop=auth, nc=00000001");
    }

    @Test
    @DisplayName("R-SIP-4 RFC 7616 section 3.9.1 SHA-256 example response")
    void rfc7616Sha256()
    {
        final DigestAuthenticator authenticator = rfcAuthenticator("SHA-256");
        final String header = text(authenticator.writeAuthorization("GET", "/dir/index.html", CNONCE, out, 0, 2048));
        assertThat(param(header, "response"))
            .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(param(header, "algorithm")).isEqualTo("SHA-256");
        assertThat(param(header, "nc")).isEqualTo("00000001");
    }

    @Test
    @DisplayName("R-SIP-4 sess variants and the no-qop legacy form follow RFC 2617 / RFC 7616")
    void sessAndLegacy() throws Exception
    {
        final DigestAuthenticator authenticator = rfcAuthenticator("SHA-256-sess");
        String header = text(authenticator.writeAuthorization("GET", "/dir/index.html", CNONCE, out, 0, 2048));
        final String sessHa1 = Oracle.h("SHA-256", Oracle.h("SHA-256", "Mufasa:http-auth@example.org:" + PASSWORD) +
            ":" + NONCE + ":" + CNONCE);
        assertThat(param(header, "response")).isEqualTo(Oracle.h("SHA-256", sessHa1 + ":" + NONCE + ":00000001:" +
            CNONCE + ":auth:" + Oracle.h("SHA-256", "GET:/dir/index.html")));

        challenge(authenticator, "Digest realm=\"biloxi.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\"");
        header = text(authenticator.writeAuthorization("REGISTER", "sip:biloxi.com", out, 0, 2048));
        final String ha1 = Oracle.h("MD5", "Mufasa:biloxi.com:" + PASSWORD);
        assertThat(param(header, "response")).isEqualTo(Oracle.h("MD5", ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:" +
            Oracle.h("MD5", "REGISTER:sip:biloxi.com")));
        assertThat(header).doesNotContain("qop=").doesNotContain("nc=").doesNotContain("cnonce=")
            .doesNotContain("opaque=");
    }

    @Test
    @DisplayName("R-SIP-4 MD5-sess with qop=auth")
    void md5Sess() throws Exception
    {
        final DigestAuthenticator authenticator = rfcAuthenticator("MD5-sess");
        final String header = text(authenticator.writeAuthorization("REGISTER", "sip:x", out, 0, 2048));
        final String cnonce = param(header, "cnonce");
        final String ha1 = Oracle.h("MD5", Oracle.h("MD5", "Mufasa:http-auth@example.org:" + PASSWORD) + ":" +
            NONCE + ":" + cnonce);
        assertThat(param(header, "response")).isEqualTo(Oracle.h("MD5", ha1 + ":" + NONCE + ":00000001:" + cnonce +
            ":auth:" + Oracle.h("MD5", "REGISTER:sip:x")));
    }

    @Test
    @DisplayName("R-SIP-4 nc counts up while the nonce is reused and restarts on a new nonce")
    void nonceCount()
    {
        final DigestAuthenticator authenticator = rfcAuthenticator("MD5");
        assertThat(param(text(authenticator.writeAuthorization("REGISTER", "sip:a", out, 0, 2048)), "nc"))
            .isEqualTo("00000001");
        assertThat(param(text(authenticator.writeAuthorization("REGISTER", "sip:a", out, 0, 2048)), "nc"))
            .isEqualTo("00000002");
        challenge(authenticator, rfcChallenge("MD5"));
        assertThat(param(text(authenticator.writeAuthorization("REGISTER", "sip:a", out, 0, 2048)), "nc"))
            .isEqualTo("00000003");
        challenge(authenticator, "Digest realm=\"r\", nonce=\"fresh\", qop=auth");
        assertThat(param(text(authenticator.writeAuthorization("REGISTER", "sip:a", out, 0, 2048)), "nc"))
            .isEqualTo("00000001");
        assertThat(authenticator.nonceCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-4 the cnonce changes per request and is a pure function of the seed")
    void cnonceDeterministic()
    {
        final String[] first = new String[3];
        final String[] second = new String[3];
        for (final String[] run : new String[][] {first, second})
        {
            final DigestAuthenticator authenticator = rfcAuthenticator("MD5");
            for (int i = 0; i < run.length; i++)
            {
                run[i] = param(text(authenticator.writeAuthorization("REGISTER", "sip:a", out, 0, 2048)), "cnonce");
            }
        }
        assertThat(first).containsExactly(second).doesNotHaveDuplicates();
        final DigestAuthenticator other = new DigestAuthenticator(new SplitMix64Random(2));
        other.credentials("Mufasa", PASSWORD);
        challenge(other, rfcChallenge("MD5"));
        assertThat(param(text(other.writeAuthorization("REGISTER", "sip:a", out, 0, 2048)), "cnonce"))
            .isNotEqualTo(first[0]);
    }

    @Test
    @DisplayName("R-SIP-4 accounts sharing one workspace answer, interleaved, exactly as with workspaces of their own")
    void sharedWorkspace()
    {
        final DigestWorkspace shared = new DigestWorkspace();
        final DigestAuthenticator[] together = {
            new DigestAuthenticator(new SplitMix64Random(1), shared),
            new DigestAuthenticator(new SplitMix64Random(2), shared)};
        final DigestAuthenticator[] apart = {
            new DigestAuthenticator(new SplitMix64Random(1)), new DigestAuthenticator(new SplitMix64Random(2))};
        final String[] users = {"Mufasa", "Zazu"};
        final String[] algorithms = {"MD5", "SHA-256"};
        for (int a = 0; a < 2; a++)
        {
            for (final DigestAuthenticator authenticator : new DigestAuthenticator[]{together[a], apart[a]})
            {
                assertThat(authenticator.credentials(users[a], PASSWORD + a)).isTrue();
                challenge(authenticator, rfcChallenge(algorithms[a]));
            }
        }
        for (int round = 0; round < 3; round++)
        {
            for (int a = 0; a < 2; a++)
            {
                final String uri = "sip:pbx" + a + ".test";
                final String withShared = text(together[a].writeAuthorization("REGISTER", uri, out, 0, 2048));
                final String withOwn = text(apart[a].writeAuthorization("REGISTER", uri, out, 0, 2048));
                assertThat(withShared).isEqualTo(withOwn).contains("username=\"" + users[a] + "\"");
            }
        }
        assertThat(text(together[0].writeMaskedAuthorization(out, 0, 2048)))
            .as("the masked rendering is the account's own last answer, not the workspace's")
            .contains("username=\"Mufasa\"", "uri=\"sip:pbx0.test\"", "nc=00000003");
        assertThat(together[0].writeAuthorization("REGISTER", "sip:a", "c".repeat(65), out, 0, 2048))
            .as("a forced cnonce longer than the account keeps").isEqualTo(DigestAuthenticator.BAD_INPUT);
    }

    @Test
    @DisplayName("R-SIP-4 refusals: no challenge, no credentials, too small a buffer, bad input")
    void refusals()
    {
        final DigestAuthenticator authenticator = new DigestAuthenticator(new SplitMix64Random(1));
        assertThat(authenticator.writeAuthorization("REGISTER", "sip:a", out, 0, 2048))
            .isEqualTo(DigestAuthenticator.NOT_READY);
        assertThat(authenticator.writeMaskedAuthorization(out, 0, 2048)).isEqualTo(DigestAuthenticator.NOT_READY);
        assertThat(authenticator.credentials("M\u00fcfasa", PASSWORD)).isFalse();
        assertThat(authenticator.credentials("Mufasa", PASSWORD)).isTrue();
        challenge(authenticator, rfcChallenge("MD5"));
        assertThat(authenticator.writeAuthorization("REGISTER", "sip:a", out, 0, 40))
            .isEqualTo(DigestAuthenticator.DOES_NOT_FIT);
        assertThat(authenticator.writeAuthorization("REGISTER", "sip:a\r\n", out, 0, 2048))
            .isEqualTo(DigestAuthenticator.BAD_INPUT);
    }

    @Test
    @DisplayName("R-BAD-5 the masked rendering hides the response and nothing prints the password")
    void masked()
    {
        final DigestAuthenticator authenticator = rfcAuthenticator("MD5");
        final String header = text(authenticator.writeAuthorization("GET", "/dir/index.html", CNONCE, out, 0, 2048));
        final String masked = text(authenticator.writeMaskedAuthorization(out, 0, 2048));
        assertThat(masked).isEqualTo(header.replace("8ca523f5e9506fed4657c9700eebdbec", DigestAuthenticator.MASK));
        assertThat(masked).contains("response=\"********\"").doesNotContain("8ca523f5").doesNotContain(PASSWORD);
        assertThat(header).doesNotContain(PASSWORD);
        assertThat(authenticator.toString()).doesNotContain(PASSWORD).doesNotContain("8ca523f5");
        assertThat(challenge.toString()).doesNotContain(PASSWORD);
        assertThat(param(text(authenticator.writeAuthorization("GET", "/", out, 0, 2048)), "nc"))
            .as("masking does not consume an nc").isEqualTo("00000002");
    }

    /** Straight-line reference hashing with the JDK, independent of the code under test. */
    private static final class Oracle
    {
        static String h(final String algorithm, final String text) throws Exception
        {
            final byte[] digest = java.security.MessageDigest.getInstance(algorithm)
                .digest(text.getBytes(StandardCharsets.US_ASCII));
            final StringBuilder sb = new StringBuilder();
            for (final byte b : digest)
            {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        }
    }
}
