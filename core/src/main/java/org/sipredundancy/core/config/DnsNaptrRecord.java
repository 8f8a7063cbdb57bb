package org.sipredundancy.core.config;

import java.util.Objects;

/**
 * A static NAPTR record ({@code dns_cache_naptr.X.*}, R-DNS-7): it stands in for a live answer to a NAPTR query for
 * its name. Only complete records (name and replacement) exist. Immutable.
 */
public final class DnsNaptrRecord
{
    private final int index;
    private final SettingBlock block;

    DnsNaptrRecord(final int index, final SettingBlock block)
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
     * @return the domain name the record belongs to.
     */
    public String name()
    {
        return block.text(Parameter.DNS_NAPTR_NAME);
    }

    /**
     * @return the flag in upper case: {@code S} (SRV next), {@code A} (address next), {@code U}, {@code P}, or
     *     empty (non-terminal: NAPTR again on the replacement).
     */
    public String flags()
    {
        return block.text(Parameter.DNS_NAPTR_FLAGS);
    }

    /**
     * @return the order; lower is preferred.
     */
    public int order()
    {
        return block.intValue(Parameter.DNS_NAPTR_ORDER);
    }

    /**
     * @return the preference among equal orders; lower is preferred.
     */
    public int preference()
    {
        return block.intValue(Parameter.DNS_NAPTR_PREFERENCE);
    }

    /**
     * @return the replacement: the name queried next, exactly as written (R-DNS-12).
     */
    public String replacement()
    {
        return block.text(Parameter.DNS_NAPTR_REPLACE);
    }

    /**
     * @return the service, e.g. {@code SIP+D2U}, possibly empty.
     */
    public String service()
    {
        return block.text(Parameter.DNS_NAPTR_SERVICE);
    }

    /**
     * @return seconds the record may be cached.
     */
    public int ttlS()
    {
        return block.intValue(Parameter.DNS_NAPTR_TTL);
    }

    SettingBlock block()
    {
        return block;
    }

    @Override
    public boolean equals(final Object other)
    {
        return this == other ||
            (other instanceof DnsNaptrRecord && index == ((DnsNaptrRecord)other).index &&
            block.equals(((DnsNaptrRecord)other).block));
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(index, block);
    }

    @Override
    public String toString()
    {
        return "DnsNaptrRecord[" + index + "]" + block.describe();
    }
}
