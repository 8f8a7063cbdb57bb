package org.sipredundancy.core.sim;

import org.sipredundancy.core.dns.wire.DnsType;
import org.sipredundancy.hal.Ipv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The records a {@link SimDnsServer} serves, declared by a test: A, SRV, NAPTR, CNAME and SOA. Names are compared
 * without regard to case and to one trailing dot. Set-up and simulation tool: it allocates, it is not for the
 * phone's duty cycle.
 * <pre>
 *   new SimDnsZone()
 *       .soa("yealink.pbx.com", 3600, 300)
 *       .naptr("yealink.pbx.com", 3600, 90, 50, "s", "SIP+D2T", "", "_sip._tcp.yealink.pbx.com")
 *       .srv("_sip._tcp.yealink.pbx.com", 3600, 0, 2, 5060, "server2.yealink.pbx.com")
 *       .a("server2.yealink.pbx.com", 3600, "192.168.1.14");
 * </pre>
 */
public final class SimDnsZone
{
    private final List<Entry> entries = new ArrayList<>();

    /**
     * Add an A record.
     *
     * @param name    owner.
     * @param ttlS    TTL in seconds.
     * @param address dotted-quad address.
     * @return this.
     */
    public SimDnsZone a(final String name, final long ttlS, final String address)
    {
        final long parsed = Ipv4.parse(address);
        if (parsed == Ipv4.INVALID)
        {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        entries.add(new Entry(key(name), DnsType.A, ttlS, (int)parsed, 0, 0, 0, null, null, null, null, 0));
        return this;
    }

    /**
     * Add an SRV record.
     *
     * @param name     owner, e.g. {@code _sip._tcp.example.com}.
     * @param ttlS     TTL in seconds.
     * @param priority priority.
     * @param weight   weight.
     * @param port     port.
     * @param target   target host.
     * @return this.
     */
    public SimDnsZone srv(
        final String name, final long ttlS, final int priority, final int weight, final int port, final String target)
    {
        entries.add(new Entry(key(name), DnsType.SRV, ttlS, 0, priority, weight, port, target, null, null, null, 0));
        return this;
    }

    /**
     * Add a NAPTR record.
     *
     * @param name        owner.
     * @param ttlS        TTL in seconds.
     * @param order       order.
     * @param preference  preference.
     * @param flags       flags, e.g. {@code s}.
     * @param service     service, e.g. {@code SIP+D2T}.
     * @param regexp      regexp, usually empty.
     * @param replacement replacement name.
     * @return this.
     */
    public SimDnsZone naptr(
        final String name,
        final long ttlS,
        final int order,
        final int preference,
        final String flags,
        final String service,
        final String regexp,
        final String replacement)
    {
        entries.add(new Entry(
            key(name), DnsType.NAPTR, ttlS, 0, order, preference, 0, replacement, flags, service, regexp, 0));
        return this;
    }

    /**
     * Add a CNAME record.
     *
     * @param name   the alias.
     * @param ttlS   TTL in seconds.
     * @param target the canonical name.
     * @return this.
     */
    public SimDnsZone cname(final String name, final long ttlS, final String target)
    {
        entries.add(new Entry(key(name), DnsType.CNAME, ttlS, 0, 0, 0, 0, target, null, null, null, 0));
        return this;
    }

    /**
     * Add the SOA record of a zone; negative answers for names under it carry it in the authority section.
     *
     * @param zone     the zone's apex.
     * @param ttlS     TTL of the SOA record.
     * @param minimumS the SOA MINIMUM field, the negative-caching TTL (RFC 2308).
     * @return this.
     */
    public SimDnsZone soa(final String zone, final long ttlS, final long minimumS)
    {
        entries.add(new Entry(key(zone), DnsType.SOA, ttlS, 0, 0, 0, 0, null, null, null, null, minimumS));
        return this;
    }

    /**
     * The records of one owner and type, in the order declared.
     *
     * @param name owner.
     * @param type the {@link DnsType}.
     * @return the records, possibly none.
     */
    List<Entry> find(final String name, final int type)
    {
        final String key = key(name);
        final List<Entry> found = new ArrayList<>();
        for (final Entry entry : entries)
        {
            if (entry.type == type && entry.owner.equals(key))
            {
                found.add(entry);
            }
        }
        return found;
    }

    /**
     * @param name a name.
     * @return whether any record has that owner.
     */
    boolean hasName(final String name)
    {
        final String key = key(name);
        for (final Entry entry : entries)
        {
            if (entry.owner.equals(key))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The SOA of the closest enclosing zone declared.
     *
     * @param name a name.
     * @return the SOA record, or null.
     */
    Entry soaFor(final String name)
    {
        final String key = key(name);
        Entry best = null;
        for (final Entry entry : entries)
        {
            if (entry.type == DnsType.SOA && (key.equals(entry.owner) || key.endsWith("." + entry.owner)) &&
                (best == null || entry.owner.length() > best.owner.length()))
            {
                best = entry;
            }
        }
        return best;
    }

    static String key(final CharSequence name)
    {
        final String text = name.toString().toLowerCase(Locale.ROOT);
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @return the distinct addresses of the zone's A records, in the order they were added: where a simulated
     *         deployment puts its servers.
     */
    public List<Integer> addresses()
    {
        final List<Integer> addresses = new ArrayList<>();
        for (final Entry entry : entries)
        {
            if (entry.type() == DnsType.A && !addresses.contains(entry.address()))
            {
                addresses.add(entry.address());
            }
        }
        return addresses;
    }

    /**
     * One declared record; unused fields are 0 or null.
     */
    record Entry(
        String owner,
        int type,
        long ttlS,
        int address,
        int first,
        int second,
        int port,
        String target,
        String flags,
        String service,
        String regexp,
        long minimumS)
    {
    }
}
