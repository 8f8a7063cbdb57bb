package org.sipredundancy.core.sip.uas;

import org.sipredundancy.core.sip.wire.SipMessageDecoder;

/**
 * Told when a call rings and when it ends (SPEC R-SIP-6), so the phone's display and ringer can follow.
 */
public interface CallListener
{
    /** {@link #onCallEnded} reason: the peer sent BYE. */
    int REMOTE_BYE = 1;
    /** {@link #onCallEnded} reason: the caller cancelled the ringing INVITE; it was answered 487. */
    int CANCELLED = 2;
    /** {@link #onCallEnded} reason: the user rejected the ringing call; it was answered 603. */
    int REJECTED = 3;
    /** {@link #onCallEnded} reason: the user hung up an answered call; its BYE was sent. */
    int HUNG_UP = 4;

    /**
     * An INVITE rings: it was answered 100 and 180, and waits for {@link IncomingRequests#answer} or
     * {@link IncomingRequests#reject}.
     *
     * @param call   the call's number, to answer or reject it by.
     * @param invite the INVITE, valid only during the call.
     * @param nowNs  the duty cycle's time.
     */
    void onIncomingCall(int call, SipMessageDecoder invite, long nowNs);

    /**
     * A ringing or answered call is over.
     *
     * @param call   the call's number.
     * @param reason {@link #REMOTE_BYE}, {@link #CANCELLED}, {@link #REJECTED} or {@link #HUNG_UP}.
     * @param nowNs  the duty cycle's time.
     */
    void onCallEnded(int call, int reason, long nowNs);

    /**
     * A BYE that is not for the incoming call: it may end a call the phone placed, whose dialog this layer does not
     * know. Answered 200 when the listener owns it, else 481.
     *
     * @param bye   the BYE, valid only during the call.
     * @param nowNs the duty cycle's time.
     * @return true when a call of the listener's matched the dialog and is now ended.
     */
    default boolean onDialogBye(final SipMessageDecoder bye, final long nowNs)
    {
        return false;
    }
}
