package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

/**
 * Answers one question — the records of one type for one name — from the static records, the answer cache or live
 * DNS, as the account's {@code static_cache_pri} and {@code dns_cache_type} say (R-DNS-7, R-DNS-8):
 * <ul>
 *     <li>{@code static_cache_pri = 1}: static records for that name and type win; otherwise as below.</li>
 *     <li>A cached answer within its TTL is used; a cached negative answer counts as "no records".</li>
 *     <li>Otherwise live DNS is asked through the {@link DnsQueryPort}; its answer is cached.</li>
 *     <li>{@code static_cache_pri = 0}: when live DNS fails or has no records, static records stand in.</li>
 * </ul>
 * Static records are never copied into the cache: they are always at hand. One question at a time. Not thread
 * safe.
 */
final class RecordLookup
{
    static final int IDLE = 0;
    static final int AWAITING = 1;
    static final int REFUSED = 2;
    static final int RECORDS = 3;
    static final int NO_RECORDS = 4;
    static final int FAILED = 5;

    private final long tokenBase;
    private final DnsQueryPort port;
    private final DnsAnswerCache cache;
    private final StaticDnsRecords statics;
    private final AdditionalRecords additional;
    private final ResolutionTrace trace;
    private final DomainName ownQuestion = new DomainName();
    private DomainName question = ownQuestion;
    private DnsRecordSet answer;
    private int type;
    private int sequence;
    private long token;
    private int state = IDLE;
    private CandidateSource source = CandidateSource.LIVE;
    private int failureCause;
    private int cacheType;
    private boolean staticPreferred;
    private long queryCount;
    private long ignoredCount;

    RecordLookup(
        final int locatorId,
        final DnsQueryPort port,
        final DnsAnswerCache cache,
        final StaticDnsRecords statics,
        final int additionalCapacity,
        final ResolutionTrace trace)
    {
        this.tokenBase = (long)locatorId << 32;
        this.port = port;
        this.cache = cache;
        this.statics = statics;
        this.additional = new AdditionalRecords(additionalCapacity);
        this.trace = trace;
    }

    void configure(final int accountCacheType, final boolean accountStaticPreferred)
    {
        cacheType = accountCacheType;
        staticPreferred = accountStaticPreferred;
    }

    /**
     * Ask a question; the outcome may be known at once ({@link #isPending()} false) or come later through the
     * answer methods. A {@link DomainName} is used as it is, not copied: it must not change until the question is
     * finished or abandoned.
     */
    void begin(final int recordType, final CharSequence name, final DnsRecordSet out, final long nowNs)
    {
        type = recordType;
        answer = out;
        out.reset(recordType);
        failureCause = 0;
        question = name instanceof DomainName ? (DomainName)name : ownQuestion;
        if (question == ownQuestion && !ownQuestion.set(name))
        {
            trace.note("name too long or not ASCII, not asked:", name);
            state = NO_RECORDS;
            return;
        }
        if (staticPreferred && statics.lookup(recordType, question, out) > 0)
        {
            finish(RECORDS, CandidateSource.STATIC, "static records (static_cache_pri 1)");
            return;
        }
        final int cached = cache.lookup(cacheType, recordType, question, nowNs, out);
        if (cached == DnsAnswerCache.HIT)
        {
            finish(RECORDS, CandidateSource.CACHED, "cached answer");
            return;
        }
        if (cached == DnsAnswerCache.NEGATIVE)
        {
            noRecords(CandidateSource.CACHED, "cached: no records");
            return;
        }
        token = tokenBase | (++sequence & 0xFFFF_FFFFL);
        state = AWAITING;
        send();
    }

    /**
     * Send the question again after the port refused it.
     *
     * @return whether the port accepted it this time.
     */
    boolean send()
    {
        state = AWAITING;
        trace.lookup(type, question, "live query", -1);
        queryCount++;
        additional.reset(type == DnsType.SRV ? DnsType.A :
            type == DnsType.NAPTR ? DnsType.SRV : 0);
        if (port.query(token, question, type) < 0)
        {
            if (state == AWAITING)
            {
                state = REFUSED;
                trace.lookup(type, question, "query refused by the port, retry on poll", -1);
            }
            return false;
        }
        return true;
    }

    void abandon()
    {
        state = IDLE;
    }

    boolean isPending()
    {
        return state == AWAITING || state == REFUSED;
    }

    boolean isRefused()
    {
        return state == REFUSED;
    }

    int state()
    {
        return state;
    }

    CandidateSource source()
    {
        return source;
    }

    long queryCount()
    {
        return queryCount;
    }

    long ignoredCount()
    {
        return ignoredCount;
    }

    boolean accepts(final long queryToken, final int recordType)
    {
        if (state != AWAITING || queryToken != token || type != recordType)
        {
            ignoredCount++;
            return false;
        }
        return true;
    }

    boolean awaits(final long queryToken)
    {
        if (state != AWAITING || queryToken != token)
        {
            ignoredCount++;
            return false;
        }
        return true;
    }

    DnsRecordSet answer()
    {
        return answer;
    }

    AdditionalRecords additional()
    {
        return additional;
    }

    void onAnswerEnd(final long nowNs)
    {
        if (answer.size() == 0)
        {
            onNoRecords(-1, nowNs);
            return;
        }
        cache.storeAnswer(cacheType, question, answer, nowNs);
        additional.storeInto(answer, cache, cacheType, nowNs);
        finish(RECORDS, CandidateSource.LIVE, "live answer");
    }

    void onNoRecords(final int negativeTtlS, final long nowNs)
    {
        cache.storeNegative(cacheType, type, question, negativeTtlS, nowNs);
        noRecords(CandidateSource.LIVE, "live: no records");
    }

    void onFailure(final int cause)
    {
        failureCause = cause;
        trace.lookup(type, question, DnsFailure.name(cause), -1);
        if (!staticPreferred && statics.lookup(type, question, answer) > 0)
        {
            finish(RECORDS, CandidateSource.STATIC, "static records after the live query failed");
            return;
        }
        answer.reset(type);
        state = FAILED;
    }

    private void noRecords(final CandidateSource from, final String event)
    {
        source = from;
        trace.lookup(type, question, event, -1);
        if (!staticPreferred && statics.lookup(type, question, answer) > 0)
        {
            finish(RECORDS, CandidateSource.STATIC, "static records after no live records");
            return;
        }
        answer.reset(type);
        state = NO_RECORDS;
    }

    private void finish(final int outcome, final CandidateSource from, final String event)
    {
        state = outcome;
        source = from;
        trace.lookup(type, question, event, answer.size());
    }
}
