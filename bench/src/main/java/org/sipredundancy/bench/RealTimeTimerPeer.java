package org.sipredundancy.bench;

/**
 * A timer that runs on its own thread against the real clock, driven a batch at a time by a benchmark.
 * <p>
 * The interface only speaks JDK types, so an implementation can be loaded by a {@link PeerClassLoader} next to
 * another version of the same library and still be called from the benchmark, one interface call per batch.
 */
public interface RealTimeTimerPeer extends AutoCloseable
{
    /**
     * Schedule a batch of timers due at once (the least delay the timer takes) and spin until every one has run
     * on the timer's thread.
     *
     * @param count timers in the batch.
     * @return timers run since start, for the benchmark to consume.
     */
    long scheduleAndExpire(int count);

    /**
     * Schedule a batch of timers far in the future, then cancel each one.
     *
     * @param delaysNs the delay of each timer, in nanoseconds; its length is the batch size.
     * @return timers cancelled since start, for the benchmark to consume.
     */
    long scheduleAndCancel(long[] delaysNs);

    /**
     * Stop the timer's thread; the timers left are dropped.
     */
    void close();
}
