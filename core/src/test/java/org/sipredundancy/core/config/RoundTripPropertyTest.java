package org.sipredundancy.core.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sipredundancy.profiles.HardwareProfile;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-CFG-7: random valid configurations, generated from the seed's permitted values as {@link SeedTable} copies them,
 * print and read back into equal configurations; passwords are masked unless asked for.
 */
class RoundTripPropertyTest
{
    /**
     * A generated file.
     *
     * @param profile  the model.
     * @param firmware the firmware, from the model's minimum (at least 80) to 83.
     * @param lines    the file's lines after the header.
     */
    record Generated(HardwareProfile profile, int firmware, List<String> lines)
    {
        String text()
        {
            return ConfigFixtures.HEADER + "\n" + String.join("\n", lines) + "\n";
        }

        @Override
        public String toString()
        {
            return profile.modelId() + " firmware " + firmware + "\n" + text();
        }
    }

    @Provide
    Arbitrary<Generated> configurations()
    {
        return Arbitraries.of(ConfigFixtures.REGISTRY.all()).flatMap(profile ->
            Arbitraries.integers().between(Math.max(80, profile.minimumFirmware()), 83).flatMap(firmware ->
                Arbitraries.oneOf(setting(profile), dnsRecord()).list().ofMaxSize(40).map(groups ->
                {
                    final List<String> lines = new ArrayList<>();
                    groups.forEach(lines::addAll);
                    return new Generated(profile, firmware, lines);
                })));
    }

    @Property(tries = 300)
    @Label("R-CFG-7 a random valid configuration prints and reads back equal, with no diagnostics")
    void shouldRoundTrip(@ForAll("configurations") final Generated generated)
    {
        final ParseResult first = ConfigLoader.parseText(
            generated.text(), "generated.cfg", generated.profile(), generated.firmware());
        final ConfigPrinter printer = new ConfigPrinter().withPasswords(true);

        final String printed = printer.print(first.config());
        final ParseResult second = ConfigLoader.parseText(
            printed, "printed.cfg", generated.profile(), generated.firmware());

        assertThat(first.errorCount()).isZero();
        assertThat(second.diagnostics()).isEmpty();
        assertThat(second.config()).isEqualTo(first.config());
        assertThat(printer.print(second.config())).isEqualTo(printed);
        assertThat(printer.withMeanings(true).print(first.config())).startsWith(ConfigFixtures.HEADER);
        final ParseResult annotated = ConfigLoader.parseText(printer.withMeanings(true).print(first.config()),
            "annotated.cfg", generated.profile(), generated.firmware());
        assertThat(annotated.config()).isEqualTo(first.config());
    }

    @Property(tries = 200)
    @Label("R-CFG-7 R-BAD-5 passwords print as ******** unless asked for")
    void shouldMaskPasswords(@ForAll("configurations") final Generated generated, @ForAll("passwords") final String pw)
    {
        final List<String> lines = new ArrayList<>(generated.lines());
        lines.add("account." + generated.profile().accountCount() + ".password = " + pw);
        final Generated withPassword = new Generated(generated.profile(), generated.firmware(), lines);
        final ParseResult result = ConfigLoader.parseText(
            withPassword.text(), "generated.cfg", generated.profile(), generated.firmware());

        final String masked = new ConfigPrinter().print(result.config());
        final String shown = new ConfigPrinter().withPasswords(true).print(result.config());

        final String key = "account." + generated.profile().accountCount() + ".password = ";
        assertThat(masked).doesNotContain(pw).contains(key + "********\n");
        assertThat(shown).contains(key + pw + "\n");
        assertThat(result.config().toString()).doesNotContain(pw);
        assertThat(ConfigLoader.parseText(masked, "masked.cfg", generated.profile(), generated.firmware())
            .config().account(generated.profile().accountCount()).password()).isEqualTo("********");
    }

    @Provide
    Arbitrary<String> passwords()
    {
        return Arbitraries.strings().alpha().numeric().ofMinLength(10).ofMaxLength(30).map(s -> "Pw" + s);
    }

    private static Arbitrary<List<String>> setting(final HardwareProfile profile)
    {
        return Arbitraries.of(SeedTable.ROWS).flatMap(row ->
        {
            final int maxX = row.isDns() ? 12 : profile.accountCount();
            return Combinators.combine(
                Arbitraries.integers().between(1, maxX),
                Arbitraries.integers().between(1, 2),
                value(row))
                .as((x, y, value) -> List.of(row.key(x, y) + " = " + value));
        });
    }

    /**
     * A complete static DNS record, so that records exist to round-trip.
     */
    private static Arbitrary<List<String>> dnsRecord()
    {
        final Arbitrary<Integer> index = Arbitraries.integers().between(1, 12);
        final Arbitrary<String> a = Combinators.combine(index, domain(), ipv4(), ttl())
            .as((x, name, ip, ttl) -> String.join("\n",
                "dns_cache_a." + x + ".name = " + name, "dns_cache_a." + x + ".ip = " + ip,
                "dns_cache_a." + x + ".ttl = " + ttl));
        final Arbitrary<String> srv = Combinators.combine(index, domain(), domain(), port(), port(), port())
            .as((x, name, target, p, priority, weight) -> String.join("\n",
                "dns_cache_srv." + x + ".name = _sip._udp." + name, "dns_cache_srv." + x + ".target = " + target,
                "dns_cache_srv." + x + ".port = " + p, "dns_cache_srv." + x + ".priority = " + priority,
                "dns_cache_srv." + x + ".weight = " + weight));
        final Arbitrary<String> naptr = Combinators.combine(index, domain(), domain(), Arbitraries.of("S", "A", "u"),
            Arbitraries.of("SIP+D2U", "SIP+D2T", "SIPS+D2T", "SIP+D2S"), port())
            .as((x, name, replace, flags, service, order) -> String.join("\n",
                "dns_cache_naptr." + x + ".name = " + name, "dns_cache_naptr." + x + ".replace = " + replace,
                "dns_cache_naptr." + x + ".flags = " + flags, "dns_cache_naptr." + x + ".service = " + service,
                "dns_cache_naptr." + x + ".order = " + order));
        return Arbitraries.oneOf(a, srv, naptr).map(block -> List.of(block.split("\n")));
    }

    /**
     * A value the seed permits for the row, as the seed's wording says.
     */
    private static Arbitrary<String> value(final SeedTable.Row row)
    {
        final SeedTable.Permitted permitted = SeedTable.permitted(row);
        final Arbitrary<String> inherit = Arbitraries.just("-1");
        switch (permitted.form())
        {
            case CHOICE:
            case INTEGER:
                final Arbitrary<String> number = Arbitraries.longs().between(permitted.min(), permitted.max())
                    .map(String::valueOf);
                return permitted.inherit() ? Arbitraries.oneOf(number, inherit) : number;
            case FAILBACK_TIMEOUT:
                final Arbitrary<String> timeout = Arbitraries.oneOf(Arbitraries.just("0"),
                    Arbitraries.longs().between(60, 65535).map(String::valueOf));
                return permitted.inherit() ? Arbitraries.oneOf(timeout, inherit) : timeout;
            case TEXT:
                if (row.key().equals("dns_cache_a.X.ip"))
                {
                    return ipv4();
                }
                return text((int)Math.min(permitted.max(), 60));
            case HOST:
                return Arbitraries.oneOf(domain(), ipv4());
            case DOMAIN:
                return domain();
            case NAPTR_FLAG:
            default:
                return Arbitraries.of("S", "A", "U", "P", "s");
        }
    }

    private static Arbitrary<String> text(final int maxLength)
    {
        final Arbitrary<Character> inner = Arbitraries.chars().all()
            .filter(c -> !Character.isISOControl(c) && !Character.isSurrogate(c) && c != '\uFEFF');
        return inner.list().ofMaxSize(maxLength).map(chars ->
        {
            final StringBuilder builder = new StringBuilder();
            chars.forEach(builder::append);
            return builder.toString().strip();
        });
    }

    private static Arbitrary<String> domain()
    {
        final Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_")
            .ofMinLength(1).ofMaxLength(20);
        return label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
    }

    private static Arbitrary<String> ipv4()
    {
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
            .map(octets -> octets.get(0) + "." + octets.get(1) + "." + octets.get(2) + "." + octets.get(3));
    }

    private static Arbitrary<Integer> port()
    {
        return Arbitraries.integers().between(0, 65535);
    }

    private static Arbitrary<Integer> ttl()
    {
        return Arbitraries.integers().between(30, Integer.MAX_VALUE);
    }
}
