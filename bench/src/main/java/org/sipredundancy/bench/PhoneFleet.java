package org.sipredundancy.bench;

import org.sipredundancy.core.account.AccountEvents;
import org.sipredundancy.hal.sim.SimTrace;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.ProfileRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet of SIP-T58V phones, 16 accounts each with users of their own: the seed's cluster (yealink.pbx.com by
 * NAPTR, SRV and A to 192.168.1.14 and .13, TTL 3600 s) as two simulated registrars, the simulated DNS server, and
 * every phone at its own address with 3600 s expiries. (Users of their own: a registrar lists every binding of an
 * address of record in its 200 OK, so a thousand phones sharing sixteen users would get answers too large for a
 * datagram.) No text anywhere: no SIP ladder, no event log ({@link SimTrace#NONE}, {@link AccountEvents#NONE},
 * servers with no ladder), so what is measured is the phones and the simulation. For the virtual-time benchmark.
 * <p>
 * The fleet is cut into {@link FleetShard}s of consecutive phones, each a simulation with registrars of its own; one
 * shard is the whole fleet against two shared registrars, run on the calling thread. With more, the shards run their
 * days on a pool of threads (the simulations share nothing), which is how a fleet simulation uses a machine's cores
 * while every simulation in it stays single-threaded and deterministic. Close the fleet to stop those threads.
 */
final class PhoneFleet implements AutoCloseable
{
    /** Accounts per phone: a SIP-T58V has 16. */
    static final int ACCOUNTS = 16;

    private final List<FleetShard> shards = new ArrayList<>();
    private final ExecutorService threads;

    /**
     * One simulation for the whole fleet.
     *
     * @param phoneCount how many phones.
     * @param alwaysRun  true for the peer: every phone's duty cycle runs at every instant of the simulation (the
     *                   reference); false: only phones with work run ({@code Simulation.onlyReadyNodes}, the default).
     * @param seed       the simulation seed.
     */
    PhoneFleet(final int phoneCount, final boolean alwaysRun, final long seed)
    {
        this(phoneCount, alwaysRun, seed, 1);
    }

    /**
     * @param phoneCount how many phones.
     * @param alwaysRun  as above.
     * @param seed       the simulation seed, the same for every shard.
     * @param shardCount simulations the fleet is cut into; at least 1 and at most {@code phoneCount}. More than one
     *                   run on as many threads as there are shards or processors, whichever is fewer, each thread
     *                   taking the next shard when it has finished one (so a slower core does not hold the day up).
     */
    PhoneFleet(final int phoneCount, final boolean alwaysRun, final long seed, final int shardCount)
    {
        if (shardCount < 1 || shardCount > phoneCount)
        {
            throw new IllegalArgumentException("shards must be 1 to " + phoneCount + " (the phones): " + shardCount);
        }
        final HardwareProfile model = ProfileRegistry.load().find("T58V").orElseThrow();
        for (int s = 0; s < shardCount; s++)
        {
            final int first = (int)((long)phoneCount * s / shardCount);
            final int end = (int)((long)phoneCount * (s + 1) / shardCount);
            shards.add(new FleetShard(model, first, end - first, alwaysRun, seed));
        }
        final int threadCount = Math.min(shardCount, Runtime.getRuntime().availableProcessors());
        threads = shardCount == 1 ? null : Executors.newFixedThreadPool(threadCount, daemonThreads());
    }

    private static ThreadFactory daemonThreads()
    {
        final AtomicInteger number = new AtomicInteger();
        return task ->
        {
            final Thread thread = new Thread(task, "fleet-shard-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A simulated day in every shard: the primary dies at 6 h and comes back at 7 h.
     *
     * @return accounts registered at the end (all of them when the phones did their job).
     */
    int day()
    {
        if (threads == null)
        {
            return shards.get(0).day();
        }
        final List<Future<Integer>> days = new ArrayList<>(shards.size());
        for (final FleetShard shard : shards)
        {
            days.add(threads.submit(shard::day));
        }
        int registered = 0;
        for (final Future<Integer> day : days)
        {
            registered += await(day);
        }
        return registered;
    }

    private static int await(final Future<Integer> day)
    {
        try
        {
            return day.get();
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException("a shard's day failed: " + ex.getCause(), ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the shards ran their day", ex);
        }
    }

    /**
     * @return accounts whose working slot holds an unexpired binding now, over every shard.
     */
    int registeredAccounts()
    {
        int registered = 0;
        for (final FleetShard shard : shards)
        {
            registered += shard.registeredAccounts();
        }
        return registered;
    }

    /**
     * @return the simulations' instants so far, summed over the shards.
     */
    long instants()
    {
        long instants = 0;
        for (final FleetShard shard : shards)
        {
            instants += shard.instants();
        }
        return instants;
    }

    /**
     * @return datagrams carried so far, per shard.
     */
    long[] sentCounts()
    {
        final long[] sent = new long[shards.size()];
        for (int s = 0; s < sent.length; s++)
        {
            sent[s] = shards.get(s).sentCount();
        }
        return sent;
    }

    /**
     * Stop the shards' threads, if any.
     */
    public void close()
    {
        if (threads != null)
        {
            threads.shutdownNow();
        }
    }
}
