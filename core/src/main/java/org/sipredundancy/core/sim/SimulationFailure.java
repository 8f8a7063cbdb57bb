package org.sipredundancy.core.sim;

/**
 * A simulation broke one of its own rules (an invariant, a livelock at one instant). The message always carries
 * the seed and the property that reproduces the run.
 */
public final class SimulationFailure extends AssertionError
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, with the seed.
     */
    public SimulationFailure(final String message)
    {
        super(message);
    }
}
