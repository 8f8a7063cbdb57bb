package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.SplitMix64Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SrvOrderingTest
{
    private static final int SELECTIONS = 100_000;

    private static DnsRecordSet srv(final int... priorityWeightPairs)
    {
        final DnsRecordSet set = new DnsRecordSet(16).reset(DnsType.SRV);
        for (int i = 0; i < priorityWeightPairs.length; i += 2)
        {
            set.addSrv(priorityWeightPairs[i], priorityWeightPairs[i + 1], 5060, "t" + (i / 2) + ".example.com", 60);
        }
        return set;
    }

    private static int[] order(final DnsRecordSet set, final SrvSelection selection, final RandomSource random)
    {
        final int[] indexes = new int[set.size()];
        new SrvOrdering(random).order(set, selection, indexes);
        return indexes;
    }

    @Test
    @DisplayName("R-DNS-5 seed order: priority ascending, then higher weight first, equal weights in record order")
    void shouldOrderBySeedRule()
    {
        final DnsRecordSet set = srv(1, 5, 0, 1, 0, 2, 0, 1, 1, 9);

        assertThat(order(set, SrvSelection.SEED_ORDER, null)).containsExactly(2, 1, 3, 4, 0);
    }

    @Test
    @DisplayName("R-DNS-5 RFC 2782: over 100,000 selections each target's first-pick share is its weight share +-1pp")
    void shouldSelectInProportionToWeight()
    {
        final DnsRecordSet set = srv(0, 10, 0, 30, 0, 60, 1, 1000);
        final RandomSource random = new SplitMix64Random(2782);
        final int[] firsts = new int[4];
        final int[] indexes = new int[4];
        final SrvOrdering ordering = new SrvOrdering(random);

        for (int i = 0; i < SELECTIONS; i++)
        {
            ordering.order(set, SrvSelection.RFC2782_WEIGHTED, indexes);
            firsts[indexes[0]]++;
            assertThat(indexes[3]).as("the lower priority comes last").isEqualTo(3);
        }

        assertThat(firsts[0] / (double)SELECTIONS).isCloseTo(0.10, within(0.01));
        assertThat(firsts[1] / (double)SELECTIONS).isCloseTo(0.30, within(0.01));
        assertThat(firsts[2] / (double)SELECTIONS).isCloseTo(0.60, within(0.01));
    }

    @Test
    @DisplayName("R-DNS-5 RFC 2782: zero weights go first in the running sum and are rarely chosen while others remain")
    void shouldGiveZeroWeightsASmallChance()
    {
        final DnsRecordSet set = srv(0, 50, 0, 0, 0, 50);
        final SrvOrdering ordering = new SrvOrdering(new SplitMix64Random(7));
        final int[] indexes = new int[3];
        int zeroFirst = 0;
        int zeroLast = 0;

        for (int i = 0; i < SELECTIONS; i++)
        {
            ordering.order(set, SrvSelection.RFC2782_WEIGHTED, indexes);
            zeroFirst += indexes[0] == 1 ? 1 : 0;
            zeroLast += indexes[2] == 1 ? 1 : 0;
        }

        assertThat(zeroFirst / (double)SELECTIONS).as("1 in 101").isCloseTo(1.0 / 101, within(0.003));
        assertThat(zeroLast / (double)SELECTIONS).as("(100/101)(50/51)").isCloseTo(100.0 / 101 * 50 / 51,
            within(0.01));
    }

    @Test
    @DisplayName("R-DNS-5 RFC 2782: all weights zero keeps record order and draws nothing")
    void shouldKeepOrderWhenAllWeightsAreZero()
    {
        final DnsRecordSet set = srv(0, 0, 0, 0, 0, 0);
        final RandomSource noDraws = new RandomSource()
        {
            @Override
            public long nextLong()
            {
                throw new AssertionError("no draw expected");
            }

            @Override
            public int nextInt(final int bound)
            {
                throw new AssertionError("no draw expected");
            }

            @Override
            public double nextDouble()
            {
                throw new AssertionError("no draw expected");
            }
        };

        assertThat(order(set, SrvSelection.RFC2782_WEIGHTED, noDraws)).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("R-DNS-5 R-RT-3 RFC 2782: the same seed gives the same orders")
    void shouldBeDeterministicForASeed()
    {
        final DnsRecordSet set = srv(0, 10, 0, 20, 0, 30, 0, 40);
        final SrvOrdering first = new SrvOrdering(new SplitMix64Random(99));
        final SrvOrdering second = new SrvOrdering(new SplitMix64Random(99));
        final int[] a = new int[4];
        final int[] b = new int[4];

        for (int i = 0; i < 100; i++)
        {
            first.order(set, SrvSelection.RFC2782_WEIGHTED, a);
            second.order(set, SrvSelection.RFC2782_WEIGHTED, b);
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    @DisplayName("R-DNS-5 RFC 2782 mode drives the locator through the injected random source")
    void shouldUseWeightedModeInLocator()
    {
        final FakeDnsPort zone = DnsFixtures.seedZone();
        final DnsFixtures.Rig rig = new DnsFixtures.Rig(zone, StaticDnsRecords.NONE, SrvSelection.RFC2782_WEIGHTED,
            5L);
        final int[] server2First = new int[1];

        for (int i = 0; i < 3000; i++)
        {
            final String list = rig.resolve(DnsFixtures.DOMAIN, 0, 3);
            server2First[0] += list.startsWith("[192.168.1.14") ? 1 : 0;
            assertThat(list).contains("192.168.1.14:5060 TCP").contains("192.168.1.13:5060 TCP");
        }

        assertThat(server2First[0] / 3000.0).as("draws 0..3 inclusive: server1 takes 0-1, server2 2-3")
            .isCloseTo(2.0 / 4, within(0.05));
    }
}
