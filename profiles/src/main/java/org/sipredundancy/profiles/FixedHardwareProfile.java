package org.sipredundancy.profiles;

import java.util.List;
import java.util.Objects;

/**
 * A hardware profile whose facts are fixed when it is built, which is all a model listed in a document needs.
 * Immutable and thread safe.
 */
public final class FixedHardwareProfile implements HardwareProfile
{
    private final String modelId;
    private final List<String> aliases;
    private final int accountCount;
    private final int minimumFirmware;
    private final boolean dectBaseStation;
    private final boolean alwaysUsesIndexedOutboundProxy;

    /**
     * Build a profile, refusing facts no phone can have, so that a bad plugin fails at start rather than later.
     *
     * @param modelId                        canonical model id as Yealink writes it, not blank.
     * @param aliases                        other spellings, copied.
     * @param accountCount                   the X range of {@code account.X}, at least 1.
     * @param minimumFirmware                oldest supported firmware major version, not negative.
     * @param dectBaseStation                whether the model is a DECT base station.
     * @param alwaysUsesIndexedOutboundProxy whether {@code outbound_proxy.Y.*} applies on every firmware.
     * @throws IllegalArgumentException when a fact is out of range.
     */
    public FixedHardwareProfile(
        final String modelId,
        final List<String> aliases,
        final int accountCount,
        final int minimumFirmware,
        final boolean dectBaseStation,
        final boolean alwaysUsesIndexedOutboundProxy)
    {
        Objects.requireNonNull(modelId, "modelId");
        if (modelId.isBlank())
        {
            throw new IllegalArgumentException("model id is blank");
        }
        if (accountCount < 1)
        {
            throw new IllegalArgumentException(modelId + ": account count " + accountCount + " is below 1");
        }
        if (minimumFirmware < 0)
        {
            throw new IllegalArgumentException(modelId + ": minimum firmware " + minimumFirmware + " is negative");
        }
        this.modelId = modelId;
        this.aliases = List.copyOf(aliases);
        this.accountCount = accountCount;
        this.minimumFirmware = minimumFirmware;
        this.dectBaseStation = dectBaseStation;
        this.alwaysUsesIndexedOutboundProxy = alwaysUsesIndexedOutboundProxy;
    }

    @Override
    public String modelId()
    {
        return modelId;
    }

    @Override
    public List<String> aliases()
    {
        return aliases;
    }

    @Override
    public int accountCount()
    {
        return accountCount;
    }

    @Override
    public int minimumFirmware()
    {
        return minimumFirmware;
    }

    @Override
    public boolean isDectBaseStation()
    {
        return dectBaseStation;
    }

    @Override
    public boolean alwaysUsesIndexedOutboundProxy()
    {
        return alwaysUsesIndexedOutboundProxy;
    }

    @Override
    public String toString()
    {
        return modelId + " (" + accountCount + " accounts, firmware " + minimumFirmware + " or later" +
            (dectBaseStation ? ", DECT base station" : "") + ")";
    }
}
