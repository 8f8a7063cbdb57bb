package org.sipredundancy.core.sip.transaction;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.Timer;

import java.nio.ByteBuffer;

/**
 * One row of the {@link ServerTransactions} table: a copy of the request (so later responses can be built from it),
 * the last response (so retransmitted requests get it again), the matching key as offsets into the copy, where the
 * request came from, its RFC 3261 section 17.2 state and its two timers. Rows are made at start and reused.
 * <pre>
 *   INVITE:      PROCEEDING --2xx--&gt; ACCEPTED (2xx resent T1..T2 until ACK, 64*T1) --&gt; free
 *                    +--300-699--&gt; COMPLETED (Timer G resends, Timer H) --ACK--&gt; CONFIRMED (Timer I) --&gt; free
 *   non-INVITE:  TRYING --1xx--&gt; PROCEEDING --final--&gt; COMPLETED (Timer J) --&gt; free
 * </pre>
 */
final class ServerTransaction
{
    static final int FREE = 0;
    static final int TRYING = 1;
    static final int PROCEEDING = 2;
    static final int COMPLETED = 3;
    static final int CONFIRMED = 4;
    static final int ACCEPTED = 5;

    final int index;
    final UnsafeBuffer request;
    final UnsafeBuffer response;
    Timer retransmitTimer;
    Timer timeoutTimer;

    int state = FREE;
    int method;
    int flow;
    int remoteAddress;
    int remotePort;
    boolean reliable;
    int requestLength;
    int responseLength;
    int statusCode;
    int branchOffset;
    int branchLength;
    int sentByOffset;
    int sentByLength;
    int callIdOffset;
    int callIdLength;
    long cseqNumber;
    long intervalNs;

    ServerTransaction(final int index, final int requestCapacity, final int responseCapacity)
    {
        this.index = index;
        request = new UnsafeBuffer(ByteBuffer.allocateDirect(requestCapacity));
        response = new UnsafeBuffer(ByteBuffer.allocateDirect(responseCapacity));
    }

    boolean isAwaitingResponse()
    {
        return state == TRYING || state == PROCEEDING;
    }

    void clear()
    {
        state = FREE;
        method = 0;
        flow = -1;
        remoteAddress = 0;
        remotePort = 0;
        reliable = false;
        requestLength = 0;
        responseLength = 0;
        statusCode = 0;
        branchOffset = 0;
        branchLength = 0;
        sentByOffset = 0;
        sentByLength = 0;
        callIdOffset = 0;
        callIdLength = 0;
        cseqNumber = -1;
        intervalNs = 0;
    }
}
