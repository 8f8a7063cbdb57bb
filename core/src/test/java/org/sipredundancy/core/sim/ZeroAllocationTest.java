package org.sipredundancy.core.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.sim.ChecksumSimTrace;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2: once warm, the duty cycle allocates nothing while timers are scheduled, cancelled and fired and
 * datagrams flow both ways through a lossy simulated network.
 * <p>
 * The build runs this test twice. Under the interpreter ({@code -Xint}, a surefire execution of its own) there is
 * no escape analysis and no compiler, so every {@code new} on the path shows, every time: one window of 100,000
 * cycles must allocate exactly nothing. Under the JIT, the JVM itself now and then allocates a few hundred bytes
 * on the thread (deoptimisation, late class initialisation), so some window out of five must be exactly zero —
 * an allocation the code makes would show in every window.
 */
class ZeroAllocationTest
{
    private static final int WINDOW_CYCLES = 100_000;
    private static final int JIT_WINDOWS = 5;

    /** Looked up once: the lookup itself allocates, the read does not. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private static long allocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    private static boolean interpreted()
    {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
    }

    @Test
    @DisplayName("R-RT-2 R-RT-1 100,000 duty cycles with timers and datagrams allocate nothing")
    void shouldNotAllocateInSteadyState()
    {
        final boolean interpreted = interpreted();
        final PingWorld world = new PingWorld(Simulation.seedOr(7L), new ChecksumSimTrace());
        runCycles(world, interpreted ? 5_000 : 50_000);
        final long sentBefore = world.ping.sent();
        final long repliesBefore = world.ping.replies();
        final long timeoutsBefore = world.ping.timeouts();

        final List<Long> windows = new ArrayList<>();
        for (int i = 0, n = interpreted ? 1 : JIT_WINDOWS; i < n; i++)
        {
            final long before = allocatedBytes();
            runCycles(world, WINDOW_CYCLES);
            final long allocated = allocatedBytes() - before;
            windows.add(allocated);
            if (allocated == 0)
            {
                break;
            }
        }

        assertThat(world.ping.sent() - sentBefore).as("datagrams sent while measuring").isGreaterThan(1000);
        assertThat(world.ping.replies() - repliesBefore).as("replies while measuring").isGreaterThan(1000);
        assertThat(world.ping.timeouts() - timeoutsBefore).as("reply timers fired while measuring").isPositive();
        assertThat(windows).as("bytes allocated per window of %d duty cycles (%s), %s", WINDOW_CYCLES,
            interpreted ? "interpreter" : "JIT", world.simulation.reproduceHint()).contains(0L);
    }

    private static void runCycles(final PingWorld world, final int cycles)
    {
        final long target = world.phone.cycleCount() + cycles;
        while (world.phone.cycleCount() < target)
        {
            world.simulation.step();
        }
    }
}
