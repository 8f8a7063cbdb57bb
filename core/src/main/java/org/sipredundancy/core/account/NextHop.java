package org.sipredundancy.core.account;

import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.FailbackMode;
import org.sipredundancy.core.config.OutboundProxyConfig;
import org.sipredundancy.core.config.OutboundProxySettings;
import org.sipredundancy.core.config.SipServerConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a server slot's requests are sent and the failover values that go with it: the SIP server itself, or —
 * with {@code outbound_proxy_enable = 1} — outbound proxy 1 (working) and proxy 2 (backup), each located by DNS with
 * the account's transport and each carrying its {@code outbound_proxy.Y.*} values after inheritance (R-OBP-1,
 * R-OBP-2). A proxy hop adds a loose-routing {@code Route} header; the Request-URI and To stay on the SIP server's
 * domain. Built once at start-up so the duty cycle only reads it. Immutable.
 */
public final class NextHop
{
    /** {@link #proxy()} of the SIP server itself: no outbound proxy. */
    public static final int SERVER = 0;

    private final int proxy;
    private final String host;
    private final int port;
    private final String route;
    private final int retryCounts;
    private final int inviteRetryCounts;
    private final FailbackMode failbackMode;
    private final int failbackTimeoutS;
    private final boolean registerOnEnable;
    private final boolean onlySignalWithRegistered;
    private final boolean failbackSubscribe;

    private NextHop(final OutboundProxyConfig proxy)
    {
        this.proxy = proxy.index();
        host = proxy.address();
        port = proxy.port();
        route = "<sip:" + host + (port == 0 ? "" : ":" + port) + ";lr>";
        retryCounts = proxy.retryCounts();
        inviteRetryCounts = proxy.inviteRetryCounts();
        failbackMode = proxy.failbackMode();
        failbackTimeoutS = proxy.failbackTimeoutS();
        registerOnEnable = proxy.registerOnEnable();
        onlySignalWithRegistered = proxy.onlySignalWithRegistered();
        failbackSubscribe = proxy.failbackSubscribe();
    }

    private NextHop(final SipServerConfig server)
    {
        proxy = SERVER;
        host = server.address();
        port = server.port();
        route = "";
        retryCounts = server.retryCounts();
        inviteRetryCounts = server.inviteRetryCounts();
        failbackMode = server.failbackMode();
        failbackTimeoutS = server.failbackTimeoutS();
        registerOnEnable = server.registerOnEnable();
        onlySignalWithRegistered = server.onlySignalWithRegistered();
        failbackSubscribe = server.failbackSubscribe();
    }

    /**
     * The hops of one server slot, in failover order: the configured outbound proxies when they are enabled and at
     * least one has an address, else the SIP server itself.
     *
     * @param account    the account's configuration.
     * @param slotNumber 1 for {@code sip_server.1}, 2 for {@code sip_server.2}.
     * @return one or two hops.
     */
    public static List<NextHop> of(final AccountConfig account, final int slotNumber)
    {
        final OutboundProxySettings proxies = account.outboundProxy();
        final List<NextHop> hops = new ArrayList<>(2);
        if (proxies.enabled())
        {
            for (final OutboundProxyConfig proxy : proxies.proxies())
            {
                if (proxy.isConfigured())
                {
                    hops.add(new NextHop(proxy));
                }
            }
        }
        if (hops.isEmpty())
        {
            hops.add(new NextHop(account.sipServer(slotNumber)));
        }
        return hops;
    }

    /**
     * @return {@link #SERVER}, or the outbound proxy's Y: 1 working, 2 backup.
     */
    public int proxy()
    {
        return proxy;
    }

    /**
     * @return the host to locate by DNS: the server's or the proxy's address.
     */
    public String host()
    {
        return host;
    }

    /**
     * @return the configured port; 0 lets DNS find it.
     */
    public int port()
    {
        return port;
    }

    /**
     * @return the Route header value for requests through this hop, e.g. {@code <sip:10.1.8.11:5060;lr>}; empty for
     *     the server itself.
     */
    public String route()
    {
        return route;
    }

    /**
     * @return REGISTER retransmissions to a candidate that is not the last before moving on.
     */
    public int retryCounts()
    {
        return retryCounts;
    }

    /**
     * @return retransmissions of other requests to a candidate that is not the last before moving on.
     */
    public int inviteRetryCounts()
    {
        return inviteRetryCounts;
    }

    /**
     * @return how requests return to this hop's primary candidate (R-FO-3).
     */
    public FailbackMode failbackMode()
    {
        return failbackMode;
    }

    /**
     * @return seconds on an alternate candidate before the primary is tried again in duration mode; 0 never.
     */
    public int failbackTimeoutS()
    {
        return failbackTimeoutS;
    }

    /**
     * @return whether a request failing over to a candidate registers there first (R-FO-4).
     */
    public boolean registerOnEnable()
    {
        return registerOnEnable;
    }

    /**
     * @return whether requests other than REGISTER go only where the account is registered (R-FO-5).
     */
    public boolean onlySignalWithRegistered()
    {
        return onlySignalWithRegistered;
    }

    /**
     * @return whether subscriptions move at once when the account's server changes address (R-FO-6); the seed
     *     lets it act only under failback modes 1–3.
     */
    public boolean failbackSubscribe()
    {
        return failbackSubscribe;
    }

    @Override
    public String toString()
    {
        return (proxy == SERVER ? "server " : "outbound proxy " + proxy + " ") + host + ":" + port;
    }
}
