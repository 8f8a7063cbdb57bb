package org.sipredundancy.bench;

import java.lang.management.ManagementFactory;

/**
 * The heap a set-up retains: used heap after full collections, read before and after building something. An
 * approximation, as any heap delta is; what the benchmarks report as heap per account.
 */
final class RetainedHeap
{
    private static final int COLLECTIONS = 3;

    private RetainedHeap()
    {
    }

    /**
     * @return used heap in bytes after a few full collections.
     */
    static long usedAfterCollections()
    {
        for (int i = 0; i < COLLECTIONS; i++)
        {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
