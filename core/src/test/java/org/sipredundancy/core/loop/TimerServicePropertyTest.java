package org.sipredundancy.core.loop;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timer service against a plain model: whatever mix of schedules, cancels and polls (including long jumps
 * that take the skip-empty-ticks path), each timer fires exactly once, never before its deadline, never after it
 * was cancelled or replaced, and the earliest deadline is always the model's.
 */
class TimerServicePropertyTest
{
    private static final long START_NS = 1_000_000_000L;

    record Op(int kind, int token, long delta)
    {
    }

    @Provide
    Arbitrary<List<Op>> operations()
    {
        final Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 2);
        final Arbitrary<Integer> tokens = Arbitraries.integers().between(0, 40);
        final Arbitrary<Long> deltas = Arbitraries.oneOf(
            Arbitraries.longs().between(0, 5_000_000L),
            Arbitraries.longs().between(0, 20_000_000_000L));
        return Combinators.combine(kinds, tokens, deltas).as(Op::new).list().ofMaxSize(300);
    }

    @Property(tries = 300)
    @Label("R-RT-1 R-RT-4 timers fire exactly once at or after their deadline, as a model says")
    void shouldMatchModel(@ForAll("operations") final List<Op> ops)
    {
        final Map<Long, Long> model = new HashMap<>();
        final Set<Long> firedTooEarly = new HashSet<>();
        final long[] now = {START_NS};
        final TimerService timers = new TimerService(START_NS, 1L << 20, 256, 64, 1000);
        final TimerExpiryHandler handler = (token, nowNs) ->
        {
            final Long deadline = model.remove(token);
            if (deadline == null || deadline > nowNs)
            {
                firedTooEarly.add(token);
            }
        };
        final Timer[] byToken = new Timer[41];
        for (int i = 0; i < byToken.length; i++)
        {
            byToken[i] = timers.newTimer(handler, i);
        }

        for (final Op op : ops)
        {
            switch (op.kind())
            {
                case 0 ->
                {
                    final long deadline = now[0] + op.delta();
                    timers.schedule(byToken[op.token()], deadline);
                    model.put((long)op.token(), deadline);
                }
                case 1 ->
                {
                    assertThat(timers.cancel(byToken[op.token()])).isEqualTo(model.remove((long)op.token()) != null);
                }
                default ->
                {
                    now[0] += op.delta();
                    timers.poll(now[0]);
                    assertThat(model.values()).allMatch((deadline) -> deadline > now[0]);
                }
            }
            final long expectedNext = model.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            assertThat(timers.nextDeadlineNs()).isEqualTo(expectedNext);
            assertThat(timers.timerCount()).isEqualTo(model.size());
        }
        assertThat(firedTooEarly).isEmpty();
    }
}
