package org.sipredundancy.core.account;

import org.agrona.AsciiSequenceView;
import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.ProvisioningConfig;
import org.sipredundancy.core.dns.DnsAnswerCache;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.core.dns.SrvSelection;
import org.sipredundancy.core.dns.StaticDnsRecords;
import org.sipredundancy.core.dns.client.DnsClient;
import org.sipredundancy.core.dns.client.DnsClientContext;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.InputEventHandler;
import org.sipredundancy.core.sip.SipStack;
import org.sipredundancy.core.sip.auth.DigestWorkspace;
import org.sipredundancy.core.sip.uas.CallListener;
import org.sipredundancy.core.sip.uas.IncomingRequests;
import org.sipredundancy.core.sip.uas.IncomingRequestsContext;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.CommandCode;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.RandomSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole phone on one duty cycle: the SIP stack, the DNS client and cache, one {@link Account} per enabled
 * account of the provisioning file that has a working server, the {@link IncomingRequests} its servers send
 * (OPTIONS, NOTIFY, INVITE — only from addresses in an account's health table, R-SIP-6) and the keys
 * ({@link PhoneKeys}; a ringing or answered incoming call takes the line key and hook first). The QUIT command
 * unregisters every account. What the CLI, the simulations and the benchmarks start; built once, it allocates
 * nothing afterwards. Duty cycle thread only.
 */
public final class Phone implements InputEventHandler, CallListener
{
    /** The phone's SIP port. */
    public static final int SIP_PORT = 5060;

    private static final int DNS_CACHE_ENTRIES_PER_ACCOUNT = 8;

    private final DutyCycle dutyCycle;
    private final SipStack stack;
    private final DnsClient dnsClient;
    private final List<Account> accounts;
    private final AccountEvents events;
    private final IncomingRequests incoming;
    private final PhoneKeys keys;
    private final AsciiSequenceView notifyCallId = new AsciiSequenceView();
    private final List<ServerLocator> locators = new ArrayList<>();
    private long refusalsSeen;
    private boolean retryingRefused;
    private int incomingAccount;
    private int incomingAddress;
    private boolean quit;

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
            stack.transactions(), new DigestWorkspace(), dnsClient, cache,
            new StaticDnsRecords(config.staticDnsCache()), random, SrvSelection.SEED_ORDER, events,
            Ipv4.toString(localAddress), stack.transport().localPort(), "sip-redundancy " + config.profile().modelId());
        final List<Account> inUse = new ArrayList<>();
        int locatorId = 1;
        for (final AccountConfig accountConfig : config.accounts())
        {
            if (usable(accountConfig))
            {
                final Account account = new Account(services, accountConfig, locatorId);
                final int x = accountConfig.index();
                account.subscriptions(config.subscriptions().blfKeys(x), config.subscriptions().blfPeriodS(x),
                    config.subscriptions().mwiExpiresS(x));
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
        dutyCycle.addComponent(this::retryRefusedQuestions);
        this.events = events;
        keys = new PhoneKeys(accounts, events);
        incoming = new IncomingRequests(new IncomingRequestsContext().transactions(stack.serverTransactions())
            .clientTransactions(stack.transactions()).localPort(stack.transport().localPort())
            .sender(stack.transport()).random(random).localAddress(Ipv4.toString(localAddress))
            .contactUri("sip:" + Ipv4.toString(localAddress) + ":" + stack.transport().localPort())
            .sourceFilter(this::isServer).notifyListener(this::onNotify)
            .callListener(this));
        stack.requestHandler(incoming::onRequest);
        dutyCycle.router().inputHandler(this);
    }

    /**
     * A NOTIFY (answered 200 already) goes to the subscription whose dialog it belongs to; one of none is dropped.
     */
    private void onNotify(final SipMessageDecoder notify, final long nowNs)
    {
        if (!notify.callId(notifyCallId))
        {
            return;
        }
        for (int i = 0; i < accounts.size(); i++)
        {
            if (accounts.get(i).onNotify(notify, notifyCallId, nowNs))
            {
                return;
            }
        }
    }

    /**
     * Anti-spoofing (R-SIP-6): a request is taken only from an address some account has as a server candidate.
     */
    private boolean isServer(final int address)
    {
        for (int i = 0; i < accounts.size(); i++)
        {
            final ServerHealthTable health = accounts.get(i).health();
            for (int row = 0; row < health.size(); row++)
            {
                if (health.address(row) == address)
                {
                    incomingAccount = accounts.get(i).number();
                    incomingAddress = address;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Keys and commands from the HAL: the line key and hook go to a ringing or answered incoming call when there
     * is one, everything else to the keypad; QUIT unregisters every account.
     * {@inheritDoc}
     */
    public void onInput(final int type, final int code, final int value, final long nowNs)
    {
        if (type == InboundEvent.COMMAND)
        {
            if (code == CommandCode.QUIT && !quit)
            {
                quit = true;
                stop(nowNs);
            }
            return;
        }
        final boolean callKey = code == KeyCode.LINE_KEY || code == KeyCode.HOOK_OFF || code == KeyCode.HOOK_ON;
        if (callKey && (incoming.isRinging() || incoming.isInCall()))
        {
            incoming.onInput(type, code, value, nowNs);
        }
        else
        {
            keys.onInput(type, code, value, nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onIncomingCall(final int call, final SipMessageDecoder invite, final long nowNs)
    {
        events.onIncomingCall(incomingAccount, AccountEvents.INCOMING_RINGING, incomingAddress, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onCallEnded(final int call, final int reason, final long nowNs)
    {
        events.onIncomingCall(incomingAccount, reason, incomingAddress, nowNs);
    }

    /**
     * A BYE that is not the incoming call's goes to the account whose outgoing call's dialog it ends.
     * {@inheritDoc}
     */
    public boolean onDialogBye(final SipMessageDecoder bye, final long nowNs)
    {
        for (int i = 0; i < accounts.size(); i++)
        {
            if (accounts.get(i).onRemoteBye(bye, nowNs))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether the QUIT command has been handled: every account was asked to unregister.
     */
    public boolean hasQuit()
    {
        return quit;
    }

    /**
     * @return the phone's incoming-request handling (counters, the ringing call).
     */
    public IncomingRequests incoming()
    {
        return incoming;
    }

    /**
     * @return the keypad.
     */
    public PhoneKeys keys()
    {
        return keys;
    }

    private void attach(final ServerSlot slot)
    {
        for (int hop = 0; hop < slot.locatorCount(); hop++)
        {
            final ServerLocator locator = slot.locator(hop);
            dnsClient.handler(locator.locatorId(), locator);
            locators.add(locator);
        }
    }

    /**
     * A question the DNS client refused (table full, no endpoint) is asked again by its locator's poll. Only the
     * client's refusals make one, so the locators — four per account — are polled only after a new refusal and
     * while one of them still waits, not in every cycle: one comparison per cycle on a quiet phone.
     */
    private int retryRefusedQuestions(final long nowNs)
    {
        final long refusals = dnsClient.counters().refused();
        if (!retryingRefused && refusals == refusalsSeen)
        {
            return 0;
        }
        refusalsSeen = refusals;
        int work = 0;
        boolean waiting = false;
        for (int i = 0, n = locators.size(); i < n; i++)
        {
            final ServerLocator locator = locators.get(i);
            work += locator.poll(nowNs);
            waiting |= locator.isRefused();
        }
        retryingRefused = waiting;
        return work;
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
     * Unregister every account (expires = 0) and end calls: a ringing incoming call is declined, an answered one
     * hung up with a BYE.
     *
     * @param nowNs the duty cycle's time.
     */
    public void stop(final long nowNs)
    {
        if (!incoming.reject(incoming.callNumber(), nowNs))
        {
            incoming.hangUp(incoming.callNumber(), nowNs);
        }
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
