package org.sipredundancy.core.testing;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The allocation counter every zero-allocation test reads: warm up, then measure windows of work until one
 * allocates exactly nothing. The JIT may allocate a few hundred bytes of its own now and then, so one window out of
 * five must be zero; an allocation the code under test made shows in every window. Under {@code -Xint} (the
 * {@code allocation-interpreted} run) one window of a tenth of the work is measured, where escape analysis cannot
 * hide anything.
 */
public final class AllocationWindows
{
    private static final int JIT_WINDOWS = 5;

    /** Looked up once: the lookup itself allocates, the read does not. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationWindows()
    {
    }

    /**
     * @return true when this JVM runs interpreted only.
     */
    public static boolean interpreted()
    {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
    }

    /**
     * @param rounds runs that many rounds of the work measured.
     * @param warmUp rounds before measuring (a tenth of it under the interpreter).
     * @param window rounds per measured window.
     * @return bytes allocated in each window measured, ending with the first 0 if there was one.
     */
    public static List<Long> measure(final IntConsumer rounds, final int warmUp, final int window)
    {
        final boolean interpreted = interpreted();
        rounds.accept(interpreted ? Math.max(1, warmUp / 10) : warmUp);
        final List<Long> windows = new ArrayList<>();
        for (int i = 0, n = interpreted ? 1 : JIT_WINDOWS; i < n; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            rounds.accept(interpreted ? Math.max(1, window / 10) : window);
            final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            windows.add(allocated);
            if (allocated == 0)
            {
                break;
            }
        }
        return windows;
    }
}
