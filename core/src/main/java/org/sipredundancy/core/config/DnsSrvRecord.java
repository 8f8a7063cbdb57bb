package org.sipredundancy.core.config;

import java.util.Objects;

/**
 * A static SRV record ({@code dns_cache_srv.X.*}, R-DNS-7): it stands in for a live answer to an SRV query for its
 * owner name. Only complete records (name and target) exist. Immutable.
 */
public final class DnsSrvRecord
{
    private final int index;
    private final SettingBlock block;

    DnsSrvRecord(final int index, final SettingBlock block)
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
     * @return the owner name exactly as written, e.g. {@code _sip._tcp.example.com} (R-DNS-12: never corrected).
     */
    public String name()
    {
        return block.text(Parameter.DNS_SRV_NAME);
    }

    /**
     * @return the port of the target.
     */
    public int port()
    {
        return block.intValue(Parameter.DNS_SRV_PORT);
    }

    /**
     * @return the priority; lower is preferred.
     */
    public int priority()
    {
        return block.intValue(Parameter.DNS_SRV_PRIORITY);
    }

    /**
     * @return the target host, looked up by an address query.
     */
    public String target()
    {
        return block.text(Parameter.DNS_SRV_TARGET);
    }

    /**
     * @return the weight among equal priorities; higher is preferred (R-DNS-5).
     */
    public int weight()
    {
        return block.intValue(Parameter.DNS_SRV_WEIGHT);
    }

    /**
     * @return seconds the record may be cached.
     */
    public int ttlS()
    {
        return block.intValue(Parameter.DNS_SRV_TTL);
    }

    SettingBlock block()
    {
        return block;
    }

    @Override
    public boolean equals(final Object other)
    {
        return this == other ||
            (other instanceof DnsSrvRecord && index == ((DnsSrvRecord)other).index &&
            block.equals(((DnsSrvRecord)other).block));
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(index, block);
    }

    @Override
    public String toString()
    {
        return "DnsSrvRecord[" + index + "]" + block.describe();
    }
}
