package org.sipredundancy.profiles.yealink;

import org.sipredundancy.profiles.FixedHardwareProfile;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.HardwareProfileProvider;

import java.util.List;

/**
 * The 29 Yealink models the seed document covers (R-PRO-1, R-PRO-2, R-PRO-3), offered to the
 * {@link org.sipredundancy.profiles.ProfileRegistry} through {@link java.util.ServiceLoader} like any plugin.
 * <p>
 * Account counts come from the seed's "X ranges from" lists, minimum firmware from the lists at its top. The four
 * DECT base stations are marked as such and carry no further limit, since the seed names none. SIP-T58V, SIP-T58A,
 * SIP-T56A and CP960 are marked as reading {@code outbound_proxy.Y.*} on every firmware, as the seed's notes on
 * {@code outbound_host} say. Aliases are the short forms the seed itself writes ({@code T58A}, {@code VP-T49G}),
 * plus {@code T21 E2} and {@code T19 E2} for the variants without PoE that Yealink's {@code (P)} folds into one
 * entry.
 */
public final class YealinkProfiles implements HardwareProfileProvider
{
    private static final int FIRMWARE_80 = 80;
    private static final int FIRMWARE_81 = 81;
    private static final int FIRMWARE_83 = 83;

    private static final List<HardwareProfile> PROFILES = List.of(
        indexedProxyPhone("SIP-T58V", 16, FIRMWARE_80, "T58V"),
        indexedProxyPhone("SIP-T58A", 16, FIRMWARE_80, "T58A"),
        indexedProxyPhone("SIP-T56A", 16, FIRMWARE_80, "T56A"),
        phone("SIP VP-T49G", 16, FIRMWARE_80, "VP-T49G"),
        phone("SIP-T54S", 16, FIRMWARE_81, "T54S"),
        phone("SIP-T48G", 16, FIRMWARE_80, "T48G"),
        phone("SIP-T48S", 16, FIRMWARE_81, "T48S"),
        phone("SIP-T46G", 16, FIRMWARE_80, "T46G"),
        phone("SIP-T46S", 16, FIRMWARE_81, "T46S"),
        phone("SIP-T29G", 16, FIRMWARE_80, "T29G"),

        phone("SIP-T52S", 12, FIRMWARE_81, "T52S"),
        phone("SIP-T42G", 12, FIRMWARE_80, "T42G"),
        phone("SIP-T42S", 12, FIRMWARE_81, "T42S"),

        dectBaseStation("W53P", 8, FIRMWARE_83),
        dectBaseStation("W60P", 8, FIRMWARE_81),

        phone("SIP-T41P", 6, FIRMWARE_80, "T41P"),
        phone("SIP-T41S", 6, FIRMWARE_81, "T41S"),
        phone("SIP-T27G", 6, FIRMWARE_81, "T27G"),

        dectBaseStation("W52P", 5, FIRMWARE_81),
        dectBaseStation("W56P", 5, FIRMWARE_80),

        phone("SIP-T40P", 3, FIRMWARE_80, "T40P"),
        phone("SIP-T40G", 3, FIRMWARE_81, "T40G"),
        phone("SIP-T23P", 3, FIRMWARE_80, "T23P"),
        phone("SIP-T23G", 3, FIRMWARE_80, "T23G"),

        phone("SIP-T21(P) E2", 2, FIRMWARE_80, "T21(P) E2", "T21P E2", "T21 E2"),

        phone("SIP-T19(P) E2", 1, FIRMWARE_80, "T19(P) E2", "T19P E2", "T19 E2"),
        phone("CP860", 1, FIRMWARE_80),
        phone("CP920", 1, FIRMWARE_81),
        indexedProxyPhone("CP960", 1, FIRMWARE_80));

    /**
     * Made by {@link java.util.ServiceLoader}, which needs a public no-argument constructor.
     */
    public YealinkProfiles()
    {
    }

    /**
     * The built-in Yealink models, in the order the seed groups them by account count.
     *
     * @return the 29 profiles, unmodifiable.
     */
    @Override
    public List<HardwareProfile> profiles()
    {
        return PROFILES;
    }

    private static HardwareProfile phone(
        final String modelId, final int accountCount, final int minimumFirmware, final String... aliases)
    {
        return new FixedHardwareProfile(modelId, List.of(aliases), accountCount, minimumFirmware, false, false);
    }

    private static HardwareProfile indexedProxyPhone(
        final String modelId, final int accountCount, final int minimumFirmware, final String... aliases)
    {
        return new FixedHardwareProfile(modelId, List.of(aliases), accountCount, minimumFirmware, false, true);
    }

    private static HardwareProfile dectBaseStation(
        final String modelId, final int accountCount, final int minimumFirmware)
    {
        return new FixedHardwareProfile(modelId, List.of(), accountCount, minimumFirmware, true, false);
    }
}
