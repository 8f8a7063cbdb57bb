package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sipredundancy.profiles.HardwareProfile;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;
import static org.sipredundancy.core.config.ConfigFixtures.parseWithHeader;
import static org.sipredundancy.core.config.ConfigFixtures.summary;

class IndexRangeTest
{
    static List<HardwareProfile> models()
    {
        return ConfigFixtures.REGISTRY.all();
    }

    @Test
    @DisplayName("R-CFG-5 R-PRO-1 the registry holds the seed's 29 models")
    void shouldCoverEveryModel()
    {
        assertThat(models()).hasSize(29);
    }

    @ParameterizedTest(name = "R-CFG-5 R-PRO-1 {0}: account 1 and the last account apply, one past the last does not")
    @MethodSource("models")
    @DisplayName("R-CFG-5 R-PRO-1 every model's account range: first, last, one past the last")
    void shouldBoundAccountsByModel(final HardwareProfile profile)
    {
        final int last = profile.accountCount();
        final ParseResult result = parseWithHeader(profile, profile.defaultFirmware(),
            "account.1.enable = 1",
            "account." + last + ".sip_server.2.address = last.example.com",
            "account." + (last + 1) + ".enable = 1",
            "account." + (last + 1) + ".sip_server.1.address = beyond.example.com");

        assertThat(result.config().accounts()).hasSize(last);
        assertThat(result.config().account(1).enabled()).isTrue();
        assertThat(result.config().account(last).sipServer(2).address()).isEqualTo("last.example.com");
        assertThat(summary(result)).containsExactly(
            "ERROR 4 account." + (last + 1) + ".enable",
            "ERROR 5 account." + (last + 1) + ".sip_server.1.address");
        assertThat(result.diagnostics().get(0).message())
            .contains("account index " + (last + 1) + " is outside 1 to " + last + " on " + profile.modelId());
        assertThat(result.diagnostics().get(0).permitted()).isEqualTo("X from 1 to " + last);
        assertThat(result.usable()).isTrue();
    }

    @ParameterizedTest(name = "R-CFG-3 R-CFG-5 {0} is a bad index; the line is ignored")
    @ValueSource(strings = {
        "account.0.enable",
        "account.X.enable",
        "account.x.enable",
        "account.17.enable",
        "account.-1.enable",
        "account.99999999999999999999.enable",
        "account..enable",
        "account.1.sip_server.0.port",
        "account.1.sip_server.3.port",
        "account.1.sip_server.Y.port",
        "account.X.sip_server.Y.port",
        "account.1.outbound_proxy.3.address",
        "account.1.outbound_proxy.Y.retry_counts",
        "dns_cache_a.0.name",
        "dns_cache_a.13.name",
        "dns_cache_a.X.name",
        "dns_cache_srv.13.target",
        "dns_cache_naptr.13.replace",
    })
    @DisplayName("R-CFG-3 R-CFG-5 a key whose X or Y is out of range or a placeholder is diagnosed and ignored")
    void shouldDiagnoseBadIndex(final String key)
    {
        final ParseResult result = parseWithHeader(T46G, 83, key + " = 1");

        assertThat(result.diagnostics()).singleElement().satisfies(d ->
        {
            assertThat(d.kind()).isEqualTo(DiagnosticKind.BAD_INDEX);
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.key()).isEqualTo(key);
            assertThat(d.value()).isEqualTo("1");
            assertThat(d.usedInstead()).isEqualTo("line ignored");
            assertThat(d.permitted()).matches("[XY] from 1 to \\d+");
        });
        assertThat(result.config()).isEqualTo(ConfigLoader.defaults(T46G, 83));
        assertThat(result.writtenSettings()).isEmpty();
    }

    @Test
    @DisplayName("R-CFG-5 dns_cache_*.X ranges from 1 to 12 on every model, even a one-account model")
    void shouldAcceptTwelveDnsRecords()
    {
        final HardwareProfile cp960 = ConfigFixtures.model("CP960");
        final ParseResult result = parseWithHeader(cp960, 83,
            "dns_cache_a.1.name = one.example.com", "dns_cache_a.1.ip = 192.0.2.1",
            "dns_cache_a.12.name = twelve.example.com", "dns_cache_a.12.ip = 192.0.2.12",
            "dns_cache_srv.12.name = _sip._udp.example.com", "dns_cache_srv.12.target = twelve.example.com",
            "dns_cache_naptr.12.name = example.com", "dns_cache_naptr.12.replace = _sip._udp.example.com");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.config().staticDnsCache().aRecords()).extracting(DnsARecord::index).containsExactly(1, 12);
        assertThat(result.config().staticDnsCache().srvRecords()).extracting(DnsSrvRecord::index).containsExactly(12);
        assertThat(result.config().staticDnsCache().naptrRecords()).extracting(DnsNaptrRecord::index)
            .containsExactly(12);
    }

    @Test
    @DisplayName("R-CFG-5 the placeholder diagnostic says what X and Y stand for")
    void shouldExplainPlaceholders()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.X.enable = 1", "account.1.sip_server.Y.port = 0");

        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
            "account.X.enable: 'X' is the documentation's placeholder for the account index; write a number from " +
                "1 to 16; line ignored",
            "account.1.sip_server.Y.port: 'Y' is the documentation's placeholder for the sip_server index; write a " +
                "number from 1 to 2; line ignored");
    }
}
