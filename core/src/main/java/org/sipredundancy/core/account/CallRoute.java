package org.sipredundancy.core.account;

/**
 * The account as an {@link OutgoingCall} sees it: the call order of servers (R-FB-4), what to retransmit to each,
 * whether a candidate needs a registration first (R-FO-4), and where to report a server's failure so the health
 * table and the slots hear of it (R-FO-7).
 */
public interface CallRoute
{
    /**
     * Build the call order now: the working group (primary first, or the current server first under failback
     * modes 1–3), then the fallback group; only registered servers with {@code only_signal_with_registered}.
     *
     * @param nowNs the duty cycle's time.
     * @return how many servers the order holds.
     */
    int planCall(long nowNs);

    /**
     * @param after the position last tried, or -1.
     * @param nowNs the duty cycle's time.
     * @return the next position whose server may be tried now (not inside a Retry-After), or -1.
     */
    int nextCallCandidate(int after, long nowNs);

    /**
     * @param position a position of the call order.
     * @param nowNs    the duty cycle's time.
     * @return whether no server may be tried after it.
     */
    boolean isLastCallCandidate(int position, long nowNs);

    /**
     * @param position a position of the call order.
     * @return its server's IPv4 address.
     */
    int callAddress(int position);

    /**
     * @param position a position of the call order.
     * @return its server's port.
     */
    int callPort(int position);

    /**
     * @param position a position of the call order.
     * @return its server's transport.
     */
    int callTransport(int position);

    /**
     * @param position a position of the call order.
     * @return {@code invite_retry_counts} of its group.
     */
    int inviteRetryCounts(int position);

    /**
     * @param position a position in the call order.
     * @return the Route header value for requests through that candidate's outbound proxy (R-OBP-1), or empty.
     */
    CharSequence callRoute(int position);

    /**
     * With {@code register_on_enable = 1}, start registering with the candidate when the account is not registered
     * there; the call is told through {@link OutgoingCall#onRegisteredFirst}.
     *
     * @param position a position of the call order.
     * @param call     the call waiting.
     * @param nowNs    the duty cycle's time.
     * @return whether the call must wait for that registration.
     */
    boolean mustRegisterFirst(int position, OutgoingCall call, long nowNs);

    /**
     * @return the cause of the last failed registration made for a call.
     */
    int lastRegistrationCause();

    /**
     * A server of the call order failed.
     *
     * @param position    its position.
     * @param cause       a {@link org.sipredundancy.core.sip.transaction.SipFailure} constant.
     * @param retryAfterS a 503's Retry-After, or -1.
     * @param nowNs       the duty cycle's time.
     */
    void onServerFailed(int position, int cause, long retryAfterS, long nowNs);

    /**
     * The call is over (or never started): deferred failbacks may run (R-FO-3).
     *
     * @param nowNs the duty cycle's time.
     */
    void onCallIdle(long nowNs);
}
