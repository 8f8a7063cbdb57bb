package org.sipredundancy.core.peers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-peer harness works: dnsmasq installs when missing, starts on loopback with the INTEROP.md records,
 * answers NAPTR, SRV and A (checked with dnsjava as the client), logs the queries, and stops by its pid. The
 * RFC 3263 walker's end-to-end tests against it build on this.
 */
public class DnsmasqPeerTest
{
    /** The INTEROP.md zone: pbx.test → NAPTR → _sip._tcp SRV (server1 weight 1, server2 weight 2) → 127.0.0.11/12. */
    public static final List<String> PBX_ZONE = List.of(
        "naptr-record=pbx.test,90,50,\"s\",\"SIP+D2T\",\"\",_sip._tcp.pbx.test",
        "naptr-record=pbx.test,100,50,\"s\",\"SIP+D2U\",\"\",_sip._udp.pbx.test",
        "srv-host=_sip._tcp.pbx.test,server1.pbx.test,5060,0,1",
        "srv-host=_sip._tcp.pbx.test,server2.pbx.test,5060,0,2",
        "host-record=server1.pbx.test,127.0.0.11",
        "host-record=server2.pbx.test,127.0.0.12");

    @TempDir
    Path directory;

    private static List<String> lookup(final SimpleResolver resolver, final String name, final int type)
        throws Exception
    {
        final Lookup lookup = new Lookup(name, type);
        lookup.setResolver(resolver);
        lookup.setCache(null);
        final Record[] records = lookup.run();
        return records == null ? List.of() : Arrays.stream(records).map(Record::rdataToString).sorted()
            .collect(Collectors.toList());
    }

    @Test
    @DisplayName("INTEROP dnsmasq on loopback answers the NAPTR, SRV and A records it was started with")
    void shouldServeZone() throws Exception
    {
        final DnsmasqPeer peer;
        try (DnsmasqPeer started = DnsmasqPeer.start(directory, "127.0.0.53", PBX_ZONE))
        {
            peer = started;
            final SimpleResolver resolver = new SimpleResolver(peer.address());
            resolver.setPort(peer.port());
            resolver.setTimeout(Duration.ofSeconds(2));

            assertThat(lookup(resolver, "pbx.test.", Type.NAPTR)).containsExactly(
                "100 50 \"s\" \"SIP+D2U\" \"\" _sip._udp.pbx.test.",
                "90 50 \"s\" \"SIP+D2T\" \"\" _sip._tcp.pbx.test.");
            assertThat(lookup(resolver, "_sip._tcp.pbx.test.", Type.SRV)).containsExactly(
                "0 1 5060 server1.pbx.test.",
                "0 2 5060 server2.pbx.test.");
            assertThat(lookup(resolver, "server2.pbx.test.", Type.A)).containsExactly("127.0.0.12");
            assertThat(peer.queries()).contains("query[NAPTR] pbx.test", "query[SRV] _sip._tcp.pbx.test",
                "query[A] server2.pbx.test");
        }
        assertThat(peer.isAlive()).isFalse();
    }
}
