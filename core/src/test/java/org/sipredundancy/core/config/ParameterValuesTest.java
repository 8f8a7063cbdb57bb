package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.config.ConfigFixtures.HEADER;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;
import static org.sipredundancy.core.config.DiagnosticKind.BAD_HOST_NAME;
import static org.sipredundancy.core.config.DiagnosticKind.FAILBACK_TIMEOUT_RAISED;
import static org.sipredundancy.core.config.DiagnosticKind.INCOMPLETE_DNS_RECORD;
import static org.sipredundancy.core.config.DiagnosticKind.INVALID_DNS_RECORD;
import static org.sipredundancy.core.config.DiagnosticKind.NEGATIVE_NUMBER;
import static org.sipredundancy.core.config.DiagnosticKind.NOT_A_NUMBER;
import static org.sipredundancy.core.config.DiagnosticKind.NUMBER_TOO_LARGE;
import static org.sipredundancy.core.config.DiagnosticKind.OUT_OF_RANGE;
import static org.sipredundancy.core.config.DiagnosticKind.UNKNOWN_VALUE;
import static org.sipredundancy.core.config.DiagnosticKind.VALUE_TOO_LONG;

/**
 * Every parameter of the seed: its default, its lowest and highest value, one below and one above, and text that is
 * not a number (or the equivalents for text), with what is permitted taken from the seed's own wording
 * ({@link SeedTable}), never from the production table.
 */
class ParameterValuesTest
{
    private static final int X = 2;
    private static final int Y = 2;
    private static final int LEGACY_FIRMWARE = 80;
    private static final int NEWEST_FIRMWARE = 83;

    /**
     * One value written for one parameter.
     *
     * @param label    what the case checks.
     * @param written  the value written, or null for no line at all.
     * @param expected the effective value (Long or String), or null for "no such DNS record".
     * @param kinds    the diagnostics expected, in order.
     */
    record Case(String label, String written, Object expected, List<DiagnosticKind> kinds)
    {
    }

    static Stream<Arguments> cases()
    {
        final List<Arguments> all = new ArrayList<>();
        for (final SeedTable.Row row : SeedTable.ROWS)
        {
            for (final Case c : casesFor(row))
            {
                all.add(Arguments.of(row.key() + ": " + c.label(), row, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "R-CFG-2 R-CFG-3 R-CFG-4 {0}")
    @MethodSource("cases")
    @DisplayName("R-CFG-2 R-CFG-3 R-CFG-4 every parameter takes exactly the seed's values, and the default otherwise")
    void shouldTakePermittedValuesAndDiagnoseOthers(final String name, final SeedTable.Row row, final Case c)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(companions(row));
        final String key = row.key(X, Y);
        if (null != c.written())
        {
            lines.add(key + " = " + c.written());
        }
        final int firmware = row.gate() == SeedTable.Gate.LEGACY ? LEGACY_FIRMWARE : NEWEST_FIRMWARE;

        final ParseResult result = ConfigLoader.parseText(ConfigFixtures.file(lines), "values.cfg", T46G, firmware);

        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactlyElementsOf(c.kinds());
        assertThat(row.read(result.config(), X, Y)).isEqualTo(c.expected());
        assertThat(result.usable()).isTrue();
        for (final Diagnostic diagnostic : result.diagnostics())
        {
            final boolean aboutRecord = diagnostic.kind() == INCOMPLETE_DNS_RECORD ||
                diagnostic.kind() == INVALID_DNS_RECORD;
            if (diagnostic.key().equals(key) && !aboutRecord)
            {
                final String shown = c.written().length() <= 200 ? c.written() : c.written().substring(0, 200);
                assertThat(diagnostic.line()).isEqualTo(lines.size());
                assertThat(diagnostic.value()).startsWith(shown);
                assertThat(diagnostic.permitted()).isNotEmpty();
                assertThat(diagnostic.usedInstead()).isNotEmpty();
                assertThat(diagnostic.message()).contains(key);
            }
        }
    }

    private static List<Case> casesFor(final SeedTable.Row row)
    {
        final SeedTable.Permitted permitted = SeedTable.permitted(row);
        switch (permitted.form())
        {
            case CHOICE:
            case INTEGER:
            case FAILBACK_TIMEOUT:
                return numberCases(row, permitted);
            case TEXT:
                return textCases(row, permitted);
            case HOST:
                return List.of(
                    accepted("default", null, ""),
                    accepted("empty value means default", "", ""),
                    accepted("an IP address", "10.1.8.11", "10.1.8.11"),
                    accepted("a domain name", "proxy.example.com", "proxy.example.com"),
                    accepted("an IPv6 literal", "[2001:db8::1]", "[2001:db8::1]"),
                    rejected("not a host name", "not a host", "", BAD_HOST_NAME));
            case DOMAIN:
                return recordAware(row, List.of(
                    accepted("default", null, ""),
                    accepted("a domain name", "_sip._tcp.example.com", "_sip._tcp.example.com"),
                    accepted("a 63-character label", "a".repeat(63) + ".com", "a".repeat(63) + ".com"),
                    rejected("a 64-character label", "a".repeat(64) + ".com", "", BAD_HOST_NAME),
                    rejected("not a domain name", "not a domain", "", BAD_HOST_NAME)));
            case NAPTR_FLAG:
            default:
                return List.of(
                    accepted("default", null, ""),
                    accepted("S", "S", "S"),
                    accepted("A", "A", "A"),
                    accepted("U", "U", "U"),
                    accepted("P", "P", "P"),
                    accepted("lower case s is S", "s", "S"),
                    rejected("X is not a flag", "X", "", UNKNOWN_VALUE),
                    rejected("two flags", "SA", "", UNKNOWN_VALUE));
        }
    }

    private static List<Case> numberCases(final SeedTable.Row row, final SeedTable.Permitted permitted)
    {
        final long min = permitted.min();
        final long max = permitted.max();
        final Long deflt = expectedDefault(row);
        final List<Case> cases = new ArrayList<>();
        cases.add(accepted("default " + row.deflt(), null, deflt));
        cases.add(accepted("empty value means default", "", deflt));
        cases.add(accepted("lowest " + min, Long.toString(min), min));
        cases.add(accepted("highest " + max, Long.toString(max), max));
        if (permitted.inherit())
        {
            cases.add(accepted("one below: -1 inherits", "-1", deflt));
            cases.add(rejected("below -1", "-2", deflt, NEGATIVE_NUMBER));
        }
        else
        {
            cases.add(rejected("one below " + (min - 1), Long.toString(min - 1), deflt,
                min - 1 < 0 ? NEGATIVE_NUMBER : OUT_OF_RANGE));
        }
        cases.add(rejected("one above " + (max + 1), Long.toString(max + 1), deflt,
            permitted.form() == SeedTable.Form.CHOICE ? UNKNOWN_VALUE : OUT_OF_RANGE));
        cases.add(rejected("not a number", "abc", deflt, NOT_A_NUMBER));
        cases.add(rejected("a number with a unit", "3600s", deflt, NOT_A_NUMBER));
        cases.add(rejected("beyond a 64-bit integer", "99999999999999999999", deflt, NUMBER_TOO_LARGE));
        cases.add(rejected("far below a 64-bit integer", "-99999999999999999999", deflt, NUMBER_TOO_LARGE));
        if (permitted.form() == SeedTable.Form.FAILBACK_TIMEOUT)
        {
            cases.add(new Case("1 means 60", "1", 60L, List.of(FAILBACK_TIMEOUT_RAISED)));
            cases.add(new Case("59 means 60", "59", 60L, List.of(FAILBACK_TIMEOUT_RAISED)));
            cases.add(accepted("60", "60", 60L));
        }
        return cases;
    }

    private static List<Case> textCases(final SeedTable.Row row, final SeedTable.Permitted permitted)
    {
        if (row.key().equals("dns_cache_a.X.ip"))
        {
            return recordAware(row, List.of(
                accepted("default", null, ""),
                accepted("an IPv4 address", "192.0.2.7", "192.0.2.7"),
                new Case("a string that is no IPv4 address", "server.example.com", null, List.of(INVALID_DNS_RECORD))));
        }
        final List<Case> cases = new ArrayList<>();
        cases.add(accepted("default", null, ""));
        cases.add(accepted("empty value means default", "", ""));
        cases.add(accepted("text with spaces", "Front desk 4605", "Front desk 4605"));
        cases.add(accepted("trimmed", "  4605\t", "4605"));
        cases.add(accepted("an equals sign inside", "a=b", "a=b"));
        cases.add(accepted("non-ASCII text", "Empfang Zürich", "Empfang Zürich"));
        if (permitted.max() < Integer.MAX_VALUE)
        {
            final int max = (int)permitted.max();
            cases.add(accepted("longest: " + max + " characters", "a".repeat(max), "a".repeat(max)));
            cases.add(rejected("one longer: " + (max + 1) + " characters", "a".repeat(max + 1), "", VALUE_TOO_LONG));
        }
        else
        {
            cases.add(accepted("1000 characters", "a".repeat(1000), "a".repeat(1000)));
        }
        return recordAware(row, cases);
    }

    /**
     * A DNS record without one of its key fields is not kept: where a case leaves such a field blank, expect no
     * record and a diagnostic saying so.
     */
    private static List<Case> recordAware(final SeedTable.Row row, final List<Case> cases)
    {
        if (!SeedTable.RECORD_KEYS.contains(row.key()))
        {
            return cases;
        }
        final List<Case> adjusted = new ArrayList<>();
        for (final Case c : cases)
        {
            if ("".equals(c.expected()))
            {
                final List<DiagnosticKind> kinds = new ArrayList<>(c.kinds());
                kinds.add(INCOMPLETE_DNS_RECORD);
                adjusted.add(new Case(c.label() + " (record not kept)", c.written(), null, kinds));
            }
            else
            {
                adjusted.add(c);
            }
        }
        return adjusted;
    }

    /**
     * The other fields a DNS record needs to be kept, so that the value under test can be seen.
     */
    private static List<String> companions(final SeedTable.Row row)
    {
        final List<String> all;
        if (row.key().startsWith("dns_cache_a."))
        {
            all = List.of("dns_cache_a.2.name = host.example.com", "dns_cache_a.2.ip = 192.0.2.1");
        }
        else if (row.key().startsWith("dns_cache_srv."))
        {
            all = List.of("dns_cache_srv.2.name = _sip._udp.example.com", "dns_cache_srv.2.target = host.example.com");
        }
        else if (row.key().startsWith("dns_cache_naptr."))
        {
            all = List.of("dns_cache_naptr.2.name = example.com", "dns_cache_naptr.2.replace = _sip._udp.example.com");
        }
        else
        {
            all = List.of();
        }
        final List<String> others = new ArrayList<>();
        for (final String line : all)
        {
            if (!line.startsWith(row.key(X, Y) + " "))
            {
                others.add(line);
            }
        }
        return others;
    }

    /**
     * @return the seed's default; for -1, the default of the same-named sip_server parameter it inherits.
     */
    private static Long expectedDefault(final SeedTable.Row row)
    {
        if (row.inherits())
        {
            final String sameName = "account.X.sip_server.Y." + row.suffixAfter("account.X.outbound_proxy.Y.");
            return Long.parseLong(SeedTable.row(sameName).deflt());
        }
        return Long.parseLong(row.deflt());
    }

    private static Case accepted(final String label, final String written, final Object expected)
    {
        return new Case(label, written, expected, List.of());
    }

    private static Case rejected(
        final String label, final String written, final Object expected, final DiagnosticKind kind)
    {
        return new Case(label, written, expected, List.of(kind));
    }
}
