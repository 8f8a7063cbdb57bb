package org.sipredundancy.core.config;

import java.util.Objects;

/**
 * A static A record ({@code dns_cache_a.X.*}, R-DNS-7): it stands in for a live answer to an address query for its
 * name. Only complete records with an IPv4 address exist. Immutable.
 */
public final class DnsARecord
{
    private final int index;
    private final SettingBlock block;

    DnsARecord(final int index, final SettingBlock block)
    {
        this.index = index;
        this.block = block;
    }

    /**
     * @return X: the record's number in the file, 1 to 12.
     */
    public int index()
    {
        return index;
    }

    /**
     * @return the domain name, as written.
     */
    public String name()
    {
        return block.text(Parameter.DNS_A_NAME);
    }

    /**
     * @return the dotted IPv4 address the name maps to.
     */
    public String ip()
    {
        return block.text(Parameter.DNS_A_IP);
    }

    /**
     * @return seconds the record may be cached; the TTL DNSTTL failback waits for (R-DNS-10).
     */
    public int ttlS()
    {
        return block.intValue(Parameter.DNS_A_TTL);
    }

    SettingBlock block()
    {
        return block;
    }

    @Override
    public boolean equals(final Object other)
    {
        return this == other ||
            (other instanceof DnsARecord && index == ((DnsARecord)other).index &&
            block.equals(((DnsARecord)other).block));
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(index, block);
    }

    @Override
    public String toString()
    {
        return "DnsARecord[" + index + "]" + block.describe();
    }
}
