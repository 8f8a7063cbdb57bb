package org.sipredundancy.bench;

import org.agrona.DeadlineTimerWheel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.core.loop.TimerService;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timer throughput of the core's {@link TimerService} against its peers, in one run (SPEC R-RT-2): the raw Agrona
 * {@link DeadlineTimerWheel} it extends, the JDK's {@link ScheduledThreadPoolExecutor} and Netty's
 * {@code HashedWheelTimer} (4.1 from the class path, 4.2 through a {@link PeerClassLoader}).
 * <p>
 * Every invocation handles a batch of {@link #BATCH} timers and the score is per timer. Two operations:
 * <ul>
 *     <li><b>schedule + expire</b>: schedule the batch, then make every timer expire and be handled.
 *     The two wheels driven by the duty cycle run on a fake clock: deadlines spread over 64 ticks, then 'now'
 *     jumps past them all and the wheel is polled (with the core's expiry limit of 256) until the whole batch has
 *     expired, so the score is pure CPU cost. The executor and Netty run on their own thread against the real
 *     clock: the batch is scheduled with no delay and the benchmark thread spins until a counter shows all ran,
 *     so their score includes the hand-off to their thread and, for Netty, waiting for the next 1 ms tick.
 *     That is the honest cost of their real-time designs, and not a CPU cost.</li>
 *     <li><b>schedule + cancel</b>: schedule the batch far enough ahead that nothing fires, then cancel each timer.
 *     Netty defers the unlinking of a cancelled timer to its own thread, which is not waited for.</li>
 * </ul>
 * Every variant handles an expiry with the least work: counting it.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" }) // Agrona 2 reaches for Unsafe.
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimerBenchmark
{
    /** Timers per invocation; scores are per timer. */
    public static final int BATCH = 1000;
    /** Tick of both Agrona wheels, as the core configures it: 2^20 ns, about a millisecond. */
    public static final long TICK_RESOLUTION_NS = 1L << 20;
    /** Ticks per turn of both Agrona wheels, as the core configures it. */
    public static final int TICKS_PER_WHEEL = 1024;
    /** Timer capacity of the core's default duty cycle. */
    public static final int TIMER_CAPACITY = 4096;
    /** Slots per tick the core's timer service starts with for {@link #TIMER_CAPACITY}; the raw wheel gets the same. */
    public static final int INITIAL_TICK_ALLOCATION = 64;
    /** Expiries per poll of the core's default duty cycle. */
    public static final int EXPIRY_LIMIT = 256;

    /** Ticks the batch's deadlines spread over: the timers of a busy phone are not all due in the same tick. */
    private static final int SPREAD_TICKS = 64;
    private static final long FAR_FUTURE_NS = TimeUnit.HOURS.toNanos(1);

    /**
     * Offsets of the batch's deadlines from 'now': ticks 1 to {@link #SPREAD_TICKS}, at varied points in the tick.
     */
    static final long[] DEADLINE_OFFSETS_NS = new long[BATCH];
    /** Delays of the cancelled timers of the real-time peers: an hour plus the same spread. */
    static final long[] FAR_DELAYS_NS = new long[BATCH];

    static
    {
        for (int i = 0; i < BATCH; i++)
        {
            DEADLINE_OFFSETS_NS[i] = (1 + (i % SPREAD_TICKS)) * TICK_RESOLUTION_NS + ((i * 7919L) % TICK_RESOLUTION_NS);
            FAR_DELAYS_NS[i] = FAR_FUTURE_NS + DEADLINE_OFFSETS_NS[i];
        }
    }

    /**
     * The core's timer service, configured as the default duty cycle configures it, with a batch of preallocated
     * timers whose handler counts.
     */
    @State(Scope.Thread)
    public static class TimerServiceState implements TimerExpiryHandler
    {
        TimerService timerService;
        final Timer[] timers = new Timer[BATCH];
        long nowNs;
        long expiredCount;

        /**
         * Create the service and the batch's timers.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            timerService = new TimerService(0, TICK_RESOLUTION_NS, TICKS_PER_WHEEL, TIMER_CAPACITY, EXPIRY_LIMIT);
            for (int i = 0; i < BATCH; i++)
            {
                timers[i] = timerService.newTimer(this, i);
            }
        }

        /**
         * {@inheritDoc}
         */
        public void onTimerExpiry(final long token, final long nowNs)
        {
            expiredCount++;
        }
    }

    /**
     * The raw Agrona wheel with the same tick, ticks and initial tick allocation as the core's timer service, and
     * a handler that counts. The ids of the batch are kept, preallocated, for cancelling.
     */
    @State(Scope.Thread)
    public static class DeadlineTimerWheelState implements DeadlineTimerWheel.TimerHandler
    {
        final long[] timerIds = new long[BATCH];
        DeadlineTimerWheel wheel;
        long nowNs;
        long expiredCount;

        /**
         * Create the wheel.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            wheel = new DeadlineTimerWheel(
                TimeUnit.NANOSECONDS, 0, TICK_RESOLUTION_NS, TICKS_PER_WHEEL, INITIAL_TICK_ALLOCATION);
        }

        /**
         * {@inheritDoc}
         */
        public boolean onTimerExpiry(final TimeUnit timeUnit, final long now, final long timerId)
        {
            expiredCount++;
            return true;
        }
    }

    /**
     * A one-thread {@link ScheduledThreadPoolExecutor} that removes cancelled tasks at once (otherwise they stay
     * queued until their delay, an hour here, and the queue grows without bound), and a task that counts.
     */
    @State(Scope.Thread)
    public static class ExecutorState implements Runnable
    {
        final AtomicLong expiredCount = new AtomicLong();
        final ScheduledFuture<?>[] futures = new ScheduledFuture<?>[BATCH];
        ScheduledThreadPoolExecutor executor;
        long cancelledCount;

        /**
         * Create the executor and start its thread.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            executor = new ScheduledThreadPoolExecutor(1);
            executor.setRemoveOnCancelPolicy(true);
            executor.prestartAllCoreThreads();
        }

        /**
         * Stop the executor's thread.
         *
         * @throws InterruptedException if interrupted while waiting for it.
         */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException
        {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }

        /**
         * The task: count, on the executor's thread.
         */
        public void run()
        {
            expiredCount.incrementAndGet();
        }
    }

    /**
     * Netty 4.1's {@code HashedWheelTimer}, the version on the class path.
     */
    @State(Scope.Thread)
    public static class Netty41State
    {
        RealTimeTimerPeer peer;

        /**
         * Create the timer and start its thread.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            peer = new NettyTimerPeer();
        }

        /**
         * Stop the timer's thread.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            peer.close();
        }
    }

    /**
     * Netty 4.2's {@code HashedWheelTimer}, loaded beside 4.1 by a {@link PeerClassLoader}.
     */
    @State(Scope.Thread)
    public static class Netty42State
    {
        /** Where bench/pom.xml puts the Netty 4.2 jar. */
        public static final String NETTY_4_2_JAR = "/peers/netty-common-4.2.jar";

        RealTimeTimerPeer peer;

        /**
         * Create the timer over Netty 4.2 and start its thread.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            peer = PeerClassLoader.newDriver(NETTY_4_2_JAR, "io.netty.", NettyTimerPeer.class, RealTimeTimerPeer.class);
            if (!PeerClassLoader.isFromPeer(peer.getClass()))
            {
                throw new IllegalStateException("Netty 4.2 peer was loaded from the class path");
            }
        }

        /**
         * Stop the timer's thread.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            peer.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long timerServiceScheduleAndExpire(final TimerServiceState state)
    {
        final TimerService timerService = state.timerService;
        final Timer[] timers = state.timers;
        final long nowNs = state.nowNs;
        for (int i = 0; i < BATCH; i++)
        {
            timerService.schedule(timers[i], nowNs + DEADLINE_OFFSETS_NS[i]);
        }

        final long laterNs = nowNs + (SPREAD_TICKS + 1) * TICK_RESOLUTION_NS;
        final long target = state.expiredCount + BATCH;
        while (state.expiredCount < target)
        {
            timerService.poll(laterNs);
        }
        state.nowNs = laterNs;

        return state.expiredCount;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long timerServiceScheduleAndCancel(final TimerServiceState state)
    {
        final TimerService timerService = state.timerService;
        final Timer[] timers = state.timers;
        final long nowNs = state.nowNs;
        for (int i = 0; i < BATCH; i++)
        {
            timerService.schedule(timers[i], nowNs + DEADLINE_OFFSETS_NS[i]);
        }

        long cancelled = 0;
        for (int i = 0; i < BATCH; i++)
        {
            cancelled += timerService.cancel(timers[i]) ? 1 : 0;
        }

        return cancelled;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long deadlineTimerWheelScheduleAndExpire(final DeadlineTimerWheelState state)
    {
        final DeadlineTimerWheel wheel = state.wheel;
        final long nowNs = state.nowNs;
        for (int i = 0; i < BATCH; i++)
        {
            wheel.scheduleTimer(nowNs + DEADLINE_OFFSETS_NS[i]);
        }

        final long laterNs = nowNs + (SPREAD_TICKS + 1) * TICK_RESOLUTION_NS;
        final long target = state.expiredCount + BATCH;
        while (state.expiredCount < target)
        {
            wheel.poll(laterNs, state, EXPIRY_LIMIT);
        }
        state.nowNs = laterNs;

        return state.expiredCount;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long deadlineTimerWheelScheduleAndCancel(final DeadlineTimerWheelState state)
    {
        final DeadlineTimerWheel wheel = state.wheel;
        final long[] timerIds = state.timerIds;
        final long nowNs = state.nowNs;
        for (int i = 0; i < BATCH; i++)
        {
            timerIds[i] = wheel.scheduleTimer(nowNs + DEADLINE_OFFSETS_NS[i]);
        }

        long cancelled = 0;
        for (int i = 0; i < BATCH; i++)
        {
            cancelled += wheel.cancelTimer(timerIds[i]) ? 1 : 0;
        }

        return cancelled;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long scheduledThreadPoolExecutorScheduleAndExpire(final ExecutorState state)
    {
        final ScheduledThreadPoolExecutor executor = state.executor;
        final long target = state.expiredCount.get() + BATCH;
        for (int i = 0; i < BATCH; i++)
        {
            executor.schedule(state, 0, TimeUnit.NANOSECONDS);
        }

        while (state.expiredCount.get() < target)
        {
            Thread.onSpinWait();
        }

        return target;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long scheduledThreadPoolExecutorScheduleAndCancel(final ExecutorState state)
    {
        final ScheduledThreadPoolExecutor executor = state.executor;
        final ScheduledFuture<?>[] futures = state.futures;
        for (int i = 0; i < BATCH; i++)
        {
            futures[i] = executor.schedule(state, FAR_DELAYS_NS[i], TimeUnit.NANOSECONDS);
        }

        for (int i = 0; i < BATCH; i++)
        {
            futures[i].cancel(false);
            futures[i] = null;
        }

        state.cancelledCount += BATCH;
        return state.cancelledCount;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long nettyHashedWheelTimer41ScheduleAndExpire(final Netty41State state)
    {
        return state.peer.scheduleAndExpire(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long nettyHashedWheelTimer41ScheduleAndCancel(final Netty41State state)
    {
        return state.peer.scheduleAndCancel(FAR_DELAYS_NS);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long nettyHashedWheelTimer42ScheduleAndExpire(final Netty42State state)
    {
        return state.peer.scheduleAndExpire(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long nettyHashedWheelTimer42ScheduleAndCancel(final Netty42State state)
    {
        return state.peer.scheduleAndCancel(FAR_DELAYS_NS);
    }
}
