package org.sipredundancy.core.sip.transport;

import org.agrona.DirectBuffer;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;

/**
 * Receives what a {@link SipTransport} takes off the network: whole SIP messages, the bytes it could not decode, and
 * the failures of its flows. Called on the duty cycle thread, from inside the transport's event handling.
 */
public interface SipMessageHandler
{
    /**
     * A whole, well-framed SIP message arrived.
     *
     * @param flow          the flow it arrived on (0 for the UDP listener).
     * @param remoteAddress the sender's IPv4 address.
     * @param remotePort    the sender's port.
     * @param message       the decoder wrapped over it; valid only during the call.
     * @param nowNs         the duty cycle's time.
     */
    void onSipMessage(int flow, int remoteAddress, int remotePort, SipMessageDecoder message, long nowNs);

    /**
     * Bytes arrived that are not a SIP message (SPEC R-BAD-2): already counted; the handler may log them or, when
     * the request line parses, answer 400. On a stream the flow is closed after this call, since its framing is
     * lost.
     *
     * @param flow          the flow they arrived on.
     * @param remoteAddress the sender's IPv4 address.
     * @param remotePort    the sender's port.
     * @param buffer        holding the bytes; valid only during the call.
     * @param offset        index of the first byte.
     * @param length        number of bytes.
     * @param nowNs         the duty cycle's time.
     */
    void onMalformed(
        int flow, int remoteAddress, int remotePort, DirectBuffer buffer, int offset, int length, long nowNs);

    /**
     * A flow failed (SPEC R-SIP-3): the server behind it is to be treated as failed. The flow is already closed and
     * its id free, so a later {@link SipTransport#flow} to the same server opens it afresh (and may get this id).
     *
     * @param flow           the flow that failed.
     * @param transportError the {@link org.sipredundancy.hal.TransportError} cause.
     * @param nowNs          the duty cycle's time.
     */
    void onFlowFailure(int flow, int transportError, long nowNs);
}
