package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

/**
 * The records of one type answering one question: A addresses, SRV records or NAPTR records, in answer order. One
 * fixed-capacity holder serves a live answer being received, a static lookup, a cache entry and a step of the
 * locator, so that copying between them allocates nothing once each position has held a name (see {@code nameAt}).
 * Records beyond the capacity are dropped and counted.
 * Not thread safe.
 * <pre>
 *   type    first      second      third   fourth   name          ttlS
 *   A       address    -           -       -        -             ttl
 *   SRV     priority   weight      port    -        target        ttl
 *   NAPTR   order      preference  flag    service  replacement   ttl
 * </pre>
 */
public final class DnsRecordSet
{
    private final int[] first;
    private final int[] second;
    private final int[] third;
    private final int[] fourth;
    private final int[] ttlS;
    private final DomainName[] names;
    private int type;
    private int size;
    private long droppedCount;
    private Object copiedOwner;
    private long copiedVersion;

    /**
     * @param capacity most records held, at least 1.
     */
    public DnsRecordSet(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        first = new int[capacity];
        second = new int[capacity];
        third = new int[capacity];
        fourth = new int[capacity];
        ttlS = new int[capacity];
        names = new DomainName[capacity];
    }

    /**
     * The name holder of a position, made the first time the position holds a name: sets that only ever hold
     * addresses (most of a phone's) never make one, and a position that has held a name keeps its holder, so after
     * the first answers of each kind nothing allocates.
     */
    private DomainName nameAt(final int index)
    {
        DomainName name = names[index];
        if (name == null)
        {
            name = new DomainName();
            names[index] = name;
        }
        return name;
    }

    /**
     * Empty the set and say which type it will hold.
     *
     * @param type the RFC 1035 TYPE number: 1 (A), 33 (SRV) or 35 (NAPTR).
     * @return this set.
     */
    public DnsRecordSet reset(final int type)
    {
        this.type = type;
        size = 0;
        return this;
    }

    /**
     * @return the TYPE number of the records.
     */
    public int type()
    {
        return type;
    }

    /**
     * @return records held.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return most records held.
     */
    public int capacity()
    {
        return ttlS.length;
    }

    /**
     * @return records dropped since construction because the set was full or a name did not fit.
     */
    public long droppedCount()
    {
        return droppedCount;
    }

    /**
     * Add an A record.
     *
     * @param address IPv4 address, first octet in the top byte.
     * @param ttlS    TTL in seconds; negative values count as 0 (RFC 2181).
     * @return false when the record was dropped.
     */
    public boolean addAddress(final int address, final int ttlS)
    {
        return add(address, 0, 0, 0, null, ttlS);
    }

    /**
     * Add an SRV record (RFC 2782).
     *
     * @param priority lower is tried first.
     * @param weight   share among equal priorities.
     * @param port     the service's port.
     * @param target   the host, or {@code .} for "no service here".
     * @param ttlS     TTL in seconds.
     * @return false when the record was dropped.
     */
    public boolean addSrv(
        final int priority, final int weight, final int port, final CharSequence target, final int ttlS)
    {
        return add(priority, weight, port, 0, target, ttlS);
    }

    /**
     * Add a NAPTR record (RFC 3403); its flags and service are classified now.
     *
     * @param order       lower is tried first.
     * @param preference  lower is tried first among equal orders.
     * @param flags       {@code s}, {@code a}, empty, or anything else (not used).
     * @param service     e.g. {@code SIP+D2T}.
     * @param regexp      empty for SIP; a record with a regular expression is not used.
     * @param replacement the name asked next.
     * @param ttlS        TTL in seconds.
     * @return false when the record was dropped.
     */
    public boolean addNaptr(
        final int order,
        final int preference,
        final CharSequence flags,
        final CharSequence service,
        final CharSequence regexp,
        final CharSequence replacement,
        final int ttlS)
    {
        return add(order, preference, NaptrRules.flag(flags, regexp), NaptrRules.service(service), replacement,
            ttlS);
    }

    /**
     * Add a copy of one record of another set of the same type.
     *
     * @param from  the other set.
     * @param index the record's position there.
     * @return false when the record was dropped.
     */
    public boolean addCopy(final DnsRecordSet from, final int index)
    {
        return add(from.first[index], from.second[index], from.third[index], from.fourth[index],
            from.type == DnsType.A ? null : from.nameAt(index), from.ttlS[index]);
    }

    /**
     * Replace the content by a copy of another set.
     *
     * @param from the set to copy.
     * @return this set.
     */
    public DnsRecordSet copyFrom(final DnsRecordSet from)
    {
        copiedOwner = null;
        reset(from.type);
        final int count = Math.min(from.size, ttlS.length);
        final boolean named = from.type != DnsType.A;
        for (int i = 0; i < count; i++)
        {
            first[i] = from.first[i];
            second[i] = from.second[i];
            third[i] = from.third[i];
            fourth[i] = from.fourth[i];
            ttlS[i] = from.ttlS[i];
            if (named)
            {
                nameAt(i).copyFrom(from.nameAt(i));
            }
        }
        size = count;
        droppedCount += from.size - count;
        return this;
    }

    /**
     * Replace the content by a copy of a version of a cache entry's records, skipping the copy when this set still
     * holds that very version: nothing but {@link #reset} and {@link #setAllTtlS} has touched it since, and neither
     * changes the records below the old size. TTLs are left as they were; the caller sets them.
     *
     * @param from    the entry's records.
     * @param owner   the cache holding the entry.
     * @param version the entry's version, new at each store.
     */
    void copyFrom(final DnsRecordSet from, final Object owner, final long version)
    {
        if (copiedOwner == owner && copiedVersion == version && owner != null)
        {
            type = from.type;
            size = from.size;
            return;
        }
        copyFrom(from);
        if (from.size <= ttlS.length)
        {
            copiedOwner = owner;
            copiedVersion = version;
        }
    }

    private boolean add(
        final int a, final int b, final int c, final int d, final CharSequence name, final int recordTtlS)
    {
        copiedOwner = null;
        if (size == ttlS.length || (name != null && !nameAt(size).set(name)))
        {
            droppedCount++;
            return false;
        }
        first[size] = a;
        second[size] = b;
        third[size] = c;
        fourth[size] = d;
        ttlS[size] = Math.max(0, recordTtlS);
        size++;
        return true;
    }

    /**
     * @param index position of an A record.
     * @return its IPv4 address.
     */
    public int address(final int index)
    {
        return first[index];
    }

    /**
     * @param index position of an SRV record.
     * @return its priority.
     */
    public int priority(final int index)
    {
        return first[index];
    }

    /**
     * @param index position of an SRV record.
     * @return its weight.
     */
    public int weight(final int index)
    {
        return second[index];
    }

    /**
     * @param index position of an SRV record.
     * @return its port.
     */
    public int port(final int index)
    {
        return third[index];
    }

    /**
     * @param index position of an SRV record.
     * @return its target, valid until the set changes.
     */
    public CharSequence target(final int index)
    {
        return nameAt(index);
    }

    /**
     * @param index position of a NAPTR record.
     * @return its order.
     */
    public int order(final int index)
    {
        return first[index];
    }

    /**
     * @param index position of a NAPTR record.
     * @return its preference.
     */
    public int preference(final int index)
    {
        return second[index];
    }

    /**
     * @param index position of a NAPTR record.
     * @return its replacement, valid until the set changes.
     */
    public CharSequence replacement(final int index)
    {
        return nameAt(index);
    }

    /**
     * @param index position of any record.
     * @return its TTL in seconds.
     */
    public int ttlS(final int index)
    {
        return ttlS[index];
    }

    /**
     * @return the smallest TTL of the set in seconds (RFC 2181: an RRset lives as long as its shortest record),
     *     0 when empty.
     */
    public int minTtlS()
    {
        int min = size == 0 ? 0 : Integer.MAX_VALUE;
        for (int i = 0; i < size; i++)
        {
            min = Math.min(min, ttlS[i]);
        }
        return min;
    }

    int flag(final int index)
    {
        return third[index];
    }

    int service(final int index)
    {
        return fourth[index];
    }

    DomainName name(final int index)
    {
        return nameAt(index);
    }

    void setAllTtlS(final int recordTtlS)
    {
        for (int i = 0; i < size; i++)
        {
            ttlS[i] = recordTtlS;
        }
    }
}
