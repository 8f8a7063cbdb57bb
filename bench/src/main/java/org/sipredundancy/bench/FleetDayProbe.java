package org.sipredundancy.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Splits the figure of {@link FleetSimulationBenchmark} into what it is made of, outside JMH. Why: the JMH score of a
 * single-shot day includes the pauses that collect the set-up's garbage, and the cost and allocation per instant
 * tell whether the time is spent per event or per phone per instant. Per fleet it prints the set-up time and the heap
 * the fleet retains per account (used heap after full collections before and after the set-up, divided by the
 * accounts: approximate), then for the simulated day alone: wall time, instants, bytes this thread allocated and
 * collections that ran. Run it with the benchmark's heap, e.g. {@code java -Xms8g -Xmx8g --add-exports
 * java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar org.sipredundancy.bench.FleetDayProbe 10
 * 100 1000}; each count runs twice (both variants of the benchmark, only-ready-nodes first), one line per day.
 * A first argument {@code --only-ready} leaves the every-node peer out (for profiling one variant alone).
 */
public final class FleetDayProbe
{
    private static final double NS_PER_S = 1e9;
    private static final double SIMULATED_DAY_S = 86_400.0;
    private static final String ONLY_READY = "--only-ready";

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
        final boolean withPeer = args.length == 0 || !ONLY_READY.equals(args[0]);
        final String[] given = withPeer ? args : Arrays.copyOfRange(args, 1, args.length);
        final String[] counts = given.length == 0 ? new String[]{"10", "100", "1000"} : given;
        System.out.println("phones onlyReadyNodes setup_s day_s sim_s_per_wall_s instants us_per_instant " +
            "day_alloc_MB day_gc_count day_gc_ms heap_per_account_B");
        for (final String count : counts)
        {
            final int phones = Integer.parseInt(count);
            probe(phones, true);
            if (withPeer)
            {
                probe(phones, false);
            }
        }
    }

    private static void probe(final int phones, final boolean onlyReadyNodes)
    {
        final long heapBefore = RetainedHeap.usedAfterCollections();
        final long setupStartNs = System.nanoTime();
        final PhoneFleet fleet = new PhoneFleet(phones, !onlyReadyNodes, 6);
        final long setupNs = System.nanoTime() - setupStartNs;
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
        System.out.printf("%d %s %.2f %.2f %.0f %d %.2f %.1f %d %d %d%n", phones, onlyReadyNodes,
            setupNs / NS_PER_S, dayNs / NS_PER_S, SIMULATED_DAY_S * NS_PER_S / dayNs, instants,
            dayNs / 1000.0 / instants, allocated / 1e6, gcCount() - gcCountBefore, gcMs() - gcMsBefore,
            heapPerAccount);
    }

    private static long allocatedBytes()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean())
            .getThreadAllocatedBytes(Thread.currentThread().getId());
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
