package org.sipredundancy.core.sip.transaction;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.wire.SipHeaderName;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.hal.NetworkStatus;

/**
 * The server transactions of a phone (RFC 3261 section 17.2, SPEC R-SIP-2, R-BAD-4): a fixed table of rows, each
 * holding one received request, its last response and its timers.
 * <pre>
 *   int row = onRequest(flow, address, port, request, nowNs)
 *     &gt;= 0            a new request: the UA core answers it with respond(row, ...)
 *     RETRANSMISSION  matched a row by top-Via branch + sent-by + method; its last response was sent again
 *     ACK_ABSORBED    an ACK: it ended Timer G/H (non-2xx) or the 2xx retransmissions (same Call-ID and CSeq)
 *     FULL            no free row (counted, R-BAD-4); the caller answers 503 or nothing
 *   respond(row, response, ..., status, nowNs) sends to where the request came from (RFC 3261 18.2.2, RFC 3581) and
 *     non-INVITE final:   COMPLETED, Timer J = 64*T1 on UDP (none on TCP), then free
 *     INVITE 300-699:     COMPLETED, resent at T1, 2T1 .. T2 (Timer G, UDP) until the ACK, Timer H = 64*T1;
 *                         the ACK starts Timer I = T4 (UDP, none on TCP), then free
 *     INVITE 2xx:         ACCEPTED, resent at T1, 2T1 .. T2 until the ACK (RFC 3261 13.3.1.4, on every transport:
 *                         there may be UDP hops beyond), given up after 64*T1
 * </pre>
 * A CANCEL is a transaction of its own; {@link #findInvite} finds the INVITE it cancels. Rows are found by a scan
 * of the (small) table. Nothing allocates once built. Not thread safe: duty cycle thread only.
 */
public final class ServerTransactions implements TimerExpiryHandler
{
    /** {@link #onRequest}: a retransmitted request; the last response, if any, was sent again. */
    public static final int RETRANSMISSION = -1;
    /** {@link #onRequest}: an ACK, absorbed here (it never goes to the UA core). */
    public static final int ACK_ABSORBED = -2;
    /** {@link #onRequest}: no free row; refused and counted (R-BAD-4). */
    public static final int FULL = -3;
    /** {@link #onRequest}: the request has no Via, or is larger than a row keeps; refused and counted. */
    public static final int UNUSABLE = -4;
    /** {@link #respond}: the row awaits no response, or the response does not fit a row. */
    public static final int NOT_RESPONDABLE = -5;

    private static final int RETRANSMIT = 0;
    private static final int TIMEOUT = 1;

    private final ServerTransaction[] rows;
    private final int[] freeRows;
    private int freeCount;
    private final TimerService timers;
    private final SipSender sender;
    private final long t1Ns;
    private final long t2Ns;
    private final long t4Ns;
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final AsciiSequenceView branch = new AsciiSequenceView();
    private final AsciiSequenceView sentBy = new AsciiSequenceView();
    private final AsciiSequenceView callId = new AsciiSequenceView();
    private final SipMessageDecoder storedDecoder = new SipMessageDecoder();
    private long keyCseq = -1;

    private final int requestCapacity;
    private long requestsAccepted;
    private long retransmissionsAbsorbed;
    private long refusedFull;
    private long refusedUnusable;
    private long acksAbsorbed;
    private long strayAcks;
    private long responseRetransmissions;
    private long ackTimeouts;
    private long sendFailures;
    private long timerRefusals;

    /**
     * Make the table, its rows and their timers. Start-up only.
     *
     * @param context the set-up; concluded here.
     */
    public ServerTransactions(final ServerTransactionsContext context)
    {
        context.conclude();
        timers = context.timers();
        sender = context.sender();
        t1Ns = context.t1Ns();
        t2Ns = context.t2Ns();
        t4Ns = context.t4Ns();
        requestCapacity = context.requestCapacity();
        rows = new ServerTransaction[context.capacity()];
        freeRows = new int[rows.length];
        for (int i = rows.length - 1; i >= 0; i--)
        {
            final ServerTransaction row =
                new ServerTransaction(i, context.requestCapacity(), context.responseCapacity());
            row.retransmitTimer = timers.newTimer(this, ((long)i << 1) | RETRANSMIT);
            row.timeoutTimer = timers.newTimer(this, ((long)i << 1) | TIMEOUT);
            row.clear();
            rows[i] = row;
            freeRows[freeCount++] = i;
        }
    }

    /**
     * A request arrived: match it to its transaction, or give it a new row.
     *
     * @param flow          the flow it came on; responses go back on it.
     * @param remoteAddress its source IPv4 address.
     * @param remotePort    its source port.
     * @param request       a decoded request.
     * @param nowNs         the duty cycle's time.
     * @return a new row index, or {@link #RETRANSMISSION}, {@link #ACK_ABSORBED}, {@link #FULL}, {@link #UNUSABLE}.
     */
    public int onRequest(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final SipMessageDecoder request,
        final long nowNs)
    {
        if (!keyOf(request))
        {
            refusedUnusable++;
            return UNUSABLE;
        }
        final int method = request.method();
        if (method == SipMethod.ACK)
        {
            onAck(nowNs);
            return ACK_ABSORBED;
        }
        final ServerTransaction existing = match(method);
        if (existing != null)
        {
            retransmissionsAbsorbed++;
            if (existing.responseLength > 0)
            {
                send(existing, nowNs);
            }
            return RETRANSMISSION;
        }
        request.method(view);
        final int start = view.offset();
        final int length = request.bodyOffset() + request.bodyLength() - start;
        if (length <= 0 || length > rows[0].request.capacity())
        {
            refusedUnusable++;
            return UNUSABLE;
        }
        if (freeCount == 0)
        {
            refusedFull++;
            return FULL;
        }
        final ServerTransaction row = rows[freeRows[--freeCount]];
        row.request.putBytes(0, view.buffer(), start, length);
        row.requestLength = length;
        row.method = method;
        row.flow = flow;
        row.remoteAddress = remoteAddress;
        row.remotePort = remotePort;
        row.reliable = sender.isReliable(flow);
        row.branchOffset = branch.offset() - start;
        row.branchLength = branch.length();
        row.sentByOffset = sentBy.offset() - start;
        row.sentByLength = sentBy.length();
        row.callIdOffset = callId.length() > 0 ? callId.offset() - start : 0;
        row.callIdLength = callId.length();
        row.cseqNumber = request.cseqNumber();
        row.state = method == SipMethod.INVITE ? ServerTransaction.PROCEEDING : ServerTransaction.TRYING;
        requestsAccepted++;
        return row.index;
    }

    /**
     * Send a response of a row's request and keep it for retransmission, moving the row on by RFC 3261 17.2.
     *
     * @param row        a row from {@link #onRequest} that awaits a response.
     * @param response   the encoded response.
     * @param offset     its first byte.
     * @param length     its length.
     * @param statusCode its status code, 100 to 699.
     * @param nowNs      the duty cycle's time.
     * @return {@link NetworkStatus#OK}, the sender's negative refusal (the row still moved on: retransmission or the
     *         peer's retransmitted request may yet deliver it), or {@link #NOT_RESPONDABLE}.
     */
    public int respond(
        final int row,
        final DirectBuffer response,
        final int offset,
        final int length,
        final int statusCode,
        final long nowNs)
    {
        final ServerTransaction t = rows[row];
        if (!t.isAwaitingResponse() || length <= 0 || length > t.response.capacity())
        {
            return NOT_RESPONDABLE;
        }
        t.response.putBytes(0, response, offset, length);
        t.responseLength = length;
        t.statusCode = statusCode;
        final int status = send(t, nowNs);
        if (statusCode < 200)
        {
            t.state = ServerTransaction.PROCEEDING;
        }
        else if (t.method != SipMethod.INVITE)
        {
            t.state = ServerTransaction.COMPLETED;
            scheduleOrRelease(t, t.reliable ? 0 : 64 * t1Ns, nowNs);
        }
        else
        {
            final boolean accepted = statusCode < 300;
            t.state = accepted ? ServerTransaction.ACCEPTED : ServerTransaction.COMPLETED;
            t.intervalNs = t1Ns;
            if ((accepted || !t.reliable) && !timers.schedule(t.retransmitTimer, nowNs + t1Ns))
            {
                timerRefusals++;
            }
            scheduleOrRelease(t, 64 * t1Ns, nowNs);
        }
        return status;
    }

    /**
     * The INVITE transaction a CANCEL cancels (RFC 3261 9.2): same top-Via branch and sent-by, still awaiting its
     * final response.
     *
     * @param cancel a decoded CANCEL.
     * @return the INVITE's row, or -1.
     */
    public int findInvite(final SipMessageDecoder cancel)
    {
        if (!keyOf(cancel))
        {
            return -1;
        }
        final ServerTransaction row = match(SipMethod.INVITE);
        return row != null && row.state == ServerTransaction.PROCEEDING ? row.index : -1;
    }

    /**
     * Forget a row without sending anything more.
     *
     * @param row a row index; free rows are ignored.
     */
    public void abandon(final int row)
    {
        final ServerTransaction t = rows[row];
        if (t.state != ServerTransaction.FREE)
        {
            release(t);
        }
    }

    /**
     * Part of the {@link TimerExpiryHandler} contract: a row's retransmission or time-out timer expired.
     * {@inheritDoc}
     */
    public void onTimerExpiry(final long token, final long nowNs)
    {
        final ServerTransaction row = rows[(int)(token >>> 1)];
        if ((token & 1) == RETRANSMIT)
        {
            if (row.state == ServerTransaction.ACCEPTED || row.state == ServerTransaction.COMPLETED)
            {
                responseRetransmissions++;
                send(row, nowNs);
                row.intervalNs = Math.min(row.intervalNs * 2, t2Ns);
                if (!timers.schedule(row.retransmitTimer, nowNs + row.intervalNs))
                {
                    timerRefusals++;
                }
            }
        }
        else if (row.state != ServerTransaction.FREE)
        {
            if (row.state == ServerTransaction.ACCEPTED ||
                (row.state == ServerTransaction.COMPLETED && row.method == SipMethod.INVITE))
            {
                ackTimeouts++;
            }
            release(row);
        }
    }

    /**
     * A decoder over a row's stored request, to build a later response from (a 200 after the user answers).
     *
     * @param row a row in use.
     * @return a shared decoder, valid until the next call of this method.
     */
    public SipMessageDecoder request(final int row)
    {
        final ServerTransaction t = rows[row];
        storedDecoder.wrap(t.request, 0, t.requestLength);
        return storedDecoder;
    }

    /**
     * @param row a row in use.
     * @return the buffer holding its request's bytes from index 0.
     */
    public DirectBuffer requestBuffer(final int row)
    {
        return rows[row].request;
    }

    /**
     * @param row a row in use.
     * @return its request's length in {@link #requestBuffer}.
     */
    public int requestLength(final int row)
    {
        return rows[row].requestLength;
    }

    /**
     * @param row a row index.
     * @return whether the row holds a request that has had no final response yet.
     */
    public boolean isAwaitingResponse(final int row)
    {
        return rows[row].isAwaitingResponse();
    }

    /**
     * @param row a row in use.
     * @return the {@link SipMethod} of its request.
     */
    public int method(final int row)
    {
        return rows[row].method;
    }

    /**
     * @param row a row in use.
     * @return the flow its request came on.
     */
    public int flow(final int row)
    {
        return rows[row].flow;
    }

    /**
     * @param row a row in use.
     * @return its request's source IPv4 address.
     */
    public int remoteAddress(final int row)
    {
        return rows[row].remoteAddress;
    }

    /**
     * @param row a row in use.
     * @return its request's source port.
     */
    public int remotePort(final int row)
    {
        return rows[row].remotePort;
    }

    /**
     * @param row a row in use.
     * @return the status code of the last response sent, 0 for none.
     */
    public int lastStatusCode(final int row)
    {
        return rows[row].statusCode;
    }

    /**
     * @return rows in use.
     */
    public int inUseCount()
    {
        return rows.length - freeCount;
    }

    /**
     * @return the table's size.
     */
    public int capacity()
    {
        return rows.length;
    }

    /**
     * @return the largest request a row keeps, in octets.
     */
    public int requestCapacity()
    {
        return requestCapacity;
    }

    /**
     * @return new requests given a row.
     */
    public long requestsAccepted()
    {
        return requestsAccepted;
    }

    /**
     * @return retransmitted requests absorbed (their last response sent again).
     */
    public long retransmissionsAbsorbed()
    {
        return retransmissionsAbsorbed;
    }

    /**
     * @return requests refused because every row was in use (R-BAD-4).
     */
    public long refusedFull()
    {
        return refusedFull;
    }

    /**
     * @return requests refused for lacking a Via or being larger than a row.
     */
    public long refusedUnusable()
    {
        return refusedUnusable;
    }

    /**
     * @return ACKs that matched a transaction.
     */
    public long acksAbsorbed()
    {
        return acksAbsorbed;
    }

    /**
     * @return ACKs that matched nothing.
     */
    public long strayAcks()
    {
        return strayAcks;
    }

    /**
     * @return responses sent again by Timer G or by the 2xx retransmission.
     */
    public long responseRetransmissions()
    {
        return responseRetransmissions;
    }

    /**
     * @return INVITE responses whose ACK never came (Timer H, or 64*T1 after a 2xx).
     */
    public long ackTimeouts()
    {
        return ackTimeouts;
    }

    /**
     * @return sends the sender refused.
     */
    public long sendFailures()
    {
        return sendFailures;
    }

    /**
     * @return timers the timer service refused (R-BAD-4).
     */
    public long timerRefusals()
    {
        return timerRefusals;
    }

    private void onAck(final long nowNs)
    {
        final ServerTransaction row = match(SipMethod.INVITE);
        if (row != null && row.state == ServerTransaction.COMPLETED)
        {
            acksAbsorbed++;
            timers.cancel(row.retransmitTimer);
            row.state = ServerTransaction.CONFIRMED;
            scheduleOrRelease(row, row.reliable ? 0 : t4Ns, nowNs);
            return;
        }
        if (row != null && row.state == ServerTransaction.CONFIRMED)
        {
            acksAbsorbed++;
            return;
        }
        for (final ServerTransaction t : rows)
        {
            if (t.state == ServerTransaction.ACCEPTED && t.cseqNumber == keyCseq && sameCallId(t))
            {
                acksAbsorbed++;
                release(t);
                return;
            }
        }
        strayAcks++;
    }

    /** Fill the branch, sent-by and Call-ID views of a request; false when it has no Via. */
    private boolean keyOf(final SipMessageDecoder request)
    {
        final int via = request.findHeader(SipHeaderName.VIA);
        if (via < 0 || !request.element(via, 0, view))
        {
            return false;
        }
        final DirectBuffer buffer = view.buffer();
        final int end = view.offset() + view.length();
        int i = view.offset();
        while (i < end && buffer.getByte(i) != ' ' && buffer.getByte(i) != '\t')
        {
            i++;
        }
        while (i < end && (buffer.getByte(i) == ' ' || buffer.getByte(i) == '\t'))
        {
            i++;
        }
        int stop = i;
        while (stop < end && buffer.getByte(stop) != ';' && buffer.getByte(stop) != ' ')
        {
            stop++;
        }
        if (stop == i)
        {
            return false;
        }
        sentBy.wrap(buffer, i, stop - i);
        request.topViaBranch(branch);
        request.callId(callId);
        keyCseq = request.cseqNumber();
        return true;
    }

    /** The row in use whose key equals the views filled by {@link #keyOf}, for a method (ACK given as INVITE). */
    private ServerTransaction match(final int method)
    {
        for (final ServerTransaction row : rows)
        {
            if (row.state != ServerTransaction.FREE && row.method == method &&
                same(row, row.sentByOffset, row.sentByLength, sentBy) &&
                same(row, row.branchOffset, row.branchLength, branch) &&
                (branch.length() > 0 || (same(row, row.callIdOffset, row.callIdLength, callId) &&
                row.cseqNumber == keyCseq)))
            {
                return row;
            }
        }
        return null;
    }

    private boolean sameCallId(final ServerTransaction row)
    {
        return same(row, row.callIdOffset, row.callIdLength, callId);
    }

    private static boolean same(final ServerTransaction row, final int offset, final int length,
        final AsciiSequenceView value)
    {
        if (length != value.length())
        {
            return false;
        }
        final DirectBuffer buffer = value.buffer();
        final int start = value.offset();
        for (int i = 0; i < length; i++)
        {
            if (row.request.getByte(offset + i) != buffer.getByte(start + i))
            {
                return false;
            }
        }
        return true;
    }

    private int send(final ServerTransaction row, final long nowNs)
    {
        final int status = sender.send(
            row.flow, row.remoteAddress, row.remotePort, row.response, 0, row.responseLength, nowNs);
        if (status < 0)
        {
            sendFailures++;
        }
        return status < 0 ? status : NetworkStatus.OK;
    }

    private void scheduleOrRelease(final ServerTransaction row, final long waitNs, final long nowNs)
    {
        if (waitNs <= 0)
        {
            release(row);
        }
        else if (!timers.schedule(row.timeoutTimer, nowNs + waitNs))
        {
            timerRefusals++;
            release(row);
        }
    }

    private void release(final ServerTransaction row)
    {
        timers.cancel(row.retransmitTimer);
        timers.cancel(row.timeoutTimer);
        row.clear();
        freeRows[freeCount++] = row.index;
    }
}
