package org.sipredundancy.core.sip.auth;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DigestChallengeTest
{
    private final DigestChallenge challenge = new DigestChallenge();

    private int parse(final String value)
    {
        final byte[] bytes = ("xx" + value).getBytes(StandardCharsets.ISO_8859_1);
        return challenge.parse(new UnsafeBuffer(bytes), 2, bytes.length - 2);
    }

    @Test
    @DisplayName("R-SIP-4 a full challenge is read field by field")
    void readsAllFields()
    {
        assertThat(parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, " +
            "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", " +
            "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"")).isEqualTo(DigestChallenge.OK);
        assertThat(challenge.realm().toString()).isEqualTo("http-auth@example.org");
        assertThat(challenge.nonce().toString()).isEqualTo("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v");
        assertThat(challenge.hasOpaque()).isTrue();
        assertThat(challenge.opaque().toString()).isEqualTo("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
        assertThat(challenge.algorithm()).isEqualTo(DigestChallenge.SHA_256);
        assertThat(challenge.qopPresent()).isTrue();
        assertThat(challenge.qopAuth()).isTrue();
        assertThat(challenge.qopAuthInt()).isTrue();
        assertThat(challenge.stale()).isFalse();
    }

    @Test
    @DisplayName("R-SIP-4 order, spacing, case, quoting and unknown parameters do not matter")
    void tolerant()
    {
        assertThat(parse("  digest   stale=TRUE ,domain=\"sip:a sip:b\",nonce=abc123,  algorithm=\"md5-sess\"," +
            " realm = \"a \\\"quoted\\\" realm\" , userhash=false,")).isEqualTo(DigestChallenge.OK);
        assertThat(challenge.realm().toString()).isEqualTo("a \"quoted\" realm");
        assertThat(challenge.nonce().toString()).isEqualTo("abc123");
        assertThat(challenge.algorithm()).isEqualTo(DigestChallenge.MD5_SESS);
        assertThat(challenge.stale()).isTrue();
        assertThat(challenge.qopPresent()).isFalse();
        assertThat(challenge.hasOpaque()).isFalse();
    }

    @Test
    @DisplayName("R-SIP-4 no algorithm means MD5, and the instance forgets the previous challenge")
    void defaultsAndReuse()
    {
        assertThat(parse("Digest realm=\"r\", nonce=\"n\", opaque=\"o\", algorithm=SHA-256-sess, qop=\"auth\""))
            .isEqualTo(DigestChallenge.OK);
        assertThat(parse("Digest nonce=\"n2\", realm=\"r2\"")).isEqualTo(DigestChallenge.OK);
        assertThat(challenge.algorithm()).isEqualTo(DigestChallenge.MD5);
        assertThat(challenge.hasOpaque()).isFalse();
        assertThat(challenge.qopPresent()).isFalse();
        assertThat(challenge.realm().toString()).isEqualTo("r2");
    }

    @Test
    @DisplayName("R-SIP-4 an unsupported algorithm or qop is refused with a status")
    void unsupported()
    {
        assertThat(parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"))
            .isEqualTo(DigestChallenge.UNSUPPORTED_ALGORITHM);
        assertThat(parse("Digest realm=\"r\", nonce=\"n\", algorithm=AKAv1-MD5"))
            .isEqualTo(DigestChallenge.UNSUPPORTED_ALGORITHM);
        assertThat(parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\""))
            .isEqualTo(DigestChallenge.UNSUPPORTED_QOP);
        assertThat(parse("Basic realm=\"r\"")).isEqualTo(DigestChallenge.NOT_DIGEST);
        assertThat(parse("Digestrealm=\"r\", nonce=\"n\"")).isEqualTo(DigestChallenge.NOT_DIGEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "Digest", "Digest realm=\"r\"", "Digest nonce=\"n\"", "Digest realm=\"r\", nonce=\"n",
        "Digest realm=\"r\" nonce=\"n\"", "Digest realm=, nonce=\"n\"", "Digest =\"r\", nonce=\"n\"",
        "Digest realm \"r\", nonce=\"n\"", "Digest realm=\"r\\", "Digest realm=\"a\rb\", nonce=\"n\"",
        "Digest realm=\"r\", nonce=\"n\u00e9\"", "Digest realm=\"r\", nonce=\"n\"\"", ",,,", "Digest ===",
    })
    @DisplayName("R-SIP-4 malformed challenges give a status, never an exception")
    void malformed(final String value)
    {
        final int status = parse(value);
        assertThat(status).isNotEqualTo(DigestChallenge.OK);
        assertThat(challenge.status()).isEqualTo(status);
    }

    @Test
    @DisplayName("R-SIP-4 an over-long value is refused")
    void tooLong()
    {
        final String nonce = "n".repeat(DigestChallenge.MAX_VALUE_LENGTH + 1);
        assertThat(parse("Digest realm=\"r\", nonce=\"" + nonce + "\"")).isEqualTo(DigestChallenge.VALUE_TOO_LONG);
        assertThat(parse("Digest realm=\"r\", nonce=" + nonce)).isEqualTo(DigestChallenge.VALUE_TOO_LONG);
    }
}
