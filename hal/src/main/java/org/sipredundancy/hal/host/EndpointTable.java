package org.sipredundancy.hal.host;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed table of endpoints, indexed by handle. Both the duty cycle (opening) and the I/O thread (accepting)
 * take free slots, so taking one is a compare-and-set; handles are handed out round-robin so that a closed
 * handle is not reused at once while events naming it may still be queued. Thread safe.
 */
final class EndpointTable
{
    private final HostEndpoint[] endpoints;
    private final AtomicInteger nextIndex = new AtomicInteger();

    EndpointTable(final int capacity)
    {
        endpoints = new HostEndpoint[capacity];
        for (int i = 0; i < capacity; i++)
        {
            endpoints[i] = new HostEndpoint(i);
        }
    }

    int capacity()
    {
        return endpoints.length;
    }

    /**
     * @param handle any value.
     * @return the slot of that handle, or null when the handle is out of range.
     */
    HostEndpoint get(final int handle)
    {
        return handle >= 0 && handle < endpoints.length ? endpoints[handle] : null;
    }

    /**
     * @return a slot now {@link HostEndpoint#RESERVED} for the caller, or null when every slot is taken.
     */
    HostEndpoint reserve()
    {
        final int start = nextIndex.getAndIncrement();
        for (int i = 0; i < endpoints.length; i++)
        {
            final HostEndpoint endpoint = endpoints[Math.floorMod(start + i, endpoints.length)];
            if (endpoint.tryReserve())
            {
                return endpoint;
            }
        }
        return null;
    }
}
