package org.sipredundancy.core.sim;

/**
 * A SUBSCRIBE accepted by a {@link SimSipServer}, kept so a test can see that (and when) the phone subscribed or
 * re-subscribed after a failover (SPEC R-FO-6).
 *
 * @param atNs     the virtual time it arrived.
 * @param event    the Event header value, empty when absent.
 * @param callId   its Call-ID.
 * @param expiresS the granted expiry in seconds.
 */
public record SimSubscription(long atNs, String event, String callId, long expiresS)
{
}
