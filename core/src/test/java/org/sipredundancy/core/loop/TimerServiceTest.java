package org.sipredundancy.core.loop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimerServiceTest
{
    private static final long MS = 1_000_000L;
    private static final long START_NS = 5_000L * MS;

    private final List<String> fired = new ArrayList<>();
    private final TimerExpiryHandler alice = (token, nowNs) -> fired.add("alice:" + token + "@" + ms(nowNs));
    private final TimerExpiryHandler bob = (token, nowNs) -> fired.add("bob:" + token + "@" + ms(nowNs));
    private TimerService timers;

    private static long ms(final long nowNs)
    {
        return (nowNs - START_NS) / MS;
    }

    @BeforeEach
    void setUp()
    {
        timers = new TimerService(START_NS, 1L << 20, 1024, 8, 100);
    }

    @Test
    @DisplayName("R-RT-1 a timer fires at its deadline, not before, and only once")
    void shouldFireAtDeadline()
    {
        final Timer timer = timers.newTimer(alice, 7);
        timers.schedule(timer, START_NS + 500 * MS);

        assertThat(timers.poll(START_NS + 499 * MS)).isZero();
        assertThat(timers.poll(START_NS + 500 * MS)).isEqualTo(1);
        assertThat(timers.poll(START_NS + 600 * MS)).isZero();
        assertThat(fired).containsExactly("alice:7@500");
        assertThat(timer.isScheduled()).isFalse();
    }

    @Test
    @DisplayName("R-RT-1 expiry reaches the timer's own handler, with its token")
    void shouldRouteExpiryToOwner()
    {
        timers.schedule(timers.newTimer(alice, 1), START_NS + 10 * MS);
        timers.schedule(timers.newTimer(bob, 1), START_NS + 20 * MS);

        timers.poll(START_NS + 30 * MS);

        assertThat(fired).containsExactlyInAnyOrder("alice:1@30", "bob:1@30");
    }

    @Test
    @DisplayName("R-RT-1 scheduling a scheduled timer again moves it instead of adding one")
    void shouldMoveScheduledTimer()
    {
        final Timer timer = timers.newTimer(alice, 3);
        timers.schedule(timer, START_NS + 10 * MS);
        timers.schedule(timer, START_NS + 40 * MS);

        assertThat(timers.timerCount()).isEqualTo(1);
        assertThat(timer.deadlineNs()).isEqualTo(START_NS + 40 * MS);
        timers.poll(START_NS + 20 * MS);
        assertThat(fired).isEmpty();
        timers.poll(START_NS + 40 * MS);
        assertThat(fired).containsExactly("alice:3@40");
    }

    @Test
    @DisplayName("R-RT-1 a cancelled timer never fires, and cancelling a fired one is harmless")
    void shouldNotFireCancelledTimer()
    {
        final Timer cancelled = timers.newTimer(alice, 1);
        final Timer fires = timers.newTimer(bob, 2);
        timers.schedule(cancelled, START_NS + 10 * MS);
        timers.schedule(fires, START_NS + 5 * MS);
        assertThat(cancelled.isScheduled()).isTrue();

        assertThat(timers.cancel(cancelled)).isTrue();
        assertThat(timers.cancel(cancelled)).isFalse();
        timers.poll(START_NS + 100 * MS);
        final Timer reusesSlot = timers.newTimer(alice, 3);
        timers.schedule(reusesSlot, START_NS + 200 * MS);

        assertThat(timers.cancel(fires)).as("a stale cancel must not hit the timer now in its slot").isFalse();
        assertThat(reusesSlot.isScheduled()).isTrue();
        assertThat(fired).containsExactly("bob:2@100");
    }

    @Test
    @DisplayName("R-BAD-4 past its capacity the timer service refuses and counts, and keeps the timers it has")
    void shouldRefuseBeyondCapacity()
    {
        for (int i = 0; i < 8; i++)
        {
            assertThat(timers.schedule(timers.newTimer(alice, i), START_NS + (i + 1) * MS)).isTrue();
        }

        final Timer extra = timers.newTimer(bob, 99);
        assertThat(timers.schedule(extra, START_NS + MS)).isFalse();
        assertThat(extra.isScheduled()).isFalse();
        assertThat(timers.refusedCount()).isEqualTo(1);
        assertThat(timers.poll(START_NS + 10 * MS)).isEqualTo(8);
        assertThat(timers.schedule(extra, START_NS + 20 * MS)).isTrue();
    }

    @Test
    @DisplayName("R-RT-1 one poll expires at most the expiry limit; the rest fire on the next polls")
    void shouldCapExpiriesPerPoll()
    {
        final TimerService small = new TimerService(START_NS, 1L << 20, 64, 16, 3);
        for (int i = 0; i < 7; i++)
        {
            small.schedule(small.newTimer(alice, i), START_NS + MS);
        }

        assertThat(small.poll(START_NS + 2 * MS)).isEqualTo(3);
        assertThat(small.poll(START_NS + 2 * MS)).isEqualTo(3);
        assertThat(small.poll(START_NS + 2 * MS)).isEqualTo(1);
        assertThat(fired).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("R-RT-1 many timers in one tick widen the wheel's slots and all still fire once")
    void shouldGrowSlotsOfCrowdedTick()
    {
        final TimerService crowded = new TimerService(START_NS, 1L << 20, 64, 200, 1000);
        final List<Timer> all = new ArrayList<>();
        for (int i = 0; i < 100; i++)
        {
            final Timer timer = crowded.newTimer(alice, i);
            all.add(timer);
            crowded.schedule(timer, START_NS + 3 * MS);
        }
        crowded.cancel(all.get(50));

        assertThat(crowded.poll(START_NS + 3 * MS)).isEqualTo(99);
        assertThat(fired).hasSize(99).doesNotHaveDuplicates().doesNotContain("alice:50@3");
    }

    @Test
    @DisplayName("R-RT-4 a jump of hours in virtual time fires far timers exactly and skips empty ticks")
    void shouldFireAfterLongJump()
    {
        final long hour = 3_600_000L * MS;
        timers.schedule(timers.newTimer(alice, 1), START_NS + 3 * hour);
        timers.schedule(timers.newTimer(bob, 2), START_NS + 3 * hour + 250 * MS);

        assertThat(timers.nextDeadlineNs()).isEqualTo(START_NS + 3 * hour);
        assertThat(timers.poll(START_NS + 3 * hour - 1)).isZero();
        assertThat(timers.poll(START_NS + 3 * hour)).isEqualTo(1);
        assertThat(timers.nextDeadlineNs()).isEqualTo(START_NS + 3 * hour + 250 * MS);
        assertThat(timers.poll(START_NS + 3 * hour + 250 * MS)).isEqualTo(1);
        assertThat(timers.nextDeadlineNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    @DisplayName("R-RT-1 a handler may schedule its timer again from inside its expiry")
    void shouldAllowRescheduleFromExpiry()
    {
        final TimerService periodic = new TimerService(START_NS, 1L << 20, 64, 4, 10);
        final long[] count = new long[1];
        final Timer[] timer = new Timer[1];
        timer[0] = periodic.newTimer((token, nowNs) ->
        {
            count[0]++;
            periodic.schedule(timer[0], nowNs + 20 * MS);
        }, 0);
        periodic.schedule(timer[0], START_NS + 20 * MS);

        for (long t = START_NS; t <= START_NS + 1000 * MS; t += MS)
        {
            periodic.poll(t);
        }

        assertThat(count[0]).isEqualTo(50);
        assertThat(periodic.timerCount()).isEqualTo(1);
    }
}
