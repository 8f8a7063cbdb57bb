package org.sipredundancy.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Virtual-time speed (issue #6): {@link #phones} SIP-T58V phones × 16 accounts for 24 simulated hours, the primary
 * dead from 6 h to 7 h ({@link PhoneFleet}), in one simulation or cut into {@link #shards} simulations on threads of
 * their own. One invocation is one simulated day, so simulated seconds per wall second = 86 400 / score. The peer,
 * in the same run, is the same fleet with every phone run at every instant ({@code onlyReadyNodes = false}; the
 * simulation's default runs only ready nodes). The day must end with every account registered, or the invocation
 * fails. The fork uses the throughput collector (a simulated day is a batch job; with shards on two cores it ran
 * days faster than G1 in every probe run) and touches its whole heap at start, so no measured day pays the kernel
 * for first use of a page.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-Xms8g", "-Xmx8g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch",
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" })
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class FleetSimulationBenchmark
{
    /** Phones in the fleet (about 5 MB of heap each, hence the 8 GB fork); the smoke test runs 10. */
    @Param({"10", "100", "1000"})
    public int phones;

    /** true: only phones with work run at an instant; false: the peer, every phone at every instant. */
    @Param({"true", "false"})
    public boolean onlyReadyNodes;

    /**
     * Simulations the fleet is cut into ({@link PhoneFleet}): 1 is the whole fleet in one simulation on the benchmark
     * thread; 8 is eight simulations of an eighth of the phones each, run on a pool of as many threads as the machine
     * has processors (up to 8), each thread taking the next simulation when it has finished one.
     */
    @Param({"1", "8"})
    public int shards;

    private PhoneFleet fleet;

    /**
     * A fresh fleet for every simulated day, booted (registering) at virtual time 0, then a full collection: the
     * 2.3 GB a 1000-phone fleet is built from lies in the young generation, and without it the first collection of
     * the measured day copied the whole fleet to the old generation, seconds of pause that belong to the set-up.
     */
    @Setup(Level.Invocation)
    public void setUp()
    {
        fleet = new PhoneFleet(phones, !onlyReadyNodes, 6, shards);
        System.gc();
    }

    /**
     * Stop the shards' threads.
     */
    @TearDown(Level.Invocation)
    public void tearDown()
    {
        fleet.close();
        fleet = null;
    }

    /**
     * One simulated day.
     *
     * @return the simulation's instants.
     */
    @Benchmark
    public long simulatedDay()
    {
        final int registered = fleet.day();
        if (registered != phones * PhoneFleet.ACCOUNTS)
        {
            throw new IllegalStateException(registered + " of " + phones * PhoneFleet.ACCOUNTS +
                " accounts registered at the end of the day");
        }
        return fleet.instants();
    }
}
