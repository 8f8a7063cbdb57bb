package org.sipredundancy.hal;

/**
 * Consumer of {@link InboundEvent}s drained from an {@link InboundEventQueue}. The event is reused after the
 * call returns: copy what must outlive it.
 */
@FunctionalInterface
public interface InboundEventHandler
{
    /**
     * Handle one event on the duty cycle thread.
     *
     * @param event the event, valid only during the call.
     */
    void onInboundEvent(InboundEvent event);
}
