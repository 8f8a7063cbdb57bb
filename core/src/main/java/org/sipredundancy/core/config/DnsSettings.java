package org.sipredundancy.core.config;

/**
 * How an account resolves its servers' names (R-DNS-3, R-DNS-7, R-DNS-8). Immutable.
 *
 * @param cacheType               whether answers and additional records are cached
 *                                ({@code account.X.dns_cache_type}).
 * @param staticCachePreferred    whether static DNS cache records are used before live DNS
 *                                ({@code account.X.static_cache_pri = 1}).
 * @param naptrBuildAllTransports whether, when NAPTR finds nothing, SRV is asked over UDP, TCP and TLS rather than
 *                                UDP only ({@code account.X.naptr_build = 1}).
 */
public record DnsSettings(DnsCacheType cacheType, boolean staticCachePreferred, boolean naptrBuildAllTransports)
{
}
