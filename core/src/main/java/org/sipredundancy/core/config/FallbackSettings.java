package org.sipredundancy.core.config;

/**
 * How an account falls back from its working server (SIP server 1) to its fallback server (SIP server 2): R-FB-2,
 * R-FB-3. Immutable.
 *
 * @param redundancyType concurrent or successive registration ({@code account.X.fallback.redundancy_type}).
 * @param timeoutS       seconds between probes of the working server while on the fallback server, in successive
 *                       mode ({@code account.X.fallback.timeout}).
 */
public record FallbackSettings(RedundancyType redundancyType, int timeoutS)
{
}
