package org.sipredundancy.core.sim;

import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.sim.SimNetwork;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Which nodes of a {@link Simulation} run in a round, found without asking each of a thousand phones. A node with a
 * queue of its own ({@link SimNode#inbound()}) runs when an event reached that queue this instant (the network
 * says which queues it published to), when its earliest deadline is due (kept in an array, read from the node once
 * per instant after it ran), or when it worked in the round before; a node without one runs in every round.
 * Asking every node whether it was ready, at every round of some 40 000 instants a day, touched every phone's
 * objects and was the largest cost of a thousand-phone day.
 * <p>
 * A node changed from outside a run — a test calling into a phone between instants, an action of the simulation —
 * can have new timers or queued key presses the array does not know, so the driver marks everything stale then
 * ({@link #invalidate}) and the next round asks every node once. Nodes run in the order they were added, so a run
 * is the same run as asking every node: nodes that are not ready do nothing. Allocation-free once built.
 */
final class ReadyNodes
{
    private static final int BITS_PER_WORD = 64;

    private final List<SimNode> nodes;
    private final IdentityHashMap<InboundEventQueue, Integer> nodeByQueue = new IdentityHashMap<>();
    private long[] deadlines = new long[BITS_PER_WORD];
    private long[] ready = new long[1];
    private long[] next = new long[1];
    private long[] always = new long[1];
    /** Nodes that ran since their deadline was last read: read once, when the instant's next event is wanted. */
    private long[] dirty = new long[1];
    private boolean stale = true;

    /**
     * @param nodes the simulation's nodes, in the order they run; read, never changed here.
     */
    ReadyNodes(final List<SimNode> nodes)
    {
        this.nodes = nodes;
    }

    /**
     * A node was added (start-up only: it may allocate).
     *
     * @param index its position in the node list.
     */
    void added(final int index)
    {
        final int words = index / BITS_PER_WORD + 1;
        if (words > ready.length)
        {
            ready = Arrays.copyOf(ready, words);
            next = Arrays.copyOf(next, words);
            always = Arrays.copyOf(always, words);
            dirty = Arrays.copyOf(dirty, words);
        }
        if (index >= deadlines.length)
        {
            deadlines = Arrays.copyOf(deadlines, Math.max(index + 1, deadlines.length * 2));
        }
        final InboundEventQueue queue = nodes.get(index).inbound();
        if (queue == null)
        {
            set(always, index);
        }
        else
        {
            nodeByQueue.put(queue, index);
        }
        stale = true;
    }

    /**
     * Nodes may have changed from outside a round: the next round (or deadline) asks every node once.
     */
    void invalidate()
    {
        stale = true;
    }

    /**
     * @param nowNs the virtual time now.
     * @return the earliest deadline of all nodes.
     */
    long nextDeadlineNs(final long nowNs)
    {
        if (stale)
        {
            refresh(nowNs);
        }
        readDirtyDeadlines();
        long earliest = Long.MAX_VALUE;
        final long[] deadlines = this.deadlines;
        for (int i = 0, n = nodes.size(); i < n; i++)
        {
            earliest = Math.min(earliest, deadlines[i]);
        }
        return earliest;
    }

    /**
     * Run one round: the nodes that are ready now, in node order.
     *
     * @param network the network whose deliveries of this round make nodes ready.
     * @param nowNs   the virtual time now.
     * @return the work done.
     */
    int runRound(final SimNetwork network, final long nowNs)
    {
        if (stale)
        {
            refresh(nowNs);
        }
        for (int i = 0, n = network.touchedCount(); i < n; i++)
        {
            final Integer index = nodeByQueue.get(network.touched(i));
            if (index != null)
            {
                set(ready, index);
            }
        }
        network.clearTouched();
        final long[] deadlines = this.deadlines;
        for (int i = 0, n = nodes.size(); i < n; i++)
        {
            // A node that ran this instant is either in the next round already (it worked) or had nothing due.
            if (deadlines[i] <= nowNs && !isSet(dirty, i))
            {
                set(ready, i);
            }
        }
        int work = 0;
        for (int word = 0; word < ready.length; word++)
        {
            long bits = ready[word] | always[word];
            while (bits != 0)
            {
                final int index = word * BITS_PER_WORD + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final SimNode node = nodes.get(index);
                final int done = node.doWork();
                set(dirty, index);
                if (done > 0)
                {
                    work += done;
                    set(next, index);
                }
            }
        }
        final long[] ran = ready;
        ready = next;
        next = ran;
        Arrays.fill(next, 0L);
        return work;
    }

    private void readDirtyDeadlines()
    {
        for (int word = 0; word < dirty.length; word++)
        {
            long bits = dirty[word];
            while (bits != 0)
            {
                final int index = word * BITS_PER_WORD + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                deadlines[index] = nodes.get(index).nextDeadlineNs();
            }
            dirty[word] = 0;
        }
    }

    private void refresh(final long nowNs)
    {
        for (int i = 0, n = nodes.size(); i < n; i++)
        {
            final SimNode node = nodes.get(i);
            deadlines[i] = node.nextDeadlineNs();
            clear(dirty, i);
            if (node.isReady(nowNs))
            {
                set(ready, i);
            }
        }
        stale = false;
    }

    private static void set(final long[] bits, final int index)
    {
        bits[index / BITS_PER_WORD] |= 1L << (index % BITS_PER_WORD);
    }

    private static void clear(final long[] bits, final int index)
    {
        bits[index / BITS_PER_WORD] &= ~(1L << (index % BITS_PER_WORD));
    }

    private static boolean isSet(final long[] bits, final int index)
    {
        return (bits[index / BITS_PER_WORD] & (1L << (index % BITS_PER_WORD))) != 0;
    }
}
