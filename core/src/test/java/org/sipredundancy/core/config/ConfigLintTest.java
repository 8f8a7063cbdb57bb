package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;
import static org.sipredundancy.core.config.ConfigFixtures.parseWithHeader;

class ConfigLintTest
{
    private static ParseResult fixture(final String name)
    {
        try (InputStream in = ConfigLintTest.class.getResourceAsStream("/config/" + name))
        {
            return ConfigLoader.parse(in, name, T46G, 82);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    @Test
    @DisplayName("R-CFG-8 R-CFG-9 the failover example needs no hint")
    void shouldFindNothingInFailoverExample()
    {
        assertThat(ConfigLint.hints(fixture("seed-failover-example.cfg"))).isEmpty();
    }

    @Test
    @DisplayName("R-CFG-8 R-CFG-9 example 1: transport DNS-NAPTR with an explicit port makes only an address query")
    void shouldFlagNaptrTransportWithPort()
    {
        assertThat(ConfigLint.hints(fixture("seed-static-dns-example-1.cfg")))
            .extracting(Diagnostic::kind, Diagnostic::line, Diagnostic::key)
            .containsExactly(tuple(DiagnosticKind.LINT_HINT, 3, "account.1.sip_server.1.transport_type"));
    }

    @Test
    @DisplayName("R-CFG-8 R-DNS-12 examples 2 and 3: _sip_tcp. is flagged as probably _sip._tcp.")
    void shouldFlagUnderscoreForDot()
    {
        assertThat(ConfigLint.hints(fixture("seed-static-dns-example-2.cfg")))
            .extracting(Diagnostic::line, Diagnostic::key, Diagnostic::value)
            .containsExactly(
                tuple(5, "dns_cache_srv.1.name", "_sip_tcp.yealink.pbx.com"),
                tuple(12, "dns_cache_srv.2.name", "_sip_tcp.yealink.pbx.com"));
        assertThat(ConfigLint.hints(fixture("seed-static-dns-example-2.cfg")).get(0).message())
            .contains("is probably meant as _sip._tcp.yealink.pbx.com");
        assertThat(ConfigLint.hints(fixture("seed-static-dns-example-3.cfg")))
            .extracting(Diagnostic::line, Diagnostic::key, Diagnostic::value)
            .containsExactly(
                tuple(9, "dns_cache_naptr.1.replace", "_sip_tcp.yealink.pbx.com"),
                tuple(17, "dns_cache_naptr.2.replace", "_sip_udp.yealink.pbx.com"));
    }

    @Test
    @DisplayName("R-CFG-8 failback_subscribe.enable with failback_mode 0, fallback.timeout with concurrent mode, "
        + "and a failback mode on an IP address are flagged")
    void shouldFlagSettingsWithoutEffect()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.1.sip_server.1.address = pbx.example.com",
            "account.1.sip_server.1.failback_subscribe.enable = 1",
            "account.1.fallback.timeout = 60",
            "account.1.sip_server.2.address = 192.168.1.15",
            "account.1.sip_server.2.failback_mode = 2",
            "account.2.fallback.redundancy_type = 1",
            "account.2.fallback.timeout = 60",
            "account.2.outbound_proxy_enable = 1",
            "account.2.outbound_proxy.1.address = proxy.example.com",
            "account.2.outbound_proxy.1.failback_subscribe.enable = 1");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(ConfigLint.hints(result)).extracting(Diagnostic::line, Diagnostic::key).containsExactly(
            tuple(3, "account.1.sip_server.1.failback_subscribe.enable"),
            tuple(6, "account.1.sip_server.2.failback_mode"),
            tuple(4, "account.1.fallback.timeout"),
            tuple(11, "account.2.outbound_proxy.1.failback_subscribe.enable"));
    }
}
