package org.sipredundancy.core.config;

import java.util.Objects;

/**
 * One SIP server of an account ({@code account.X.sip_server.Y.*}): server 1 is the working server, server 2 the
 * fallback server (R-FB-1), and each is a failover group of its own once DNS has resolved it. Values are effective:
 * defaults applied, a failback timeout of 1 to 59 read as 60. Immutable.
 */
public final class SipServerConfig
{
    private final int index;
    private final SettingBlock block;

    SipServerConfig(final int index, final SettingBlock block)
    {
        this.index = index;
        this.block = block;
    }

    /**
     * @return Y: 1 for the working server, 2 for the fallback server.
     */
    public int index()
    {
        return index;
    }

    /**
     * @return the domain name or IP address, or empty when the server is not configured.
     */
    public String address()
    {
        return block.text(Parameter.SIP_SERVER_ADDRESS);
    }

    /**
     * @return whether an address is configured.
     */
    public boolean isConfigured()
    {
        return !address().isEmpty();
    }

    /**
     * @return the port; 0 means "find the port by DNS" (R-CFG-4).
     */
    public int port()
    {
        return block.intValue(Parameter.SIP_SERVER_PORT);
    }

    /**
     * @return whether the port is to be found by DNS (port 0).
     */
    public boolean portFromDns()
    {
        return port() == 0;
    }

    /**
     * @return the transport; {@link TransportType#DNS_NAPTR} lets NAPTR records choose.
     */
    public TransportType transport()
    {
        return TransportType.fromCode(block.number(Parameter.SIP_SERVER_TRANSPORT_TYPE));
    }

    /**
     * @return the registration expiry to ask for, in seconds.
     */
    public int expiresS()
    {
        return block.intValue(Parameter.SIP_SERVER_EXPIRES);
    }

    /**
     * @return retransmissions to an unresponsive server before moving to the next candidate.
     */
    public int retryCounts()
    {
        return block.intValue(Parameter.SIP_SERVER_RETRY_COUNTS);
    }

    /**
     * @return whether to register with a secondary server before sending it other requests (R-FO-4).
     */
    public boolean registerOnEnable()
    {
        return block.flag(Parameter.SIP_SERVER_REGISTER_ON_ENABLE);
    }

    /**
     * @return whether requests go only to the server the account is registered with (R-FO-5).
     */
    public boolean onlySignalWithRegistered()
    {
        return block.flag(Parameter.SIP_SERVER_ONLY_SIGNAL_WITH_REGISTERED);
    }

    /**
     * @return retries of a request other than REGISTER before moving to the next candidate.
     */
    public int inviteRetryCounts()
    {
        return block.intValue(Parameter.SIP_SERVER_INVITE_RETRY_COUNTS);
    }

    /**
     * @return how requests return to the primary server (R-FO-3).
     */
    public FailbackMode failbackMode()
    {
        return FailbackMode.fromCode(block.number(Parameter.SIP_SERVER_FAILBACK_MODE));
    }

    /**
     * @return seconds on the current server before the primary is tried again in duration mode; 0 means never,
     *     until the current server fails. Never 1 to 59.
     */
    public int failbackTimeoutS()
    {
        return block.intValue(Parameter.SIP_SERVER_FAILBACK_TIMEOUT);
    }

    /**
     * @return whether subscriptions move at once when the server's address changes (R-FO-6).
     */
    public boolean failbackSubscribe()
    {
        return block.flag(Parameter.SIP_SERVER_FAILBACK_SUBSCRIBE_ENABLE);
    }

    SettingBlock block()
    {
        return block;
    }

    @Override
    public boolean equals(final Object other)
    {
        return this == other ||
            (other instanceof SipServerConfig && index == ((SipServerConfig)other).index &&
            block.equals(((SipServerConfig)other).block));
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(index, block);
    }

    @Override
    public String toString()
    {
        return "SipServerConfig[" + index + "]" + block.describe();
    }
}
