package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterTableTest
{
    private static final Map<SeedTable.Gate, Applicability> GATES = Map.of(
        SeedTable.Gate.ALWAYS, Applicability.ALWAYS,
        SeedTable.Gate.LEGACY, Applicability.LEGACY_OUTBOUND_PROXY,
        SeedTable.Gate.INDEXED, Applicability.INDEXED_OUTBOUND_PROXY,
        SeedTable.Gate.FIRMWARE_81, Applicability.FIRMWARE_81,
        SeedTable.Gate.FIRMWARE_82, Applicability.FIRMWARE_82);

    static List<SeedTable.Row> rows()
    {
        return SeedTable.ROWS;
    }

    @Test
    @DisplayName("R-CFG-2 the production table holds exactly the seed's parameters, no more, no fewer")
    void shouldHoldExactlyTheSeedParameters()
    {
        final List<String> seedKeys = SeedTable.ROWS.stream().map(SeedTable.Row::key).collect(Collectors.toList());
        final List<String> tableKeys = ParameterTable.all().stream().map(Parameter::keyPattern)
            .collect(Collectors.toList());

        assertThat(seedKeys).hasSize(53).doesNotHaveDuplicates();
        assertThat(tableKeys).containsExactlyInAnyOrderElementsOf(seedKeys);
    }

    @ParameterizedTest(name = "R-CFG-2 {0}: the seed's default and permitted values")
    @MethodSource("rows")
    @DisplayName("R-CFG-2 every parameter has exactly the seed's default and permitted values")
    void shouldMatchSeedDefaultAndPermittedValues(final SeedTable.Row row)
    {
        final Parameter parameter = ParameterTable.findByPattern(row.key());
        final SeedTable.Permitted permitted = SeedTable.permitted(row);
        final ValueRule rule = parameter.rule();

        assertThat(parameter.defaultText()).isEqualTo(SeedTable.defaultText(row));
        assertThat(rule.isInheritable()).isEqualTo(permitted.inherit());
        switch (permitted.form())
        {
            case CHOICE:
                assertThat(rule.kind()).isEqualTo(ValueRule.Kind.CHOICE);
                assertThat(rule.minimum()).isEqualTo(permitted.min());
                assertThat(rule.maximum()).isEqualTo(permitted.max());
                assertThat(rule.choices()).hasSize((int)permitted.max() + 1);
                break;
            case INTEGER:
                assertThat(rule.kind()).isEqualTo(ValueRule.Kind.INTEGER);
                assertThat(rule.minimum()).isEqualTo(permitted.min());
                assertThat(rule.maximum()).isEqualTo(permitted.max());
                break;
            case FAILBACK_TIMEOUT:
                assertThat(rule.kind()).isEqualTo(ValueRule.Kind.FAILBACK_TIMEOUT);
                assertThat(rule.minimum()).isZero();
                assertThat(rule.maximum()).isEqualTo(permitted.max());
                break;
            case TEXT:
                assertThat(rule.kind()).isEqualTo(ValueRule.Kind.TEXT);
                assertThat((long)rule.maxLength()).isEqualTo(permitted.max());
                break;
            case HOST:
                assertThat(rule.kind()).isEqualTo(ValueRule.Kind.HOST);
                break;
            case DOMAIN:
                assertThat(rule.kind()).isEqualTo(ValueRule.Kind.DOMAIN_NAME);
                break;
            case NAPTR_FLAG:
            default:
                assertThat(rule.kind()).isEqualTo(ValueRule.Kind.NAPTR_FLAG);
                break;
        }
    }

    @ParameterizedTest(name = "R-CFG-6 {0}: applies where the seed's note says")
    @MethodSource("rows")
    @DisplayName("R-CFG-6 every parameter applies where the seed's note says")
    void shouldMatchSeedApplicability(final SeedTable.Row row)
    {
        assertThat(ParameterTable.findByPattern(row.key()).applicability()).isEqualTo(GATES.get(row.gate()));
    }

    @Test
    @DisplayName("R-CFG-4 every outbound_proxy.Y.* parameter with default -1 inherits sip_server.Y.<same name>")
    void shouldInheritTheSameName()
    {
        for (final SeedTable.Row row : SeedTable.ROWS)
        {
            final Parameter parameter = ParameterTable.findByPattern(row.key());
            if (row.inherits())
            {
                final String sameName = "account.X.sip_server.Y." + row.suffixAfter("account.X.outbound_proxy.Y.");
                assertThat(parameter.inheritsFrom()).as(row.key()).isEqualTo(ParameterTable.findByPattern(sameName));
            }
            else
            {
                assertThat(parameter.inheritsFrom()).as(row.key()).isNull();
            }
        }
        assertThat(Parameter.OUTBOUND_PROXY_ONLY_SIGNAL_WITH_REGISTERED.inheritsFrom())
            .as("Decision: the seed's 'inherits retry_counts' is a slip")
            .isEqualTo(Parameter.SIP_SERVER_ONLY_SIGNAL_WITH_REGISTERED);
    }

    @Test
    @DisplayName("R-OBP-3 the legacy outbound_host/port keys are stored as outbound proxy 1, the backup ones as 2")
    void shouldStoreLegacyKeysAsProxies()
    {
        assertThat(Parameter.OUTBOUND_HOST.storedAs()).isEqualTo(Parameter.OUTBOUND_PROXY_ADDRESS);
        assertThat(Parameter.OUTBOUND_HOST.storedSlot(0)).isEqualTo(1);
        assertThat(Parameter.OUTBOUND_PORT.storedAs()).isEqualTo(Parameter.OUTBOUND_PROXY_PORT);
        assertThat(Parameter.OUTBOUND_PORT.storedSlot(0)).isEqualTo(1);
        assertThat(Parameter.BACKUP_OUTBOUND_HOST.storedAs()).isEqualTo(Parameter.OUTBOUND_PROXY_ADDRESS);
        assertThat(Parameter.BACKUP_OUTBOUND_HOST.storedSlot(0)).isEqualTo(2);
        assertThat(Parameter.BACKUP_OUTBOUND_PORT.storedAs()).isEqualTo(Parameter.OUTBOUND_PROXY_PORT);
        assertThat(Parameter.BACKUP_OUTBOUND_PORT.storedSlot(0)).isEqualTo(2);
        assertThat(Parameter.SIP_SERVER_PORT.storedAs()).isEqualTo(Parameter.SIP_SERVER_PORT);
    }

    @Test
    @DisplayName("R-CFG-2 the documentation is generated from the table: one row per parameter, with its meaning")
    void shouldDocumentEveryParameter()
    {
        final String markdown = ParameterTable.markdown();

        assertThat(markdown.lines()).hasSize(2 + SeedTable.ROWS.size());
        for (final Parameter parameter : ParameterTable.all())
        {
            assertThat(parameter.meaning()).isNotBlank();
            assertThat(markdown).contains("| `" + parameter.keyPattern() + "` | " + parameter.rule().permitted());
        }
        assertThat(markdown).contains("-1 (inherit account.X.sip_server.Y.retry_counts)");
    }
}
