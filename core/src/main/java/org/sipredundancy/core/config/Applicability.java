package org.sipredundancy.core.config;

import org.sipredundancy.profiles.HardwareProfile;

/**
 * Which models and firmware read a parameter (R-CFG-6), as the seed's notes say. A parameter that does not apply is
 * reported and ignored, as a real phone of that model and firmware would ignore it.
 */
public enum Applicability
{
    /** Every model the seed covers, on every firmware it covers. */
    ALWAYS("every model and firmware"),
    /**
     * The legacy {@code outbound_host}/{@code backup_outbound_host} pair: firmware 80 or older, and never on the
     * models that always read {@code outbound_proxy.Y.*} (SIP-T58V, SIP-T58A, SIP-T56A, CP960).
     */
    LEGACY_OUTBOUND_PROXY("firmware 80 or older, on a model other than SIP-T58V, SIP-T58A, SIP-T56A and CP960"),
    /**
     * {@code outbound_proxy.Y.address} and {@code .port}: SIP-T58V, SIP-T58A, SIP-T56A and CP960 on any firmware,
     * every other model on firmware 81 or later.
     */
    INDEXED_OUTBOUND_PROXY("firmware 81 or later, or a SIP-T58V, SIP-T58A, SIP-T56A or CP960 on any firmware"),
    /** Firmware 81 or later. */
    FIRMWARE_81("firmware 81 or later"),
    /** Firmware 82 or later. */
    FIRMWARE_82("firmware 82 or later");

    private static final int LAST_LEGACY_FIRMWARE = 80;
    private static final int FIRMWARE_81_VERSION = 81;
    private static final int FIRMWARE_82_VERSION = 82;

    private final String requirement;

    Applicability(final String requirement)
    {
        this.requirement = requirement;
    }

    /**
     * Whether a phone of the model running the firmware reads the parameter.
     *
     * @param profile  the model.
     * @param firmware the firmware major version, e.g. 82.
     * @return true when the parameter applies.
     */
    public boolean appliesTo(final HardwareProfile profile, final int firmware)
    {
        switch (this)
        {
            case LEGACY_OUTBOUND_PROXY:
                return firmware <= LAST_LEGACY_FIRMWARE && !profile.alwaysUsesIndexedOutboundProxy();
            case INDEXED_OUTBOUND_PROXY:
                return firmware >= FIRMWARE_81_VERSION || profile.alwaysUsesIndexedOutboundProxy();
            case FIRMWARE_81:
                return firmware >= FIRMWARE_81_VERSION;
            case FIRMWARE_82:
                return firmware >= FIRMWARE_82_VERSION;
            case ALWAYS:
            default:
                return true;
        }
    }

    /**
     * What a phone needs for the parameter to apply, for a diagnostic and for the documentation.
     *
     * @return e.g. {@code firmware 82 or later}.
     */
    public String requirement()
    {
        return requirement;
    }
}
