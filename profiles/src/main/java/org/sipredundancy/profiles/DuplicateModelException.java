package org.sipredundancy.profiles;

/**
 * Two profiles claim one model name (R-PRO-4): the registry cannot tell which one an administrator meant, so it
 * refuses to start and says which two profiles, from which two providers, collide.
 */
public final class DuplicateModelException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String firstModelId;
    private final String firstProvider;
    private final String secondModelId;
    private final String secondProvider;

    /**
     * Describe a clash.
     *
     * @param name           the name both claim, as the second profile wrote it.
     * @param firstModelId   model id of the profile that claimed the name first.
     * @param firstProvider  name of the provider of the first profile.
     * @param secondModelId  model id of the profile that claimed the name again.
     * @param secondProvider name of the provider of the second profile.
     */
    public DuplicateModelException(
        final String name,
        final String firstModelId,
        final String firstProvider,
        final String secondModelId,
        final String secondProvider)
    {
        super("model name '" + name + "' is claimed twice: by " + firstModelId + " from " + firstProvider +
            " and by " + secondModelId + " from " + secondProvider);
        this.name = name;
        this.firstModelId = firstModelId;
        this.firstProvider = firstProvider;
        this.secondModelId = secondModelId;
        this.secondProvider = secondProvider;
    }

    /**
     * @return the name both profiles claim, as the second wrote it.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return model id of the profile that claimed the name first.
     */
    public String firstModelId()
    {
        return firstModelId;
    }

    /**
     * @return name of the provider of the first profile.
     */
    public String firstProvider()
    {
        return firstProvider;
    }

    /**
     * @return model id of the profile that claimed the name again.
     */
    public String secondModelId()
    {
        return secondModelId;
    }

    /**
     * @return name of the provider of the second profile.
     */
    public String secondProvider()
    {
        return secondProvider;
    }
}
