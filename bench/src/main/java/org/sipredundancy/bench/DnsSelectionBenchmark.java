package org.sipredundancy.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sipredundancy.core.dns.CandidateList;
import org.sipredundancy.core.dns.DnsAnswerCache;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.core.dns.SrvSelection;
import org.sipredundancy.core.dns.StaticDnsRecords;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Credibility;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DNS selection (SPEC R-DNS-3 … R-DNS-8): the seed's Appendix A example — NAPTR, then SRV, then two A records —
 * from a warm cache to the ordered candidate list [192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]. The core's
 * {@link ServerLocator} against the same steps done with dnsjava's {@link Cache}: look up the NAPTR set, pick the
 * lowest order, look up its SRV set, order by priority then weight (highest first, as the seed does), look up each
 * target's A set and build the addresses. Goal: ≤ 200 ns per selection and 0 B for ours.
 */
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DnsSelectionBenchmark
{
    /**
     * The core's locator with the seed zone in its cache.
     */
    @State(Scope.Thread)
    public static class LocatorState
    {
        SeedZonePort zone;
        ServerLocator locator;
        long nowNs = 1_000_000_000L;

        /**
         * Resolve once through the port, so every answer is cached.
         */
        @Setup(Level.Trial)
        public void setup()
        {
            zone = new SeedZonePort();
            final DnsAnswerCache cache = new DnsAnswerCache(64, ServerLocator.RECORD_CAPACITY, 0);
            locator = new ServerLocator(1, zone, cache, StaticDnsRecords.NONE, null, SrvSelection.SEED_ORDER, 16,
                null, null);
            zone.handler(locator);
            if (!locator.resolve(SeedZonePort.DOMAIN, 0, 3, 0, 1, 0, nowNs) ||
                !"[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]".equals(locator.candidates().toString()))
            {
                throw new IllegalStateException("the seed zone did not resolve: " + locator.candidates());
            }
        }
    }

    /**
     * dnsjava's cache with the same records.
     */
    @State(Scope.Thread)
    public static class DnsjavaState
    {
        Cache cache;
        Name domain;

        /**
         * Fill the cache with the seed zone.
         *
         * @throws TextParseException never: the names are constants.
         * @throws UnknownHostException never: the addresses are literals.
         */
        @Setup(Level.Trial)
        public void setup() throws TextParseException, UnknownHostException
        {
            cache = new Cache(DClass.IN);
            domain = Name.fromString("yealink.pbx.com.");
            final Name tcp = Name.fromString("_sip._tcp.yealink.pbx.com.");
            final Name udp = Name.fromString("_sip._udp.yealink.pbx.com.");
            final Name server1 = Name.fromString("server1.yealink.pbx.com.");
            final Name server2 = Name.fromString("server2.yealink.pbx.com.");
            add(new NAPTRRecord(domain, DClass.IN, 3600, 90, 50, "s", "SIP+D2T", "", tcp));
            add(new NAPTRRecord(domain, DClass.IN, 3600, 100, 50, "s", "SIP+D2U", "", udp));
            add(new SRVRecord(tcp, DClass.IN, 3600, 0, 1, 5060, server1));
            add(new SRVRecord(tcp, DClass.IN, 3600, 0, 2, 5060, server2));
            add(new ARecord(server1, DClass.IN, 3600, InetAddress.getByName("192.168.1.13")));
            add(new ARecord(server2, DClass.IN, 3600, InetAddress.getByName("192.168.1.14")));
        }

        private void add(final Record record)
        {
            cache.addRecord(record, Credibility.AUTH_ANSWER);
        }
    }

    @Benchmark
    public long serverLocator(final LocatorState state)
    {
        state.nowNs++;
        state.locator.resolve(SeedZonePort.DOMAIN, 0, 3, 0, 1, 0, state.nowNs);
        final CandidateList candidates = state.locator.candidates();
        return candidates.get(0).address() + candidates.get(1).address() + state.zone.queryCount();
    }

    @Benchmark
    public List<InetSocketAddress> dnsjavaCache(final DnsjavaState state)
    {
        final NAPTRRecord naptr = (NAPTRRecord)Arrays.stream(records(state.cache, state.domain, Type.NAPTR))
            .min(Comparator.comparingInt((final Record r) -> ((NAPTRRecord)r).getOrder())
                .thenComparingInt((r) -> ((NAPTRRecord)r).getPreference()))
            .orElseThrow();
        final Record[] srv = records(state.cache, naptr.getReplacement(), Type.SRV);
        Arrays.sort(srv, Comparator.comparingInt((final Record r) -> ((SRVRecord)r).getPriority())
            .thenComparing(Comparator.comparingInt((final Record r) -> ((SRVRecord)r).getWeight()).reversed()));
        final List<InetSocketAddress> candidates = new ArrayList<>(2);
        for (final Record record : srv)
        {
            final SRVRecord target = (SRVRecord)record;
            for (final Record a : records(state.cache, target.getTarget(), Type.A))
            {
                candidates.add(new InetSocketAddress(((ARecord)a).getAddress(), target.getPort()));
            }
        }
        return candidates;
    }

    private static Record[] records(final Cache cache, final Name name, final int type)
    {
        final SetResponse response = cache.lookupRecords(name, type, Credibility.NORMAL);
        return response.answers().get(0).rrs().toArray(new Record[0]);
    }
}
