package org.sipredundancy.core.dns.client;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.dns.DnsAnswerHandler;
import org.sipredundancy.core.dns.wire.DnsName;
import org.sipredundancy.core.loop.NetworkEventHandler;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.hal.InboundEvent;

/**
 * One entry of the {@link DnsClient}'s fixed table of questions in flight: everything one live question needs,
 * made at start-up and reused, so asking allocates nothing. It owns the endpoint of its current try, and the router
 * hands that endpoint's events straight to it, so no map from handle to question is needed.
 * <pre>
 *   query:   | length (2, TCP only) | DNS query (up to 512) |     UDP sends from index 2, TCP from index 0
 *   stream:  | bytes received on the TCP connection, length-prefixed messages, compacted after each |
 * </pre>
 * Not thread safe: duty cycle thread only.
 */
final class DnsQuerySlot implements NetworkEventHandler
{
    static final int FREE = 0;
    static final int UDP_WAIT = 1;
    static final int TCP_CONNECTING = 2;
    static final int TCP_WAIT = 3;

    static final int CAUSE_SERVER_FAILURE = 1;
    static final int CAUSE_REFUSED = 2;
    static final int CAUSE_MALFORMED = 4;
    static final int CAUSE_OTHER = 8;

    static final int NO_HANDLE = -1;
    static final int LENGTH_PREFIX = 2;
    static final int QUERY_CAPACITY = 512;
    /** Questions that may join one in flight: a phone's 16 accounts × working and fallback × two proxies. */
    static final int MAX_FOLLOWERS = 63;

    final DnsClient client;
    final int index;
    final DnsName name = new DnsName();
    final DnsName[] chain;
    final UnsafeBuffer query = new UnsafeBuffer(new byte[LENGTH_PREFIX + QUERY_CAPACITY]);
    final UnsafeBuffer stream;
    Timer timer;
    final long[] followerTokens = new long[MAX_FOLLOWERS];
    final DnsAnswerHandler[] followerHandlers = new DnsAnswerHandler[MAX_FOLLOWERS];
    int followerCount;

    int state = FREE;
    int generation;
    long token;
    DnsAnswerHandler handler;
    int type;
    int id;
    int queryLength;
    int serverIndex;
    int tries;
    int handle = NO_HANDLE;
    int streamLength;
    int chainLength;
    int causes;

    DnsQuerySlot(final DnsClient client, final int index, final int maxCnameHops, final int streamCapacity)
    {
        this.client = client;
        this.index = index;
        chain = new DnsName[maxCnameHops + 1];
        for (int i = 0; i < chain.length; i++)
        {
            chain[i] = new DnsName();
        }
        stream = new UnsafeBuffer(new byte[LENGTH_PREFIX + streamCapacity]);
    }

    /**
     * Take the slot for a new question.
     */
    void begin(final long token, final DnsAnswerHandler handler, final CharSequence name, final int type)
    {
        state = UDP_WAIT;
        generation++;
        this.token = token;
        this.handler = handler;
        this.type = type;
        this.name.set(name);
        chain[0].set(this.name);
        followerCount = 0;
        chainLength = 1;
        serverIndex = 0;
        tries = 0;
        causes = 0;
        streamLength = 0;
    }

    /**
     * Whether a name is already on this question's CNAME chain (a loop).
     */
    boolean onChain(final CharSequence target)
    {
        for (int i = 0; i < chainLength; i++)
        {
            if (chain[i].contentEquals(target))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Follow one CNAME: the target becomes the name asked.
     *
     * @return false when the chain is already as long as allowed.
     */
    boolean follow(final CharSequence target)
    {
        if (chainLength == chain.length)
        {
            return false;
        }
        chain[chainLength++].set(target);
        name.set(target);
        return true;
    }

    /**
     * @return whether a new question for this name and type can join this one in flight: it asks the same (the
     *     name first asked, whatever CNAMEs were followed since) and has room for one more.
     */
    boolean canTake(final CharSequence question, final int questionType)
    {
        return state != FREE && type == questionType && followerCount < MAX_FOLLOWERS &&
            chain[0].contentEquals(question);
    }

    void follow(final long followerToken, final DnsAnswerHandler followerHandler)
    {
        followerTokens[followerCount] = followerToken;
        followerHandlers[followerCount] = followerHandler;
        followerCount++;
    }

    void free()
    {
        state = FREE;
        handler = null;
        for (int i = 0; i < followerCount; i++)
        {
            followerHandlers[i] = null;
        }
        followerCount = 0;
        generation++;
    }

    /**
     * {@inheritDoc}
     */
    public void onNetworkEvent(final InboundEvent event, final long nowNs)
    {
        client.onSlotEvent(this, event, nowNs);
    }
}
