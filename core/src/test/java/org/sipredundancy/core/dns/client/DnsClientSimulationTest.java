package org.sipredundancy.core.dns.client;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.sipredundancy.core.dns.CandidateSource;
import org.sipredundancy.core.dns.ResolutionOutcome;
import org.sipredundancy.core.dns.StaticDnsRecords;
import org.sipredundancy.core.dns.wire.DnsType;
import org.sipredundancy.core.sim.SimDnsFault;
import org.sipredundancy.core.sim.SimDnsQuery;
import org.sipredundancy.core.sim.SimDnsZone;
import org.sipredundancy.core.sim.Simulation;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.dns.client.DnsWorld.DOMAIN;
import static org.sipredundancy.core.dns.client.DnsWorld.LATENCY_NS;

/**
 * The live DNS client end to end in virtual time: phone (duty cycle, client, locator) and two simulated DNS servers.
 * A failing test prints its seed.
 */
class DnsClientSimulationTest
{
    private static final long SEED = Simulation.seedOr(42);
    private static final long RTT_NS = 2 * LATENCY_NS;
    private static final long TRY_NS = DnsClientContext.DEFAULT_TRY_TIMEOUT_NS;
    private static final String HOST = "sip.example.com";

    private DnsWorld world;

    @RegisterExtension
    final TestWatcher seedPrinter = new TestWatcher()
    {
        @Override
        public void testFailed(final ExtensionContext context, final Throwable cause)
        {
            System.out.println(context.getDisplayName() + " failed: " +
                (world == null ? "seed " + SEED : world.sim.reproduceHint()));
        }
    };

    private static SimDnsZone hostZone()
    {
        return new SimDnsZone().soa("example.com", 3600, 60).a(HOST, 60, "10.0.0.1");
    }

    @Test
    @DisplayName("R-DNS-3 R-DNS-6 R-DNS-9 the seed's Appendix A resolves over live DNS to server2 then server1, TCP")
    void shouldResolveSeedAppendixA()
    {
        world = new DnsWorld(SEED, DnsWorld.seedZone());

        assertThat(world.resolve(DOMAIN, 0, 3)).isEqualTo("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");
        assertThat(world.locator.candidates().get(0).source()).isEqualTo(CandidateSource.LIVE);
        // NAPTR, SRV, A server2, A server1: one round trip each, one after the other.
        assertThat(world.resolvedAtNs).isEqualTo(4 * RTT_NS);
        assertThat(world.dns1.queries()).extracting(SimDnsQuery::type)
            .containsExactly(DnsType.NAPTR, DnsType.SRV, DnsType.A, DnsType.A);
        assertThat(world.dns2.queries()).isEmpty();
        assertThat(world.client.inFlightCount()).isZero();
    }

    @Test
    @DisplayName("R-DNS-9 first server silent: tries at 0 and 2 s, second server at 4 s answers at 4 s + RTT")
    void shouldRetryThenAskSecondServer()
    {
        world = new DnsWorld(SEED, hostZone());
        world.dns1.fault(SimDnsFault.SILENT);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.1:5060 UDP]");

        assertThat(world.dns1.queries()).extracting(SimDnsQuery::atNs)
            .containsExactly(LATENCY_NS, TRY_NS + LATENCY_NS);
        assertThat(world.dns2.queries()).extracting(SimDnsQuery::atNs).containsExactly(2 * TRY_NS + LATENCY_NS);
        assertThat(world.resolvedAtNs).isEqualTo(2 * TRY_NS + RTT_NS);
        assertThat(world.client.counters().tryTimeouts()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-DNS-9 every server silent: four tries, then a time-out at 8 s and an empty list")
    void shouldTimeOutWhenAllSilent()
    {
        world = new DnsWorld(SEED, hostZone());
        world.dns1.fault(SimDnsFault.SILENT);
        world.dns2.fault(SimDnsFault.SILENT);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[]");

        assertThat(world.resolvedAtNs).isEqualTo(4 * TRY_NS);
        assertThat(world.locator.outcome()).isEqualTo(ResolutionOutcome.LOOKUP_FAILED);
        assertThat(world.client.counters().udpTries()).isEqualTo(4);
        assertThat(world.client.counters().failures()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-DNS-7 R-DNS-9 SERVFAIL on every server with static_cache_pri 0: the static records stand in")
    void shouldUseStaticRecordsAfterServfail()
    {
        final StaticDnsRecords statics = DnsWorld.seedExample1Statics();
        world = new DnsWorld(SEED, DnsWorld.seedZone(), statics, DnsWorld::noTweak);
        world.dns1.fault(SimDnsFault.SERVFAIL);
        world.dns2.fault(SimDnsFault.SERVFAIL);

        assertThat(world.resolve(DOMAIN, 5060, 3, 0, 1, 0)).isEqualTo("[192.168.1.13:5060 UDP, 192.168.1.14:5060 UDP]");

        assertThat(world.locator.candidates().get(0).source()).isEqualTo(CandidateSource.STATIC);
        assertThat(world.dns1.queryCount(DOMAIN, DnsType.A)).isEqualTo(1);
        assertThat(world.dns2.queryCount(DOMAIN, DnsType.A)).isEqualTo(1);
        assertThat(world.resolvedAtNs).isEqualTo(2 * RTT_NS);
        assertThat(world.client.counters().errorAnswers()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-DNS-9 REFUSED from the first server: the second server answers at once, no time-out")
    void shouldMoveOnAfterRefused()
    {
        world = new DnsWorld(SEED, hostZone());
        world.dns1.fault(SimDnsFault.REFUSED);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.1:5060 UDP]");
        assertThat(world.resolvedAtNs).isEqualTo(2 * RTT_NS);
    }

    @Test
    @DisplayName("R-DNS-9 a truncated UDP answer is asked again over TCP and used in full")
    void shouldFollowTruncationOverTcp()
    {
        final SimDnsZone zone = hostZone().a(HOST, 60, "10.0.0.2").a(HOST, 60, "10.0.0.3");
        world = new DnsWorld(SEED, zone);
        world.dns1.truncateUdpAbove(1);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.1:5060 UDP, 10.0.0.2:5060 UDP, 10.0.0.3:5060 UDP]");

        assertThat(world.dns1.queries()).extracting(SimDnsQuery::tcp).containsExactly(false, true);
        assertThat(world.client.counters().tcpFallbacks()).isEqualTo(1);
        // UDP round trip; the simulated TCP reports the connection one latency after the connect; query and answer.
        assertThat(world.resolvedAtNs).isEqualTo(RTT_NS + LATENCY_NS + RTT_NS);
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-2 an answer with a wrong id is counted and ignored; the right one is then accepted")
    void shouldIgnoreWrongId()
    {
        world = new DnsWorld(SEED, hostZone());
        world.dns1.fault(SimDnsFault.WRONG_ID).alsoAnswerCorrectly(true);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.1:5060 UDP]");

        assertThat(world.client.counters().stray()).isEqualTo(1);
        assertThat(world.resolvedAtNs).isEqualTo(RTT_NS);
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-2 an answer from the wrong source port is counted and ignored (unconnected UDP)")
    void shouldIgnoreWrongSourceOnUnconnectedUdp()
    {
        world = new DnsWorld(SEED, hostZone(), StaticDnsRecords.NONE, c -> c.connectedUdp(false));
        world.dns1.fault(SimDnsFault.WRONG_SOURCE_PORT).alsoAnswerCorrectly(true);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.1:5060 UDP]");

        assertThat(world.client.counters().wrongSource()).isEqualTo(1);
        assertThat(world.resolvedAtNs).isEqualTo(RTT_NS);
    }

    @Test
    @DisplayName("R-DNS-9 a connected endpoint never sees a wrong-source answer: the tries time out, server 2 answers")
    void shouldNeverSeeWrongSourceOnConnectedUdp()
    {
        world = new DnsWorld(SEED, hostZone());
        world.dns1.fault(SimDnsFault.WRONG_SOURCE_PORT);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.1:5060 UDP]");

        assertThat(world.client.counters().wrongSource()).isZero();
        assertThat(world.resolvedAtNs).isEqualTo(2 * TRY_NS + RTT_NS);
    }

    @Test
    @DisplayName("R-BAD-2 R-DNS-9 malformed answers are counted and dropped like silence; the next server answers")
    void shouldDropMalformedAnswers()
    {
        world = new DnsWorld(SEED, hostZone());
        world.dns1.fault(SimDnsFault.MALFORMED);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.1:5060 UDP]");

        assertThat(world.client.counters().malformed()).isEqualTo(2);
        assertThat(world.client.decodeCounters().rejected()).isEqualTo(2);
        assertThat(world.resolvedAtNs).isEqualTo(2 * TRY_NS + RTT_NS);
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-3 a CNAME chain chased by the server is followed inside one answer")
    void shouldFollowCnameChainInOneAnswer()
    {
        world = new DnsWorld(SEED, cnameZone());

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.9:5060 UDP]");
        assertThat(world.dns1.queries()).hasSize(1);
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-3 a CNAME answered alone: the client asks the target itself, under the same token")
    void shouldAskCnameTargets()
    {
        world = new DnsWorld(SEED, cnameZone());
        world.dns1.chaseCnames(false);

        assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[10.0.0.9:5060 UDP]");

        assertThat(world.dns1.queries()).extracting(SimDnsQuery::name)
            .containsExactly(HOST, "alias.example.com", "host.example.com");
        assertThat(world.client.counters().cnameRequeries()).isEqualTo(2);
        assertThat(world.resolvedAtNs).isEqualTo(3 * RTT_NS);
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-3 a CNAME loop ends with a failure, chased or not")
    void shouldFailOnCnameLoop()
    {
        final SimDnsZone loop = new SimDnsZone()
            .cname(HOST, 60, "other.example.com")
            .cname("other.example.com", 60, HOST);
        for (final boolean chase : List.of(true, false))
        {
            world = new DnsWorld(SEED, loop);
            world.dns1.chaseCnames(chase);

            assertThat(world.resolve(HOST, 5060, 0)).isEqualTo("[]");
            assertThat(world.locator.outcome()).isEqualTo(ResolutionOutcome.LOOKUP_FAILED);
            assertThat(world.client.counters().cnameFailures()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("R-DNS-9 R-BAD-3 a CNAME chain longer than 8 ends with a failure")
    void shouldFailOnLongCnameChain()
    {
        final SimDnsZone zone = new SimDnsZone();
        for (int i = 0; i < 10; i++)
        {
            zone.cname("c" + i + ".example.com", 60, "c" + (i + 1) + ".example.com");
        }
        zone.a("c10.example.com", 60, "10.0.0.10");
        world = new DnsWorld(SEED, zone);
        world.dns1.chaseCnames(false);

        assertThat(world.resolve("c0.example.com", 5060, 0)).isEqualTo("[]");
        assertThat(world.dns1.queries()).hasSize(9);
    }

    @Test
    @DisplayName("R-DNS-8 dns_cache_type 0: every resolution queries again")
    void shouldQueryEveryTimeWithoutCache()
    {
        world = new DnsWorld(SEED, hostZone());

        world.resolve(HOST, 5060, 0, 0, 0, 0);
        world.sim.runFor(Duration.ofSeconds(1));
        world.resolve(HOST, 5060, 0, 0, 0, 0);

        assertThat(world.dns1.queryCount(HOST, DnsType.A)).isEqualTo(2);
    }

    @Test
    @DisplayName("R-DNS-8 dns_cache_type 1: no second query within the TTL, a new one after it")
    void shouldReuseAnswerWithinTtl()
    {
        world = new DnsWorld(SEED, hostZone());

        world.resolve(HOST, 5060, 0, 0, 1, 0);
        world.sim.runFor(Duration.ofSeconds(30));
        assertThat(world.resolve(HOST, 5060, 0, 0, 1, 0)).isEqualTo("[10.0.0.1:5060 UDP]");
        assertThat(world.locator.candidates().get(0).source()).isEqualTo(CandidateSource.CACHED);
        assertThat(world.dns1.queryCount(HOST, DnsType.A)).isEqualTo(1);

        world.sim.runFor(Duration.ofSeconds(31));
        world.resolve(HOST, 5060, 0, 0, 1, 0);
        assertThat(world.dns1.queryCount(HOST, DnsType.A)).isEqualTo(2);
    }

    @Test
    @DisplayName("R-DNS-8 dns_cache_type 2: additional-section A records save the address queries (1: they do not)")
    void shouldUseAdditionalRecordsWithCacheType2()
    {
        final String server1 = "server1.yealink.pbx.com";
        final String server2 = "server2.yealink.pbx.com";
        final String expected = "[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]";
        world = new DnsWorld(SEED, DnsWorld.seedZone());
        assertThat(world.resolve(DOMAIN, 0, 1, 0, 1, 0)).isEqualTo(expected);
        assertThat(world.dns1.queries()).extracting(SimDnsQuery::name)
            .containsExactly("_sip._tcp.yealink.pbx.com", server2, server1);

        world = new DnsWorld(SEED, DnsWorld.seedZone());
        assertThat(world.resolve(DOMAIN, 0, 1, 0, 2, 0)).isEqualTo(expected);
        assertThat(world.dns1.queries()).extracting(SimDnsQuery::name).containsExactly("_sip._tcp.yealink.pbx.com");
        assertThat(world.dns1.queryCount(server1, DnsType.A)).isZero();
        assertThat(world.resolvedAtNs).isEqualTo(RTT_NS);
    }

    @Test
    @DisplayName("R-DNS-8 R-DNS-3 dns_cache_type 2: the NAPTR answer's additional SRV records save the SRV query")
    void shouldUseAdditionalSrvWithCacheType2()
    {
        world = new DnsWorld(SEED, DnsWorld.seedZone());

        assertThat(world.resolve(DOMAIN, 0, 3, 0, 2, 0)).isEqualTo("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");

        assertThat(world.dns1.queryCount(DOMAIN, DnsType.NAPTR)).isEqualTo(1);
        assertThat(world.dns1.queryCount("_sip._tcp.yealink.pbx.com", DnsType.SRV)).isZero();
    }

    @Test
    @DisplayName("R-DNS-9 R-DNS-7 NXDOMAIN carries the zone's SOA; the resolution ends with no address")
    void shouldReportNoRecords()
    {
        world = new DnsWorld(SEED, hostZone());

        assertThat(world.resolve("missing.example.com", 5060, 0)).isEqualTo("[]");
        assertThat(world.client.counters().noRecords()).isEqualTo(1);
        assertThat(world.locator.outcome()).isEqualTo(ResolutionOutcome.NO_ADDRESS);
    }

    private static SimDnsZone cnameZone()
    {
        return new SimDnsZone()
            .cname(HOST, 60, "alias.example.com")
            .cname("alias.example.com", 60, "host.example.com")
            .a("host.example.com", 60, "10.0.0.9");
    }
}
