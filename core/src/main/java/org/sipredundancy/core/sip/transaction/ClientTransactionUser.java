package org.sipredundancy.core.sip.transaction;

import org.sipredundancy.core.sip.wire.SipMessageDecoder;

/**
 * The owner of client transactions (a registration, a call, a subscription): told what became of each request it
 * started. Every started transaction ends in exactly one {@link #onFinalResponse} or {@link #onFailure}, unless the
 * user abandons it first; an INVITE's 2xx may be repeated (retransmitted by the server) so the user can ACK again.
 */
public interface ClientTransactionUser
{
    /**
     * A provisional (1xx) response arrived.
     *
     * @param transaction the transaction's index.
     * @param userToken   the token the user gave when it began the transaction.
     * @param response    the response, valid only during the call.
     * @param nowNs       the duty cycle's time.
     */
    void onProvisional(int transaction, long userToken, SipMessageDecoder response, long nowNs);

    /**
     * A final response other than 503 arrived (a 503 is a failure, see {@link #onFailure}). For an INVITE's 2xx
     * this may be called again with a retransmission, which the user answers with the same ACK.
     *
     * @param transaction the transaction's index.
     * @param userToken   the token the user gave when it began the transaction.
     * @param response    the response, valid only during the call.
     * @param nowNs       the duty cycle's time.
     */
    void onFinalResponse(int transaction, long userToken, SipMessageDecoder response, long nowNs);

    /**
     * The request failed: see {@link SipFailure} for the causes.
     *
     * @param transaction the transaction's index.
     * @param userToken   the token the user gave when it began the transaction.
     * @param cause       a {@link SipFailure} constant.
     * @param retryAfterS for {@link SipFailure#SERVICE_UNAVAILABLE}, the Retry-After in seconds; else -1.
     * @param nowNs       the duty cycle's time.
     */
    void onFailure(int transaction, long userToken, int cause, long retryAfterS, long nowNs);
}
