package org.sipredundancy.core.dns;

import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.ProvisioningConfig;
import org.sipredundancy.hal.SplitMix64Random;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.ProfileRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared set-up: the seed's Appendix A zone, a locator wired to a fake port, and the seed's static-cache example
 * files loaded for the T46G.
 */
final class DnsFixtures
{
    static final String DOMAIN = "yealink.pbx.com";
    static final long START_NS = 1_000_000_000_000L;
    static final long S = 1_000_000_000L;
    static final HardwareProfile T46G = ProfileRegistry.load().find("T46G").orElseThrow();

    private DnsFixtures()
    {
    }

    /** Appendix A: NAPTR (90 TCP, 100 UDP), SRV for TCP (server1 weight 1, server2 weight 2), A .13 and .14. */
    static FakeDnsPort seedZone()
    {
        return new FakeDnsPort()
            .naptr(DOMAIN, 90, 50, "s", "SIP+D2T", "_sip._tcp.yealink.pbx.com", 3600)
            .naptr(DOMAIN, 100, 50, "s", "SIP+D2U", "_sip._udp.yealink.pbx.com", 3600)
            .srv("_sip._tcp.yealink.pbx.com", 0, 1, 5060, "server1.yealink.pbx.com", 3600)
            .srv("_sip._tcp.yealink.pbx.com", 0, 2, 5060, "server2.yealink.pbx.com", 3600)
            .a("server1.yealink.pbx.com", "192.168.1.13", 3600)
            .a("server2.yealink.pbx.com", "192.168.1.14", 3600);
    }

    static final class Rig
    {
        final FakeDnsPort port;
        final DnsAnswerCache cache;
        final ServerLocator locator;
        final List<String> trace = new ArrayList<>();
        int resolvedCount;

        Rig(final FakeDnsPort port, final StaticDnsRecords statics, final SrvSelection selection, final long seed)
        {
            this.port = port;
            this.cache = new DnsAnswerCache(64, ServerLocator.RECORD_CAPACITY, DnsAnswerCache.NO_SOA_NEGATIVE_TTL_S);
            this.locator = new ServerLocator(7, port, cache, statics, new SplitMix64Random(seed), selection, 16,
                l -> resolvedCount++, line -> trace.add(line.toString()));
            port.handler(locator);
        }

        /** Resolve and deliver live answers until done; returns the candidates as text. */
        String resolve(
            final String host, final int serverPort, final int transportType, final int naptrBuild,
            final int cacheType, final int staticPri, final long nowNs)
        {
            locator.resolve(host, serverPort, transportType, naptrBuild, cacheType, staticPri, nowNs);
            port.deliverAll(nowNs);
            if (!locator.isComplete())
            {
                throw new AssertionError("resolution did not finish: " + String.join("\n", trace));
            }
            return locator.candidates().toString();
        }

        String resolve(final String host, final int serverPort, final int transportType)
        {
            return resolve(host, serverPort, transportType, 0, 1, 0, START_NS);
        }
    }

    static Rig rig(final FakeDnsPort port)
    {
        return new Rig(port, StaticDnsRecords.NONE, SrvSelection.SEED_ORDER, 1L);
    }

    static Rig rig(final FakeDnsPort port, final StaticDnsRecords statics)
    {
        return new Rig(port, statics, SrvSelection.SEED_ORDER, 1L);
    }

    static ProvisioningConfig seedExample(final int example)
    {
        final Path path = Path.of("src/test/resources/config/seed-static-dns-example-" + example + ".cfg");
        return ConfigLoader.parse(path, T46G).config();
    }

    /** A copy of a seed example with some text replaced, e.g. the corrected {@code _sip._tcp.} owners. */
    static ProvisioningConfig correctedExample(final int example, final String... replacements) throws Exception
    {
        final Path path = Path.of("src/test/resources/config/seed-static-dns-example-" + example + ".cfg");
        String text = Files.readString(path);
        for (int i = 0; i < replacements.length; i += 2)
        {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        final ParseResult result =
            ConfigLoader.parseText(text, "corrected-" + example + ".cfg", T46G, T46G.defaultFirmware());
        return result.config();
    }
}
