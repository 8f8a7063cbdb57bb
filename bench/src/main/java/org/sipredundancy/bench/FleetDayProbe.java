package org.sipredundancy.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Splits the figure of {@link FleetSimulationBenchmark} into what it is made of, outside JMH. Why: the cost and
 * allocation per instant tell whether the time is spent per event or per phone per instant, and the heap per account
 * what a phone costs to keep. Per fleet it prints the set-up time and the heap the fleet retains per account (used
 * heap after full collections before and after the set-up, divided by the accounts: approximate), then for the
 * simulated day alone: wall time, instants, bytes allocated and collections that ran. Run it with the benchmark's
 * heap, e.g. {@code java -Xms8g -Xmx8g --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
 * -cp bench/target/benchmarks.jar org.sipredundancy.bench.FleetDayProbe 10 100 1000}; each count runs twice (both
 * variants of the benchmark, only-ready-nodes first), one line per day. Options before the counts:
 * {@code --only-ready} leaves the every-node peer out (for profiling one variant alone); {@code --shards K} cuts each
 * fleet into K simulations on threads of their own (allocation is then counted over every thread of the JVM).
 */
public final class FleetDayProbe
{
    private static final double NS_PER_S = 1e9;
    private static final double SIMULATED_DAY_S = 86_400.0;
    private static final String ONLY_READY = "--only-ready";
    private static final String SHARDS = "--shards";

    private FleetDayProbe()
    {
    }

    /**
     * Build and run one fleet per argument and variant, printing one line per simulated day.
     *
     * @param args phone counts; 10, 100 and 1000 when none are given.
     */
    public static void main(final String[] args)
    {
        boolean withPeer = true;
        int shards = 1;
        int next = 0;
        while (next < args.length && args[next].startsWith("--"))
        {
            if (ONLY_READY.equals(args[next]))
            {
                withPeer = false;
                next++;
            }
            else if (SHARDS.equals(args[next]) && next + 1 < args.length)
            {
                shards = Integer.parseInt(args[next + 1]);
                next += 2;
            }
            else
            {
                throw new IllegalArgumentException("unknown option " + args[next] + " (known: " + ONLY_READY + ", " +
                    SHARDS + " K)");
            }
        }
        final String[] given = Arrays.copyOfRange(args, next, args.length);
        final String[] counts = given.length == 0 ? new String[]{"10", "100", "1000"} : given;
        System.out.println("phones shards onlyReadyNodes setup_s day_s sim_s_per_wall_s instants us_per_instant " +
            "day_alloc_MB day_gc_count day_gc_ms heap_per_account_B");
        for (final String count : counts)
        {
            final int phones = Integer.parseInt(count);
            probe(phones, shards, true);
            if (withPeer)
            {
                probe(phones, shards, false);
            }
        }
    }

    private static void probe(final int phones, final int shards, final boolean onlyReadyNodes)
    {
        final long heapBefore = RetainedHeap.usedAfterCollections();
        final long setupStartNs = System.nanoTime();
        try (PhoneFleet fleet = new PhoneFleet(phones, !onlyReadyNodes, 6, shards))
        {
            probe(fleet, phones, shards, onlyReadyNodes, System.nanoTime() - setupStartNs, heapBefore);
        }
    }

    private static void probe(
        final PhoneFleet fleet,
        final int phones,
        final int shards,
        final boolean onlyReadyNodes,
        final long setupNs,
        final long heapBefore)
    {
        final long heapPerAccount =
            (RetainedHeap.usedAfterCollections() - heapBefore) / ((long)phones * PhoneFleet.ACCOUNTS);
        final long instantsBefore = fleet.instants();
        final long gcCountBefore = gcCount();
        final long gcMsBefore = gcMs();
        final long allocatedBefore = allocatedBytes();
        final long dayStartNs = System.nanoTime();
        final int registered = fleet.day();
        final long dayNs = System.nanoTime() - dayStartNs;
        final long allocated = allocatedBytes() - allocatedBefore;
        final long instants = fleet.instants() - instantsBefore;
        if (registered != phones * PhoneFleet.ACCOUNTS)
        {
            throw new IllegalStateException(registered + " of " + phones * PhoneFleet.ACCOUNTS + " registered");
        }
        System.out.printf("%d %d %s %.2f %.2f %.0f %d %.2f %.1f %d %d %d%n", phones, shards, onlyReadyNodes,
            setupNs / NS_PER_S, dayNs / NS_PER_S, SIMULATED_DAY_S * NS_PER_S / dayNs, instants,
            dayNs / 1000.0 / instants, allocated / 1e6, gcCount() - gcCountBefore, gcMs() - gcMsBefore,
            heapPerAccount);
    }

    private static long allocatedBytes()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (final long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
        {
            allocated += Math.max(0, bytes);
        }
        return allocated;
    }

    private static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += collector.getCollectionCount();
        }
        return count;
    }

    private static long gcMs()
    {
        long ms = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            ms += collector.getCollectionTime();
        }
        return ms;
    }
}
