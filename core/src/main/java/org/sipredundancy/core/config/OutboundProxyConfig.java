package org.sipredundancy.core.config;

import java.util.Objects;

/**
 * One outbound proxy of an account ({@code account.X.outbound_proxy.Y.*}, or the legacy {@code outbound_host} pair
 * on older firmware, R-OBP-3): proxy 1 is the working proxy, proxy 2 the backup. Values are effective: a -1 has
 * already been replaced by the same-named value of SIP server Y (R-CFG-4), so every value here is one a phone acts
 * on. Immutable.
 */
public final class OutboundProxyConfig
{
    private final int index;
    private final SettingBlock block;

    OutboundProxyConfig(final int index, final SettingBlock block)
    {
        this.index = index;
        this.block = block;
    }

    /**
     * @return Y: 1 for the working proxy, 2 for the backup proxy.
     */
    public int index()
    {
        return index;
    }

    /**
     * @return the domain name or IP address, or empty when the proxy is not configured.
     */
    public String address()
    {
        return block.text(Parameter.OUTBOUND_PROXY_ADDRESS);
    }

    /**
     * @return whether an address is configured.
     */
    public boolean isConfigured()
    {
        return !address().isEmpty();
    }

    /**
     * @return the port; 0 means "find the port by DNS".
     */
    public int port()
    {
        return block.intValue(Parameter.OUTBOUND_PROXY_PORT);
    }

    /**
     * @return whether the port is to be found by DNS (port 0).
     */
    public boolean portFromDns()
    {
        return port() == 0;
    }

    /**
     * @return retransmissions to an unresponsive proxy before moving to the next candidate.
     */
    public int retryCounts()
    {
        return block.intValue(Parameter.OUTBOUND_PROXY_RETRY_COUNTS);
    }

    /**
     * @return whether to register through a secondary proxy before sending other requests through it.
     */
    public boolean registerOnEnable()
    {
        return block.flag(Parameter.OUTBOUND_PROXY_REGISTER_ON_ENABLE);
    }

    /**
     * @return whether requests go only through the proxy the account registered through.
     */
    public boolean onlySignalWithRegistered()
    {
        return block.flag(Parameter.OUTBOUND_PROXY_ONLY_SIGNAL_WITH_REGISTERED);
    }

    /**
     * @return retries of a request other than REGISTER before moving to the next candidate.
     */
    public int inviteRetryCounts()
    {
        return block.intValue(Parameter.OUTBOUND_PROXY_INVITE_RETRY_COUNTS);
    }

    /**
     * @return how requests return to the primary proxy.
     */
    public FailbackMode failbackMode()
    {
        return FailbackMode.fromCode(block.number(Parameter.OUTBOUND_PROXY_FAILBACK_MODE));
    }

    /**
     * @return seconds on the current proxy before the primary is tried again in duration mode; 0 means never,
     *     until the current proxy fails. Never 1 to 59.
     */
    public int failbackTimeoutS()
    {
        return block.intValue(Parameter.OUTBOUND_PROXY_FAILBACK_TIMEOUT);
    }

    /**
     * @return whether subscriptions move at once when the proxy's address changes.
     */
    public boolean failbackSubscribe()
    {
        return block.flag(Parameter.OUTBOUND_PROXY_FAILBACK_SUBSCRIBE_ENABLE);
    }

    SettingBlock block()
    {
        return block;
    }

    @Override
    public boolean equals(final Object other)
    {
        return this == other ||
            (other instanceof OutboundProxyConfig && index == ((OutboundProxyConfig)other).index &&
            block.equals(((OutboundProxyConfig)other).block));
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(index, block);
    }

    @Override
    public String toString()
    {
        return "OutboundProxyConfig[" + index + "]" + block.describe();
    }
}
