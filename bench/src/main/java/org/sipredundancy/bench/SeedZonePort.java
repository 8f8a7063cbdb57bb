package org.sipredundancy.bench;

import org.sipredundancy.core.dns.DnsAnswerHandler;
import org.sipredundancy.core.dns.DnsQueryPort;
import org.sipredundancy.hal.Ipv4;

/**
 * A DNS port that answers the seed's Appendix A zone at once, inside the query call (the port contract allows it).
 * The selection benchmark uses it only to warm the locator's cache; once warm, no query reaches it, which the
 * benchmark checks.
 */
final class SeedZonePort implements DnsQueryPort
{
    static final String DOMAIN = "yealink.pbx.com";
    private static final int TTL_S = 3600;
    private static final int NAPTR = 35;
    private static final int SRV = 33;
    private static final int A = 1;

    private DnsAnswerHandler handler;
    private long queryCount;

    void handler(final DnsAnswerHandler handler)
    {
        this.handler = handler;
    }

    long queryCount()
    {
        return queryCount;
    }

    /**
     * {@inheritDoc}
     */
    public int query(final long queryToken, final CharSequence name, final int type)
    {
        queryCount++;
        final String asked = name.toString();
        if (type == NAPTR && asked.equals(DOMAIN))
        {
            handler.onNaptrRecord(queryToken, 90, 50, "s", "SIP+D2T", "", "_sip._tcp.yealink.pbx.com", TTL_S);
            handler.onNaptrRecord(queryToken, 100, 50, "s", "SIP+D2U", "", "_sip._udp.yealink.pbx.com", TTL_S);
            handler.onAnswerEnd(queryToken, 0);
        }
        else if (type == SRV && asked.equals("_sip._tcp.yealink.pbx.com"))
        {
            handler.onSrvRecord(queryToken, 0, 1, 5060, "server1.yealink.pbx.com", TTL_S);
            handler.onSrvRecord(queryToken, 0, 2, 5060, "server2.yealink.pbx.com", TTL_S);
            handler.onAnswerEnd(queryToken, 0);
        }
        else if (type == A && asked.equals("server1.yealink.pbx.com"))
        {
            handler.onAddressRecord(queryToken, (int)Ipv4.parse("192.168.1.13"), TTL_S);
            handler.onAnswerEnd(queryToken, 0);
        }
        else if (type == A && asked.equals("server2.yealink.pbx.com"))
        {
            handler.onAddressRecord(queryToken, (int)Ipv4.parse("192.168.1.14"), TTL_S);
            handler.onAnswerEnd(queryToken, 0);
        }
        else
        {
            handler.onNoRecords(queryToken, -1, 0);
        }
        return 0;
    }
}
