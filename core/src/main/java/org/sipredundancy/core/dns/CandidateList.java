package org.sipredundancy.core.dns;

import org.sipredundancy.hal.Transport;

/**
 * The ordered result of locating one server (SPEC section 3): index 0 is the primary, 1 the secondary, and so on.
 * The capacity is fixed at construction; candidates beyond it are dropped and counted, so a hostile zone cannot
 * grow memory (R-BAD-4). Slots are reused, so clearing and refilling allocates nothing. Not thread safe.
 */
public final class CandidateList
{
    private final Candidate[] slots;
    private int size;
    private long droppedCount;

    /**
     * @param capacity most candidates kept, at least 1.
     */
    public CandidateList(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        slots = new Candidate[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new Candidate();
        }
    }

    /**
     * @return most candidates kept.
     */
    public int capacity()
    {
        return slots.length;
    }

    /**
     * @return candidates held now.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return whether the list holds no candidate.
     */
    public boolean isEmpty()
    {
        return size == 0;
    }

    /**
     * @return whether no further candidate fits.
     */
    public boolean isFull()
    {
        return size == slots.length;
    }

    /**
     * @return candidates dropped since construction because the list was full.
     */
    public long droppedCount()
    {
        return droppedCount;
    }

    /**
     * A candidate by position; it stays valid until the list is cleared.
     *
     * @param index 0 for the primary, 1 for the secondary, and so on, below {@link #size()}.
     * @return the candidate.
     * @throws IndexOutOfBoundsException when no candidate has that position.
     */
    public Candidate get(final int index)
    {
        if (index < 0 || index >= size)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return slots[index];
    }

    /**
     * Forget every candidate, keeping the slots.
     */
    public void clear()
    {
        size = 0;
    }

    /**
     * Append a candidate after the others.
     *
     * @param address   IPv4 address.
     * @param port      port.
     * @param transport a {@link Transport} constant.
     * @param ttlS      TTL of the address record in seconds.
     * @param source    where the address came from.
     * @return the candidate, or null when the list is full (the candidate is then counted as dropped).
     */
    public Candidate add(
        final int address, final int port, final int transport, final int ttlS, final CandidateSource source)
    {
        if (size == slots.length)
        {
            droppedCount++;
            return null;
        }
        return slots[size++].set(address, port, transport, ttlS, source);
    }

    /**
     * @return the endpoints in order, e.g. {@code [192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]} (allocates:
     *     tools and tests).
     */
    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder(2 + size * 24).append('[');
        for (int i = 0; i < size; i++)
        {
            if (i > 0)
            {
                out.append(", ");
            }
            slots[i].appendEndpoint(out);
        }
        return out.append(']').toString();
    }
}
