package org.sipredundancy.core.dns;

import org.sipredundancy.hal.RandomSource;

/**
 * Puts SRV records in the order their targets are tried (R-DNS-5): priority ascending, then within one priority
 * either the seed's order or RFC 2782's weighted random order. Works on an array of record indexes, so that the
 * records themselves never move and nothing is allocated. Not thread safe.
 */
final class SrvOrdering
{
    private final RandomSource random;

    /**
     * @param random the only randomness used, for {@link SrvSelection#RFC2782_WEIGHTED}; may be null when only
     *               {@link SrvSelection#SEED_ORDER} is ever asked for.
     */
    SrvOrdering(final RandomSource random)
    {
        this.random = random;
    }

    /**
     * Write the order of the records into {@code indexes}.
     *
     * @param records   SRV records.
     * @param selection how equal priorities are ordered.
     * @param indexes   receives record positions, at least {@code records.size()} long.
     * @return how many indexes were written: the number of records.
     */
    int order(final DnsRecordSet records, final SrvSelection selection, final int[] indexes)
    {
        final int count = records.size();
        for (int i = 0; i < count; i++)
        {
            indexes[i] = i;
        }
        final boolean weighted = selection == SrvSelection.RFC2782_WEIGHTED;
        sortByPriority(records, indexes, count, !weighted);
        if (weighted)
        {
            int start = 0;
            while (start < count)
            {
                int end = start + 1;
                while (end < count && records.priority(indexes[end]) == records.priority(indexes[start]))
                {
                    end++;
                }
                weightedGroup(records, indexes, start, end);
                start = end;
            }
        }
        return count;
    }

    private static void sortByPriority(
        final DnsRecordSet records, final int[] indexes, final int count, final boolean heavierFirst)
    {
        for (int i = 1; i < count; i++)
        {
            final int moving = indexes[i];
            int j = i - 1;
            while (j >= 0 && after(records, indexes[j], moving, heavierFirst))
            {
                indexes[j + 1] = indexes[j];
                j--;
            }
            indexes[j + 1] = moving;
        }
    }

    private static boolean after(final DnsRecordSet records, final int left, final int right, final boolean byWeight)
    {
        if (records.priority(left) != records.priority(right))
        {
            return records.priority(left) > records.priority(right);
        }
        return byWeight && records.weight(left) < records.weight(right);
    }

    /**
     * RFC 2782: order the records of one priority, positions {@code [start, end)}, by repeated weighted selection.
     */
    private void weightedGroup(final DnsRecordSet records, final int[] indexes, final int start, final int end)
    {
        zeroWeightsFirst(records, indexes, start, end);
        for (int position = start; position < end - 1; position++)
        {
            long sum = 0;
            for (int i = position; i < end; i++)
            {
                sum += records.weight(indexes[i]);
            }
            int chosen = position;
            if (sum > 0)
            {
                final long draw = random.nextInt((int)Math.min(Integer.MAX_VALUE, sum + 1));
                long running = 0;
                for (int i = position; i < end; i++)
                {
                    running += records.weight(indexes[i]);
                    if (running >= draw)
                    {
                        chosen = i;
                        break;
                    }
                }
            }
            final int picked = indexes[chosen];
            System.arraycopy(indexes, position, indexes, position + 1, chosen - position);
            indexes[position] = picked;
        }
    }

    private static void zeroWeightsFirst(
        final DnsRecordSet records, final int[] indexes, final int start, final int end)
    {
        int next = start;
        for (int i = start; i < end; i++)
        {
            if (records.weight(indexes[i]) == 0)
            {
                final int zero = indexes[i];
                System.arraycopy(indexes, next, indexes, next + 1, i - next);
                indexes[next++] = zero;
            }
        }
    }
}
