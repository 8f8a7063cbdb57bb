package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sipredundancy.profiles.HardwareProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;
import static org.sipredundancy.core.config.ConfigFixtures.parseWithHeader;
import static org.sipredundancy.core.config.ConfigFixtures.summary;

class ApplicabilityTest
{
    /** The four models the seed's notes except from the legacy keys. */
    private static final List<String> SPECIAL_MODELS = List.of("SIP-T58V", "SIP-T58A", "SIP-T56A", "CP960");

    /** A permitted value for each gated parameter, different from what applies when it is ignored. */
    private static final Map<String, String> VALUES = Map.ofEntries(
        entry("account.X.outbound_host", "legacy1.example.com"),
        entry("account.X.outbound_port", "5071"),
        entry("account.X.backup_outbound_host", "legacy2.example.com"),
        entry("account.X.backup_outbound_port", "5072"),
        entry("account.X.outbound_proxy.Y.address", "proxy.example.com"),
        entry("account.X.outbound_proxy.Y.port", "5070"),
        entry("account.X.sip_server.Y.only_signal_with_registered", "1"),
        entry("account.X.sip_server.Y.invite_retry_counts", "5"),
        entry("account.X.sip_server.Y.failback_subscribe.enable", "1"),
        entry("account.X.outbound_proxy.Y.retry_counts", "7"),
        entry("account.X.outbound_proxy.Y.register_on_enable", "1"),
        entry("account.X.outbound_proxy.Y.only_signal_with_registered", "1"),
        entry("account.X.outbound_proxy.Y.invite_retry_counts", "9"),
        entry("account.X.outbound_proxy.Y.failback_mode", "2"),
        entry("account.X.outbound_proxy.Y.failback_timeout", "120"),
        entry("account.X.outbound_proxy.Y.failback_subscribe.enable", "1"));

    static Stream<Arguments> gatedCases()
    {
        final List<Arguments> all = new ArrayList<>();
        final List<String> models = new ArrayList<>(SPECIAL_MODELS);
        models.add(0, "SIP-T46G");
        for (final String model : models)
        {
            for (int firmware = 80; firmware <= 83; firmware++)
            {
                for (final SeedTable.Row row : SeedTable.ROWS)
                {
                    if (row.gate() != SeedTable.Gate.ALWAYS)
                    {
                        all.add(Arguments.of(model, firmware, row));
                    }
                }
            }
        }
        return all.stream();
    }

    /**
     * What the seed's notes say, read by the test: legacy keys on firmware 80 or prior except the four models;
     * outbound_proxy.Y.address/port on the four models and on firmware 81 or later; the rest by firmware.
     */
    private static boolean seedSaysApplies(final SeedTable.Gate gate, final String model, final int firmware)
    {
        final boolean special = SPECIAL_MODELS.contains(model);
        switch (gate)
        {
            case LEGACY:
                return firmware <= 80 && !special;
            case INDEXED:
                return special || firmware >= 81;
            case FIRMWARE_81:
                return firmware >= 81;
            case FIRMWARE_82:
                return firmware >= 82;
            case ALWAYS:
            default:
                return true;
        }
    }

    @Test
    @DisplayName("R-CFG-6 R-PRO-1 the registry marks exactly SIP-T58V, SIP-T58A, SIP-T56A and CP960 as special")
    void shouldKnowTheFourSpecialModels()
    {
        assertThat(ConfigFixtures.REGISTRY.all().stream().filter(HardwareProfile::alwaysUsesIndexedOutboundProxy)
            .map(HardwareProfile::modelId)).containsExactlyInAnyOrderElementsOf(SPECIAL_MODELS);
    }

    @ParameterizedTest(name = "R-CFG-6 {0} firmware {1}: {2}")
    @MethodSource("gatedCases")
    @DisplayName("R-CFG-6 each gated parameter applies, or is reported and ignored, per model and firmware 80 to 83")
    void shouldGateByModelAndFirmware(final String model, final int firmware, final SeedTable.Row row)
    {
        final HardwareProfile profile = ConfigFixtures.model(model);
        final String key = row.key(1, 2);
        final String value = VALUES.get(row.key());

        final ParseResult result = parseWithHeader(profile, firmware, key + " = " + value);

        final Object effective = row.read(result.config(), 1, 2);
        if (seedSaysApplies(row.gate(), model, firmware))
        {
            assertThat(result.diagnostics()).isEmpty();
            assertThat(String.valueOf(effective)).isEqualTo(value);
            assertThat(result.written(key)).isPresent();
        }
        else
        {
            assertThat(summary(result)).containsExactly("WARNING 2 " + key);
            final Diagnostic diagnostic = result.diagnostics().get(0);
            assertThat(diagnostic.kind()).isEqualTo(DiagnosticKind.NOT_APPLICABLE);
            assertThat(diagnostic.message())
                .startsWith(key + " does not apply to " + model + " on firmware " + firmware + ": it needs ")
                .contains(diagnostic.permitted());
            assertThat(diagnostic.permitted()).contains("firmware 8");
            assertThat(effective).isEqualTo(row.read(ConfigLoader.defaults(profile, firmware), 1, 2));
            assertThat(result.written(key)).isEmpty();
        }
    }

    @Test
    @DisplayName("R-OBP-3 R-CFG-6 on firmware 80 outbound_host/port are proxy 1 and backup_outbound_host/port proxy 2")
    void shouldMapLegacyKeysToProxies()
    {
        final ParseResult result = parseWithHeader(T46G, 80,
            "account.3.outbound_proxy_enable = 1",
            "account.3.outbound_host = 10.1.8.11",
            "account.3.outbound_port = 5062",
            "account.3.backup_outbound_host = 10.1.8.12",
            "account.3.backup_outbound_port = 0");

        final OutboundProxySettings proxies = result.config().account(3).outboundProxy();
        assertThat(result.diagnostics()).isEmpty();
        assertThat(proxies.enabled()).isTrue();
        assertThat(proxies.proxy(1).address()).isEqualTo("10.1.8.11");
        assertThat(proxies.proxy(1).port()).isEqualTo(5062);
        assertThat(proxies.proxy(2).address()).isEqualTo("10.1.8.12");
        assertThat(proxies.proxy(2).portFromDns()).isTrue();
        assertThat(proxies.proxy(2).retryCounts()).as("firmware 80 proxies take the SIP server's values")
            .isEqualTo(result.config().account(3).sipServer(2).retryCounts());
    }

    @Test
    @DisplayName("R-CFG-6 R-OBP-3 a key that does not apply names the key that would set the same value")
    void shouldSuggestTheKeyThatApplies()
    {
        final ParseResult legacyOnNew = parseWithHeader(T46G, 82, "account.1.backup_outbound_host = 10.1.8.12");
        final ParseResult indexedOnOld = parseWithHeader(T46G, 80, "account.1.outbound_proxy.2.port = 5062");
        final ParseResult legacyOnSpecial = parseWithHeader(ConfigFixtures.model("T58V"), 80,
            "account.1.outbound_host = 10.1.8.11");

        assertThat(legacyOnNew.diagnostics().get(0).message()).isEqualTo(
            "account.1.backup_outbound_host does not apply to SIP-T46G on firmware 82: it needs firmware 80 or " +
            "older, on a model other than SIP-T58V, SIP-T58A, SIP-T56A and CP960; line ignored; write " +
            "account.1.outbound_proxy.2.address instead");
        assertThat(indexedOnOld.diagnostics().get(0).message()).endsWith(
            "; line ignored; write account.1.backup_outbound_port instead");
        assertThat(legacyOnSpecial.diagnostics().get(0).message()).endsWith(
            "; line ignored; write account.1.outbound_proxy.1.address instead");
    }

    @Test
    @DisplayName("R-PRO-2 R-CFG-3 a firmware below the model's minimum is a fatal error in FirmwareCheck's words")
    void shouldRefuseFirmwareBelowMinimum()
    {
        final ParseResult t46s = parseWithHeader(ConfigFixtures.model("T46S"), 80, "account.1.enable = 1");
        final ParseResult w53p = parseWithHeader(ConfigFixtures.model("W53P"), 82, "account.1.enable = 1");
        final ParseResult t46g = parseWithHeader(T46G, 80, "account.1.enable = 1");

        assertThat(t46s.usable()).isFalse();
        assertThat(t46s.outcome()).isEqualTo(LoadOutcome.LOADED);
        assertThat(t46s.diagnostics()).singleElement().satisfies(d ->
        {
            assertThat(d.kind()).isEqualTo(DiagnosticKind.UNSUPPORTED_FIRMWARE);
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.line()).isZero();
            assertThat(d.message()).isEqualTo("SIP-T46S needs firmware 81 or later; firmware 80 was requested");
        });
        assertThat(t46s.config().account(1).enabled()).as("the file is still read").isTrue();
        assertThat(w53p.usable()).isFalse();
        assertThat(w53p.diagnostics().get(0).message()).isEqualTo(
            "W53P needs firmware 83 or later; firmware 82 was requested");
        assertThat(t46g.usable()).isTrue();
    }
}
