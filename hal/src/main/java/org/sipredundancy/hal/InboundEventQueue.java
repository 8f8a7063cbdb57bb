package org.sipredundancy.hal;

import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-off from device threads (the host's I/O thread, the console keypad) to the core's single duty
 * cycle thread. Events come from a fixed pool, so nothing is allocated after construction: a producer
 * {@link #claim()}s a free event, fills it and {@link #publish(InboundEvent)}es it; the duty cycle
 * {@link #drain(InboundEventHandler, int)}s published events and returns them to the pool.
 * <p>
 * When the pool is exhausted the event is dropped and counted; a producer never blocks (SPEC R-BAD-4).
 * Thread safe for any number of producers and one consumer.
 */
public final class InboundEventQueue
{
    private final MpmcArrayQueue<InboundEvent> free;
    private final MpscArrayQueue<InboundEvent> published;
    private final AtomicLong droppedCount = new AtomicLong();
    private final int capacity;
    private final int payloadCapacity;

    /**
     * Create a queue with its pool of events.
     *
     * @param capacity        number of events that can be in flight at once (at least 2).
     * @param payloadCapacity payload bytes per event: the largest datagram or stream chunk delivered in one event.
     */
    public InboundEventQueue(final int capacity, final int payloadCapacity)
    {
        if (capacity < 2 || payloadCapacity < 1)
        {
            throw new IllegalArgumentException(
                "capacity must be >= 2 and payloadCapacity >= 1: " + capacity + ", " + payloadCapacity);
        }
        this.capacity = capacity;
        this.payloadCapacity = payloadCapacity;
        free = new MpmcArrayQueue<>(capacity);
        published = new MpscArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++)
        {
            free.offer(new InboundEvent(payloadCapacity).reset());
        }
    }

    /**
     * Take a free event to fill. Counts a drop when none is free.
     *
     * @return a reset event, or null when the queue is full (the caller drops what it had).
     */
    public InboundEvent claim()
    {
        final InboundEvent event = free.poll();
        if (event == null)
        {
            droppedCount.incrementAndGet();
            return null;
        }
        return event;
    }

    /**
     * Hand a claimed and filled event to the duty cycle.
     *
     * @param event an event from {@link #claim()}.
     */
    public void publish(final InboundEvent event)
    {
        if (!published.offer(event))
        {
            // Cannot happen while events come only from the pool: both queues have the same capacity.
            droppedCount.incrementAndGet();
            free.offer(event.reset());
        }
    }

    /**
     * Give back a claimed event that will not be published.
     *
     * @param event an event from {@link #claim()}.
     */
    public void abandon(final InboundEvent event)
    {
        free.offer(event.reset());
    }

    /**
     * Hand published events to a handler, oldest first, and return them to the pool. Duty cycle thread only.
     *
     * @param handler receives each event.
     * @param limit   most events to handle in this call.
     * @return the number handled.
     */
    public int drain(final InboundEventHandler handler, final int limit)
    {
        int count = 0;
        while (count < limit)
        {
            final InboundEvent event = published.relaxedPoll();
            if (event == null)
            {
                break;
            }
            count++;
            try
            {
                handler.onInboundEvent(event);
            }
            finally
            {
                free.offer(event.reset());
            }
        }
        return count;
    }

    /**
     * @return how many events were dropped because the queue was full, since start.
     */
    public long droppedCount()
    {
        return droppedCount.get();
    }

    /**
     * @return the number of published events waiting for the duty cycle.
     */
    public int size()
    {
        return published.size();
    }

    /**
     * @return the number of events the queue can hold at once.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return payload bytes per event.
     */
    public int payloadCapacity()
    {
        return payloadCapacity;
    }
}
