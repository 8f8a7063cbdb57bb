package org.sipredundancy.core.sim;

import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.sim.SimNetwork;

/**
 * A simulated peer that answers every datagram with the same bytes, from the port it was sent to.
 */
final class EchoNode implements SimNode, InboundEventHandler
{
    private final InboundEventQueue queue = new InboundEventQueue(256, 2048);
    private final Network network;
    private final int handle;

    EchoNode(final SimNetwork simNetwork, final int address, final int port)
    {
        network = simNetwork.attach(address, queue);
        handle = network.openUdp(address, port);
    }

    public int doWork()
    {
        return queue.drain(this, Integer.MAX_VALUE);
    }

    public long nextDeadlineNs()
    {
        return Long.MAX_VALUE;
    }

    public void onInboundEvent(final InboundEvent event)
    {
        if (event.type() == InboundEvent.DATAGRAM)
        {
            network.send(handle, event.remoteAddress(), event.remotePort(), event.buffer(), 0, event.length());
        }
    }
}
