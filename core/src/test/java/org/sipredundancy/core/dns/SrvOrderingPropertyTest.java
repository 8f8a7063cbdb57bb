package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.sipredundancy.hal.SplitMix64Random;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SrvOrderingPropertyTest
{
    private static DnsRecordSet srv(final List<Integer> priorities, final List<Integer> weights)
    {
        final DnsRecordSet set = new DnsRecordSet(16).reset(DnsType.SRV);
        for (int i = 0; i < Math.min(priorities.size(), weights.size()); i++)
        {
            set.addSrv(priorities.get(i), weights.get(i), 5060, "t" + i + ".example.com", 60);
        }
        return set;
    }

    @Property
    @Label("R-DNS-5 both modes give a permutation with priorities ascending")
    void shouldPermuteWithAscendingPriority(
        @ForAll @Size(min = 1, max = 16) final List<@IntRange(min = 0, max = 3) Integer> priorities,
        @ForAll @Size(min = 1, max = 16) final List<@IntRange(min = 0, max = 65535) Integer> weights,
        @ForAll final long seed)
    {
        final DnsRecordSet set = srv(priorities, weights);
        for (final SrvSelection selection : SrvSelection.values())
        {
            final int[] indexes = new int[set.size()];
            new SrvOrdering(new SplitMix64Random(seed)).order(set, selection, indexes);

            final int[] sorted = indexes.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++)
            {
                assertThat(sorted[i]).isEqualTo(i);
            }
            for (int i = 1; i < indexes.length; i++)
            {
                assertThat(set.priority(indexes[i])).isGreaterThanOrEqualTo(set.priority(indexes[i - 1]));
            }
        }
    }

    @Property
    @Label("R-DNS-5 seed order: within a priority weights descend, equal weights keep record order")
    void shouldKeepSeedOrderWithinPriority(
        @ForAll @Size(min = 1, max = 16) final List<@IntRange(min = 0, max = 2) Integer> priorities,
        @ForAll @Size(min = 1, max = 16) final List<@IntRange(min = 0, max = 3) Integer> weights)
    {
        final DnsRecordSet set = srv(priorities, weights);
        final int[] indexes = new int[set.size()];
        new SrvOrdering(null).order(set, SrvSelection.SEED_ORDER, indexes);

        for (int i = 1; i < indexes.length; i++)
        {
            final int previous = indexes[i - 1];
            final int current = indexes[i];
            if (set.priority(previous) == set.priority(current))
            {
                assertThat(set.weight(previous)).isGreaterThanOrEqualTo(set.weight(current));
                if (set.weight(previous) == set.weight(current))
                {
                    assertThat(previous).isLessThan(current);
                }
            }
        }
    }
}
