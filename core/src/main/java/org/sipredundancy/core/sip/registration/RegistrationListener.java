package org.sipredundancy.core.sip.registration;

/**
 * The owner of a {@link Registration} (the account's redundancy logic): told what became of each attempt and when
 * the next refresh is due, so that it can choose the server every REGISTER goes to (failback modes, R-FO-3).
 */
public interface RegistrationListener
{
    /**
     * The registrar accepted the binding.
     *
     * @param registration    the registration.
     * @param grantedExpiresS the expiry the registrar granted, in seconds.
     * @param nowNs           the duty cycle's time.
     */
    void onRegistered(Registration registration, long grantedExpiresS, long nowNs);

    /**
     * 90 % of the granted expiry has passed: the owner should call {@link Registration#register} again, on the
     * server its failback mode chooses.
     *
     * @param registration the registration.
     * @param nowNs        the duty cycle's time.
     */
    void onRefreshDue(Registration registration, long nowNs);

    /**
     * The attempt failed. A cause for which
     * {@link org.sipredundancy.core.sip.transaction.SipFailure#isServerFailure} holds means the server failed
     * (R-SIP-3) and the owner moves to the next candidate.
     *
     * @param registration the registration.
     * @param cause        a {@link org.sipredundancy.core.sip.transaction.SipFailure} constant.
     * @param statusCode   the final response's status code, or 0 when no response came.
     * @param retryAfterS  the 503's Retry-After in seconds, or -1.
     * @param nowNs        the duty cycle's time.
     */
    void onRegistrationFailed(Registration registration, int cause, int statusCode, long retryAfterS, long nowNs);

    /**
     * A REGISTER with expires = 0 was answered with a 2xx: the binding is gone.
     *
     * @param registration the registration.
     * @param nowNs        the duty cycle's time.
     */
    void onUnregistered(Registration registration, long nowNs);
}
