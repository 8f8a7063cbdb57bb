package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.Ipv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.dns.DnsFixtures.DOMAIN;
import static org.sipredundancy.core.dns.DnsFixtures.S;
import static org.sipredundancy.core.dns.DnsFixtures.START_NS;

class DnsAnswerCacheTest
{
    private final DnsAnswerCache cache = new DnsAnswerCache(4, 16, DnsAnswerCache.NO_SOA_NEGATIVE_TTL_S);
    private final DnsRecordSet out = new DnsRecordSet(16);

    private static DnsRecordSet addresses(final int ttlS, final String... ips)
    {
        final DnsRecordSet set = new DnsRecordSet(16).reset(DnsType.A);
        for (final String ip : ips)
        {
            set.addAddress((int)Ipv4.parse(ip), ttlS);
        }
        return set;
    }

    @Test
    @DisplayName("R-DNS-8 an answer is reused until its TTL runs out, and gone at the exact nanosecond")
    void shouldExpireAtTheExactNanosecond()
    {
        cache.storeAnswer(1, DOMAIN, addresses(60, "10.0.0.1", "10.0.0.2"), START_NS);

        assertThat(cache.lookup(1, DnsType.A, DOMAIN, START_NS + 60 * S - 1, out)).isEqualTo(DnsAnswerCache.HIT);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.ttlS(0)).as("remaining TTL rounded up").isEqualTo(1);
        assertThat(cache.lookup(1, DnsType.A, DOMAIN, START_NS + 60 * S, out)).isEqualTo(DnsAnswerCache.MISS);
        assertThat(out.size()).isZero();
    }

    @Test
    @DisplayName("R-DNS-8 records come back with their remaining TTL; the set lives as long as its shortest record")
    void shouldGiveRemainingTtl()
    {
        final DnsRecordSet set = addresses(300, "10.0.0.1");
        set.addAddress((int)Ipv4.parse("10.0.0.2"), 100);
        cache.storeAnswer(1, DOMAIN, set, START_NS);

        assertThat(cache.lookup(1, DnsType.A, "YEALINK.PBX.COM", START_NS + 30 * S + S / 2, out))
            .isEqualTo(DnsAnswerCache.HIT);
        assertThat(out.ttlS(0)).isEqualTo(70);
        assertThat(out.ttlS(1)).isEqualTo(70);
        assertThat(cache.lookup(1, DnsType.A, DOMAIN, START_NS + 100 * S, out)).isEqualTo(DnsAnswerCache.MISS);
    }

    @Test
    @DisplayName("R-DNS-8 dns_cache_type 0 stores nothing and finds nothing")
    void shouldNotCacheWithType0()
    {
        assertThat(cache.storeAnswer(0, DOMAIN, addresses(60, "10.0.0.1"), START_NS)).isFalse();
        cache.storeAnswer(1, DOMAIN, addresses(60, "10.0.0.1"), START_NS);

        assertThat(cache.lookup(0, DnsType.A, DOMAIN, START_NS, out)).isEqualTo(DnsAnswerCache.MISS);
        assertThat(cache.storeNegative(0, DnsType.SRV, DOMAIN, 60, START_NS)).isFalse();
    }

    @Test
    @DisplayName("R-DNS-8 additional-section records are stored and found only with dns_cache_type 2")
    void shouldKeepAdditionalRecordsOnlyWithType2()
    {
        assertThat(cache.storeAdditional(1, "server1.yealink.pbx.com", addresses(60, "10.0.0.1"), START_NS))
            .isFalse();
        assertThat(cache.storeAdditional(2, "server1.yealink.pbx.com", addresses(60, "10.0.0.1"), START_NS))
            .isTrue();

        assertThat(cache.lookup(1, DnsType.A, "server1.yealink.pbx.com", START_NS, out))
            .isEqualTo(DnsAnswerCache.MISS);
        assertThat(cache.lookup(2, DnsType.A, "server1.yealink.pbx.com", START_NS, out))
            .isEqualTo(DnsAnswerCache.HIT);
    }

    @Test
    @DisplayName("R-DNS-8 an additional record never replaces a live answer that has not expired")
    void shouldPreferAnswersOverAdditionalRecords()
    {
        cache.storeAnswer(2, DOMAIN, addresses(60, "10.0.0.1"), START_NS);

        assertThat(cache.storeAdditional(2, DOMAIN, addresses(600, "10.6.6.6"), START_NS)).isFalse();
        cache.lookup(2, DnsType.A, DOMAIN, START_NS, out);
        assertThat(Ipv4.toString(out.address(0))).isEqualTo("10.0.0.1");
    }

    @Test
    @DisplayName("R-DNS-8 negative answers are kept for the SOA minimum, capped at three hours")
    void shouldCacheNegativeAnswersForSoaMinimum()
    {
        cache.storeNegative(1, DnsType.NAPTR, DOMAIN, 30, START_NS);
        cache.storeNegative(1, DnsType.SRV, DOMAIN, 1_000_000, START_NS);

        assertThat(cache.lookup(1, DnsType.NAPTR, DOMAIN, START_NS + 30 * S - 1, out))
            .isEqualTo(DnsAnswerCache.NEGATIVE);
        assertThat(cache.lookup(1, DnsType.NAPTR, DOMAIN, START_NS + 30 * S, out))
            .isEqualTo(DnsAnswerCache.MISS);
        assertThat(cache.lookup(1, DnsType.SRV, DOMAIN, START_NS + 10_800 * S - 1, out))
            .isEqualTo(DnsAnswerCache.NEGATIVE);
        assertThat(cache.lookup(1, DnsType.SRV, DOMAIN, START_NS + 10_800 * S, out))
            .isEqualTo(DnsAnswerCache.MISS);
        assertThat(cache.lookup(1, DnsType.A, DOMAIN, START_NS, out)).as("other types are separate")
            .isEqualTo(DnsAnswerCache.MISS);
    }

    @Test
    @DisplayName("R-DNS-8 a negative answer without SOA uses the documented default (RFC 2308: not at all)")
    void shouldUseDefaultNegativeTtlWithoutSoa()
    {
        final DnsAnswerCache minute = new DnsAnswerCache(4, 16, 60);

        assertThat(cache.storeNegative(1, DnsType.SRV, DOMAIN, -1, START_NS)).isFalse();
        assertThat(minute.storeNegative(1, DnsType.SRV, DOMAIN, -1, START_NS)).isTrue();
        assertThat(minute.lookup(1, DnsType.SRV, DOMAIN, START_NS + 60 * S - 1, out))
            .isEqualTo(DnsAnswerCache.NEGATIVE);
    }

    @Test
    @DisplayName("R-DNS-8 R-BAD-4 when full, the entry that expires soonest makes room")
    void shouldEvictSoonestExpiry()
    {
        cache.storeAnswer(1, "a.example.com", addresses(400, "10.0.0.1"), START_NS);
        cache.storeAnswer(1, "b.example.com", addresses(100, "10.0.0.2"), START_NS);
        cache.storeAnswer(1, "c.example.com", addresses(300, "10.0.0.3"), START_NS);
        cache.storeAnswer(1, "d.example.com", addresses(200, "10.0.0.4"), START_NS);

        cache.storeAnswer(1, "e.example.com", addresses(500, "10.0.0.5"), START_NS);

        assertThat(cache.evictionCount()).isEqualTo(1);
        assertThat(cache.lookup(1, DnsType.A, "b.example.com", START_NS, out)).isEqualTo(DnsAnswerCache.MISS);
        assertThat(cache.lookup(1, DnsType.A, "e.example.com", START_NS, out)).isEqualTo(DnsAnswerCache.HIT);
        assertThat(cache.size(START_NS)).isEqualTo(4);
    }

    @Test
    @DisplayName("R-DNS-8 the locator reuses answers with type 1 and asks again with type 0")
    void shouldReuseAnswersInLocatorByType()
    {
        final DnsFixtures.Rig rig = DnsFixtures.rig(DnsFixtures.seedZone());
        rig.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS);
        rig.port.clearAsked();

        rig.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS + 3599 * S);
        assertThat(rig.port.asked()).isEmpty();
        assertThat(rig.locator.candidates().get(0).source()).isEqualTo(CandidateSource.CACHED);
        assertThat(rig.locator.candidates().get(0).ttlS()).isEqualTo(1);

        rig.resolve(DOMAIN, 0, 3, 0, 0, 0, START_NS + 10 * S);
        assertThat(rig.port.asked()).hasSize(4);
        rig.port.clearAsked();

        rig.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS + 3600 * S);
        assertThat(rig.port.asked()).hasSize(4);
    }

    @Test
    @DisplayName("R-DNS-8 SRV additional records save the address queries with type 2 only, for SRV targets only")
    void shouldUseAdditionalAddressesInLocatorWithType2()
    {
        final FakeDnsPort zone = DnsFixtures.seedZone()
            .additionalA("_sip._tcp.yealink.pbx.com", "server1.yealink.pbx.com", "192.168.1.13", 3600)
            .additionalA("_sip._tcp.yealink.pbx.com", "server2.yealink.pbx.com", "192.168.1.14", 3600)
            .additionalA("_sip._tcp.yealink.pbx.com", "bank.example.com", "6.6.6.6", 3600);
        final DnsFixtures.Rig type1 = DnsFixtures.rig(zone);
        type1.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS);
        assertThat(type1.port.asked()).contains("A server2.yealink.pbx.com", "A server1.yealink.pbx.com");

        zone.clearAsked();
        final DnsFixtures.Rig type2 = DnsFixtures.rig(zone);
        zone.handler(type2.locator);

        assertThat(type2.resolve(DOMAIN, 0, 3, 0, 2, 0, START_NS))
            .isEqualTo("[192.168.1.14:5060 TCP, 192.168.1.13:5060 TCP]");
        assertThat(zone.asked()).containsExactly("NAPTR yealink.pbx.com", "SRV _sip._tcp.yealink.pbx.com");
        assertThat(type2.cache.lookup(2, DnsType.A, "bank.example.com", START_NS, out))
            .isEqualTo(DnsAnswerCache.MISS);
    }

    @Test
    @DisplayName("R-DNS-8 the locator remembers a negative NAPTR answer for the SOA minimum")
    void shouldCacheNegativeAnswerInLocator()
    {
        final FakeDnsPort zone = DnsFixtures.seedZone().remove(DnsType.NAPTR, DOMAIN).soaMinimum(300)
            .srv("_sip._udp.yealink.pbx.com", 0, 0, 5060, "server1.yealink.pbx.com", 3600);
        final DnsFixtures.Rig rig = DnsFixtures.rig(zone);
        rig.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS);
        zone.clearAsked();

        rig.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS + 300 * S - 1);
        assertThat(zone.asked()).isEmpty();
        assertThat(rig.trace).contains("NAPTR yealink.pbx.com: cached: no records");

        rig.resolve(DOMAIN, 0, 3, 0, 1, 0, START_NS + 300 * S);
        assertThat(zone.asked()).containsExactly("NAPTR yealink.pbx.com");
    }

    @Test
    @DisplayName("R-DNS-8 a set still holding a cached version is refreshed, and one changed since is copied again")
    void shouldGiveTheCurrentRecordsWhetherOrNotTheCopyIsReused()
    {
        final DnsRecordSet srv = new DnsRecordSet(16).reset(DnsType.SRV);
        srv.addSrv(0, 1, 5060, "server1.yealink.pbx.com", 60);
        srv.addSrv(0, 2, 5061, "server2.yealink.pbx.com", 60);
        cache.storeAnswer(1, "_sip._tcp.yealink.pbx.com", srv, START_NS);

        assertThat(cache.lookup(1, DnsType.SRV, "_sip._tcp.yealink.pbx.com", START_NS, out))
            .isEqualTo(DnsAnswerCache.HIT);
        out.reset(DnsType.SRV).addSrv(9, 9, 9, "other.example.com", 5);
        assertThat(cache.lookup(1, DnsType.SRV, "_SIP._TCP.yealink.pbx.com", START_NS + 10 * S, out))
            .isEqualTo(DnsAnswerCache.HIT);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.target(0).toString()).isEqualTo("server1.yealink.pbx.com");
        assertThat(out.port(0)).isEqualTo(5060);
        assertThat(out.target(1).toString()).isEqualTo("server2.yealink.pbx.com");
        assertThat(out.ttlS(1)).isEqualTo(50);

        out.reset(DnsType.A);
        assertThat(cache.lookup(1, DnsType.SRV, "_sip._tcp.yealink.pbx.com", START_NS + 20 * S, out))
            .isEqualTo(DnsAnswerCache.HIT);
        assertThat(out.type()).isEqualTo(DnsType.SRV);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.ttlS(0)).isEqualTo(40);

        final DnsRecordSet replacement = new DnsRecordSet(16).reset(DnsType.SRV);
        replacement.addSrv(1, 0, 5070, "server3.yealink.pbx.com", 60);
        cache.storeAnswer(1, "_sip._tcp.yealink.pbx.com", replacement, START_NS + 20 * S);
        assertThat(cache.lookup(1, DnsType.SRV, "_sip._tcp.yealink.pbx.com", START_NS + 21 * S, out))
            .isEqualTo(DnsAnswerCache.HIT);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.target(0).toString()).isEqualTo("server3.yealink.pbx.com");
        assertThat(out.port(0)).isEqualTo(5070);
    }

    @Test
    @DisplayName("R-DNS-8 a name held and a name given as text hash and compare alike, ignoring ASCII case")
    void shouldHashHeldNamesLikeText()
    {
        final DomainName held = new DomainName();
        held.set("_sip._", "TCP.Yealink.pbx.com");

        assertThat(DomainName.hashIgnoreCase(held)).isEqualTo(DomainName.hashIgnoreCase("_sip._tcp.yealink.pbx.com"));
        final DomainName copy = new DomainName();
        copy.set(held);
        assertThat(copy.toString()).isEqualTo("_sip._TCP.Yealink.pbx.com");
        assertThat(copy.equalsIgnoreCase((CharSequence)held)).isTrue();
        final DomainName lower = new DomainName();
        lower.set("_sip._tcp.yealink.pbx.com");
        assertThat(lower.equalsIgnoreCase(held)).isTrue();
        lower.set("_sip._tcp.yealink.pbx.co");
        assertThat(lower.equalsIgnoreCase(held)).isFalse();
        assertThat(DomainName.hashIgnoreCase(lower)).isEqualTo(DomainName.hashIgnoreCase("_SIP._TCP.YEALINK.PBX.CO"));

        cache.storeAnswer(1, held, addresses(60, "10.0.0.1"), START_NS);
        assertThat(cache.lookup(1, DnsType.A, "_sip._tcp.YEALINK.pbx.com", START_NS, out))
            .isEqualTo(DnsAnswerCache.HIT);
        assertThat(cache.lookup(1, DnsType.A, copy, START_NS, out)).isEqualTo(DnsAnswerCache.HIT);
    }
}
