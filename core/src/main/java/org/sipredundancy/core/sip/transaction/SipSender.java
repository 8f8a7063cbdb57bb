package org.sipredundancy.core.sip.transaction;

import org.agrona.DirectBuffer;

/**
 * Where the transaction tables send bytes: the transport adapter, or a fake in tests. A flow is one path to a
 * server (a connected UDP endpoint, a TCP or TLS connection, or the phone's UDP listener).
 */
public interface SipSender
{
    /**
     * Send one whole SIP message.
     *
     * @param flow          the flow, as the transport adapter numbers them.
     * @param remoteAddress destination IPv4 address (used on the unconnected listener flow only).
     * @param remotePort    destination port (listener flow only).
     * @param buffer        the message.
     * @param offset        its first byte.
     * @param length        its length.
     * @param nowNs         the duty cycle's time.
     * @return {@code org.sipredundancy.hal.NetworkStatus#OK} or a negative refusal.
     */
    int send(int flow, int remoteAddress, int remotePort, DirectBuffer buffer, int offset, int length, long nowNs);

    /**
     * Whether a flow is reliable (TCP or TLS): no retransmissions there, and no time spent absorbing them.
     *
     * @param flow the flow.
     * @return true for TCP and TLS flows.
     */
    boolean isReliable(int flow);
}
