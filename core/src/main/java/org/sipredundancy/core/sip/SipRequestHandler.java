package org.sipredundancy.core.sip;

import org.sipredundancy.core.sip.wire.SipMessageDecoder;

/**
 * Takes the requests that reach the phone (R-SIP-6): the server side of the stack.
 */
@FunctionalInterface
public interface SipRequestHandler
{
    /**
     * A well-formed request arrived.
     *
     * @param flow          the flow it came on (the listener, or a server's connection).
     * @param remoteAddress its source address.
     * @param remotePort    its source port.
     * @param request       the request, valid only during the call.
     * @param nowNs         the duty cycle's time.
     */
    void onRequest(int flow, int remoteAddress, int remotePort, SipMessageDecoder request, long nowNs);
}
