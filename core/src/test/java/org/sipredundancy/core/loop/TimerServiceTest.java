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
    private TimerService timers;
    private int alice;
    private int bob;

    @BeforeEach
    void setUp()
    {
        timers = new TimerService(START_NS, 1L << 20, 1024, 8, 4, 100);
        alice = timers.registerOwner((token, nowNs) -> fired.add("alice:" + token + "@" + (nowNs - START_NS) / MS));
        bob = timers.registerOwner((token, nowNs) -> fired.add("bob:" + token + "@" + (nowNs - START_NS) / MS));
    }

    @Test
    @DisplayName("R-RT-1 a timer fires at its deadline, not before, and only once")
    void shouldFireAtDeadline()
    {
        timers.schedule(alice, 7, START_NS + 500 * MS);

        assertThat(timers.poll(START_NS + 499 * MS)).isZero();
        assertThat(timers.poll(START_NS + 500 * MS)).isEqualTo(1);
        assertThat(timers.poll(START_NS + 600 * MS)).isZero();
        assertThat(fired).containsExactly("alice:7@500");
    }

    @Test
    @DisplayName("R-RT-1 expiry reaches the owner the timer was scheduled under, with its token")
    void shouldRouteExpiryToOwner()
    {
        timers.schedule(alice, 1, START_NS + 10 * MS);
        timers.schedule(bob, 1, START_NS + 20 * MS);

        timers.poll(START_NS + 30 * MS);

        assertThat(fired).containsExactlyInAnyOrder("alice:1@30", "bob:1@30");
    }

    @Test
    @DisplayName("R-RT-1 scheduling the same (owner, token) again moves the timer instead of adding one")
    void shouldReplaceTimerOfSameName()
    {
        timers.schedule(alice, 3, START_NS + 10 * MS);
        timers.schedule(alice, 3, START_NS + 40 * MS);

        assertThat(timers.timerCount()).isEqualTo(1);
        assertThat(timers.deadlineOf(alice, 3)).isEqualTo(START_NS + 40 * MS);
        timers.poll(START_NS + 20 * MS);
        assertThat(fired).isEmpty();
        timers.poll(START_NS + 40 * MS);
        assertThat(fired).containsExactly("alice:3@40");
    }

    @Test
    @DisplayName("R-RT-1 a cancelled timer never fires")
    void shouldNotFireCancelledTimer()
    {
        timers.schedule(alice, 1, START_NS + 10 * MS);
        assertThat(timers.isScheduled(alice, 1)).isTrue();

        assertThat(timers.cancel(alice, 1)).isTrue();
        assertThat(timers.cancel(alice, 1)).isFalse();
        timers.poll(START_NS + 100 * MS);

        assertThat(fired).isEmpty();
        assertThat(timers.isScheduled(alice, 1)).isFalse();
    }

    @Test
    @DisplayName("R-BAD-4 past its capacity the timer service refuses and counts, and keeps the timers it has")
    void shouldRefuseBeyondCapacity()
    {
        for (int i = 0; i < 8; i++)
        {
            assertThat(timers.schedule(alice, i, START_NS + (i + 1) * MS)).isTrue();
        }

        assertThat(timers.schedule(bob, 99, START_NS + MS)).isFalse();
        assertThat(timers.refusedCount()).isEqualTo(1);
        assertThat(timers.poll(START_NS + 10 * MS)).isEqualTo(8);
        assertThat(timers.schedule(bob, 99, START_NS + 20 * MS)).isTrue();
    }

    @Test
    @DisplayName("R-RT-1 one poll expires at most the expiry limit; the rest fire on the next polls")
    void shouldCapExpiriesPerPoll()
    {
        final TimerService small = new TimerService(START_NS, 1L << 20, 64, 16, 1, 3);
        final int owner = small.registerOwner((token, nowNs) -> fired.add("t" + token));
        for (int i = 0; i < 7; i++)
        {
            small.schedule(owner, i, START_NS + MS);
        }

        assertThat(small.poll(START_NS + 2 * MS)).isEqualTo(3);
        assertThat(small.poll(START_NS + 2 * MS)).isEqualTo(3);
        assertThat(small.poll(START_NS + 2 * MS)).isEqualTo(1);
        assertThat(fired).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("R-RT-4 a jump of hours in virtual time fires far timers exactly and skips empty ticks")
    void shouldFireAfterLongJump()
    {
        final long hour = 3_600_000L * MS;
        timers.schedule(alice, 1, START_NS + 3 * hour);
        timers.schedule(bob, 2, START_NS + 3 * hour + 250 * MS);

        assertThat(timers.nextDeadlineNs()).isEqualTo(START_NS + 3 * hour);
        assertThat(timers.poll(START_NS + 3 * hour - 1)).isZero();
        assertThat(timers.poll(START_NS + 3 * hour)).isEqualTo(1);
        assertThat(timers.nextDeadlineNs()).isEqualTo(START_NS + 3 * hour + 250 * MS);
        assertThat(timers.poll(START_NS + 3 * hour + 250 * MS)).isEqualTo(1);
        assertThat(timers.nextDeadlineNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    @DisplayName("R-RT-1 an owner may schedule again from inside its expiry")
    void shouldAllowRescheduleFromExpiry()
    {
        final TimerService periodic = new TimerService(START_NS, 1L << 20, 64, 4, 1, 10);
        final long[] count = new long[1];
        final int[] owner = new int[1];
        owner[0] = periodic.registerOwner((token, nowNs) ->
        {
            count[0]++;
            periodic.schedule(owner[0], token, nowNs + 20 * MS);
        });
        periodic.schedule(owner[0], 0, START_NS + 20 * MS);

        for (long t = START_NS; t <= START_NS + 1000 * MS; t += MS)
        {
            periodic.poll(t);
        }

        assertThat(count[0]).isEqualTo(50);
        assertThat(periodic.timerCount()).isEqualTo(1);
    }
}
