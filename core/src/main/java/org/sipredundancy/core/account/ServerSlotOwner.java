package org.sipredundancy.core.account;

/**
 * What a {@link ServerSlot} asks of and tells its account: the account decides whether a failback may happen now
 * (R-FO-3: only while idle) and how long a slot waits after every candidate failed (the RFC 5626 back-off, or the
 * successive fallback's probe interval, R-FB-3), and it runs the fallback mode on the slots' outcomes.
 */
public interface ServerSlotOwner
{
    /**
     * @param slot the slot asking.
     * @return whether a call or another transaction of the account is in progress.
     */
    boolean isBusy(ServerSlot slot);

    /**
     * @param slot     the slot whose every candidate failed.
     * @param failures consecutive failed walks, 1 for the first.
     * @param nowNs    the duty cycle's time.
     * @return how long to wait before the next walk from the primary.
     */
    long retryDelayNs(ServerSlot slot, int failures, long nowNs);

    /**
     * A candidate of the slot accepted a REGISTER.
     *
     * @param slot  the slot.
     * @param nowNs the duty cycle's time.
     */
    void onSlotRegistered(ServerSlot slot, long nowNs);

    /**
     * Every candidate of the slot failed (or DNS found none).
     *
     * @param slot  the slot.
     * @param nowNs the duty cycle's time.
     */
    void onSlotFailed(ServerSlot slot, long nowNs);
}
