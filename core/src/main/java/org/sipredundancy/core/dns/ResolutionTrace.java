package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsType;

import org.sipredundancy.hal.Transport;

/**
 * Formats the locator's trace lines for an optional {@link ResolutionTraceSink}. Every method returns at once when
 * there is no sink, so a device without a trace pays one branch and allocates nothing. Not thread safe.
 */
final class ResolutionTrace
{
    private final ResolutionTraceSink sink;
    private final StringBuilder line;

    ResolutionTrace(final ResolutionTraceSink sink)
    {
        this.sink = sink;
        this.line = sink == null ? null : new StringBuilder(160);
    }

    boolean enabled()
    {
        return sink != null;
    }

    void begin(
        final CharSequence host, final int port, final int transportType, final int naptrBuild, final int cacheType,
        final int staticCachePri)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append("resolve ").append(host).append(" port ").append(port).append(" transport_type ")
                .append(transportType).append(" naptr_build ").append(naptrBuild).append(" dns_cache_type ")
                .append(cacheType).append(" static_cache_pri ").append(staticCachePri);
            emit();
        }
    }

    void note(final String text)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append(text);
            emit();
        }
    }

    void note(final String text, final CharSequence name)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append(text).append(' ').append(name);
            emit();
        }
    }

    void lookup(final int type, final CharSequence name, final String event, final int records)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append(DnsType.name(type)).append(' ').append(name).append(": ").append(event);
            if (records >= 0)
            {
                line.append(", ").append(records).append(records == 1 ? " record" : " records");
            }
            emit();
        }
    }

    void naptr(final DnsRecordSet records, final int index, final String verdict)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append("  NAPTR ").append(records.order(index)).append(' ').append(records.preference(index))
                .append(' ').append(NaptrRules.flagName(records.flag(index))).append(' ')
                .append(NaptrRules.serviceName(records.service(index))).append(' ')
                .append(records.replacement(index)).append(": ").append(verdict);
            emit();
        }
    }

    void srv(final DnsRecordSet records, final int index, final int transport)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append("  SRV ").append(records.priority(index)).append(' ').append(records.weight(index))
                .append(' ').append(records.port(index)).append(' ').append(records.target(index)).append(' ')
                .append(Transport.name(transport));
            emit();
        }
    }

    void candidate(final Candidate candidate)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append("candidate ");
            candidate.appendEndpoint(line).append(" ttl ").append(candidate.ttlS()).append(' ')
                .append(candidate.source().label());
            emit();
        }
    }

    void outcome(final ResolutionOutcome outcome, final CandidateList candidates)
    {
        if (sink != null)
        {
            line.setLength(0);
            line.append("outcome ").append(outcome.reason()).append(": ").append(candidates.size())
                .append(candidates.size() == 1 ? " candidate" : " candidates");
            emit();
        }
    }

    private void emit()
    {
        sink.onTrace(line);
    }
}
