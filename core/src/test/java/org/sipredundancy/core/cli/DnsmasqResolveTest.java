package org.sipredundancy.core.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipredundancy.core.config.StaticDnsCache;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.core.peers.DnsmasqPeer;
import org.sipredundancy.core.peers.DnsmasqPeerTest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone's DNS stack against a real dnsmasq on loopback (INTEROP.md): NAPTR → SRV → A end to end over UDP, the
 * TTL cache honoured as dnsmasq's own query log shows it, and the {@code resolve} command's output.
 */
class DnsmasqResolveTest
{
    private static final String ADDRESS = "127.0.0.53";
    /** The INTEROP.md zone, with answers cacheable for 300 s (dnsmasq's own records default to TTL 0). */
    private static final List<String> ZONE = Stream.concat(Stream.of("local-ttl=300"),
        DnsmasqPeerTest.PBX_ZONE.stream()).collect(Collectors.toList());

    @TempDir
    static Path directory;

    private static DnsmasqPeer dnsmasq;

    @BeforeAll
    static void startDnsmasq() throws IOException
    {
        dnsmasq = DnsmasqPeer.start(directory, ADDRESS, ZONE);
    }

    @AfterAll
    static void stopDnsmasq()
    {
        dnsmasq.close();
    }

    private static List<DnsServerList.Server> dnsmasqServer()
    {
        return List.of(DnsServerList.parse(ADDRESS + ":" + dnsmasq.port()));
    }

    private static long count(final List<String> queries, final String query)
    {
        return queries.stream().filter(query::equals).count();
    }

    @Test
    @DisplayName("R-DNS-3 R-DNS-6 R-DNS-9 NAPTR → SRV → A against dnsmasq over UDP gives [server2, server1] TCP")
    void shouldResolveThroughRealDnsmasq() throws IOException
    {
        final int before = dnsmasq.queries().size();
        try (LiveResolver resolver = new LiveResolver(dnsmasqServer(), StaticDnsCache.EMPTY, 7L, null))
        {
            final ServerLocator locator = resolver.resolve("pbx.test", 0, 3, 0, 1, 0);

            assertThat(locator.isComplete()).isTrue();
            assertThat(locator.candidates()).hasToString("[127.0.0.12:5060 TCP, 127.0.0.11:5060 TCP]");
        }
        assertThat(dnsmasq.queries().subList(before, dnsmasq.queries().size())).contains(
            "query[NAPTR] pbx.test", "query[SRV] _sip._tcp.pbx.test", "query[A] server1.pbx.test",
            "query[A] server2.pbx.test");
    }

    @Test
    @DisplayName("R-DNS-8 dns_cache_type 1 and 2: no second query within the TTL, as dnsmasq's log shows")
    void shouldReuseAnswersWithinTtl() throws IOException
    {
        for (final int cacheType : new int[]{1, 2})
        {
            final int before = dnsmasq.queries().size();
            try (LiveResolver resolver = new LiveResolver(dnsmasqServer(), StaticDnsCache.EMPTY, 7L, null))
            {
                assertThat(resolver.resolve("pbx.test", 0, 3, 0, cacheType, 0).candidates().size()).isEqualTo(2);
                assertThat(resolver.resolve("pbx.test", 0, 3, 0, cacheType, 0).candidates().size()).isEqualTo(2);
            }
            final List<String> asked = dnsmasq.queries().subList(before, dnsmasq.queries().size());
            assertThat(count(asked, "query[NAPTR] pbx.test")).as("cache type %d", cacheType).isEqualTo(1);
            assertThat(count(asked, "query[SRV] _sip._tcp.pbx.test")).as("cache type %d", cacheType).isLessThan(2);
            assertThat(count(asked, "query[A] server2.pbx.test")).as("cache type %d", cacheType).isLessThan(2);
        }
    }

    @Test
    @DisplayName("R-DNS-8 dns_cache_type 0: every resolution queries again")
    void shouldQueryEveryTimeWithoutCache() throws IOException
    {
        final int before = dnsmasq.queries().size();
        try (LiveResolver resolver = new LiveResolver(dnsmasqServer(), StaticDnsCache.EMPTY, 7L, null))
        {
            resolver.resolve("pbx.test", 0, 3, 0, 0, 0);
            resolver.resolve("pbx.test", 0, 3, 0, 0, 0);
        }
        final List<String> asked = dnsmasq.queries().subList(before, dnsmasq.queries().size());
        assertThat(count(asked, "query[NAPTR] pbx.test")).isEqualTo(2);
        assertThat(count(asked, "query[SRV] _sip._tcp.pbx.test")).isEqualTo(2);
        assertThat(count(asked, "query[A] server1.pbx.test")).isEqualTo(2);
    }

    @Test
    @DisplayName("R-DNS-9 R-DNS-6 the resolve command prints the queries and the list marked primary, secondary")
    void shouldPrintResolveOutput() throws IOException
    {
        final Path config = directory.resolve("pbx.cfg");
        Files.writeString(config, "#!version:1.0.0.1\naccount.1.enable = 1\naccount.1.sip_server.1.address = " +
            "pbx.test\naccount.1.sip_server.1.port = 0\naccount.1.sip_server.1.transport_type = 3\n",
            StandardCharsets.UTF_8);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();

        final int status = SipRedundancyCli.execute(new String[]{"resolve", config.toString(), "--model", "T46G",
            "--account", "1", "--dns", ADDRESS + ":" + dnsmasq.port(), "--seed", "1"},
            new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString())
            .contains("Locating sip_server.1 of account 1: pbx.test, port 0 (from DNS), transport_type 3")
            .contains("NAPTR pbx.test")
            .containsPattern("primary\\s+127\\.0\\.0\\.12:5060 TCP")
            .containsPattern("secondary\\s+127\\.0\\.0\\.11:5060 TCP");
    }
}
