package org.sipredundancy.core.dns.client;

import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.dns.DnsAnswerCache;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.core.dns.SrvSelection;
import org.sipredundancy.core.dns.StaticDnsRecords;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.sim.DutyCycleNode;
import org.sipredundancy.core.sim.SimDnsServer;
import org.sipredundancy.core.sim.SimDnsZone;
import org.sipredundancy.core.sim.Simulation;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimNetworkContext;
import org.sipredundancy.profiles.ProfileRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A simulated world for the DNS client: one phone (duty cycle, {@link DnsClient}, {@link ServerLocator}) and two
 * {@link SimDnsServer}s serving the same zone, over clean 5 ms links.
 */
final class DnsWorld
{
    static final int PHONE = (int)Ipv4.parse("192.0.2.10");
    static final int DNS1 = (int)Ipv4.parse("192.0.2.53");
    static final int DNS2 = (int)Ipv4.parse("192.0.2.54");
    static final long MS = 1_000_000L;
    static final long LATENCY_NS = 5 * MS;
    static final String DOMAIN = "yealink.pbx.com";

    final Simulation sim;
    final DutyCycle phone;
    final DnsClient client;
    final ServerLocator locator;
    final SimDnsServer dns1;
    final SimDnsServer dns2;
    final List<String> trace = new ArrayList<>();
    long resolvedAtNs = -1;

    DnsWorld(
        final long seed, final SimDnsZone zone, final StaticDnsRecords statics, final Consumer<DnsClientContext> tweak)
    {
        sim = new Simulation(seed, new SimNetworkContext().defaultLink(LinkProfile.latency(LATENCY_NS)));
        dns1 = new SimDnsServer(sim, DNS1, zone);
        dns2 = new SimDnsServer(sim, DNS2, zone);
        final InboundEventQueue inbound = new InboundEventQueue(256, 4096);
        final var network = sim.network().attach(PHONE, inbound);
        phone = new DutyCycle(new DutyCycleContext().nanoClock(sim.clock()).inbound(inbound));
        final DnsClientContext context = new DnsClientContext()
            .dutyCycle(phone)
            .network(network)
            .random(sim.randomFor(2))
            .server(DNS1, SimDnsServer.PORT)
            .server(DNS2, SimDnsServer.PORT);
        tweak.accept(context);
        client = new DnsClient(context);
        final DnsAnswerCache cache =
            new DnsAnswerCache(64, ServerLocator.RECORD_CAPACITY, DnsAnswerCache.NO_SOA_NEGATIVE_TTL_S);
        locator = new ServerLocator(7, client, cache, statics, sim.randomFor(3), SrvSelection.SEED_ORDER, 16,
            l -> resolvedAtNs = sim.clock().nanoTime(), line -> trace.add(line.toString()));
        client.handler(locator.locatorId(), locator);
        phone.addComponent(locator::poll);
        sim.add(new DutyCycleNode(phone));
    }

    DnsWorld(final long seed, final SimDnsZone zone)
    {
        this(seed, zone, StaticDnsRecords.NONE, DnsWorld::noTweak);
    }

    static void noTweak(final DnsClientContext context)
    {
        // the defaults
    }

    /** The seed's Appendix A, with an SOA so negative answers carry one. */
    static SimDnsZone seedZone()
    {
        return new SimDnsZone()
            .soa(DOMAIN, 3600, 300)
            .naptr(DOMAIN, 3600, 90, 50, "s", "SIP+D2T", "", "_sip._tcp.yealink.pbx.com")
            .naptr(DOMAIN, 3600, 100, 50, "s", "SIP+D2U", "", "_sip._udp.yealink.pbx.com")
            .srv("_sip._tcp.yealink.pbx.com", 3600, 0, 1, 5060, "server1.yealink.pbx.com")
            .srv("_sip._tcp.yealink.pbx.com", 3600, 0, 2, 5060, "server2.yealink.pbx.com")
            .a("server1.yealink.pbx.com", 3600, "192.168.1.13")
            .a("server2.yealink.pbx.com", 3600, "192.168.1.14");
    }

    /** The static records of the seed's static-cache example 1 (A records for yealink.pbx.com). */
    static StaticDnsRecords seedExample1Statics()
    {
        final Path path = Path.of("src/test/resources/config/seed-static-dns-example-1.cfg");
        return new StaticDnsRecords(
            ConfigLoader.parse(path, ProfileRegistry.load().find("T46G").orElseThrow()).config().staticDnsCache());
    }

    /**
     * Start a resolution now and run until it is done (at most a minute of virtual time).
     *
     * @return the candidates as text.
     */
    String resolve(
        final String host, final int port, final int transport, final int naptrBuild, final int cacheType,
        final int staticPri)
    {
        sim.runForNs(0);
        resolvedAtNs = -1;
        final long startNs = sim.clock().nanoTime();
        locator.resolve(host, port, transport, naptrBuild, cacheType, staticPri, startNs);
        if (!sim.runUntil(locator::isComplete, Duration.ofMinutes(1)))
        {
            throw new AssertionError("resolution did not finish, " + sim.reproduceHint() + "\n" +
                String.join("\n", trace));
        }
        if (resolvedAtNs < 0)
        {
            resolvedAtNs = startNs;
        }
        return locator.candidates().toString();
    }

    String resolve(final String host, final int port, final int transport)
    {
        return resolve(host, port, transport, 0, 1, 0);
    }
}
