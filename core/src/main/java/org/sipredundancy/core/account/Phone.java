package org.sipredundancy.core.account;

import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.ProvisioningConfig;
import org.sipredundancy.core.dns.DnsAnswerCache;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.core.dns.SrvSelection;
import org.sipredundancy.core.dns.StaticDnsRecords;
import org.sipredundancy.core.dns.client.DnsClient;
import org.sipredundancy.core.dns.client.DnsClientContext;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.sip.SipStack;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.RandomSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole phone on one duty cycle: the SIP stack, the DNS client and cache, and one {@link Account} per enabled
 * account of the provisioning file that has a working server. What the CLI, the simulations and the benchmarks
 * start; built once, it allocates nothing afterwards. Duty cycle thread only.
 */
public final class Phone
{
    /** The phone's SIP port. */
    public static final int SIP_PORT = 5060;

    private static final int DNS_CACHE_ENTRIES_PER_ACCOUNT = 8;

    private final DutyCycle dutyCycle;
    private final SipStack stack;
    private final DnsClient dnsClient;
    private final List<Account> accounts;

    /**
     * Build the phone. Nothing is sent until {@link #start}.
     *
     * @param config       the provisioning configuration.
     * @param dutyCycle    the duty cycle the phone runs on.
     * @param network      the HAL network (host or simulated).
     * @param localAddress the phone's IPv4 address.
     * @param random       the injected seeded random source.
     * @param dnsServers   DNS servers as {address, port} pairs; may be empty when every server is a literal or in
     *                     the static cache.
     * @param events       the event stream.
     * @throws IllegalStateException when the SIP port cannot be opened.
     */
    public Phone(
        final ProvisioningConfig config,
        final DutyCycle dutyCycle,
        final Network network,
        final int localAddress,
        final RandomSource random,
        final int[][] dnsServers,
        final AccountEvents events)
    {
        this(config, dutyCycle, network, localAddress, SIP_PORT, random, dnsServers, events);
    }

    /**
     * Build the phone on a chosen SIP port (0: any free port), e.g. beside real servers on one host.
     *
     * @param config       the provisioning configuration.
     * @param dutyCycle    the duty cycle the phone runs on.
     * @param network      the HAL network (host or simulated).
     * @param localAddress the phone's IPv4 address.
     * @param sipPort      the SIP port to listen on, 0 for any free one.
     * @param random       the injected seeded random source.
     * @param dnsServers   DNS servers as {address, port} pairs.
     * @param events       the event stream.
     * @throws IllegalStateException when the SIP port cannot be opened.
     */
    public Phone(
        final ProvisioningConfig config,
        final DutyCycle dutyCycle,
        final Network network,
        final int localAddress,
        final int sipPort,
        final RandomSource random,
        final int[][] dnsServers,
        final AccountEvents events)
    {
        this.dutyCycle = dutyCycle;
        stack = new SipStack(network, dutyCycle.router(), dutyCycle.timers(), random, localAddress, sipPort);
        final int opened = stack.transport().open();
        if (opened != NetworkStatus.OK)
        {
            throw new IllegalStateException("the SIP port " + sipPort + " of " + Ipv4.toString(localAddress) +
                " could not be opened (status " + opened + ")");
        }
        final DnsClientContext dnsContext = new DnsClientContext().dutyCycle(dutyCycle).network(network)
            .random(random).localAddress(localAddress);
        for (final int[] server : dnsServers)
        {
            dnsContext.server(server[0], server[1]);
        }
        dnsClient = new DnsClient(dnsContext);
        final int enabled = (int)config.accounts().stream().filter(Phone::usable).count();
        final DnsAnswerCache cache = new DnsAnswerCache(Math.max(16, enabled * DNS_CACHE_ENTRIES_PER_ACCOUNT),
            ServerLocator.RECORD_CAPACITY, DnsAnswerCache.NO_SOA_NEGATIVE_TTL_S);
        final PhoneServices services = new PhoneServices(dutyCycle::nowNs, dutyCycle.timers(), stack.transport(),
            stack.transactions(), dnsClient, cache, new StaticDnsRecords(config.staticDnsCache()), random,
            SrvSelection.SEED_ORDER, events, Ipv4.toString(localAddress), stack.transport().localPort(),
            "sip-redundancy " + config.profile().modelId());
        final List<Account> inUse = new ArrayList<>();
        int locatorId = 1;
        for (final AccountConfig accountConfig : config.accounts())
        {
            if (usable(accountConfig))
            {
                final Account account = new Account(services, accountConfig, locatorId);
                locatorId += Account.LOCATOR_IDS;
                attach(account.working());
                if (account.fallback() != null)
                {
                    attach(account.fallback());
                }
                inUse.add(account);
            }
        }
        accounts = Collections.unmodifiableList(inUse);
    }

    private void attach(final ServerSlot slot)
    {
        for (int hop = 0; hop < slot.locatorCount(); hop++)
        {
            final ServerLocator locator = slot.locator(hop);
            dnsClient.handler(locator.locatorId(), locator);
            dutyCycle.addComponent(locator::poll);
        }
    }

    private static boolean usable(final AccountConfig account)
    {
        return account.enabled() && account.sipServer(1).isConfigured();
    }

    /**
     * Register every account.
     *
     * @param nowNs the duty cycle's time.
     */
    public void start(final long nowNs)
    {
        for (int i = 0; i < accounts.size(); i++)
        {
            accounts.get(i).start(nowNs);
        }
    }

    /**
     * Unregister every account (expires = 0) and end calls.
     *
     * @param nowNs the duty cycle's time.
     */
    public void stop(final long nowNs)
    {
        for (int i = 0; i < accounts.size(); i++)
        {
            accounts.get(i).stop(nowNs);
        }
    }

    /**
     * @param number the account number, 1-based.
     * @return the account, or null when it is not enabled or has no working server.
     */
    public Account account(final int number)
    {
        for (int i = 0; i < accounts.size(); i++)
        {
            if (accounts.get(i).number() == number)
            {
                return accounts.get(i);
            }
        }
        return null;
    }

    /**
     * @return the accounts in use, in account order.
     */
    public List<Account> accounts()
    {
        return accounts;
    }

    /**
     * @return the SIP stack.
     */
    public SipStack stack()
    {
        return stack;
    }

    /**
     * @return the DNS client.
     */
    public DnsClient dnsClient()
    {
        return dnsClient;
    }
}
