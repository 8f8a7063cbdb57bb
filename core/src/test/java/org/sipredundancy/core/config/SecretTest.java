package org.sipredundancy.core.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;

/**
 * R-BAD-5: a password never appears in a diagnostic, a toString, or a masked print, whatever goes wrong around it.
 */
class SecretTest
{
    @Provide
    Arbitrary<String> secrets()
    {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(8).ofMaxLength(40)
            .filter(s -> !s.contains("#") && !s.contains("=")).map(s -> "Zq" + s + "Qz");
    }

    @Property(tries = 200)
    @Label("R-BAD-5 R-CFG-3 a password is never in any diagnostic, whatever the problems on its lines")
    void shouldNeverShowPasswords(@ForAll("secrets") final String secret)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final String text = String.join("\n",
            "account.1.password = " + secret,
            "account.1.password = " + secret,
            "account.17.password = " + secret,
            "account.X.password = " + secret,
            "account.0.password = " + secret,
            "account.1.password " + secret,
            "account.1.Password = " + secret,
            "account.1.sip_server.1.password = " + secret,
            "account.2.password = " + secret + " " + "p".repeat(5000),
            "account.3.password = " + secret);
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{ (byte)0xFF, (byte)0xC0, '\n' });

        final ParseResult result = ConfigLoader.parse(
            new ByteArrayInputStream(bytes.toByteArray()), "secret.cfg", T46G, 83);

        assertThat(result.diagnostics()).isNotEmpty();
        for (final Diagnostic diagnostic : result.diagnostics())
        {
            assertThat(diagnostic.toString()).doesNotContain(secret);
            assertThat(diagnostic.message()).doesNotContain(secret);
            assertThat(diagnostic.value()).doesNotContain(secret);
            assertThat(diagnostic.key()).doesNotContain(secret);
        }
        assertThat(result.config().account(1).password()).isEqualTo(secret);
        assertThat(result.toString()).doesNotContain(secret);
        assertThat(result.config().toString()).doesNotContain(secret);
        assertThat(result.writtenSettings().toString()).doesNotContain(secret);
        assertThat(result.unknownKeys().toString()).doesNotContain(secret);
        assertThat(new ConfigPrinter().print(result.config())).doesNotContain(secret);
        assertThat(new ConfigPrinter().withPasswords(true).print(result.config())).contains(secret);
        assertThat(result.diagnostics()).filteredOn(d -> d.key().endsWith(".password") && !d.value().isEmpty())
            .extracting(Diagnostic::value).containsOnly(ConfigPrinter.MASK);
    }
}
