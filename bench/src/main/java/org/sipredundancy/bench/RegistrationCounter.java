package org.sipredundancy.bench;

import org.sipredundancy.core.sip.registration.Registration;
import org.sipredundancy.core.sip.registration.RegistrationListener;

/**
 * The refresh benchmarks' listener: counts accepted registrations and stops the run on anything else, so a
 * benchmark that stops refreshing fails instead of measuring nothing.
 */
final class RegistrationCounter implements RegistrationListener
{
    private long registered;

    /**
     * @return registrations accepted so far.
     */
    long registered()
    {
        return registered;
    }

    /**
     * {@inheritDoc}
     */
    public void onRegistered(final Registration registration, final long grantedExpiresS, final long nowNs)
    {
        registered++;
    }

    /**
     * {@inheritDoc}
     */
    public void onRefreshDue(final Registration registration, final long nowNs)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onRegistrationFailed(
        final Registration registration, final int cause, final int statusCode, final long retryAfterS,
        final long nowNs)
    {
        throw new IllegalStateException("refresh failed: cause " + cause + ", status " + statusCode);
    }

    /**
     * {@inheritDoc}
     */
    public void onUnregistered(final Registration registration, final long nowNs)
    {
        throw new IllegalStateException("unregistered");
    }
}
