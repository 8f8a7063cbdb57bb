package org.sipredundancy.core.dns;

/**
 * Told when a {@link ServerLocator} has finished, so the account can start registering without polling. Called on
 * the duty cycle thread, possibly from inside {@link ServerLocator#resolve}; it may start another resolution.
 */
@FunctionalInterface
public interface ResolutionHandler
{
    /**
     * The locator has finished; its {@link ServerLocator#candidates()} and {@link ServerLocator#outcome()} are
     * final until it is asked again.
     *
     * @param locator the locator that finished.
     */
    void onResolved(ServerLocator locator);
}
