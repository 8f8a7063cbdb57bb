package org.sipredundancy.bench;

import org.jctools.queues.MpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The inbound hand-off from one device thread to the duty cycle (SPEC R-RT-1): JCTools' {@link MpscArrayQueue}
 * against the JDK's {@link ArrayBlockingQueue}, and the project's own {@link InboundEventQueue}, all of capacity
 * {@link #CAPACITY}.
 * <p>
 * Each group runs one producer thread and one consumer thread. One operation is one element handed over: the
 * producer retries a refused offer (a full queue) and the consumer an empty poll, spinning with
 * {@link Thread#onSpinWait()}, until it succeeds or JMH ends the iteration. So the producer's and the consumer's
 * scores are each the hand-off rate, and the group's score is their sum, twice the hand-off rate.
 * <p>
 * The two plain queues pass one preallocated object. The project's queue passes pooled events: the producer
 * claims a free event and publishes it, the consumer drains one event to a handler that does nothing and gives
 * it back to the pool, so each hand-off crosses two queues (the pool and the published queue). A claim refused
 * because all events are in flight is counted as a drop by the queue, as it would be on the device.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" }) // Agrona 2 reaches for Unsafe.
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InboundHandoffBenchmark
{
    /** Elements each queue holds. */
    public static final int CAPACITY = 1024;
    /** Payload bytes of each pooled event: one Ethernet-sized datagram. */
    public static final int PAYLOAD_CAPACITY = 1500;

    private static final Object ELEMENT = new Object();
    private static final InboundEventHandler NO_OP_HANDLER = (event) -> {};

    /**
     * JCTools' multi-producer single-consumer array queue: what the project's queue is built on.
     */
    @State(Scope.Group)
    public static class MpscArrayQueueState
    {
        MpscArrayQueue<Object> queue;

        /**
         * Create the queue.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            queue = new MpscArrayQueue<>(CAPACITY);
        }
    }

    /**
     * The JDK's bounded queue: one lock for both ends.
     */
    @State(Scope.Group)
    public static class ArrayBlockingQueueState
    {
        ArrayBlockingQueue<Object> queue;

        /**
         * Create the queue.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            queue = new ArrayBlockingQueue<>(CAPACITY);
        }
    }

    /**
     * The project's queue with its pool of events.
     */
    @State(Scope.Group)
    public static class InboundEventQueueState
    {
        InboundEventQueue queue;

        /**
         * Create the queue and its pool.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            queue = new InboundEventQueue(CAPACITY, PAYLOAD_CAPACITY);
        }
    }

    @Benchmark
    @Group("mpscArrayQueue")
    @GroupThreads(1)
    public void mpscArrayQueueOffer(final MpscArrayQueueState state, final Control control)
    {
        final MpscArrayQueue<Object> queue = state.queue;
        while (!queue.offer(ELEMENT) && !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("mpscArrayQueue")
    @GroupThreads(1)
    public Object mpscArrayQueuePoll(final MpscArrayQueueState state, final Control control)
    {
        final MpscArrayQueue<Object> queue = state.queue;
        Object element;
        while (null == (element = queue.poll()) && !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }

        return element;
    }

    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public void arrayBlockingQueueOffer(final ArrayBlockingQueueState state, final Control control)
    {
        final ArrayBlockingQueue<Object> queue = state.queue;
        while (!queue.offer(ELEMENT) && !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public Object arrayBlockingQueuePoll(final ArrayBlockingQueueState state, final Control control)
    {
        final ArrayBlockingQueue<Object> queue = state.queue;
        Object element;
        while (null == (element = queue.poll()) && !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }

        return element;
    }

    @Benchmark
    @Group("inboundEventQueue")
    @GroupThreads(1)
    public void inboundEventQueueClaimPublish(final InboundEventQueueState state, final Control control)
    {
        final InboundEventQueue queue = state.queue;
        InboundEvent event;
        while (null == (event = queue.claim()) && !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }

        if (null != event)
        {
            queue.publish(event);
        }
    }

    @Benchmark
    @Group("inboundEventQueue")
    @GroupThreads(1)
    public int inboundEventQueueDrain(final InboundEventQueueState state, final Control control)
    {
        final InboundEventQueue queue = state.queue;
        int drained;
        while (0 == (drained = queue.drain(NO_OP_HANDLER, 1)) && !control.stopMeasurement)
        {
            Thread.onSpinWait();
        }

        return drained;
    }
}
