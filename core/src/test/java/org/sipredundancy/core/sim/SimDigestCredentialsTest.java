package org.sipredundancy.core.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sim.SimDigestCredentials.Param;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SimDigestCredentialsTest
{
    private static SimDigestCredentials parse(final String value)
    {
        final byte[] bytes = ("xx" + value).getBytes(StandardCharsets.US_ASCII);
        return new SimDigestCredentials().parse(new UnsafeBuffer(bytes), 2, bytes.length - 2);
    }

    @Test
    @DisplayName("R-SIP-4 the simulated registrar reads names in any case, quoted and bare values, escapes and blanks")
    void readsParameters()
    {
        final SimDigestCredentials credentials = parse("Digest UserName=\"10\\\"01\" ,realm= \"pbx.test\"," +
            " NONCE=\"abc\", uri=\"sip:pbx.test\", response=\"0A1B\", algorithm=MD5, qop=auth, nc=0000001f, " +
            "cnonce=\" c1 \"");

        assertThat(credentials.isDigest()).isTrue();
        assertThat(credentials.get(Param.USERNAME)).isEqualTo("10\"01");
        assertThat(credentials.is(Param.REALM, "pbx.test", false)).isTrue();
        assertThat(credentials.is(Param.REALM, "PBX.test", false)).isFalse();
        assertThat(credentials.is(Param.ALGORITHM, "md5", true)).isTrue();
        assertThat(credentials.get(Param.NONCE)).isEqualTo("abc");
        assertThat(credentials.get(Param.CNONCE)).isEqualTo("c1");
        assertThat(credentials.hexValue(Param.NC)).isEqualTo(31);
        assertThat(credentials.hexEquals(Param.RESPONSE, "0a1b".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(credentials.hexEquals(Param.RESPONSE, "0a1c".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    @DisplayName("R-SIP-4 another scheme, garbage and absent parameters read as absent, never an exception")
    void garbage()
    {
        assertThat(parse("Basic dXNlcjpwYXNz").isDigest()).isFalse();
        assertThat(parse("Digestive username=\"a\"").isDigest()).isFalse();
        final SimDigestCredentials credentials = parse("Digest ,,=, username, nc=zz, realm=\"unterminated");

        assertThat(credentials.isDigest()).isTrue();
        assertThat(credentials.has(Param.USERNAME)).isFalse();
        assertThat(credentials.get(Param.USERNAME)).isEmpty();
        assertThat(credentials.hexValue(Param.NC)).isEqualTo(-1);
        assertThat(credentials.get(Param.REALM)).isEqualTo("unterminated");
        assertThat(credentials.is(Param.QOP, "", false)).isTrue();
    }

    @Test
    @DisplayName("R-SIP-4 parsing again forgets the parameters of the header before")
    void parseAgain()
    {
        final SimDigestCredentials credentials = parse("Digest username=\"1001\", qop=auth");
        final byte[] bytes = "Digest realm=\"r\"".getBytes(StandardCharsets.US_ASCII);
        credentials.parse(new UnsafeBuffer(bytes), 0, bytes.length);

        assertThat(credentials.has(Param.USERNAME)).isFalse();
        assertThat(credentials.has(Param.QOP)).isFalse();
        assertThat(credentials.get(Param.REALM)).isEqualTo("r");
    }
}
