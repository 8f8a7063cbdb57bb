package org.sipredundancy.hal.sim;

/**
 * The packets of a {@link SimNetwork}: a fixed pool of {@link InFlightPacket}s and a binary min-heap of the
 * scheduled ones ordered by (deliveryNs, sequence), so equal times keep the order they were scheduled in and a run
 * never depends on anything but its seed. Nothing is allocated after construction.
 * <pre>
 *   free:  [p7 p3 p9 ...]            heap (array form):        (10ms,#4)
 *                                                              /        \
 *                                                    (12ms,#9)          (10ms,#8)
 * </pre>
 * Not thread safe.
 */
final class InFlightPool
{
    private final InFlightPacket[] free;
    private final InFlightPacket[] heap;
    private int freeCount;
    private int heapSize;

    InFlightPool(final int capacity)
    {
        free = new InFlightPacket[capacity];
        heap = new InFlightPacket[capacity];
        for (int i = 0; i < capacity; i++)
        {
            free[i] = new InFlightPacket();
        }
        freeCount = capacity;
    }

    int freeCount()
    {
        return freeCount;
    }

    int scheduledCount()
    {
        return heapSize;
    }

    /**
     * @return a cleared packet, or null when the pool is exhausted.
     */
    InFlightPacket claim()
    {
        if (freeCount == 0)
        {
            return null;
        }
        final InFlightPacket packet = free[--freeCount];
        free[freeCount] = null;
        return packet;
    }

    /**
     * Return a packet that is not scheduled; its payload must already be released.
     *
     * @param packet a claimed packet.
     */
    void release(final InFlightPacket packet)
    {
        packet.clear();
        free[freeCount++] = packet;
    }

    /**
     * Put a packet on the heap at its {@link InFlightPacket#deliveryNs} and {@link InFlightPacket#sequence}.
     *
     * @param packet a claimed packet that is not scheduled.
     */
    void schedule(final InFlightPacket packet)
    {
        int index = heapSize++;
        while (index > 0)
        {
            final int parent = (index - 1) >>> 1;
            final InFlightPacket above = heap[parent];
            if (!isBefore(packet, above))
            {
                break;
            }
            heap[index] = above;
            index = parent;
        }
        heap[index] = packet;
    }

    /**
     * @return the delivery time of the earliest scheduled packet, or {@link Long#MAX_VALUE} when none.
     */
    long nextDeliveryNs()
    {
        return heapSize == 0 ? Long.MAX_VALUE : heap[0].deliveryNs;
    }

    /**
     * Take the earliest scheduled packet off the heap.
     *
     * @return the packet, or null when none is scheduled.
     */
    InFlightPacket poll()
    {
        if (heapSize == 0)
        {
            return null;
        }
        final InFlightPacket first = heap[0];
        final InFlightPacket last = heap[--heapSize];
        heap[heapSize] = null;
        if (heapSize > 0)
        {
            siftDown(last);
        }
        return first;
    }

    private void siftDown(final InFlightPacket packet)
    {
        int index = 0;
        final int half = heapSize >>> 1;
        while (index < half)
        {
            int child = (index << 1) + 1;
            final int right = child + 1;
            if (right < heapSize && isBefore(heap[right], heap[child]))
            {
                child = right;
            }
            if (!isBefore(heap[child], packet))
            {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = packet;
    }

    private static boolean isBefore(final InFlightPacket a, final InFlightPacket b)
    {
        return a.deliveryNs < b.deliveryNs || (a.deliveryNs == b.deliveryNs && a.sequence < b.sequence);
    }
}
