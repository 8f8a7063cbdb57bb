package org.sipredundancy.core.loop;

import org.sipredundancy.hal.InboundEvent;

/**
 * Receives the network events of the endpoints it owns (see {@link InboundRouter#route(int, NetworkEventHandler)}).
 */
@FunctionalInterface
public interface NetworkEventHandler
{
    /**
     * Handle a datagram, stream bytes, a connection or a transport failure of an owned endpoint.
     *
     * @param event the event, valid only during the call.
     * @param nowNs the duty cycle's time.
     */
    void onNetworkEvent(InboundEvent event, long nowNs);
}
