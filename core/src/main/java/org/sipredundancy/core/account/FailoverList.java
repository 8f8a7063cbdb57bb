package org.sipredundancy.core.account;

import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.DnsSettings;
import org.sipredundancy.core.dns.Candidate;
import org.sipredundancy.core.dns.CandidateList;
import org.sipredundancy.core.dns.ResolutionHandler;
import org.sipredundancy.core.dns.ResolutionOutcome;
import org.sipredundancy.core.dns.ServerLocator;

import java.util.List;

/**
 * One server slot's failover list (R-FO-1, R-OBP-2): the candidates DNS found for each of the slot's
 * {@link NextHop hops}, hop by hop in order — the SIP server alone, or outbound proxy 1's candidates followed by
 * proxy 2's — as rows of the account's {@link ServerHealthTable}. Each hop has its own {@link ServerLocator}; a
 * resolution asks them one after the other and tells the listener once the whole list is ready.
 * <p>
 * <b>Decision:</b> when a hop's new resolution fails for want of DNS (time-outs, SERVFAIL:
 * {@link ResolutionOutcome#LOOKUP_FAILED}) the candidates that hop had last time are kept, so a DNS outage after the
 * TTL ran out does not cost a working registration; an authoritative "no such service" does replace them.
 * <p>
 * Allocation-free once built. Duty cycle thread only.
 */
final class FailoverList implements ResolutionHandler
{
    /** Told when a resolution of every hop has finished. */
    interface Listener
    {
        /**
         * @param source the {@link org.sipredundancy.core.dns.CandidateSource} ordinal of the first new candidate,
         *               {@link AccountEvents#DNS_KEPT_LAST} when every candidate is one kept from last time, or -1
         *               when the list is empty.
         * @param nowNs  the duty cycle's time.
         */
        void onListReady(int source, long nowNs);
    }

    private final NextHop[] hops;
    private final ServerLocator[] locators;
    private final ServerHealthTable health;
    private final Listener listener;
    private final PhoneServices services;
    private final int transportType;
    private final int naptrBuild;
    private final int cacheType;
    private final int staticFirst;
    private final int[] rows;
    private final int[] ttlsS;
    private final int[] hopOf;
    private final int[] stagedRows;
    private final int[] stagedTtlsS;
    private final int[] stagedHopOf;
    private int count;
    private int stagedCount;
    private int resolvingHop;
    private int firstSource;
    private boolean kept;

    /**
     * Build the list at start-up.
     *
     * @param services       the phone's shared parts.
     * @param account        the account's configuration.
     * @param slotNumber     1 or 2.
     * @param health         the account's health table.
     * @param firstLocatorId the id of the first hop's locator; further hops take the following ids.
     * @param capacity       most candidates kept over all hops.
     * @param listener       the slot.
     */
    FailoverList(
        final PhoneServices services,
        final AccountConfig account,
        final int slotNumber,
        final ServerHealthTable health,
        final int firstLocatorId,
        final int capacity,
        final Listener listener)
    {
        final List<NextHop> hopList = NextHop.of(account, slotNumber);
        this.hops = hopList.toArray(new NextHop[0]);
        this.services = services;
        this.health = health;
        this.listener = listener;
        final DnsSettings dns = account.dns();
        transportType = account.sipServer(slotNumber).transport().code();
        naptrBuild = dns.naptrBuildAllTransports() ? 1 : 0;
        cacheType = dns.cacheType().code();
        staticFirst = dns.staticCachePreferred() ? 1 : 0;
        locators = new ServerLocator[hops.length];
        for (int i = 0; i < hops.length; i++)
        {
            locators[i] = new ServerLocator(firstLocatorId + i, services.dnsPort(), services.dnsCache(),
                services.statics(), services.random(), services.srvSelection(), capacity, this, null);
        }
        rows = new int[capacity];
        ttlsS = new int[capacity];
        hopOf = new int[capacity];
        stagedRows = new int[capacity];
        stagedTtlsS = new int[capacity];
        stagedHopOf = new int[capacity];
    }

    /**
     * Locate every hop again, abandoning a resolution in progress; the listener hears when all are done (possibly
     * inside this call).
     *
     * @param nowNs the duty cycle's time.
     */
    void resolve(final long nowNs)
    {
        stagedCount = 0;
        firstSource = -1;
        kept = false;
        resolvingHop = 0;
        resolveHop(nowNs);
    }

    /**
     * Abandon a resolution in progress.
     */
    void cancel()
    {
        for (final ServerLocator locator : locators)
        {
            locator.cancel();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onResolved(final ServerLocator locator)
    {
        if (locator != locators[resolvingHop])
        {
            return;
        }
        gather(locator);
        if (resolvingHop + 1 < hops.length)
        {
            resolvingHop++;
            resolveHop(services.clock().nanoTime());
            return;
        }
        System.arraycopy(stagedRows, 0, rows, 0, stagedCount);
        System.arraycopy(stagedTtlsS, 0, ttlsS, 0, stagedCount);
        System.arraycopy(stagedHopOf, 0, hopOf, 0, stagedCount);
        count = stagedCount;
        listener.onListReady(firstSource >= 0 ? firstSource : kept ? AccountEvents.DNS_KEPT_LAST : -1,
            services.clock().nanoTime());
    }

    private void resolveHop(final long nowNs)
    {
        final NextHop hop = hops[resolvingHop];
        locators[resolvingHop].resolve(hop.host(), hop.port(), transportType, naptrBuild, cacheType, staticFirst,
            nowNs);
    }

    private void gather(final ServerLocator locator)
    {
        final CandidateList candidates = locator.candidates();
        if (candidates.isEmpty() && locator.outcome() == ResolutionOutcome.LOOKUP_FAILED)
        {
            for (int i = 0; i < count; i++)
            {
                if (hopOf[i] == resolvingHop)
                {
                    stage(rows[i], ttlsS[i]);
                    kept = true;
                }
            }
            return;
        }
        for (int i = 0; i < candidates.size(); i++)
        {
            final Candidate candidate = candidates.get(i);
            final int row = health.add(candidate.transport(), candidate.address(), candidate.port());
            if (row >= 0 && stage(row, candidate.ttlS()) && firstSource < 0)
            {
                firstSource = candidate.source().ordinal();
            }
        }
    }

    private boolean stage(final int row, final int ttlS)
    {
        if (stagedCount == stagedRows.length)
        {
            return false;
        }
        stagedRows[stagedCount] = row;
        stagedTtlsS[stagedCount] = ttlS;
        stagedHopOf[stagedCount] = resolvingHop;
        stagedCount++;
        return true;
    }

    /**
     * @return how many candidates the list holds.
     */
    int count()
    {
        return count;
    }

    /**
     * @param position 0 for the primary.
     * @return the candidate's health-table row.
     */
    int row(final int position)
    {
        return rows[position];
    }

    /**
     * @param position 0 for the primary.
     * @return the DNS TTL of the candidate's address, in seconds.
     */
    int ttlS(final int position)
    {
        return ttlsS[position];
    }

    /**
     * @param row a health-table row.
     * @return its position in the list, or -1.
     */
    int positionOf(final int row)
    {
        for (int i = 0; i < count; i++)
        {
            if (rows[i] == row)
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param row a health-table row, or -1.
     * @return the hop the candidate belongs to; the first hop for a row not in the list.
     */
    NextHop hopOfRow(final int row)
    {
        final int position = positionOf(row);
        return hops[position < 0 ? 0 : hopOf[position]];
    }

    /**
     * @param position a position in the list.
     * @return whether the candidate is one of outbound proxy 2's while proxy 1 is configured too (R-OBP-2).
     */
    boolean isBackupProxy(final int position)
    {
        return hops.length > 1 && hops[hopOf[position]].proxy() == 2;
    }

    /**
     * @return how many hops (and DNS locators) the list has: 1, or 2 with both outbound proxies.
     */
    int hopCount()
    {
        return hops.length;
    }

    /**
     * @param hop 0 for the first hop.
     * @return the hop.
     */
    NextHop hop(final int hop)
    {
        return hops[hop];
    }

    /**
     * @param hop 0 for the first hop.
     * @return the hop's DNS locator; the owner routes live answers and polls to it.
     */
    ServerLocator locator(final int hop)
    {
        return locators[hop];
    }
}
