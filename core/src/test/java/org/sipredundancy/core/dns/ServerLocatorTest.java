package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.dns.DnsFixtures.DOMAIN;
import static org.sipredundancy.core.dns.DnsFixtures.START_NS;
import static org.sipredundancy.core.dns.DnsFixtures.rig;
import static org.sipredundancy.core.dns.DnsFixtures.seedZone;

class ServerLocatorTest
{
    @Test
    @DisplayName("R-DNS-6 R-DNS-3 R-DNS-5 the seed's Appendix A resolves to server2 then server1 over TCP")
    void shouldResolveSeedAppendixA()
    {
        final DnsFixtures.Rig rig = rig(seedZone());

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");
        assertThat(rig.port.asked()).containsExactly("NAPTR yealink.pbx.com", "SRV _sip._tcp.yealink.pbx.com",
            "A server2.yealink.pbx.com", "A server1.yealink.pbx.com");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.RESOLVED);
        assertThat(rig.locator.candidates().get(0).ttlS()).isEqualTo(3600);
        assertThat(rig.locator.candidates().get(0).source()).isEqualTo(CandidateSource.LIVE);
        assertThat(rig.resolvedCount).isEqualTo(1);
    }

    @Test
    @DisplayName("R-DNS-6 a port that answers inside query() finishes the resolution inside resolve()")
    void shouldFinishInsideResolveWithSynchronousPort()
    {
        final DnsFixtures.Rig rig = rig(seedZone().synchronous(true));

        final boolean done = rig.locator.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS);

        assertThat(done).isTrue();
        assertThat(rig.locator.candidates()).hasToString("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");
        assertThat(rig.resolvedCount).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}:{1} transport_type {2} -> {3}")
    @DisplayName("R-DNS-1 an IP literal needs no DNS: port 0 is 5060 (5061 TLS), DNS-NAPTR is UDP")
    @CsvSource({
        "10.0.0.1, 0, 0, [10.0.0.1:5060 UDP]",
        "10.0.0.1, 0, 1, [10.0.0.1:5060 TCP]",
        "10.0.0.1, 0, 2, [10.0.0.1:5061 TLS]",
        "10.0.0.1, 0, 3, [10.0.0.1:5060 UDP]",
        "10.0.0.1, 5070, 0, [10.0.0.1:5070 UDP]",
        "10.0.0.1, 5070, 1, [10.0.0.1:5070 TCP]",
        "10.0.0.1, 5070, 2, [10.0.0.1:5070 TLS]",
        "10.0.0.1, 5070, 3, [10.0.0.1:5070 UDP]"})
    void shouldUseIpLiteralWithoutDns(final String host, final int port, final int transport, final String expected)
    {
        final DnsFixtures.Rig rig = rig(seedZone());

        assertThat(rig.resolve(host, port, transport)).isEqualTo(expected);
        assertThat(rig.port.asked()).isEmpty();
        assertThat(rig.locator.candidates().get(0).source()).isEqualTo(CandidateSource.LITERAL);
        assertThat(rig.locator.candidates().get(0).ttlS()).isZero();
    }

    @ParameterizedTest(name = "transport_type {0} -> {1}")
    @DisplayName("R-DNS-2 a domain with an explicit port is an address query only; DNS-NAPTR is UDP")
    @CsvSource({"0, UDP", "1, TCP", "2, TLS", "3, UDP"})
    void shouldAskOnlyAddressWithExplicitPort(final int transport, final String expected)
    {
        final DnsFixtures.Rig rig = rig(seedZone().a(DOMAIN, "192.168.1.10", 600).a(DOMAIN, "192.168.1.11", 600));

        assertThat(rig.resolve(DOMAIN, 5070, transport))
            .isEqualTo("[192.168.1.10:5070 " + expected + ", 192.168.1.11:5070 " + expected + "]");
        assertThat(rig.port.asked()).containsExactly("A yealink.pbx.com");
    }

    @ParameterizedTest(name = "transport_type {0} asks {1}")
    @DisplayName("R-DNS-4 port 0 with transport 0/1/2 asks the SRV name of that transport")
    @CsvSource({
        "0, _sip._udp.yealink.pbx.com, UDP",
        "1, _sip._tcp.yealink.pbx.com, TCP",
        "2, _sips._tcp.yealink.pbx.com, TLS"})
    void shouldAskSrvForTransport(final int transport, final String srvName, final String expected)
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort()
            .srv(srvName, 0, 0, 5999, "host.yealink.pbx.com", 60)
            .a("host.yealink.pbx.com", "10.1.1.1", 60));

        assertThat(rig.resolve(DOMAIN, 0, transport)).isEqualTo("[10.1.1.1:5999 " + expected + "]");
        assertThat(rig.port.asked()).containsExactly("SRV " + srvName, "A host.yealink.pbx.com");
    }

    @ParameterizedTest(name = "transport_type {0} -> {1}")
    @DisplayName("R-DNS-4 no SRV record: address query on the domain, 5060 (5061 TLS)")
    @CsvSource({"0, 5060 UDP", "1, 5060 TCP", "2, 5061 TLS"})
    void shouldFallBackToAddressWithoutSrv(final int transport, final String expected)
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort().a(DOMAIN, "10.2.2.2", 60));

        assertThat(rig.resolve(DOMAIN, 0, transport)).isEqualTo("[10.2.2.2:" + expected + "]");
        assertThat(rig.port.asked()).hasSize(2).last().isEqualTo("A yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-3 no NAPTR, naptr_build 0: SRV _sip._udp only")
    void shouldAskSrvUdpOnlyWithNaptrBuild0()
    {
        final DnsFixtures.Rig rig = rig(threeTransportZone());

        assertThat(rig.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS)).isEqualTo("[10.0.0.1:5060 UDP]");
        assertThat(rig.port.asked()).containsExactly(
            "NAPTR yealink.pbx.com", "SRV _sip._udp.yealink.pbx.com", "A udp.yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-3 no NAPTR, naptr_build 1: SRV _sip._udp, _sip._tcp, _sips._tcp concatenated")
    void shouldConcatenateThreeTransportsWithNaptrBuild1()
    {
        final DnsFixtures.Rig rig = rig(threeTransportZone());

        assertThat(rig.resolve(DOMAIN, 0, 3, 1, 1, 0, START_NS))
            .isEqualTo("[10.0.0.1:5060 UDP, 10.0.0.2:5060 TCP, 10.0.0.3:5061 TLS]");
        assertThat(rig.port.asked()).containsExactly("NAPTR yealink.pbx.com",
            "SRV _sip._udp.yealink.pbx.com", "A udp.yealink.pbx.com",
            "SRV _sip._tcp.yealink.pbx.com", "A tcp.yealink.pbx.com",
            "SRV _sips._tcp.yealink.pbx.com", "A tls.yealink.pbx.com");
    }

    private static FakeDnsPort threeTransportZone()
    {
        return new FakeDnsPort()
            .srv("_sip._udp.yealink.pbx.com", 0, 0, 5060, "udp.yealink.pbx.com", 60)
            .srv("_sip._tcp.yealink.pbx.com", 0, 0, 5060, "tcp.yealink.pbx.com", 60)
            .srv("_sips._tcp.yealink.pbx.com", 0, 0, 5061, "tls.yealink.pbx.com", 60)
            .a("udp.yealink.pbx.com", "10.0.0.1", 60)
            .a("tcp.yealink.pbx.com", "10.0.0.2", 60)
            .a("tls.yealink.pbx.com", "10.0.0.3", 60)
            .a(DOMAIN, "10.9.9.9", 60);
    }

    @ParameterizedTest(name = "naptr_build {0}")
    @DisplayName("R-DNS-3 no NAPTR and no SRV at all: address query on the domain, 5060 UDP")
    @CsvSource({"0", "1"})
    void shouldFallBackToAddressWhenNothingElse(final int naptrBuild)
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort().a(DOMAIN, "10.9.9.9", 60));

        assertThat(rig.resolve(DOMAIN, 0, 3, naptrBuild, 1, 0, START_NS)).isEqualTo("[10.9.9.9:5060 UDP]");
        assertThat(rig.port.asked()).hasSize(naptrBuild == 0 ? 3 : 5).last().isEqualTo("A yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-3 no records at all, not even A: an empty list with a reason")
    void shouldGiveEmptyListWithReason()
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort());

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[]");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.NO_ADDRESS);
        assertThat(rig.locator.outcome().reason()).isEqualTo("no address records");
        assertThat(rig.resolvedCount).isEqualTo(1);
        assertThat(rig.trace).last().asString().startsWith("outcome no address records");
    }

    @Test
    @DisplayName("R-DNS-3 SIP+D2S and unknown services and flags are skipped")
    void shouldSkipUnusableNaptrRecords()
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort()
            .naptr(DOMAIN, 10, 10, "s", "SIP+D2S", "_sip._sctp.yealink.pbx.com", 60)
            .naptr(DOMAIN, 11, 10, "s", "E2U+sip", "_e2u.yealink.pbx.com", 60)
            .naptr(DOMAIN, 12, 10, "u", "SIP+D2T", "_u.yealink.pbx.com", 60)
            .naptr(DOMAIN, 20, 10, "S", "sip+d2u", "_sip._udp.yealink.pbx.com", 60)
            .srv("_sip._sctp.yealink.pbx.com", 0, 0, 5060, "sctp.yealink.pbx.com", 60)
            .srv("_sip._udp.yealink.pbx.com", 0, 0, 5060, "udp.yealink.pbx.com", 60)
            .a("sctp.yealink.pbx.com", "10.0.0.9", 60)
            .a("udp.yealink.pbx.com", "10.0.0.1", 60));

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[10.0.0.1:5060 UDP]");
        assertThat(rig.port.asked()).containsExactly(
            "NAPTR yealink.pbx.com", "SRV _sip._udp.yealink.pbx.com", "A udp.yealink.pbx.com");
        assertThat(rig.trace).anyMatch(line -> line.contains("SIP+D2S") && line.contains("skip"));
    }

    @Test
    @DisplayName("R-DNS-3 NAPTR order then preference; the first record that yields candidates decides")
    void shouldOrderNaptrByOrderThenPreference()
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort()
            .naptr(DOMAIN, 50, 20, "s", "SIP+D2T", "_sip._tcp.yealink.pbx.com", 60)
            .naptr(DOMAIN, 50, 10, "s", "SIPS+D2T", "_sips._tcp.yealink.pbx.com", 60)
            .naptr(DOMAIN, 40, 90, "s", "SIP+D2U", "_sip._udp.yealink.pbx.com", 60)
            .srv("_sip._tcp.yealink.pbx.com", 0, 0, 5060, "tcp.yealink.pbx.com", 60)
            .srv("_sips._tcp.yealink.pbx.com", 0, 0, 5061, "tls.yealink.pbx.com", 60)
            .a("tcp.yealink.pbx.com", "10.0.0.2", 60)
            .a("tls.yealink.pbx.com", "10.0.0.3", 60));

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[10.0.0.3:5061 TLS]");
        assertThat(rig.port.asked()).containsExactly("NAPTR yealink.pbx.com", "SRV _sip._udp.yealink.pbx.com",
            "SRV _sips._tcp.yealink.pbx.com", "A tls.yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-3 flag a: address query on the replacement with the default port (5061 for SIPS)")
    void shouldFollowAddressFlag()
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort()
            .naptr(DOMAIN, 10, 10, "a", "SIPS+D2T", "tls.yealink.pbx.com", 60)
            .a("tls.yealink.pbx.com", "10.0.0.3", 60));

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[10.0.0.3:5061 TLS]");
        assertThat(rig.port.asked()).containsExactly("NAPTR yealink.pbx.com", "A tls.yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-3 an empty flag is non-terminal: NAPTR again on the replacement")
    void shouldFollowNonTerminalNaptr()
    {
        final DnsFixtures.Rig rig = rig(seedZone().remove(DnsType.NAPTR, DOMAIN)
            .naptr(DOMAIN, 10, 10, "", "SIP+D2T", "next.yealink.pbx.com", 60)
            .naptr("next.yealink.pbx.com", 10, 10, "s", "SIP+D2T", "_sip._tcp.yealink.pbx.com", 60));

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");
        assertThat(rig.port.asked()).startsWith("NAPTR yealink.pbx.com", "NAPTR next.yealink.pbx.com",
            "SRV _sip._tcp.yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-3 a NAPTR loop is detected and skipped, then SRV and A fallbacks apply")
    void shouldDetectNaptrLoop()
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort()
            .naptr(DOMAIN, 10, 10, "", "SIP+D2U", "loop.yealink.pbx.com", 60)
            .naptr("loop.yealink.pbx.com", 10, 10, "", "SIP+D2U", "YEALINK.pbx.com", 60)
            .a(DOMAIN, "10.9.9.9", 60));

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[10.9.9.9:5060 UDP]");
        assertThat(rig.port.asked()).containsExactly("NAPTR yealink.pbx.com", "NAPTR loop.yealink.pbx.com",
            "SRV _sip._udp.yealink.pbx.com", "A yealink.pbx.com");
        assertThat(rig.trace).anyMatch(line -> line.contains("NAPTR loop"));
    }

    @Test
    @DisplayName("R-DNS-3 five non-terminal hops are followed, a sixth is not")
    void shouldStopAfterFiveHops()
    {
        final FakeDnsPort five = chain(5);
        final FakeDnsPort six = chain(6);

        assertThat(rig(five).resolve(DOMAIN, 0, 3)).isEqualTo("[10.0.0.2:5060 TCP]");
        final DnsFixtures.Rig sixRig = rig(six);
        assertThat(sixRig.resolve(DOMAIN, 0, 3)).isEqualTo("[10.9.9.9:5060 UDP]");
        assertThat(sixRig.port.asked()).filteredOn(q -> q.startsWith("NAPTR")).hasSize(6);
        assertThat(sixRig.trace).anyMatch(line -> line.contains("more than 5 non-terminal hops"));
    }

    /** hops non-terminal records from the domain, then a terminal SRV record on the last name. */
    private static FakeDnsPort chain(final int hops)
    {
        final FakeDnsPort port = new FakeDnsPort()
            .srv("_sip._tcp.yealink.pbx.com", 0, 0, 5060, "tcp.yealink.pbx.com", 60)
            .a("tcp.yealink.pbx.com", "10.0.0.2", 60)
            .a(DOMAIN, "10.9.9.9", 60);
        String from = DOMAIN;
        for (int hop = 1; hop <= hops; hop++)
        {
            final String to = "hop" + hop + ".yealink.pbx.com";
            port.naptr(from, 10, 10, "", "SIP+D2T", to, 60);
            from = to;
        }
        return port.naptr(from, 10, 10, "s", "SIP+D2T", "_sip._tcp.yealink.pbx.com", 60);
    }

    @Test
    @DisplayName("R-DNS-5 an SRV target of '.' means no service: empty list, no address fallback")
    void shouldTreatRootTargetAsNoService()
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort()
            .srv("_sip._udp.yealink.pbx.com", 0, 0, 0, ".", 60)
            .a(DOMAIN, "10.9.9.9", 60));

        assertThat(rig.resolve(DOMAIN, 0, 0)).isEqualTo("[]");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.NO_SERVICE);
        assertThat(rig.port.asked()).containsExactly("SRV _sip._udp.yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-5 R-DNS-6 R-DNS-10 priority, then weight; every address a candidate with its A record TTL")
    void shouldOrderByPriorityAndKeepEveryAddress()
    {
        final DnsFixtures.Rig rig = rig(new FakeDnsPort()
            .srv("_sip._udp.yealink.pbx.com", 1, 100, 5062, "backup.yealink.pbx.com", 60)
            .srv("_sip._udp.yealink.pbx.com", 0, 1, 5060, "main.yealink.pbx.com", 60)
            .srv("_sip._udp.yealink.pbx.com", 0, 1, 5061, "10.0.0.7", 45)
            .a("main.yealink.pbx.com", "10.0.0.1", 30)
            .a("main.yealink.pbx.com", "10.0.0.2", 40)
            .a("backup.yealink.pbx.com", "10.0.0.3", 50));

        assertThat(rig.resolve(DOMAIN, 0, 0))
            .isEqualTo("[10.0.0.1:5060 UDP, 10.0.0.2:5060 UDP, 10.0.0.7:5061 UDP, 10.0.0.3:5062 UDP]");
        final CandidateList list = rig.locator.candidates();
        assertThat(new int[]{list.get(0).ttlS(), list.get(1).ttlS(), list.get(2).ttlS(), list.get(3).ttlS()})
            .containsExactly(30, 40, 45, 50);
        assertThat(rig.port.asked()).doesNotContain("A 10.0.0.7");
    }

    @Test
    @DisplayName("R-DNS-9 R-DNS-7 every query failing, no static records: empty list, lookup failed")
    void shouldReportLookupFailure()
    {
        final DnsFixtures.Rig rig = rig(seedZone().failAll(DnsFailure.TIMEOUT));

        assertThat(rig.resolve(DOMAIN, 0, 3)).isEqualTo("[]");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.LOOKUP_FAILED);
        assertThat(rig.trace).anyMatch(line -> line.contains("timeout"));
    }

    @Test
    @DisplayName("R-DNS-1 an empty or over-long host is invalid")
    void shouldRejectInvalidHost()
    {
        final DnsFixtures.Rig rig = rig(seedZone());

        assertThat(rig.resolve("", 0, 3)).isEqualTo("[]");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.INVALID_HOST);
        assertThat(rig.resolve("a".repeat(300), 0, 3)).isEqualTo("[]");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.INVALID_HOST);
        assertThat(rig.port.asked()).isEmpty();
    }

    @Test
    @DisplayName("R-DNS-9 a refused query is asked again on poll, and nothing moves meanwhile")
    void shouldRetryRefusedQueryOnPoll()
    {
        final DnsFixtures.Rig rig = rig(seedZone().refuseNext(2));

        assertThat(rig.locator.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS)).isFalse();
        assertThat(rig.port.asked()).isEmpty();
        assertThat(rig.locator.poll(START_NS + 1)).isEqualTo(1);
        assertThat(rig.port.asked()).isEmpty();
        assertThat(rig.locator.poll(START_NS + 2)).isEqualTo(1);
        assertThat(rig.port.asked()).containsExactly("NAPTR yealink.pbx.com");
        assertThat(rig.locator.poll(START_NS + 3)).isZero();
        rig.port.deliverAll(START_NS + 4);
        assertThat(rig.locator.candidates()).hasToString("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");
    }

    @Test
    @DisplayName("R-DNS-9 answers to an abandoned resolution are ignored")
    void shouldIgnoreStaleAnswers()
    {
        final DnsFixtures.Rig rig = rig(seedZone());
        rig.locator.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS);
        rig.locator.resolve("10.0.0.1", 0, 0, 0, 1, 0, START_NS);

        rig.port.deliverAll(START_NS);

        assertThat(rig.locator.candidates()).hasToString("[10.0.0.1:5060 UDP]");
        assertThat(rig.locator.ignoredAnswerCount()).isPositive();
        assertThat(rig.resolvedCount).isEqualTo(1);
    }

    @Test
    @DisplayName("R-DNS-6 the candidate list keeps its capacity and drops the rest")
    void shouldStopWhenListIsFull()
    {
        final FakeDnsPort port = new FakeDnsPort();
        for (int i = 1; i <= 20; i++)
        {
            port.a(DOMAIN, "10.0.0." + i, 60);
        }
        final DnsFixtures.Rig rig = rig(port);

        rig.resolve(DOMAIN, 5060, 0);

        assertThat(rig.locator.candidates().size()).isEqualTo(16);
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.RESOLVED);
    }

    @Test
    @DisplayName("R-DNS-6 the trace names each query, its source and each decision")
    void shouldTraceQueriesSourcesAndDecisions()
    {
        final DnsFixtures.Rig rig = rig(seedZone());
        rig.resolve(DOMAIN, 0, 3);
        rig.trace.clear();

        rig.resolve(DOMAIN, 0, 3);

        assertThat(rig.trace).containsSubsequence(
            "resolve yealink.pbx.com port 0 transport_type 3 naptr_build 0 dns_cache_type 1 static_cache_pri 0",
            "port 0, DNS-NAPTR: NAPTR query (R-DNS-3)",
            "NAPTR yealink.pbx.com: cached answer, 2 records",
            "  NAPTR 90 50 s SIP+D2T _sip._tcp.yealink.pbx.com: SRV on the replacement",
            "SRV _sip._tcp.yealink.pbx.com: cached answer, 2 records",
            "  SRV 0 2 5060 server2.yealink.pbx.com TCP",
            "  SRV 0 1 5060 server1.yealink.pbx.com TCP",
            "candidate 192.168.1.14:5060 TCP ttl 3600 cached",
            "candidate 192.168.1.13:5060 TCP ttl 3600 cached",
            "outcome resolved: 2 candidates");
    }

    @Test
    @DisplayName("R-DNS-1 R-DNS-8 the same host text resolves again from the cache, and another host replaces it")
    void shouldResolveRepeatedAndChangedHostsFromWarmCache()
    {
        final DnsFixtures.Rig rig = rig(seedZone().synchronous(true));
        final String seed = "[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]";

        assertThat(rig.locator.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS)).isTrue();
        assertThat(rig.locator.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS + 1)).isTrue();
        assertThat(rig.locator.candidates()).hasToString(seed);
        assertThat(rig.locator.candidates().get(0).source()).isEqualTo(CandidateSource.CACHED);
        assertThat(rig.locator.resolve("10.0.0.9", 0, 3, 0, 1, 0, START_NS + 2)).isTrue();
        assertThat(rig.locator.candidates()).hasToString("[10.0.0.9:5060 UDP]");
        assertThat(rig.locator.resolve(new StringBuilder(DOMAIN.toUpperCase()), 0, 3, 0, 1, 0, START_NS + 3))
            .isTrue();
        assertThat(rig.locator.candidates()).hasToString(seed);
        assertThat(rig.locator.resolve("bad host", 0, 3, 0, 1, 0, START_NS + 4)).isTrue();
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.INVALID_HOST);
        assertThat(rig.locator.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS + 5)).isTrue();
        assertThat(rig.locator.candidates()).hasToString(seed);
        assertThat(rig.port.asked()).hasSize(4);
    }
}
