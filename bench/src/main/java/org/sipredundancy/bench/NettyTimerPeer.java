package org.sipredundancy.bench;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Netty's {@link HashedWheelTimer} with a 1 ms tick and 1024 ticks, driven a batch at a time.
 * <p>
 * Compiled against the Netty on the class path (4.1) and, unchanged, loaded a second time by a
 * {@link PeerClassLoader} against Netty 4.2: the two versions share this API. It is its own task and thread
 * factory, so it has no nested classes for the class loader to find.
 * <p>
 * Not thread safe: one benchmark thread drives it; the timer's own thread only counts expiries.
 */
public final class NettyTimerPeer implements RealTimeTimerPeer, TimerTask, ThreadFactory
{
    /** Tick of the wheel, in milliseconds: Netty's own default is 100 ms; the core's wheel ticks every ~1 ms. */
    public static final long TICK_MS = 1;
    /** Ticks in one turn of the wheel, as in the core's timer service. */
    public static final int TICKS_PER_WHEEL = 1024;

    private final AtomicLong expiredCount = new AtomicLong();
    private final HashedWheelTimer timer;
    private Timeout[] timeouts = new Timeout[0];
    private long cancelledCount;

    /**
     * Create and start the timer and its thread.
     */
    public NettyTimerPeer()
    {
        timer = new HashedWheelTimer(this, TICK_MS, TimeUnit.MILLISECONDS, TICKS_PER_WHEEL);
        timer.start();
    }

    /**
     * {@inheritDoc}
     */
    public long scheduleAndExpire(final int count)
    {
        final long target = expiredCount.get() + count;
        for (int i = 0; i < count; i++)
        {
            timer.newTimeout(this, 0, TimeUnit.NANOSECONDS);
        }

        while (expiredCount.get() < target)
        {
            Thread.onSpinWait();
        }

        return target;
    }

    /**
     * {@inheritDoc}
     */
    public long scheduleAndCancel(final long[] delaysNs)
    {
        final int count = delaysNs.length;
        if (timeouts.length < count)
        {
            timeouts = new Timeout[count];
        }

        final Timeout[] timeouts = this.timeouts;
        for (int i = 0; i < count; i++)
        {
            timeouts[i] = timer.newTimeout(this, delaysNs[i], TimeUnit.NANOSECONDS);
        }

        for (int i = 0; i < count; i++)
        {
            timeouts[i].cancel();
            timeouts[i] = null;
        }

        cancelledCount += count;
        return cancelledCount;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        timer.stop();
    }

    /**
     * Part of the {@link TimerTask} contract: counts the expiry, on the timer's thread.
     * {@inheritDoc}
     */
    public void run(final Timeout timeout)
    {
        expiredCount.incrementAndGet();
    }

    /**
     * Part of the {@link ThreadFactory} contract: a daemon thread, so a failed run cannot hang the JVM.
     * {@inheritDoc}
     */
    public Thread newThread(final Runnable runnable)
    {
        final Thread thread = new Thread(runnable, "netty-hashed-wheel-timer");
        thread.setDaemon(true);
        return thread;
    }
}
