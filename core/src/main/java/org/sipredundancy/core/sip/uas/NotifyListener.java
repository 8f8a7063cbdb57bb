package org.sipredundancy.core.sip.uas;

import org.sipredundancy.core.sip.wire.SipMessageDecoder;

/**
 * Where a NOTIFY goes once it has been answered 200 (SPEC R-SIP-6): the subscription layer finds its subscription
 * from the Call-ID, tags and Event header.
 */
@FunctionalInterface
public interface NotifyListener
{
    /**
     * @param notify the NOTIFY, valid only during the call: copy what must be kept.
     * @param nowNs  the duty cycle's time.
     */
    void onNotify(SipMessageDecoder notify, long nowNs);
}
