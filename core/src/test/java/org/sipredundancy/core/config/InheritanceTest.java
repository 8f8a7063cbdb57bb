package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;
import static org.sipredundancy.core.config.ConfigFixtures.parseWithHeader;

class InheritanceTest
{
    /**
     * Each outbound_proxy.Y.* parameter the seed gives default -1, with a value for the sip_server.Y.* parameter of
     * the same name and a different explicit value for the proxy (both permitted by the seed).
     */
    static Stream<Arguments> inheritedParameters()
    {
        final List<Arguments> all = new ArrayList<>();
        final String[][] values = {
            { "retry_counts", "7", "11" },
            { "register_on_enable", "1", "0" },
            { "only_signal_with_registered", "1", "0" },
            { "invite_retry_counts", "5", "9" },
            { "failback_mode", "3", "2" },
            { "failback_timeout", "120", "0" },
            { "failback_subscribe.enable", "1", "0" },
        };
        for (final String[] v : values)
        {
            for (int y = 1; y <= 2; y++)
            {
                all.add(Arguments.of(v[0], y, v[1], v[2]));
            }
        }
        return all.stream();
    }

    @Test
    @DisplayName("R-CFG-4 the seed lists exactly seven outbound_proxy.Y.* parameters that inherit with -1")
    void shouldCoverEveryInheritingParameter()
    {
        final long inheriting = SeedTable.ROWS.stream().filter(SeedTable.Row::inherits).count();
        assertThat(inheritedParameters().map(a -> a.get()[0]).distinct().count()).isEqualTo(inheriting).isEqualTo(7);
    }

    @ParameterizedTest(name = "R-CFG-4 outbound_proxy.{1}.{0} inherits sip_server.{1}.{0} when absent or -1")
    @MethodSource("inheritedParameters")
    @DisplayName("R-CFG-4 an absent or -1 outbound proxy parameter takes the same-named SIP server value")
    void shouldInheritSameNamedServerValue(
        final String name, final int y, final String serverValue, final String proxyValue)
    {
        final SeedTable.Row proxyRow = SeedTable.row("account.X.outbound_proxy.Y." + name);
        final String serverKey = "account.1.sip_server." + y + "." + name;
        final String proxyKey = "account.1.outbound_proxy." + y + "." + name;

        final ParseResult absent = parseWithHeader(T46G, 82, serverKey + " = " + serverValue);
        final ParseResult minusOne = parseWithHeader(T46G, 82, serverKey + " = " + serverValue, proxyKey + " = -1");
        final ParseResult reversed = parseWithHeader(T46G, 82, proxyKey + " = -1", serverKey + " = " + serverValue);

        assertThat(proxyRow.read(absent.config(), 1, y)).isEqualTo(Long.parseLong(serverValue));
        assertThat(proxyRow.read(minusOne.config(), 1, y)).isEqualTo(Long.parseLong(serverValue));
        assertThat(proxyRow.read(reversed.config(), 1, y)).isEqualTo(Long.parseLong(serverValue));
        assertThat(absent.diagnostics()).isEmpty();
        assertThat(minusOne.diagnostics()).isEmpty();
        assertThat(minusOne.written(proxyKey).orElseThrow().value()).as("the value as written is kept").isEqualTo("-1");
        final int other = 3 - y;
        assertThat(proxyRow.read(minusOne.config(), 1, other)).as("the other proxy inherits the other server")
            .isEqualTo(proxyRow.read(ConfigLoader.defaults(T46G, 82), 1, other));
    }

    @ParameterizedTest(name = "R-CFG-4 an explicit outbound_proxy.{1}.{0} wins over sip_server.{1}.{0}")
    @MethodSource("inheritedParameters")
    @DisplayName("R-CFG-4 an explicit outbound proxy value is used as written")
    void shouldUseExplicitProxyValue(
        final String name, final int y, final String serverValue, final String proxyValue)
    {
        final SeedTable.Row proxyRow = SeedTable.row("account.X.outbound_proxy.Y." + name);
        final SeedTable.Row serverRow = SeedTable.row("account.X.sip_server.Y." + name);

        final ParseResult result = parseWithHeader(T46G, 82,
            "account.1.sip_server." + y + "." + name + " = " + serverValue,
            "account.1.outbound_proxy." + y + "." + name + " = " + proxyValue);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(proxyRow.read(result.config(), 1, y)).isEqualTo(Long.parseLong(proxyValue));
        assertThat(serverRow.read(result.config(), 1, y)).isEqualTo(Long.parseLong(serverValue));
    }

    @ParameterizedTest(name = "R-CFG-4 R-CFG-6 on firmware 81 outbound_proxy.{1}.{0} is ignored and inherits")
    @MethodSource("inheritedParameters")
    @DisplayName("R-CFG-4 R-CFG-6 before firmware 82 an outbound proxy takes the SIP server values")
    void shouldInheritWhenProxyParameterDoesNotApply(
        final String name, final int y, final String serverValue, final String proxyValue)
    {
        final SeedTable.Row proxyRow = SeedTable.row("account.X.outbound_proxy.Y." + name);

        final ParseResult result = parseWithHeader(T46G, 81,
            "account.1.sip_server." + y + "." + name + " = " + serverValue,
            "account.1.outbound_proxy." + y + "." + name + " = " + proxyValue);

        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(DiagnosticKind.NOT_APPLICABLE);
        assertThat(proxyRow.read(result.config(), 1, y)).isEqualTo(Long.parseLong(serverValue));
    }

    @Test
    @DisplayName("R-CFG-4 failback_timeout 1 to 59 means 60 with a warning, for servers and proxies; 0 stays 0")
    void shouldRaiseShortFailbackTimeoutsTo60()
    {
        for (int seconds = 1; seconds <= 59; seconds++)
        {
            final ParseResult result = parseWithHeader(T46G, 82,
                "account.1.sip_server.1.failback_timeout = " + seconds,
                "account.1.outbound_proxy.2.failback_timeout = " + seconds,
                "account.1.sip_server.2.failback_timeout = 0");

            final AccountConfig account = result.config().account(1);
            assertThat(account.sipServer(1).failbackTimeoutS()).isEqualTo(60);
            assertThat(account.outboundProxy().proxy(2).failbackTimeoutS()).isEqualTo(60);
            assertThat(account.outboundProxy().proxy(1).failbackTimeoutS()).as("inherits the raised 60")
                .isEqualTo(60);
            assertThat(account.sipServer(2).failbackTimeoutS()).isZero();
            assertThat(result.diagnostics()).extracting(Diagnostic::kind, Diagnostic::severity, Diagnostic::line)
                .containsExactly(
                    tuple(DiagnosticKind.FAILBACK_TIMEOUT_RAISED, Severity.WARNING, 2),
                    tuple(DiagnosticKind.FAILBACK_TIMEOUT_RAISED, Severity.WARNING, 3));
            assertThat(result.written("account.1.sip_server.1.failback_timeout").orElseThrow().value())
                .as("the value as written is kept").isEqualTo(Integer.toString(seconds));
        }
    }
}
