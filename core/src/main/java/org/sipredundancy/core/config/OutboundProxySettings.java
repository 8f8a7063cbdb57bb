package org.sipredundancy.core.config;

import java.util.List;

/**
 * An account's outbound proxies (R-OBP-1, R-OBP-2): whether they are used, both proxies with their effective values
 * (inheritance resolved, legacy keys mapped), and how soon proxy 1 is tried again after a fall back to proxy 2.
 * Immutable.
 *
 * @param enabled           whether every request goes through the proxies ({@code outbound_proxy_enable}).
 * @param proxies           proxy 1 (working) and proxy 2 (backup), in that order.
 * @param fallbackIntervalS seconds before proxy 1 is tried again ({@code outbound_proxy_fallback_interval}).
 */
public record OutboundProxySettings(boolean enabled, List<OutboundProxyConfig> proxies, int fallbackIntervalS)
{
    /**
     * Copy the list so that the settings stay immutable.
     *
     * @param enabled whether the proxies are used.
     * @param proxies proxy 1 and proxy 2.
     * @param fallbackIntervalS seconds before proxy 1 is tried again.
     */
    public OutboundProxySettings
    {
        proxies = List.copyOf(proxies);
    }

    /**
     * @param y 1 for the working proxy, 2 for the backup proxy.
     * @return the proxy.
     * @throws IndexOutOfBoundsException when y is not 1 or 2.
     */
    public OutboundProxyConfig proxy(final int y)
    {
        return proxies.get(y - 1);
    }
}
