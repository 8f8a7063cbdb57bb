package org.sipredundancy.profiles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The contract every {@link HardwareProfileProvider} keeps (JCTools' QueueSanityTest pattern): one abstract test,
 * one thin subclass per provider that supplies the provider and the table its models must match. The table is data
 * copied from the model's source document, never derived from the code under test. Each model shows in the report
 * as its own container of checks.
 */
public abstract class HardwareProfileConformanceTest
{
    /**
     * One row of the expected table.
     *
     * @param modelId         canonical model id as the source document writes it.
     * @param accountCount    the X range of account.X.
     * @param minimumFirmware oldest firmware major version.
     * @param dect            whether the model is a DECT base station.
     * @param indexedProxy    whether outbound_proxy.Y.* applies on every firmware.
     */
    public record Expected(String modelId, int accountCount, int minimumFirmware, boolean dect, boolean indexedProxy)
    {
    }

    /**
     * @return the provider under test, made fresh.
     */
    protected abstract HardwareProfileProvider provider();

    /**
     * @return the models the provider must list, copied from their source document.
     */
    protected abstract List<Expected> expectedModels();

    @Test
    @DisplayName("R-PRO-1 R-PRO-4 the provider lists exactly the models of its table, each once")
    void shouldListExactlyTheExpectedModels()
    {
        final List<String> listed = new ArrayList<>();
        for (final HardwareProfile profile : provider().profiles())
        {
            listed.add(profile.modelId());
        }
        final List<String> expected = new ArrayList<>();
        for (final Expected row : expectedModels())
        {
            expected.add(row.modelId());
        }

        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("R-PRO-4 the provider's models load into a registry without a clash")
    void shouldLoadIntoRegistryWithoutClash()
    {
        final ProfileRegistry registry = new ProfileRegistry(List.of(provider()));

        assertThat(registry.all()).hasSize(expectedModels().size());
    }

    @TestFactory
    @DisplayName("R-PRO-1 R-PRO-2 R-PRO-3 R-PRO-5 every model matches its table row")
    Stream<DynamicNode> everyModelMatchesItsRow()
    {
        final HardwareProfileProvider provider = provider();
        final List<HardwareProfile> profiles = provider.profiles();
        final ProfileRegistry registry = new ProfileRegistry(List.of(new FakeProvider(provider.name(), profiles)));
        return expectedModels().stream().map((row) -> modelChecks(provider.name(), profiles, registry, row));
    }

    private static DynamicContainer modelChecks(
        final String providerName,
        final List<HardwareProfile> profiles,
        final ProfileRegistry registry,
        final Expected row)
    {
        final Optional<HardwareProfile> listed = profileOf(profiles, row.modelId());
        if (listed.isEmpty())
        {
            return dynamicContainer(row.modelId(), Stream.of(dynamicTest("R-PRO-1 " + row.modelId() + " is listed",
                () -> fail(providerName + " does not list " + row.modelId()))));
        }
        final HardwareProfile profile = listed.get();
        final String id = row.modelId();
        final int expectedDefault = Math.max(HardwareProfile.DEFAULT_FIRMWARE, row.minimumFirmware());
        return dynamicContainer(id, Stream.of(
            dynamicTest("R-PRO-1 " + id + " has " + row.accountCount() + " accounts",
                () -> assertThat(profile.accountCount()).isEqualTo(row.accountCount())),
            dynamicTest("R-PRO-2 " + id + " needs firmware " + row.minimumFirmware() + " or later",
                () -> assertThat(profile.minimumFirmware()).isEqualTo(row.minimumFirmware())),
            dynamicTest("R-PRO-2 " + id + " defaults to firmware " + expectedDefault,
                () -> assertThat(profile.defaultFirmware()).isEqualTo(expectedDefault)),
            dynamicTest("R-PRO-2 " + id + " accepts its minimum firmware and refuses the one before",
                () -> shouldCheckFirmware(profile, row)),
            dynamicTest("R-PRO-3 " + id + (row.dect() ? " is" : " is not") + " a DECT base station",
                () -> assertThat(profile.isDectBaseStation()).isEqualTo(row.dect())),
            dynamicTest("R-CFG-6 " + id + (row.indexedProxy() ?
                " reads outbound_proxy.Y.* on every firmware" : " reads the legacy outbound_host up to firmware 80"),
                () -> assertThat(profile.alwaysUsesIndexedOutboundProxy()).isEqualTo(row.indexedProxy())),
            dynamicTest("R-PRO-5 " + id + " is found by its id and every alias",
                () -> shouldFindByEveryName(registry, profile))));
    }

    private static Optional<HardwareProfile> profileOf(final List<HardwareProfile> profiles, final String modelId)
    {
        for (final HardwareProfile profile : profiles)
        {
            if (profile.modelId().equals(modelId))
            {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    private static void shouldCheckFirmware(final HardwareProfile profile, final Expected row)
    {
        assertThat(FirmwareCheck.requireSupported(profile, row.minimumFirmware())).isEqualTo(row.minimumFirmware());
        assertThat(FirmwareCheck.isSupported(profile, row.minimumFirmware() - 1)).isFalse();
        assertThatThrownBy(() -> FirmwareCheck.requireSupported(profile, row.minimumFirmware() - 1))
            .isInstanceOf(UnsupportedFirmwareException.class)
            .hasMessageContaining(row.modelId())
            .hasMessageContaining("firmware " + (row.minimumFirmware() - 1))
            .hasMessageContaining("firmware " + row.minimumFirmware() + " or later");
    }

    private static void shouldFindByEveryName(final ProfileRegistry registry, final HardwareProfile profile)
    {
        final List<String> names = new ArrayList<>(profile.aliases());
        names.add(profile.modelId());
        for (final String name : names)
        {
            assertThat(registry.find(name).profile()).as(name).containsSame(profile);
        }
    }
}
