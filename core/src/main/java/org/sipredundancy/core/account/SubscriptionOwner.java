package org.sipredundancy.core.account;

/**
 * What a {@link Subscription} asks of its account: where to go when its refresh or retry falls due.
 */
public interface SubscriptionOwner
{
    /**
     * The subscription's refresh or retry is due: subscribe it with the working server the account is registered
     * with, or let it wait for one (R-FB-2).
     *
     * @param subscription the subscription.
     * @param nowNs        the duty cycle's time.
     */
    void onSubscriptionDue(Subscription subscription, long nowNs);
}
