package org.sipredundancy.core.sim;

/**
 * One question a {@link SimDnsServer} received, for tests that check when and how the phone asked.
 *
 * @param atNs virtual time of arrival, in nanoseconds.
 * @param name the name asked, lower-case, no trailing dot.
 * @param type the {@link org.sipredundancy.core.dns.wire.DnsType} asked.
 * @param tcp  whether it came over TCP.
 */
public record SimDnsQuery(long atNs, String name, int type, boolean tcp)
{
}
