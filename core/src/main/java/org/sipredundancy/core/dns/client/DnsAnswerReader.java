package org.sipredundancy.core.dns.client;

import org.agrona.AsciiSequenceView;
import org.sipredundancy.core.dns.DnsAnswerHandler;
import org.sipredundancy.core.dns.wire.DnsMessageDecoder;
import org.sipredundancy.core.dns.wire.DnsName;
import org.sipredundancy.core.dns.wire.DnsSection;
import org.sipredundancy.core.dns.wire.DnsType;

/**
 * Reads a matched answer for the {@link DnsClient}: follows the CNAME chain inside the answer section, hands the
 * records of the type asked (owned by the end of the chain) and the additional A and SRV records to the
 * {@link DnsAnswerHandler}, and finds the RFC 2308 negative TTL in the authority section. Work is bounded by the
 * message's record count times the chain length; names go through reusable holders, so nothing is allocated.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
final class DnsAnswerReader
{
    /** The chain loops back to a name already on it. */
    static final int CHAIN_LOOP = -1;
    /** The chain is longer than allowed. */
    static final int CHAIN_TOO_LONG = -2;

    private static final long MAX_TTL_S = Integer.MAX_VALUE;

    private final DnsName owner = new DnsName();
    private final DnsName target = new DnsName();
    private final AsciiSequenceView flags = new AsciiSequenceView();
    private final AsciiSequenceView service = new AsciiSequenceView();
    private final AsciiSequenceView regexp = new AsciiSequenceView();

    /**
     * Follow the CNAME records of the answer section from the slot's name, moving the slot along the chain.
     *
     * @return the number of CNAMEs followed, or {@link #CHAIN_LOOP} or {@link #CHAIN_TOO_LONG}.
     */
    int followChain(final DnsMessageDecoder decoder, final DnsQuerySlot slot)
    {
        int followed = 0;
        boolean moved = true;
        while (moved)
        {
            moved = false;
            decoder.rewindRecords();
            while (decoder.nextRecord() && decoder.recordSection() == DnsSection.ANSWER)
            {
                if (decoder.recordType() != DnsType.CNAME)
                {
                    continue;
                }
                decoder.recordName(owner);
                if (!owner.contentEquals(slot.name))
                {
                    continue;
                }
                decoder.cnameTarget(target);
                if (slot.onChain(target))
                {
                    return CHAIN_LOOP;
                }
                if (!slot.follow(target))
                {
                    return CHAIN_TOO_LONG;
                }
                followed++;
                moved = true;
                break;
            }
        }
        return followed;
    }

    /**
     * @return how many answer-section records of the type asked, owned by the slot's (chain-end) name, there are.
     */
    int countAnswer(final DnsMessageDecoder decoder, final DnsQuerySlot slot)
    {
        return deliverAnswer(decoder, slot, 0, null);
    }

    /**
     * Hand the answer-section records of the type asked, owned by the slot's (chain-end) name, to one asker: the
     * slot's own or a question that joined it.
     *
     * @param handler the asker's handler; null only counts them.
     * @return the number of records handed over (or counted).
     */
    int deliverAnswer(
        final DnsMessageDecoder decoder, final DnsQuerySlot slot, final long token, final DnsAnswerHandler handler)
    {
        int delivered = 0;
        decoder.rewindRecords();
        while (decoder.nextRecord() && decoder.recordSection() == DnsSection.ANSWER)
        {
            if (decoder.recordType() != slot.type)
            {
                continue;
            }
            decoder.recordName(owner);
            if (!owner.contentEquals(slot.name))
            {
                continue;
            }
            delivered++;
            if (handler != null)
            {
                deliverOne(decoder, token, handler);
            }
        }
        return delivered;
    }

    /**
     * Hand the additional-section A and SRV records to the handler, which keeps what it wants (R-DNS-8).
     */
    void deliverAdditional(final DnsMessageDecoder decoder, final long token, final DnsAnswerHandler handler)
    {
        decoder.rewindRecords();
        while (decoder.nextRecord())
        {
            if (decoder.recordSection() != DnsSection.ADDITIONAL)
            {
                continue;
            }
            final int type = decoder.recordType();
            if (type == DnsType.A)
            {
                decoder.recordName(owner);
                handler.onAdditionalAddressRecord(token, owner, decoder.aAddress(), ttl(decoder.recordTtlS()));
            }
            else if (type == DnsType.SRV)
            {
                decoder.recordName(owner);
                decoder.srvTarget(target);
                handler.onAdditionalSrvRecord(token, owner, decoder.srvPriority(), decoder.srvWeight(),
                    decoder.srvPort(), target, ttl(decoder.recordTtlS()));
            }
        }
    }

    /**
     * The RFC 2308 negative TTL: the smallest of the SOA records' TTL and MINIMUM in the authority section.
     *
     * @return seconds, or -1 when the authority section holds no SOA record.
     */
    int negativeTtlS(final DnsMessageDecoder decoder)
    {
        long smallest = -1;
        decoder.rewindRecords();
        while (decoder.nextRecord())
        {
            if (decoder.recordSection() == DnsSection.AUTHORITY && decoder.recordType() == DnsType.SOA)
            {
                final long negative = Math.min(decoder.recordTtlS(), decoder.soaMinimumS());
                smallest = smallest < 0 ? negative : Math.min(smallest, negative);
            }
        }
        return smallest < 0 ? -1 : ttl(smallest);
    }

    private void deliverOne(final DnsMessageDecoder decoder, final long token, final DnsAnswerHandler handler)
    {
        final int ttlS = ttl(decoder.recordTtlS());
        switch (decoder.recordType())
        {
            case DnsType.A:
                handler.onAddressRecord(token, decoder.aAddress(), ttlS);
                break;
            case DnsType.SRV:
                decoder.srvTarget(target);
                handler.onSrvRecord(token, decoder.srvPriority(), decoder.srvWeight(), decoder.srvPort(), target,
                    ttlS);
                break;
            case DnsType.NAPTR:
                decoder.naptrFlags(flags);
                decoder.naptrService(service);
                decoder.naptrRegexp(regexp);
                decoder.naptrReplacement(target);
                handler.onNaptrRecord(token, decoder.naptrOrder(), decoder.naptrPreference(), flags, service, regexp,
                    target, ttlS);
                break;
            default:
                break;
        }
    }

    /**
     * A TTL as the handler takes it: RFC 2181 section 8 says a value with the top bit set counts as 0.
     */
    private static int ttl(final long ttlS)
    {
        return ttlS > MAX_TTL_S || ttlS < 0 ? 0 : (int)ttlS;
    }
}
