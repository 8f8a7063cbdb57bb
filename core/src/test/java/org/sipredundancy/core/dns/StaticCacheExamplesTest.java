package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.ProvisioningConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.dns.DnsFixtures.DOMAIN;
import static org.sipredundancy.core.dns.DnsFixtures.START_NS;
import static org.sipredundancy.core.dns.DnsFixtures.correctedExample;
import static org.sipredundancy.core.dns.DnsFixtures.seedExample;

/**
 * The seed's three static DNS cache examples, each against a live zone that lacks exactly the records the example
 * supplies, read literally (R-DNS-12) and corrected.
 */
class StaticCacheExamplesTest
{
    private static final String SERVER2_SERVER1_TCP = "[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]";
    private static final String NAPTR_BUILD_1 = "account.1.sip_server.1.transport_type = 3\naccount.1.naptr_build = 1";
    private static final String STATIC_PRI_1 =
        "account.1.sip_server.1.transport_type = 3\naccount.1.static_cache_pri = 1";

    /** Example 1 supplies the domain's A records: the zone has everything else, but no A for the domain. */
    private static FakeDnsPort zoneWithoutDomainA()
    {
        return DnsFixtures.seedZone();
    }

    /** Example 2 supplies SRV records: the zone has A records only. */
    private static FakeDnsPort zoneWithoutSrv()
    {
        return new FakeDnsPort()
            .a("server1.yealink.pbx.com", "192.168.1.13", 3600)
            .a("server2.yealink.pbx.com", "192.168.1.14", 3600)
            .a(DOMAIN, "192.168.1.10", 3600);
    }

    /** Example 3 supplies NAPTR records: the zone has SRV (under {@code _sip._tcp}) and A records. */
    private static FakeDnsPort zoneWithoutNaptr()
    {
        return DnsFixtures.seedZone().remove(DnsType.NAPTR, DOMAIN);
    }

    private static DnsFixtures.Rig resolve(final ProvisioningConfig config, final FakeDnsPort zone)
    {
        final DnsFixtures.Rig rig = DnsFixtures.rig(zone, new StaticDnsRecords(config.staticDnsCache()));
        final AccountConfig account = config.account(1);
        rig.locator.resolve(account.sipServer(1), account.dns(), START_NS);
        zone.deliverAll(START_NS);
        assertThat(rig.locator.isComplete()).isTrue();
        return rig;
    }

    @Test
    @DisplayName("R-DNS-7 R-DNS-2 R-DNS-10 example 1: no live A record, the static ones stand in with their ttl")
    void shouldUseStaticARecordsOfExample1()
    {
        final DnsFixtures.Rig rig = resolve(seedExample(1), zoneWithoutDomainA());

        assertThat(rig.locator.candidates()).hasToString("[192.168.1.13:5060 UDP, 192.168.1.14:5060 UDP]");
        assertThat(rig.locator.candidates().get(0).source()).isEqualTo(CandidateSource.STATIC);
        assertThat(rig.locator.candidates().get(0).ttlS()).isEqualTo(3600);
        assertThat(rig.port.asked()).containsExactly("A yealink.pbx.com");
        assertThat(rig.trace).contains("A yealink.pbx.com: static records after no live records, 2 records");
    }

    @Test
    @DisplayName("R-DNS-7 R-DNS-12 example 2 read literally: the _sip_tcp. SRV owners are never consulted")
    void shouldNeverConsultLiteralSrvOwnersOfExample2()
    {
        final DnsFixtures.Rig rig = resolve(seedExample(2), zoneWithoutSrv());

        assertThat(rig.locator.candidates()).hasToString("[192.168.1.10:5060 UDP]");
        assertThat(rig.port.asked()).containsExactly(
            "NAPTR yealink.pbx.com", "SRV _sip._udp.yealink.pbx.com", "A yealink.pbx.com");
        assertThat(rig.trace).noneMatch(line -> line.contains("static records"));
    }

    @Test
    @DisplayName("R-DNS-7 R-DNS-12 example 2 corrected (_sip._tcp. owners, naptr_build 1): server2, then server1")
    void shouldResolveCorrectedExample2() throws Exception
    {
        final ProvisioningConfig config = correctedExample(2, "_sip_tcp.", "_sip._tcp.",
            "account.1.sip_server.1.transport_type = 3", NAPTR_BUILD_1);

        final DnsFixtures.Rig rig = resolve(config, zoneWithoutSrv());

        assertThat(rig.locator.candidates()).hasToString(SERVER2_SERVER1_TCP);
        assertThat(rig.trace)
            .contains("SRV _sip._tcp.yealink.pbx.com: static records after no live records, 2 records");
        assertThat(rig.port.asked()).containsSubsequence("SRV _sip._udp.yealink.pbx.com",
            "SRV _sip._tcp.yealink.pbx.com", "A server2.yealink.pbx.com", "A server1.yealink.pbx.com",
            "SRV _sips._tcp.yealink.pbx.com");
        assertThat(rig.port.asked()).doesNotContain("A yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-7 R-DNS-12 example 3 read literally: the replacement _sip_tcp. is queried as written")
    void shouldQueryLiteralReplacementOfExample3()
    {
        final DnsFixtures.Rig rig = resolve(seedExample(3), zoneWithoutNaptr());

        assertThat(rig.port.asked()).containsSubsequence("NAPTR yealink.pbx.com", "SRV _sip_tcp.yealink.pbx.com",
            "SRV _sip_udp.yealink.pbx.com", "SRV _sip._udp.yealink.pbx.com", "A yealink.pbx.com");
        assertThat(rig.port.asked()).doesNotContain("SRV _sip._tcp.yealink.pbx.com");
        assertThat(rig.locator.candidates()).hasToString("[]");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.NO_ADDRESS);
    }

    @Test
    @DisplayName("R-DNS-12 example 3 read literally works where the live zone holds SRV under _sip_tcp. itself")
    void shouldResolveLiteralExample3WhenZoneHasThatName()
    {
        final FakeDnsPort zone = zoneWithoutNaptr()
            .srv("_sip_tcp.yealink.pbx.com", 0, 1, 5060, "server1.yealink.pbx.com", 3600)
            .srv("_sip_tcp.yealink.pbx.com", 0, 2, 5060, "server2.yealink.pbx.com", 3600);

        final DnsFixtures.Rig rig = resolve(seedExample(3), zone);

        assertThat(rig.locator.candidates()).hasToString(SERVER2_SERVER1_TCP);
    }

    @Test
    @DisplayName("R-DNS-7 R-DNS-12 example 3 corrected (_sip._tcp. replacement): server2, then server1")
    void shouldResolveCorrectedExample3() throws Exception
    {
        final ProvisioningConfig config = correctedExample(3, "_sip_tcp.", "_sip._tcp.", "_sip_udp.", "_sip._udp.");

        final DnsFixtures.Rig rig = resolve(config, zoneWithoutNaptr());

        assertThat(rig.locator.candidates()).hasToString(SERVER2_SERVER1_TCP);
        assertThat(rig.port.asked()).containsExactly("NAPTR yealink.pbx.com", "SRV _sip._tcp.yealink.pbx.com",
            "A server2.yealink.pbx.com", "A server1.yealink.pbx.com");
        assertThat(rig.trace).contains("NAPTR yealink.pbx.com: static records after no live records, 2 records");
    }

    @Test
    @DisplayName("R-DNS-7 static_cache_pri 0 asks live DNS first, 1 uses the static records without asking")
    void shouldDifferBetweenStaticCachePriorities() throws Exception
    {
        final FakeDnsPort liveFirst = zoneWithoutDomainA().a(DOMAIN, "10.0.0.1", 60);
        final FakeDnsPort staticFirst = zoneWithoutDomainA().a(DOMAIN, "10.0.0.1", 60);

        final DnsFixtures.Rig pri0 = resolve(seedExample(1), liveFirst);
        final DnsFixtures.Rig pri1 = resolve(
            correctedExample(1, "account.1.sip_server.1.transport_type = 3", STATIC_PRI_1), staticFirst);

        assertThat(pri0.locator.candidates()).hasToString("[10.0.0.1:5060 UDP]");
        assertThat(pri0.port.asked()).containsExactly("A yealink.pbx.com");
        assertThat(pri1.locator.candidates()).hasToString("[192.168.1.13:5060 UDP, 192.168.1.14:5060 UDP]");
        assertThat(pri1.port.asked()).isEmpty();
        assertThat(pri1.trace).contains("A yealink.pbx.com: static records (static_cache_pri 1), 2 records");
    }

    @Test
    @DisplayName("R-DNS-7 static_cache_pri 1 asks live DNS for the kinds the static cache lacks")
    void shouldAskLiveForOtherKindsWithStaticPriority() throws Exception
    {
        final ProvisioningConfig config = correctedExample(3, "_sip_tcp.", "_sip._tcp.", "_sip_udp.", "_sip._udp.",
            "account.1.sip_server.1.transport_type = 3", STATIC_PRI_1);

        final DnsFixtures.Rig rig = resolve(config, DnsFixtures.seedZone());

        assertThat(rig.locator.candidates()).hasToString(SERVER2_SERVER1_TCP);
        assertThat(rig.port.asked()).containsExactly("SRV _sip._tcp.yealink.pbx.com",
            "A server2.yealink.pbx.com", "A server1.yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-7 the DNS server is down (every query fails): the static records are used")
    void shouldUseStaticRecordsWhenDnsIsDown()
    {
        final DnsFixtures.Rig rig = resolve(seedExample(1), zoneWithoutDomainA().a(DOMAIN, "10.0.0.1", 60)
            .failAll(DnsFailure.TIMEOUT));

        assertThat(rig.locator.candidates()).hasToString("[192.168.1.13:5060 UDP, 192.168.1.14:5060 UDP]");
        assertThat(rig.locator.outcome()).isEqualTo(ResolutionOutcome.RESOLVED);
        assertThat(rig.trace).contains("A yealink.pbx.com: static records after the live query failed, 2 records");
    }

    @Test
    @DisplayName("R-DNS-7 R-DNS-12 static records answer their name ignoring case, and only their name")
    void shouldAnswerStaticLookupsByExactName()
    {
        final StaticDnsRecords statics = new StaticDnsRecords(seedExample(2).staticDnsCache());
        final DnsRecordSet out = new DnsRecordSet(16);

        assertThat(statics.lookup(DnsType.SRV, "_SIP_TCP.Yealink.PBX.com", out)).isEqualTo(2);
        assertThat(out.target(0)).hasToString("server1.yealink.pbx.com");
        assertThat(out.weight(1)).isEqualTo(2);
        assertThat(statics.has(DnsType.SRV, "_sip._tcp.yealink.pbx.com")).isFalse();
        assertThat(statics.has(DnsType.A, "_sip_tcp.yealink.pbx.com")).isFalse();
        assertThat(statics.lookup(DnsType.NAPTR, DOMAIN, out)).isZero();
    }
}
