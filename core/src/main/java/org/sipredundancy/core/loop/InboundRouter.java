package org.sipredundancy.core.loop;

import org.agrona.ErrorHandler;
import org.agrona.collections.Int2ObjectHashMap;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;

/**
 * Routes each inbound event to its owner: network events by endpoint handle, keys and commands to the input
 * handler. A connection accepted by a listener arrives under its own new handle, which nobody owns yet, so it goes
 * to the listener's owner, who then routes the new handle. Events nobody owns (a handle already closed) are
 * counted and dropped. A handler that throws never
 * takes the duty cycle down (SPEC R-BAD-2): the error is counted and reported, and the next event is handled.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class InboundRouter implements InboundEventHandler
{
    private final Int2ObjectHashMap<NetworkEventHandler> handlerByHandle;
    private final ErrorHandler errorHandler;
    private InputEventHandler inputHandler;
    private long nowNs;
    private long unroutedCount;
    private long errorCount;

    /**
     * @param endpointCapacity most endpoints routed at once (sizes the table so it never grows).
     * @param errorHandler     told of any exception a handler throws.
     */
    public InboundRouter(final int endpointCapacity, final ErrorHandler errorHandler)
    {
        handlerByHandle = new Int2ObjectHashMap<>(endpointCapacity * 2, 0.65f);
        this.errorHandler = errorHandler;
    }

    /**
     * Send the events of an endpoint to a handler.
     *
     * @param handle  the endpoint's handle from the {@link org.sipredundancy.hal.Network}.
     * @param handler its owner.
     */
    public void route(final int handle, final NetworkEventHandler handler)
    {
        handlerByHandle.put(handle, handler);
    }

    /**
     * Stop routing an endpoint's events (after closing it).
     *
     * @param handle the endpoint's handle.
     */
    public void unroute(final int handle)
    {
        handlerByHandle.remove(handle);
    }

    /**
     * Set who receives keys and commands.
     *
     * @param inputHandler the handler, or null to drop them.
     */
    public void inputHandler(final InputEventHandler inputHandler)
    {
        this.inputHandler = inputHandler;
    }

    /**
     * Set the time handed to handlers; the duty cycle calls this once per cycle before draining.
     *
     * @param nowNs the duty cycle's time.
     */
    public void nowNs(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    /**
     * {@inheritDoc}
     */
    public void onInboundEvent(final InboundEvent event)
    {
        try
        {
            final int type = event.type();
            if (type == InboundEvent.KEY || type == InboundEvent.COMMAND)
            {
                if (inputHandler == null)
                {
                    unroutedCount++;
                }
                else
                {
                    inputHandler.onInput(type, event.code(), event.value(), nowNs);
                }
                return;
            }
            NetworkEventHandler handler = handlerByHandle.get(event.handle());
            if (handler == null && type == InboundEvent.CONNECTED && event.listenerHandle() >= 0)
            {
                handler = handlerByHandle.get(event.listenerHandle());
            }
            if (handler == null)
            {
                unroutedCount++;
            }
            else
            {
                handler.onNetworkEvent(event, nowNs);
            }
        }
        catch (final RuntimeException ex)
        {
            errorCount++;
            errorHandler.onError(ex);
        }
    }

    /**
     * @return events that had no owner, since start.
     */
    public long unroutedCount()
    {
        return unroutedCount;
    }

    /**
     * @return exceptions thrown by handlers and contained here, since start.
     */
    public long errorCount()
    {
        return errorCount;
    }
}
