package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;

/**
 * The seed's own example blocks, copied exactly into {@code src/test/resources/config/}, read for the phone the seed's
 * web examples use (a SIP-T46G on firmware 82), each with its exact list of diagnostics.
 */
class SeedFixturesTest
{
    private static final int FIRMWARE = 82;

    private static ParseResult load(final String name)
    {
        try (InputStream in = SeedFixturesTest.class.getResourceAsStream("/config/" + name))
        {
            assertThat(in).as(name).isNotNull();
            return ConfigLoader.parse(in, name, T46G, FIRMWARE);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    @Test
    @DisplayName("R-CFG-9 R-CFG-5 the failover example loads; its literal outbound_proxy.Y lines are bad indexes")
    void shouldLoadFailoverExample()
    {
        final ParseResult result = load("seed-failover-example.cfg");

        assertThat(result.diagnostics()).extracting(Diagnostic::severity, Diagnostic::line, Diagnostic::key)
            .containsExactly(
                tuple(Severity.WARNING, 1, ""),
                tuple(Severity.ERROR, 16, "account.1.outbound_proxy.Y.retry_counts"),
                tuple(Severity.ERROR, 27, "account.1.outbound_proxy.Y.register_on_enable"),
                tuple(Severity.ERROR, 28, "account.1.outbound_proxy.Y.only_signal_with_registered"),
                tuple(Severity.ERROR, 29, "account.1.outbound_proxy.Y.invite_retry_counts"),
                tuple(Severity.ERROR, 30, "account.1.outbound_proxy.Y.failback_mode"),
                tuple(Severity.ERROR, 31, "account.1.outbound_proxy.Y.failback_timeout"),
                tuple(Severity.ERROR, 32, "account.1.outbound_proxy.Y.failback_subscribe.enable"));
        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(
            DiagnosticKind.MISSING_VERSION_HEADER,
            DiagnosticKind.BAD_INDEX, DiagnosticKind.BAD_INDEX, DiagnosticKind.BAD_INDEX, DiagnosticKind.BAD_INDEX,
            DiagnosticKind.BAD_INDEX, DiagnosticKind.BAD_INDEX, DiagnosticKind.BAD_INDEX);
        assertThat(result.usable()).isTrue();

        final AccountConfig account = result.config().account(1);
        assertThat(account.enabled()).isTrue();
        assertThat(account.label()).isEqualTo("4605");
        assertThat(account.authName()).isEqualTo("4605");
        assertThat(account.password()).isEqualTo("4605");
        final SipServerConfig server = account.sipServer(1);
        assertThat(server.address()).isEqualTo("yealink.pbx.com");
        assertThat(server.port()).isZero();
        assertThat(server.portFromDns()).isTrue();
        assertThat(server.transport()).isEqualTo(TransportType.DNS_NAPTR);
        assertThat(server.expiresS()).isEqualTo(3600);
        assertThat(server.retryCounts()).isEqualTo(3);
        assertThat(server.registerOnEnable()).isFalse();
        assertThat(server.onlySignalWithRegistered()).isTrue();
        assertThat(server.inviteRetryCounts()).isEqualTo(5);
        assertThat(server.failbackMode()).isEqualTo(FailbackMode.DURATION);
        assertThat(server.failbackTimeoutS()).isEqualTo(3600);
        assertThat(server.failbackSubscribe()).isTrue();

        final OutboundProxySettings proxies = account.outboundProxy();
        assertThat(proxies.enabled()).isTrue();
        final OutboundProxyConfig proxy = proxies.proxy(1);
        assertThat(proxy.address()).isEqualTo("yealink.pbx.com");
        assertThat(proxy.portFromDns()).isTrue();
        assertThat(proxy.retryCounts()).as("inherited, the Y line being ignored").isEqualTo(3);
        assertThat(proxy.inviteRetryCounts()).isEqualTo(5);
        assertThat(proxy.onlySignalWithRegistered()).isTrue();
        assertThat(proxy.failbackMode()).isEqualTo(FailbackMode.DURATION);
        assertThat(proxy.failbackTimeoutS()).isEqualTo(3600);
        assertThat(proxy.failbackSubscribe()).isTrue();
        assertThat(proxies.proxy(2).isConfigured()).isFalse();
        assertThat(account.sipServer(2).isConfigured()).isFalse();
        assertThat(result.config().account(2).enabled()).isFalse();
        assertThat(result.config().staticDnsCache().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("R-CFG-9 R-DNS-7 static DNS cache example 1 loads two A records")
    void shouldLoadStaticDnsExample1()
    {
        final ParseResult result = load("seed-static-dns-example-1.cfg");

        assertThat(result.diagnostics()).extracting(Diagnostic::severity, Diagnostic::line, Diagnostic::key)
            .containsExactly(tuple(Severity.WARNING, 1, ""));
        assertThat(result.usable()).isTrue();
        final SipServerConfig server = result.config().account(1).sipServer(1);
        assertThat(server.address()).isEqualTo("yealink.pbx.com");
        assertThat(server.port()).isEqualTo(5060);
        assertThat(server.transport()).isEqualTo(TransportType.DNS_NAPTR);
        assertThat(result.config().staticDnsCache().aRecords())
            .extracting(DnsARecord::index, DnsARecord::name, DnsARecord::ip, DnsARecord::ttlS)
            .containsExactly(
                tuple(1, "yealink.pbx.com", "192.168.1.13", 3600),
                tuple(2, "yealink.pbx.com", "192.168.1.14", 3600));
        assertThat(result.config().staticDnsCache().srvRecords()).isEmpty();
        assertThat(result.config().staticDnsCache().naptrRecords()).isEmpty();
    }

    @Test
    @DisplayName("R-CFG-9 R-DNS-7 R-DNS-12 static DNS cache example 2 loads two SRV records, names as written")
    void shouldLoadStaticDnsExample2()
    {
        final ParseResult result = load("seed-static-dns-example-2.cfg");

        assertThat(result.diagnostics()).extracting(Diagnostic::severity, Diagnostic::line, Diagnostic::key)
            .containsExactly(tuple(Severity.WARNING, 1, ""));
        assertThat(result.config().account(1).sipServer(1).portFromDns()).isTrue();
        assertThat(result.config().staticDnsCache().srvRecords())
            .extracting(DnsSrvRecord::index, DnsSrvRecord::name, DnsSrvRecord::port, DnsSrvRecord::priority,
                DnsSrvRecord::target, DnsSrvRecord::weight, DnsSrvRecord::ttlS)
            .containsExactly(
                tuple(1, "_sip_tcp.yealink.pbx.com", 5060, 0, "server1.yealink.pbx.com", 1, 3600),
                tuple(2, "_sip_tcp.yealink.pbx.com", 5060, 0, "server2.yealink.pbx.com", 2, 3600));
    }

    @Test
    @DisplayName("R-CFG-9 R-DNS-7 static DNS cache example 3 loads two NAPTR records, trailing spaces trimmed")
    void shouldLoadStaticDnsExample3()
    {
        final ParseResult result = load("seed-static-dns-example-3.cfg");

        assertThat(result.diagnostics()).extracting(Diagnostic::severity, Diagnostic::line, Diagnostic::key)
            .containsExactly(tuple(Severity.WARNING, 1, ""));
        assertThat(result.config().account(1).sipServer(1).transport()).isEqualTo(TransportType.DNS_NAPTR);
        assertThat(result.config().staticDnsCache().naptrRecords())
            .extracting(DnsNaptrRecord::index, DnsNaptrRecord::name, DnsNaptrRecord::flags, DnsNaptrRecord::order,
                DnsNaptrRecord::preference, DnsNaptrRecord::replacement, DnsNaptrRecord::service,
                DnsNaptrRecord::ttlS)
            .containsExactly(
                tuple(1, "yealink.pbx.com", "S", 90, 50, "_sip_tcp.yealink.pbx.com", "SIP+D2T", 3600),
                tuple(2, "yealink.pbx.com", "S", 100, 50, "_sip_udp.yealink.pbx.com", "SIP+D2U", 3600));
    }

    @Test
    @DisplayName("R-CFG-9 R-CFG-7 every fixture reads the same by path as by stream, and survives a round trip")
    void shouldReadFixturesByPathAndRoundTrip() throws URISyntaxException
    {
        for (final String name : List.of("seed-failover-example.cfg", "seed-static-dns-example-1.cfg",
            "seed-static-dns-example-2.cfg", "seed-static-dns-example-3.cfg"))
        {
            final Path path = Path.of(SeedFixturesTest.class.getResource("/config/" + name).toURI());
            final ParseResult byPath = ConfigLoader.parse(path, T46G, FIRMWARE);
            final ParseResult byStream = load(name);

            assertThat(byPath.config()).isEqualTo(byStream.config());
            assertThat(byPath.diagnostics()).extracting(Diagnostic::message)
                .containsExactlyElementsOf(byStream.diagnostics().stream().map(Diagnostic::message).toList());

            final String printed = new ConfigPrinter().withPasswords(true).print(byStream.config());
            final ParseResult reread = ConfigLoader.parseText(printed, "printed.cfg", T46G, FIRMWARE);
            assertThat(reread.diagnostics()).isEmpty();
            assertThat(reread.config()).isEqualTo(byStream.config());
        }
    }
}
