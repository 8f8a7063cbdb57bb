package org.sipredundancy.core.cli;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.sipredundancy.core.config.StaticDnsCache;
import org.sipredundancy.core.dns.DnsAnswerCache;
import org.sipredundancy.core.dns.ResolutionTraceSink;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.core.dns.SrvSelection;
import org.sipredundancy.core.dns.StaticDnsRecords;
import org.sipredundancy.core.dns.client.DnsClient;
import org.sipredundancy.core.dns.client.DnsClientContext;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.host.HostHal;
import org.sipredundancy.hal.host.HostHalContext;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The phone's DNS stack on the real host, for the command line: a duty cycle, the live {@link DnsClient}, one
 * {@link ServerLocator} with its answer cache and the account's static records. The command thread drives the duty
 * cycle itself until a resolution completes, so resolutions in a row share the cache as on a phone.
 */
final class LiveResolver implements AutoCloseable
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private final HostHal hal;
    private final DutyCycle dutyCycle;
    private final ServerLocator locator;
    private final IdleStrategy idle = new BackoffIdleStrategy();

    LiveResolver(
        final List<DnsServerList.Server> servers,
        final StaticDnsCache staticDnsCache,
        final Long seed,
        final ResolutionTraceSink trace)
    {
        final HostHalContext halContext = new HostHalContext();
        if (seed != null)
        {
            halContext.seed(seed);
        }
        hal = new HostHal(halContext);
        dutyCycle = new DutyCycle(new DutyCycleContext().nanoClock(hal.nanoClock()).inbound(hal.inbound()));
        final DnsClientContext clientContext = new DnsClientContext()
            .dutyCycle(dutyCycle)
            .network(hal.network())
            .random(hal.random());
        servers.forEach((s) -> clientContext.server(s.address(), s.port()));
        final DnsClient client = new DnsClient(clientContext);
        locator = new ServerLocator(1, client, new DnsAnswerCache(64, ServerLocator.RECORD_CAPACITY, 0),
            new StaticDnsRecords(staticDnsCache), hal.random(), SrvSelection.SEED_ORDER, 16, null, trace);
        client.handler(1, locator);
    }

    /**
     * Locate one server entry, driving the duty cycle until done or 30 s pass.
     *
     * @return the locator, whose candidates and outcome say what was found; not complete after a time-out.
     */
    ServerLocator resolve(
        final String host,
        final int port,
        final int transportType,
        final int naptrBuild,
        final int dnsCacheType,
        final int staticCachePri)
    {
        final long startNs = hal.nanoClock().nanoTime();
        locator.resolve(host, port, transportType, naptrBuild, dnsCacheType, staticCachePri, startNs);
        while (!locator.isComplete() && hal.nanoClock().nanoTime() - startNs < TIMEOUT_NS)
        {
            idle.idle(dutyCycle.doWork() + locator.poll(hal.nanoClock().nanoTime()));
        }
        return locator;
    }

    @Override
    public void close()
    {
        hal.close();
    }
}
