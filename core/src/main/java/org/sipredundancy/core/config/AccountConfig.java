package org.sipredundancy.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One account of the phone ({@code account.X.*}) with everything the DNS, SIP and redundancy code reads at start:
 * identity and credentials, the two SIP servers, the outbound proxies, fallback and DNS settings. Every account of
 * the model exists, with defaults where the file says nothing. Immutable; {@link #toString()} masks the password.
 */
public final class AccountConfig
{
    private final int index;
    private final SettingBlock block;
    private final List<SipServerConfig> sipServers;
    private final OutboundProxySettings outboundProxy;
    private final FallbackSettings fallback;
    private final DnsSettings dns;

    AccountConfig(
        final int index,
        final SettingBlock block,
        final List<SettingBlock> serverBlocks,
        final List<SettingBlock> proxyBlocks)
    {
        this.index = index;
        this.block = block;
        final List<SipServerConfig> servers = new ArrayList<>(serverBlocks.size());
        for (int i = 0; i < serverBlocks.size(); i++)
        {
            servers.add(new SipServerConfig(i + 1, serverBlocks.get(i)));
        }
        this.sipServers = List.copyOf(servers);
        final List<OutboundProxyConfig> proxies = new ArrayList<>(proxyBlocks.size());
        for (int i = 0; i < proxyBlocks.size(); i++)
        {
            proxies.add(new OutboundProxyConfig(i + 1, proxyBlocks.get(i)));
        }
        this.outboundProxy = new OutboundProxySettings(
            block.flag(Parameter.OUTBOUND_PROXY_ENABLE),
            proxies,
            block.intValue(Parameter.OUTBOUND_PROXY_FALLBACK_INTERVAL));
        this.fallback = new FallbackSettings(
            RedundancyType.fromCode(block.number(Parameter.FALLBACK_REDUNDANCY_TYPE)),
            block.intValue(Parameter.FALLBACK_TIMEOUT));
        this.dns = new DnsSettings(
            DnsCacheType.fromCode(block.number(Parameter.DNS_CACHE_TYPE)),
            block.flag(Parameter.STATIC_CACHE_PRI),
            block.flag(Parameter.NAPTR_BUILD));
    }

    /**
     * @return X: the account's number, from 1.
     */
    public int index()
    {
        return index;
    }

    /**
     * @return whether the account is active ({@code account.X.enable}).
     */
    public boolean enabled()
    {
        return block.flag(Parameter.ENABLE);
    }

    /**
     * @return the label shown on the screen.
     */
    public String label()
    {
        return block.text(Parameter.LABEL);
    }

    /**
     * @return the display name.
     */
    public String displayName()
    {
        return block.text(Parameter.DISPLAY_NAME);
    }

    /**
     * @return the user name for digest authentication.
     */
    public String authName()
    {
        return block.text(Parameter.AUTH_NAME);
    }

    /**
     * @return the user part of the address of record.
     */
    public String userName()
    {
        return block.text(Parameter.USER_NAME);
    }

    /**
     * The digest password in clear, for the SIP stack only: never log it (R-BAD-5).
     *
     * @return the password, possibly empty.
     */
    public String password()
    {
        return block.text(Parameter.PASSWORD);
    }

    /**
     * @param y 1 for the working server, 2 for the fallback server.
     * @return the server.
     * @throws IndexOutOfBoundsException when y is not 1 or 2.
     */
    public SipServerConfig sipServer(final int y)
    {
        return sipServers.get(y - 1);
    }

    /**
     * @return the working server and the fallback server, in that order.
     */
    public List<SipServerConfig> sipServers()
    {
        return sipServers;
    }

    /**
     * @return the outbound proxy settings, both proxies included.
     */
    public OutboundProxySettings outboundProxy()
    {
        return outboundProxy;
    }

    /**
     * @return how the account falls back from the working to the fallback server.
     */
    public FallbackSettings fallback()
    {
        return fallback;
    }

    /**
     * @return how the account resolves server names.
     */
    public DnsSettings dns()
    {
        return dns;
    }

    /**
     * The block holding a scope's values for this account: the account itself, or server or proxy y.
     */
    SettingBlock blockFor(final Scope scope, final int y)
    {
        switch (scope)
        {
            case SIP_SERVER:
                return sipServer(y).block();
            case OUTBOUND_PROXY:
                return outboundProxy.proxy(y).block();
            case ACCOUNT:
                return block;
            default:
                throw new IllegalArgumentException(scope + " is not an account scope");
        }
    }

    @Override
    public boolean equals(final Object other)
    {
        if (this == other)
        {
            return true;
        }
        if (!(other instanceof AccountConfig))
        {
            return false;
        }
        final AccountConfig that = (AccountConfig)other;
        return index == that.index &&
            block.equals(that.block) &&
            sipServers.equals(that.sipServers) &&
            outboundProxy.equals(that.outboundProxy);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(index, block, sipServers, outboundProxy);
    }

    @Override
    public String toString()
    {
        return "AccountConfig[" + index + "]" + block.describe() + " " + sipServers + " " + outboundProxy.proxies();
    }
}
