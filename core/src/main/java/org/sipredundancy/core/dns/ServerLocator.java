package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.sipredundancy.core.config.DnsSettings;
import org.sipredundancy.core.config.SipServerConfig;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.Transport;

/**
 * Locates one SIP server as RFC 3263 and SPEC section 3 say: from a server entry (host, port,
 * {@code transport_type}) and the account's {@code naptr_build}, {@code dns_cache_type} and
 * {@code static_cache_pri}, the ordered {@link CandidateList} the account sends to, primary first.
 * <pre>
 *   IP literal ............................ no DNS; port 0 -&gt; 5060 (5061 TLS); type 3 -&gt; UDP      R-DNS-1
 *   domain, port != 0 ..................... A on the domain; type 3 -&gt; UDP                          R-DNS-2
 *   domain, port 0, type 3 ................ NAPTR -&gt; (s: SRV | a: A | "": NAPTR again, 5 hops)     R-DNS-3
 *                                           nothing -&gt; SRV _sip._udp (naptr_build 0)
 *                                                      or _sip._udp, _sip._tcp, _sips._tcp (1)
 *                                           no SRV record -&gt; A on the domain, 5060 UDP
 *   domain, port 0, type 0/1/2 ............ SRV _sip._udp / _sip._tcp / _sips._tcp                  R-DNS-4
 *                                           no SRV record -&gt; A on the domain, 5060 (5061 TLS)
 *   SRV order: priority, then weight (seed) or RFC 2782 random; every address its own candidate.  R-DNS-5, -6
 * </pre>
 * Each question is answered by static records, the cache or live DNS (see {@link StaticDnsRecords},
 * {@link DnsAnswerCache}). The locator never blocks: it asks its {@link DnsQueryPort} one question at a time and
 * moves on when told the outcome through its {@link DnsAnswerHandler} methods; what the cache or static records
 * answer is used at once, so a warm cache resolves inside {@link #resolve} without allocating (R-RT-2). When done it
 * tells its {@link ResolutionHandler}. Not thread safe: duty cycle thread only.
 */
public final class ServerLocator implements DnsAnswerHandler
{
    /** Most non-terminal NAPTR records followed in a row (R-DNS-3). */
    public static final int MAX_NAPTR_HOPS = 5;
    /** Records kept per answer; more are dropped and counted. */
    public static final int RECORD_CAPACITY = 16;

    private static final int SIP_PORT = 5060;
    private static final int SIPS_PORT = 5061;
    private static final int TRANSPORT_NAPTR = 3;

    private static final int IDLE = 0;
    private static final int DONE = 1;
    private static final int HOST_ADDRESS = 2;
    private static final int NAPTR_QUERY = 3;
    private static final int NAPTR_NEXT = 4;
    private static final int NAPTR_RECORD_DONE = 5;
    private static final int SRV_QUERY = 6;
    private static final int SRV_TARGET = 7;
    private static final int TARGET_ADDRESS = 8;
    private static final int FALLBACK = 9;

    private final int locatorId;
    private final RecordLookup lookup;
    private final SrvOrdering srvOrdering;
    private final SrvSelection srvSelection;
    private final CandidateList candidates;
    private final ResolutionTrace trace;
    private final ResolutionHandler handler;
    private final DomainName host = new DomainName();
    private String hostText;
    private final DomainName target = new DomainName();
    private final NaptrLevel[] levels = new NaptrLevel[MAX_NAPTR_HOPS + 1];
    private final DomainName[] srvPlanNames = new DomainName[3];
    private final int[] srvPlanTransports = new int[3];
    private final DnsRecordSet srvRecords = new DnsRecordSet(RECORD_CAPACITY);
    private final DnsRecordSet addressRecords = new DnsRecordSet(RECORD_CAPACITY);
    private final int[] srvOrder = new int[RECORD_CAPACITY];

    private int phase = IDLE;
    private ResolutionOutcome outcome = ResolutionOutcome.PENDING;
    private boolean lookupIssued;
    private boolean advancing;
    private boolean notified;
    private long nowNs;
    private int naptrBuild;
    private int naptrDepth;
    private int srvPlanCount;
    private int srvPlanIndex;
    private int srvContinuation;
    private int srvCount;
    private int srvCursor;
    private int srvTransport;
    private CandidateSource srvSource = CandidateSource.LIVE;
    private boolean srvRecordsFound;
    private boolean noServiceSeen;
    private boolean lookupFailed;
    private int targetPort;
    private int targetTransport;
    private int targetReturn;
    private int hostPort;
    private int hostTransport;
    private int fallbackTransport;

    /**
     * Make a locator at start-up; it allocates nothing afterwards.
     *
     * @param locatorId         the top 32 bits of every query token, so a shared port can route outcomes back.
     * @param port              where live questions go.
     * @param cache             the answer cache; may be shared by the locators of one thread.
     * @param statics           the static DNS records, {@link StaticDnsRecords#NONE} when there are none.
     * @param random            randomness for {@link SrvSelection#RFC2782_WEIGHTED}; may be null otherwise.
     * @param srvSelection      how SRV records of equal priority are ordered.
     * @param candidateCapacity most candidates kept.
     * @param handler           told when a resolution is done; may be null.
     * @param traceSink         receives the human-readable trace; null for none (no formatting, no allocation).
     */
    public ServerLocator(
        final int locatorId,
        final DnsQueryPort port,
        final DnsAnswerCache cache,
        final StaticDnsRecords statics,
        final RandomSource random,
        final SrvSelection srvSelection,
        final int candidateCapacity,
        final ResolutionHandler handler,
        final ResolutionTraceSink traceSink)
    {
        if (srvSelection == SrvSelection.RFC2782_WEIGHTED && random == null)
        {
            throw new IllegalArgumentException("RFC 2782 selection needs a random source");
        }
        this.locatorId = locatorId;
        this.trace = new ResolutionTrace(traceSink);
        this.lookup = new RecordLookup(locatorId, port, cache, statics, 2 * RECORD_CAPACITY, trace);
        this.srvOrdering = new SrvOrdering(random);
        this.srvSelection = srvSelection;
        this.candidates = new CandidateList(candidateCapacity);
        this.handler = handler;
        for (int i = 0; i < levels.length; i++)
        {
            levels[i] = new NaptrLevel(RECORD_CAPACITY);
        }
        for (int i = 0; i < srvPlanNames.length; i++)
        {
            srvPlanNames[i] = new DomainName();
        }
    }

    /**
     * Locate a configured server with its account's DNS settings (start-up and tools: reading the configuration
     * may allocate).
     *
     * @param server the server entry.
     * @param dns    the account's DNS settings.
     * @param nowNs  the time now.
     * @return whether the resolution finished inside this call.
     */
    public boolean resolve(final SipServerConfig server, final DnsSettings dns, final long nowNs)
    {
        return resolve(server.address(), server.port(), server.transport().code(),
            dns.naptrBuildAllTransports() ? 1 : 0, dns.cacheType().code(), dns.staticCachePreferred() ? 1 : 0, nowNs);
    }

    /**
     * Start locating a server, abandoning any resolution in progress. Finishes inside the call when the host is a
     * literal or every question is answered by static records or the cache; otherwise live answers drive it on.
     *
     * @param hostName       IP literal or domain name, without a trailing dot.
     * @param port           0 to let DNS find the port, or the port.
     * @param transportType  0 UDP, 1 TCP, 2 TLS, 3 DNS-NAPTR.
     * @param naptrBuild     0: without NAPTR, SRV over UDP only; 1: over UDP, TCP and TLS.
     * @param dnsCacheType   0 no cache, 1 answers, 2 answers and additional records.
     * @param staticCachePri 0 live DNS first, 1 static records first.
     * @param timeNs         the time now.
     * @return whether the resolution finished inside this call.
     * @throws IllegalArgumentException when a setting is out of range.
     */
    public boolean resolve(
        final CharSequence hostName,
        final int port,
        final int transportType,
        final int naptrBuild,
        final int dnsCacheType,
        final int staticCachePri,
        final long timeNs)
    {
        checkSettings(port, transportType, naptrBuild, dnsCacheType, staticCachePri);
        nowNs = timeNs;
        reset();
        this.naptrBuild = naptrBuild;
        lookup.configure(dnsCacheType, staticCachePri == 1);
        trace.begin(hostName, port, transportType, naptrBuild, dnsCacheType, staticCachePri);
        if (!setHost(hostName) || host.length() == 0)
        {
            finish(ResolutionOutcome.INVALID_HOST);
        }
        else
        {
            start(port, transportType);
        }
        advance();
        return phase == DONE;
    }

    /**
     * Copy the host name, unless it is the very String (immutable) copied last time: the account passes the same
     * configured text at every resolution.
     */
    private boolean setHost(final CharSequence hostName)
    {
        if (hostText != null && hostText == hostName)
        {
            return true;
        }
        hostText = null;
        if (!host.set(hostName))
        {
            return false;
        }
        if (hostName instanceof String)
        {
            hostText = (String)hostName;
        }
        return true;
    }

    private static void checkSettings(
        final int port, final int transportType, final int naptrBuild, final int cacheType, final int staticPri)
    {
        if (port < 0 || port > 0xFFFF || transportType < 0 || transportType > TRANSPORT_NAPTR ||
            naptrBuild < 0 || naptrBuild > 1 || cacheType < 0 || cacheType > 2 || staticPri < 0 || staticPri > 1)
        {
            throw new IllegalArgumentException("setting out of range: port " + port + ", transport_type " +
                transportType + ", naptr_build " + naptrBuild + ", dns_cache_type " + cacheType +
                ", static_cache_pri " + staticPri);
        }
    }

    private void reset()
    {
        lookup.abandon();
        candidates.clear();
        outcome = ResolutionOutcome.PENDING;
        lookupIssued = false;
        notified = false;
        srvRecordsFound = false;
        noServiceSeen = false;
        lookupFailed = false;
        naptrDepth = 0;
        srvPlanCount = 0;
        srvPlanIndex = 0;
    }

    private void start(final int port, final int transportType)
    {
        final int fixedTransport = transportType == TRANSPORT_NAPTR ? Transport.UDP : transportType;
        final long literal = Ipv4.parse(host);
        if (literal != Ipv4.INVALID)
        {
            trace.note("IP literal: no DNS (R-DNS-1)");
            addCandidate((int)literal, port != 0 ? port : defaultPort(fixedTransport), fixedTransport, 0,
                CandidateSource.LITERAL);
            finish(ResolutionOutcome.RESOLVED);
        }
        else if (port != 0)
        {
            trace.note("explicit port: address query only (R-DNS-2)");
            hostPort = port;
            hostTransport = fixedTransport;
            phase = HOST_ADDRESS;
        }
        else if (transportType == TRANSPORT_NAPTR)
        {
            trace.note("port 0, DNS-NAPTR: NAPTR query (R-DNS-3)");
            levels[0].name.set(host);
            naptrDepth = 0;
            phase = NAPTR_QUERY;
        }
        else
        {
            trace.note("port 0: SRV query for the transport (R-DNS-4)");
            fallbackTransport = transportType;
            planSrv(transportType);
            srvContinuation = FALLBACK;
            phase = SRV_QUERY;
        }
    }

    private static int defaultPort(final int transport)
    {
        return transport == Transport.TLS ? SIPS_PORT : SIP_PORT;
    }

    private void planSrv(final int transport)
    {
        final String prefix = transport == Transport.TLS ? "_sips._tcp." :
            transport == Transport.TCP ? "_sip._tcp." : "_sip._udp.";
        final DomainName name = srvPlanNames[srvPlanCount];
        if (name.set(prefix, host))
        {
            srvPlanTransports[srvPlanCount++] = transport;
        }
        else
        {
            trace.note("SRV name too long, not asked:", host);
        }
    }

    /**
     * Retry a question the port refused (back-pressure). Call from the duty cycle.
     *
     * @param timeNs the time now.
     * @return 1 when a refused question was sent again, 0 otherwise.
     */
    public int poll(final long timeNs)
    {
        if (phase <= DONE || !lookup.isRefused())
        {
            return 0;
        }
        nowNs = timeNs;
        lookup.send();
        advance();
        return 1;
    }

    /**
     * @return whether a question of the resolution in progress was refused by the port and waits for {@link #poll}.
     */
    public boolean isRefused()
    {
        return phase > DONE && lookup.isRefused();
    }

    /**
     * Abandon the resolution in progress; late answers are ignored. The handler is not told.
     */
    public void cancel()
    {
        lookup.abandon();
        phase = IDLE;
        outcome = ResolutionOutcome.PENDING;
    }

    /**
     * @return whether the last resolution has finished (with or without candidates).
     */
    public boolean isComplete()
    {
        return phase == DONE;
    }

    /**
     * @return the candidates, primary first; final once {@link #isComplete()}.
     */
    public CandidateList candidates()
    {
        return candidates;
    }

    /**
     * @return how the last resolution ended, {@link ResolutionOutcome#PENDING} while it runs.
     */
    public ResolutionOutcome outcome()
    {
        return outcome;
    }

    /**
     * @return the id in the top 32 bits of this locator's query tokens.
     */
    public int locatorId()
    {
        return locatorId;
    }

    /**
     * @return live questions sent since construction (retries after refusal included).
     */
    public long queryCount()
    {
        return lookup.queryCount();
    }

    /**
     * @return answer calls ignored since construction because nobody waited for their token.
     */
    public long ignoredAnswerCount()
    {
        return lookup.ignoredCount();
    }

    private void advance()
    {
        if (advancing)
        {
            return;
        }
        advancing = true;
        while (phase > DONE && step())
        {
            if (candidates.isFull() && phase > DONE)
            {
                trace.note("candidate list full: stop");
                finish(ResolutionOutcome.RESOLVED);
            }
        }
        advancing = false;
        if (phase == DONE && !notified)
        {
            notified = true;
            if (handler != null)
            {
                handler.onResolved(this);
            }
        }
    }

    private boolean step()
    {
        switch (phase)
        {
            case HOST_ADDRESS:
                return ready(DnsType.A, host, addressRecords) && onHostAddresses();
            case NAPTR_QUERY:
                return ready(DnsType.NAPTR, levels[naptrDepth].name, levels[naptrDepth].records) &&
                    onNaptrRecords();
            case NAPTR_NEXT:
                return nextNaptr();
            case NAPTR_RECORD_DONE:
                phase = candidates.isEmpty() ? NAPTR_NEXT : finish(ResolutionOutcome.RESOLVED);
                return true;
            case SRV_QUERY:
                return srvPlanIndex >= srvPlanCount ? endSrvPlan() :
                    ready(DnsType.SRV, srvPlanNames[srvPlanIndex], srvRecords) && onSrvRecords();
            case SRV_TARGET:
                return nextSrvTarget();
            case TARGET_ADDRESS:
                return ready(DnsType.A, target, addressRecords) && onTargetAddresses();
            case FALLBACK:
                return fallBack();
            default:
                return false;
        }
    }

    /**
     * Ask the question of the current step unless already asked; return whether its outcome is known.
     */
    private boolean ready(final int type, final CharSequence name, final DnsRecordSet out)
    {
        if (!lookupIssued)
        {
            lookupIssued = true;
            lookup.begin(type, name, out, nowNs);
        }
        if (lookup.isPending())
        {
            return false;
        }
        lookupIssued = false;
        if (lookup.state() == RecordLookup.FAILED)
        {
            lookupFailed = true;
        }
        return true;
    }

    private boolean onHostAddresses()
    {
        addAddresses(hostPort, hostTransport);
        finish(candidates.isEmpty() ? emptyOutcome() : ResolutionOutcome.RESOLVED);
        return true;
    }

    private boolean onTargetAddresses()
    {
        addAddresses(targetPort, targetTransport);
        phase = targetReturn;
        return true;
    }

    private void addAddresses(final int port, final int transport)
    {
        final CandidateSource source = lookup.source();
        for (int i = 0, n = addressRecords.size(); i < n; i++)
        {
            addCandidate(addressRecords.address(i), port, transport, addressRecords.ttlS(i), source);
        }
    }

    private void addCandidate(
        final int address, final int port, final int transport, final int ttlS, final CandidateSource source)
    {
        final Candidate candidate = candidates.add(address, port, transport, ttlS, source);
        if (candidate != null)
        {
            trace.candidate(candidate);
        }
    }

    private boolean onNaptrRecords()
    {
        levels[naptrDepth].select(trace);
        phase = NAPTR_NEXT;
        return true;
    }

    private boolean nextNaptr()
    {
        final NaptrLevel level = levels[naptrDepth];
        if (!level.hasNext())
        {
            if (naptrDepth == 0)
            {
                trace.note(naptrBuild == 1 ? "no usable NAPTR: SRV over UDP, TCP and TLS (naptr_build 1)" :
                    "no usable NAPTR: SRV over UDP (naptr_build 0)");
                srvPlanCount = 0;
                srvPlanIndex = 0;
                fallbackTransport = Transport.UDP;
                planSrv(Transport.UDP);
                if (naptrBuild == 1)
                {
                    planSrv(Transport.TCP);
                    planSrv(Transport.TLS);
                }
                srvContinuation = FALLBACK;
                srvRecordsFound = false;
                phase = SRV_QUERY;
            }
            else
            {
                naptrDepth--;
            }
            return true;
        }
        final int index = level.next();
        final DnsRecordSet records = level.records;
        final DomainName replacement = records.name(index);
        final int transport = NaptrRules.transport(records.service(index));
        if (replacement.length() == 0 || replacement.isRoot())
        {
            trace.naptr(records, index, "skip, no replacement");
            return true;
        }
        switch (records.flag(index))
        {
            case NaptrRules.FLAG_SRV:
                trace.naptr(records, index, "SRV on the replacement");
                srvPlanCount = 0;
                srvPlanIndex = 0;
                srvPlanNames[srvPlanCount].set(replacement);
                srvPlanTransports[srvPlanCount++] = transport;
                srvContinuation = NAPTR_RECORD_DONE;
                phase = SRV_QUERY;
                break;
            case NaptrRules.FLAG_ADDRESS:
                trace.naptr(records, index, "address query on the replacement");
                target.set(replacement);
                targetPort = defaultPort(transport);
                targetTransport = transport;
                targetReturn = NAPTR_RECORD_DONE;
                phase = TARGET_ADDRESS;
                break;
            default:
                followNonTerminal(records, index, replacement);
                break;
        }
        return true;
    }

    private void followNonTerminal(final DnsRecordSet records, final int index, final DomainName replacement)
    {
        if (naptrDepth == MAX_NAPTR_HOPS)
        {
            trace.naptr(records, index, "skip, more than 5 non-terminal hops");
            return;
        }
        for (int i = 0; i <= naptrDepth; i++)
        {
            if (levels[i].name.equalsIgnoreCase(replacement))
            {
                trace.naptr(records, index, "skip, NAPTR loop");
                return;
            }
        }
        trace.naptr(records, index, "non-terminal, NAPTR again on the replacement");
        naptrDepth++;
        levels[naptrDepth].name.set(replacement);
        phase = NAPTR_QUERY;
    }

    private boolean onSrvRecords()
    {
        srvSource = lookup.source();
        srvTransport = srvPlanTransports[srvPlanIndex];
        srvCount = srvOrdering.order(srvRecords, srvSelection, srvOrder);
        srvCursor = 0;
        if (srvCount > 0)
        {
            srvRecordsFound = true;
        }
        for (int i = 0; i < srvCount; i++)
        {
            trace.srv(srvRecords, srvOrder[i], srvTransport);
        }
        phase = SRV_TARGET;
        return true;
    }

    private boolean nextSrvTarget()
    {
        if (srvCursor >= srvCount)
        {
            srvPlanIndex++;
            phase = SRV_QUERY;
            return true;
        }
        final int index = srvOrder[srvCursor++];
        final DomainName name = srvRecords.name(index);
        final long literal = Ipv4.parse(name);
        if (name.isRoot())
        {
            trace.note("SRV target '.': no service at", srvPlanNames[srvPlanIndex]);
            noServiceSeen = true;
        }
        else if (literal != Ipv4.INVALID)
        {
            addCandidate((int)literal, srvRecords.port(index), srvTransport, srvRecords.ttlS(index), srvSource);
        }
        else
        {
            target.set(name);
            targetPort = srvRecords.port(index);
            targetTransport = srvTransport;
            targetReturn = SRV_TARGET;
            phase = TARGET_ADDRESS;
        }
        return true;
    }

    private boolean endSrvPlan()
    {
        phase = srvContinuation;
        return true;
    }

    private boolean fallBack()
    {
        if (!candidates.isEmpty())
        {
            finish(ResolutionOutcome.RESOLVED);
        }
        else if (srvRecordsFound)
        {
            trace.note("SRV records found but no candidate: no address fallback");
            finish(emptyOutcome());
        }
        else
        {
            hostTransport = fallbackTransport;
            hostPort = defaultPort(hostTransport);
            trace.note("no SRV records: address query on the domain");
            phase = HOST_ADDRESS;
        }
        return true;
    }

    private ResolutionOutcome emptyOutcome()
    {
        if (lookupFailed)
        {
            return ResolutionOutcome.LOOKUP_FAILED;
        }
        return noServiceSeen ? ResolutionOutcome.NO_SERVICE : ResolutionOutcome.NO_ADDRESS;
    }

    private int finish(final ResolutionOutcome result)
    {
        outcome = result;
        phase = DONE;
        trace.outcome(result, candidates);
        return DONE;
    }

    @Override
    public void onAddressRecord(final long queryToken, final int address, final int ttlS)
    {
        if (lookup.accepts(queryToken, DnsType.A))
        {
            lookup.answer().addAddress(address, ttlS);
        }
    }

    @Override
    public void onSrvRecord(
        final long queryToken, final int priority, final int weight, final int port, final CharSequence target,
        final int ttlS)
    {
        if (lookup.accepts(queryToken, DnsType.SRV))
        {
            lookup.answer().addSrv(priority, weight, port, target, ttlS);
        }
    }

    @Override
    public void onNaptrRecord(
        final long queryToken,
        final int order,
        final int preference,
        final CharSequence flags,
        final CharSequence service,
        final CharSequence regexp,
        final CharSequence replacement,
        final int ttlS)
    {
        if (lookup.accepts(queryToken, DnsType.NAPTR))
        {
            lookup.answer().addNaptr(order, preference, flags, service, regexp, replacement, ttlS);
        }
    }

    @Override
    public void onAdditionalAddressRecord(
        final long queryToken, final CharSequence owner, final int address, final int ttlS)
    {
        if (lookup.awaits(queryToken))
        {
            lookup.additional().addAddress(owner, address, ttlS);
        }
    }

    @Override
    public void onAdditionalSrvRecord(
        final long queryToken, final CharSequence owner, final int priority, final int weight, final int port,
        final CharSequence target, final int ttlS)
    {
        if (lookup.awaits(queryToken))
        {
            lookup.additional().addSrv(owner, priority, weight, port, target, ttlS);
        }
    }

    @Override
    public void onAnswerEnd(final long queryToken, final long timeNs)
    {
        if (lookup.awaits(queryToken))
        {
            nowNs = timeNs;
            lookup.onAnswerEnd(timeNs);
            advance();
        }
    }

    @Override
    public void onNoRecords(final long queryToken, final int negativeTtlS, final long timeNs)
    {
        if (lookup.awaits(queryToken))
        {
            nowNs = timeNs;
            lookup.onNoRecords(negativeTtlS, timeNs);
            advance();
        }
    }

    @Override
    public void onFailure(final long queryToken, final int cause, final long timeNs)
    {
        if (lookup.awaits(queryToken))
        {
            nowNs = timeNs;
            lookup.onFailure(cause);
            advance();
        }
    }
}
