package org.sipredundancy.core.sim;

import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.SplitMix64Random;
import org.sipredundancy.hal.sim.SimClock;
import org.sipredundancy.hal.sim.SimNetwork;
import org.sipredundancy.hal.sim.SimNetworkContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Steps phones and simulated servers in virtual time (SPEC R-RT-4), in the manner of TigerBeetle's VOPR and
 * Kafka's {@code RaftEventSimulationTest}: one seed decides every random choice, time jumps from one event to the
 * next, and invariants are checked after every instant.
 * <p>
 * An <em>instant</em> is one virtual time: due packets are delivered, due actions run, and every node works until
 * all are idle; only then does the clock move, straight to the next packet, timer or action. So a run costs what
 * happens in it, not how long it lasts, and a run is a pure function of seed, configuration and inputs.
 * <p>
 * Not thread safe: a simulation and all its nodes belong to one thread. Stepping allocates nothing unless an
 * action or an invariant does.
 */
public final class Simulation
{
    /** System property that overrides a test's seed, so a failing run can be replayed. */
    public static final String SEED_PROPERTY = "sim.seed";

    private static final int NETWORK_STREAM = 1;
    private static final int MAX_ROUNDS_PER_INSTANT = 100_000;

    private final long seed;
    private final SimClock clock;
    private final SimNetwork network;
    private final List<SimNode> nodes = new ArrayList<>();
    private final List<Invariant> invariants = new ArrayList<>();
    private final PriorityQueue<ScheduledAction> actions = new PriorityQueue<>();
    private long actionSequence;
    private long instantCount;
    private boolean onlyReadyNodes = true;
    private final ReadyNodes ready = new ReadyNodes(nodes);

    /**
     * Create a simulation with a fresh virtual clock at 0 and an empty network.
     *
     * @param seed           decides every random choice of the network and of anything seeded from
     *                       {@link #randomFor(int)}.
     * @param networkContext link defaults, capacities and trace of the network.
     */
    public Simulation(final long seed, final SimNetworkContext networkContext)
    {
        this.seed = seed;
        clock = new SimClock();
        network = new SimNetwork(clock, new SplitMix64Random(SplitMix64Random.deriveSeed(seed, NETWORK_STREAM)),
            networkContext);
        network.trackTouched(true);
    }

    /**
     * The seed to use: the {@value #SEED_PROPERTY} system property when set, else the given default.
     *
     * @param defaultSeed the test's own seed.
     * @return the seed.
     */
    public static long seedOr(final long defaultSeed)
    {
        final String value = System.getProperty(SEED_PROPERTY);
        if (value == null || value.isBlank() || value.startsWith("$"))
        {
            return defaultSeed;
        }
        try
        {
            return Long.parseLong(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(SEED_PROPERTY + " must be a whole number, not '" + value + "'", ex);
        }
    }

    /**
     * An independent random source for one component, derived from the seed.
     *
     * @param stream a number naming the component; 1 is the network's, so start from 2.
     * @return a fresh source; equal seeds and streams give equal sequences.
     */
    public RandomSource randomFor(final int stream)
    {
        return new SplitMix64Random(SplitMix64Random.deriveSeed(seed, stream));
    }

    /**
     * Add a node. Start-up only.
     *
     * @param node the node.
     * @param <T>  its type.
     * @return the node.
     */
    public <T extends SimNode> T add(final T node)
    {
        nodes.add(node);
        ready.added(nodes.size() - 1);
        return node;
    }

    /**
     * Check a property after every instant; a violation stops the run with a {@link SimulationFailure} naming the
     * property, the virtual time and the seed.
     *
     * @param name      what the property says, for the failure message.
     * @param condition true while the property holds.
     */
    public void invariant(final String name, final BooleanSupplier condition)
    {
        invariants.add(new Invariant(name, condition));
    }

    /**
     * Run an action at a virtual time (a fault, a key press, a revival).
     *
     * @param atNs   when, in virtual nanoseconds; a time already past means the next instant.
     * @param action what to do.
     */
    public void at(final long atNs, final Runnable action)
    {
        actions.add(new ScheduledAction(Math.max(atNs, clock.nanoTime()), actionSequence++, action));
    }

    /**
     * Run one instant, then move the clock to the next event.
     *
     * @return false when nothing is left to happen (no packet, timer or action), so stepping further is pointless.
     */
    public boolean step()
    {
        ready.invalidate();
        settle();
        final long nextNs = nextEventNs();
        if (nextNs == Long.MAX_VALUE)
        {
            return false;
        }
        clock.advanceTo(Math.max(nextNs, clock.nanoTime() + 1));
        return true;
    }

    /**
     * Run for a span of virtual time; the clock ends exactly at its end.
     *
     * @param duration how long.
     */
    public void runFor(final Duration duration)
    {
        runForNs(duration.toNanos());
    }

    /**
     * Run for a span of virtual time given in nanoseconds; the clock ends exactly at its end.
     *
     * @param durationNs how long.
     */
    public void runForNs(final long durationNs)
    {
        final long endNs = clock.nanoTime() + durationNs;
        ready.invalidate();
        while (true)
        {
            settle();
            final long nextNs = nextEventNs();
            if (nextNs > endNs)
            {
                clock.advanceTo(endNs);
                settle();
                return;
            }
            clock.advanceTo(Math.max(nextNs, clock.nanoTime() + 1));
        }
    }

    /**
     * Run until a condition holds, checked after every instant, or a span of virtual time passes.
     *
     * @param condition what to wait for.
     * @param limit     the most virtual time to run.
     * @return whether the condition came true; the clock stops at the instant it did.
     */
    public boolean runUntil(final BooleanSupplier condition, final Duration limit)
    {
        final long endNs = clock.nanoTime() + limit.toNanos();
        ready.invalidate();
        while (true)
        {
            settle();
            if (condition.getAsBoolean())
            {
                return true;
            }
            final long nextNs = nextEventNs();
            if (nextNs > endNs)
            {
                clock.advanceTo(endNs);
                settle();
                return condition.getAsBoolean();
            }
            clock.advanceTo(Math.max(nextNs, clock.nanoTime() + 1));
        }
    }

    /**
     * The reproduction hint that every failure message of a seeded test should carry.
     *
     * @return e.g. "seed 42 (reproduce with -Dsim.seed=42)".
     */
    public String reproduceHint()
    {
        return "seed " + seed + " (reproduce with -D" + SEED_PROPERTY + "=" + seed + ")";
    }

    /**
     * @return the seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @return the virtual clock; nodes read time from it.
     */
    public SimClock clock()
    {
        return clock;
    }

    /**
     * @return the simulated network; attach hosts and inject faults through it.
     */
    public SimNetwork network()
    {
        return network;
    }

    /**
     * Run only the nodes that say they have work ({@link SimNode#isReady}) — the default — or every node in every
     * round of every instant (false: the slow reference a benchmark compares with). Skipping is safe because a node
     * is ready whenever an event waits for it, a timer of its is due or it worked last round, and because a phone
     * skipped for a while still reads the present time when a test calls into it between instants
     * ({@link org.sipredundancy.core.loop.DutyCycle#nowNs}).
     *
     * @param onlyReadyNodes whether to skip nodes that are not ready.
     * @return this.
     */
    public Simulation onlyReadyNodes(final boolean onlyReadyNodes)
    {
        this.onlyReadyNodes = onlyReadyNodes;
        network.trackTouched(onlyReadyNodes);
        ready.invalidate();
        return this;
    }

    /**
     * @return how many instants have run.
     */
    public long instantCount()
    {
        return instantCount;
    }

    private long nextEventNs()
    {
        long nextNs = network.nextEventNs();
        final ScheduledAction action = actions.peek();
        if (action != null && action.atNs < nextNs)
        {
            nextNs = action.atNs;
        }
        if (onlyReadyNodes)
        {
            return Math.min(nextNs, ready.nextDeadlineNs(clock.nanoTime()));
        }
        for (int i = 0, n = nodes.size(); i < n; i++)
        {
            final long deadlineNs = nodes.get(i).nextDeadlineNs();
            if (deadlineNs < nextNs)
            {
                nextNs = deadlineNs;
            }
        }
        return nextNs;
    }

    private void settle()
    {
        final long nowNs = clock.nanoTime();
        instantCount++;
        int rounds = 0;
        int work;
        do
        {
            final int delivered = network.deliverDue(nowNs);
            final int actionsRun = runDueActions(nowNs);
            work = delivered + actionsRun;
            if (onlyReadyNodes)
            {
                if (actionsRun > 0)
                {
                    ready.invalidate();
                }
                work += ready.runRound(network, nowNs);
            }
            else
            {
                for (int i = 0, n = nodes.size(); i < n; i++)
                {
                    work += nodes.get(i).doWork();
                }
            }
            if (++rounds > MAX_ROUNDS_PER_INSTANT)
            {
                throw new SimulationFailure("livelock: still working after " + MAX_ROUNDS_PER_INSTANT +
                    " rounds at t=" + nowNs + "ns, " + reproduceHint());
            }
        }
        while (work > 0);
        checkInvariants(nowNs);
    }

    private int runDueActions(final long nowNs)
    {
        int count = 0;
        ScheduledAction action = actions.peek();
        while (action != null && action.atNs <= nowNs)
        {
            actions.poll();
            action.action.run();
            count++;
            action = actions.peek();
        }
        return count;
    }

    private void checkInvariants(final long nowNs)
    {
        for (int i = 0, n = invariants.size(); i < n; i++)
        {
            final Invariant invariant = invariants.get(i);
            if (!invariant.condition.getAsBoolean())
            {
                throw new SimulationFailure("invariant violated: " + invariant.name + " at t=" + nowNs + "ns, " +
                    reproduceHint());
            }
        }
    }

    private record Invariant(String name, BooleanSupplier condition)
    {
    }

    private record ScheduledAction(long atNs, long sequence, Runnable action) implements Comparable<ScheduledAction>
    {
        public int compareTo(final ScheduledAction other)
        {
            final int byTime = Long.compare(atNs, other.atNs);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
