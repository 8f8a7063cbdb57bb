package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.sipredundancy.hal.Ipv4;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory DNS "server" for unit tests: answers from zones the test declares, either inside
 * {@link #query} (synchronous) or when the test calls {@link #deliverAll(long)}; can fail every query, or the
 * queries for chosen names, and refuse queries (back-pressure). Records every question asked.
 */
final class FakeDnsPort implements DnsQueryPort
{
    private final Map<String, List<Object[]>> zone = new HashMap<>();
    private final Map<String, List<Object[]>> extras = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private final List<String> asked = new ArrayList<>();
    private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
    private DnsAnswerHandler handler;
    private boolean synchronous;
    private int failAllCause;
    private int refuseCount;
    private int soaMinimumS = -1;

    FakeDnsPort handler(final DnsAnswerHandler answerHandler)
    {
        this.handler = answerHandler;
        return this;
    }

    FakeDnsPort synchronous(final boolean answerInsideQuery)
    {
        this.synchronous = answerInsideQuery;
        return this;
    }

    /** Fail every query with this cause (0: stop failing). */
    FakeDnsPort failAll(final int cause)
    {
        this.failAllCause = cause;
        return this;
    }

    FakeDnsPort failName(final String name)
    {
        failing.add(name.toLowerCase(Locale.ROOT));
        return this;
    }

    FakeDnsPort refuseNext(final int count)
    {
        this.refuseCount = count;
        return this;
    }

    /** The SOA minimum negative answers carry; negative for none. */
    FakeDnsPort soaMinimum(final int seconds)
    {
        this.soaMinimumS = seconds;
        return this;
    }

    FakeDnsPort a(final String name, final String address, final int ttlS)
    {
        return put(zone, DnsType.A, name, new Object[]{(int)Ipv4.parse(address), ttlS});
    }

    FakeDnsPort srv(
        final String name, final int priority, final int weight, final int port, final String target, final int ttlS)
    {
        return put(zone, DnsType.SRV, name, new Object[]{priority, weight, port, target, ttlS});
    }

    FakeDnsPort naptr(
        final String name, final int order, final int preference, final String flags, final String service,
        final String replacement, final int ttlS)
    {
        return put(zone, DnsType.NAPTR, name,
            new Object[]{order, preference, flags, service, "", replacement, ttlS});
    }

    /** An A record sent in the additional section of answers to (SRV, srvName). */
    FakeDnsPort additionalA(final String srvName, final String owner, final String address, final int ttlS)
    {
        return put(extras, DnsType.SRV, srvName, new Object[]{owner, (int)Ipv4.parse(address), ttlS});
    }

    FakeDnsPort remove(final int type, final String name)
    {
        zone.remove(key(type, name));
        return this;
    }

    List<String> asked()
    {
        return asked;
    }

    void clearAsked()
    {
        asked.clear();
    }

    int pendingCount()
    {
        return pending.size();
    }

    private FakeDnsPort put(
        final Map<String, List<Object[]>> where, final int type, final String name, final Object[] record)
    {
        where.computeIfAbsent(key(type, name), k -> new ArrayList<>()).add(record);
        return this;
    }

    private static String key(final int type, final CharSequence name)
    {
        return type + " " + name.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public int query(final long queryToken, final CharSequence name, final int type)
    {
        if (refuseCount > 0)
        {
            refuseCount--;
            return -1;
        }
        final String asText = name.toString();
        asked.add(DnsType.name(type) + " " + asText);
        final Object[] question = {queryToken, asText, type};
        if (synchronous)
        {
            answer(question, 0L);
        }
        else
        {
            pending.add(question);
        }
        return 0;
    }

    /** Answer every question asked so far, and those asked while answering. */
    void deliverAll(final long nowNs)
    {
        int guard = 0;
        while (!pending.isEmpty() && guard++ < 1000)
        {
            answer(pending.poll(), nowNs);
        }
    }

    private void answer(final Object[] question, final long nowNs)
    {
        final long token = (Long)question[0];
        final String name = (String)question[1];
        final int type = (Integer)question[2];
        if (failAllCause != 0)
        {
            handler.onFailure(token, failAllCause, nowNs);
            return;
        }
        if (failing.contains(name.toLowerCase(Locale.ROOT)))
        {
            handler.onFailure(token, DnsFailure.TIMEOUT, nowNs);
            return;
        }
        final List<Object[]> records = zone.get(key(type, name));
        if (records == null)
        {
            handler.onNoRecords(token, soaMinimumS, nowNs);
            return;
        }
        for (final Object[] r : records)
        {
            deliver(token, type, r);
        }
        for (final Object[] r : extras.getOrDefault(key(type, name), List.of()))
        {
            handler.onAdditionalAddressRecord(token, (String)r[0], (Integer)r[1], (Integer)r[2]);
        }
        handler.onAnswerEnd(token, nowNs);
    }

    private void deliver(final long token, final int type, final Object[] r)
    {
        if (type == DnsType.A)
        {
            handler.onAddressRecord(token, (Integer)r[0], (Integer)r[1]);
        }
        else if (type == DnsType.SRV)
        {
            handler.onSrvRecord(token, (Integer)r[0], (Integer)r[1], (Integer)r[2], (String)r[3], (Integer)r[4]);
        }
        else
        {
            handler.onNaptrRecord(token, (Integer)r[0], (Integer)r[1], (String)r[2], (String)r[3], (String)r[4],
                (String)r[5], (Integer)r[6]);
        }
    }
}
