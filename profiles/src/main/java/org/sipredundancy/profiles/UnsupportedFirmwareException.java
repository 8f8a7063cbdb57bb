package org.sipredundancy.profiles;

/**
 * A firmware older than the model's minimum was requested (R-PRO-2): the server redundancy parameters the core
 * implements do not exist on it, so running as that phone would promise behaviour the phone does not have.
 */
public final class UnsupportedFirmwareException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final String modelId;
    private final int requestedFirmware;
    private final int minimumFirmware;

    /**
     * Describe the refusal.
     *
     * @param modelId           the model asked for.
     * @param requestedFirmware the firmware major version asked for.
     * @param minimumFirmware   the oldest firmware major version the model supports.
     */
    public UnsupportedFirmwareException(final String modelId, final int requestedFirmware, final int minimumFirmware)
    {
        super(modelId + " needs firmware " + minimumFirmware + " or later; firmware " + requestedFirmware +
            " was requested");
        this.modelId = modelId;
        this.requestedFirmware = requestedFirmware;
        this.minimumFirmware = minimumFirmware;
    }

    /**
     * @return the model asked for.
     */
    public String modelId()
    {
        return modelId;
    }

    /**
     * @return the firmware major version asked for.
     */
    public int requestedFirmware()
    {
        return requestedFirmware;
    }

    /**
     * @return the oldest firmware major version the model supports.
     */
    public int minimumFirmware()
    {
        return minimumFirmware;
    }
}
