package org.sipredundancy.core.dns;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2: resolving the seed's Appendix A example from a warm cache (NAPTR, SRV and both A answers cached) to
 * the candidate list allocates nothing. Under the JIT the JVM itself now and then allocates a little on the thread
 * (deoptimisation, late class initialisation), so one window of five must be exactly zero; an allocation made by
 * the code would show in every window (see the simulation's ZeroAllocationTest).
 */
class WarmCacheAllocationTest
{
    private static final int WINDOW_RESOLUTIONS = 100_000;
    private static final int WINDOWS = 5;

    /** Looked up once: the lookup itself allocates, the read does not. */
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    @DisplayName("R-RT-2 R-DNS-8 R-DNS-6 100,000 resolutions of the seed example from a warm cache allocate nothing")
    void shouldResolveFromWarmCacheWithoutAllocation()
    {
        final FakeDnsPort zone = DnsFixtures.seedZone();
        final DnsAnswerCache cache = new DnsAnswerCache(64, ServerLocator.RECORD_CAPACITY, 0);
        final ServerLocator locator = new ServerLocator(1, zone, cache, StaticDnsRecords.NONE, null,
            SrvSelection.SEED_ORDER, 16, null, null);
        zone.handler(locator);
        final String host = DnsFixtures.DOMAIN;
        final long nowNs = DnsFixtures.START_NS;
        locator.resolve(host, 0, 3, 0, 1, 0, nowNs);
        zone.deliverAll(nowNs);
        assertThat(locator.candidates()).hasToString("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");
        zone.clearAsked();
        long checksum = run(locator, host, nowNs, 20_000);

        final List<Long> windows = new ArrayList<>();
        for (int i = 0; i < WINDOWS; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            checksum += run(locator, host, nowNs, WINDOW_RESOLUTIONS);
            final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            windows.add(allocated);
            if (allocated == 0)
            {
                break;
            }
        }

        assertThat(zone.asked()).as("every answer came from the cache").isEmpty();
        assertThat(checksum).isNotZero();
        assertThat(windows).as("bytes allocated per window of %d resolutions", WINDOW_RESOLUTIONS).contains(0L);
    }

    private static long run(final ServerLocator locator, final String host, final long nowNs, final int count)
    {
        long checksum = 0;
        for (int i = 0; i < count; i++)
        {
            if (!locator.resolve(host, 0, 3, 0, 1, 0, nowNs + i))
            {
                throw new AssertionError("not resolved from the cache");
            }
            final CandidateList list = locator.candidates();
            checksum += list.get(0).address() + list.get(list.size() - 1).port();
        }
        return checksum;
    }
}
