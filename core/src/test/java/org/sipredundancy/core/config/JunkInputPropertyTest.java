package org.sipredundancy.core.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.sipredundancy.profiles.HardwareProfile;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Junk never throws (R-CFG-3, R-BAD-1): whatever the bytes, the loader returns a result whose configuration has
 * every account of the model, a bounded list of diagnostics, and prints back into an equal configuration.
 */
class JunkInputPropertyTest
{
    private static final List<String> KEY_HEADS = List.of(
        "account.1.", "account.X.", "account.0.", "account.17.", "account.99999999999999999999.", "account..",
        "account.1.sip_server.Y.", "account.1.sip_server.3.", "account.2.outbound_proxy.1.", "account.1.sip_server.1.",
        "dns_cache_a.1.", "dns_cache_srv.13.", "dns_cache_naptr.X.", "static.network.", "ACCOUNT.1.", "");
    private static final List<String> SUFFIXES = List.of(
        "enable", "port", "address", "transport_type", "failback_timeout", "retry_counts", "password", "name", "ip",
        "ttl", "flags", "target", "replace", "service", "failback_subscribe.enable", "codec.1.enable", "");
    private static final List<String> VALUES = List.of(
        "", "0", "1", "-1", "-2", "59", "60", "65535", "65536", "2147483647", "2147483648", "99999999999999999999",
        "-99999999999999999999", "abc", "yealink.pbx.com", "192.168.1.14", "S", "x", "\u0000", " = ", "#", "\uFFFD",
        "a".repeat(300));

    @Provide
    Arbitrary<HardwareProfile> models()
    {
        return Arbitraries.of(ConfigFixtures.REGISTRY.all());
    }

    @Provide
    Arbitrary<String> configLikeFiles()
    {
        final Arbitrary<String> setting = net.jqwik.api.Combinators.combine(
            Arbitraries.of(KEY_HEADS), Arbitraries.of(SUFFIXES), Arbitraries.of(" = ", "=", " ", "==", " =\t"),
            Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(20)))
            .as((head, suffix, equals, value) -> head + suffix + equals + value);
        final Arbitrary<String> line = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, setting),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("#!version:1.0.0.1", "# comment", "", "   ", "\uFEFF")),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
        return line.list().ofMaxSize(60).flatMap(lines ->
            Arbitraries.of("\n", "\r\n").map(separator -> String.join(separator, lines)));
    }

    @Property(tries = 300)
    @Label("R-CFG-3 R-BAD-1 arbitrary text never throws and always yields the model's accounts")
    void shouldSurviveArbitraryText(
        @ForAll @StringLength(max = 3000) final String text,
        @ForAll("models") final HardwareProfile profile,
        @ForAll @IntRange(min = 70, max = 90) final int firmware)
    {
        check(ConfigLoader.parseText(text, "junk.cfg", profile, firmware), profile);
    }

    @Property(tries = 300)
    @Label("R-CFG-3 R-BAD-1 arbitrary bytes (invalid UTF-8, NULs, CRs) never throw")
    void shouldSurviveArbitraryBytes(
        @ForAll @Size(max = 4000) final byte[] bytes,
        @ForAll("models") final HardwareProfile profile)
    {
        check(ConfigLoader.parse(new ByteArrayInputStream(bytes), "junk.cfg", profile, 83), profile);
    }

    @Property(tries = 500)
    @Label("R-CFG-3 R-CFG-5 config-like junk (X/Y keys, huge numbers, bad indexes, NULs) never throws")
    void shouldSurviveConfigLikeJunk(
        @ForAll("configLikeFiles") final String text,
        @ForAll("models") final HardwareProfile profile,
        @ForAll @IntRange(min = 79, max = 84) final int firmware)
    {
        final ParseResult result = ConfigLoader.parseText(text, "junk.cfg", profile, firmware);

        check(result, profile);
        assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.line()).isBetween(0, result.lineCount()));
    }

    private static void check(final ParseResult result, final HardwareProfile profile)
    {
        assertThat(result).isNotNull();
        assertThat(result.outcome()).isEqualTo(LoadOutcome.LOADED);
        assertThat(result.config().accounts()).hasSize(profile.accountCount());
        assertThat(result.diagnostics().size()).isLessThanOrEqualTo(2 * ParseLimits.DEFAULT.maxDiagnostics() + 2);
        assertThat(result.errorCount() + result.warningCount() + result.noteCount())
            .isGreaterThanOrEqualTo(result.diagnostics().size() - 2);
        for (final Diagnostic diagnostic : result.diagnostics())
        {
            assertThat(diagnostic.format()).doesNotContain("\n", "\r", "\u0000");
        }
        assertThat(result.toString()).isNotEmpty();
        assertThat(result.config().toString()).isNotEmpty();

        final String printed = new ConfigPrinter().withPasswords(true).print(result.config());
        final ParseResult reread = ConfigLoader.parseText(printed, "printed.cfg", profile, result.config().firmware());
        assertThat(reread.config()).isEqualTo(result.config());
    }
}
