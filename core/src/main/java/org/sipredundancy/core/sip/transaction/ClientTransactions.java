package org.sipredundancy.core.sip.transaction;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.wire.SipDerivedRequestEncoder;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.RandomSource;

import java.nio.ByteBuffer;

/**
 * The client transactions of a phone (RFC 3261 section 17.1, SPEC R-SIP-2, R-SIP-3): a fixed table of rows, each
 * holding one request and its timers.
 * <pre>
 *   int t = begin(user, token, registration)   -- a free row, or FULL (counted, R-BAD-4)
 *   encode the request into requestBuffer(t) with branch(t) in the top Via
 *   start(t, method, flow, address, port, length, retryBudget, nowNs)
 *     UDP: retransmit at T1, 2T1, 4T1 ... (non-INVITE capped at T2, INVITE uncapped) until Timer B/F = 64*T1;
 *          with retryBudget = n &gt;= 0 (a candidate that is not the last) give up after n retransmissions, at the
 *          moment the next one would be due: n = 3 sends at 0, 0.5, 1.5, 3.5 s and gives up at 7.5 s.
 *     TCP/TLS: no retransmissions; Timer B/F only; the budget does not apply (a server that fails there fails
 *          by its connection, R-SIP-3).
 *   responses: onResponse(decoder) matches by top-Via branch and CSeq method; 1xx stops INVITE retransmission,
 *   a non-2xx final to an INVITE is ACKed here, 503 is reported as a failure with its Retry-After.
 *   transport errors: onFlowFailure(flow, cause) fails every pending request of that flow with its cause.
 * </pre>
 * Each started transaction ends in exactly one {@link ClientTransactionUser#onFinalResponse} or
 * {@link ClientTransactionUser#onFailure} unless abandoned. Nothing allocates once built.
 * <p>
 * Not thread safe: duty cycle thread only.
 */
public final class ClientTransactions implements TimerExpiryHandler
{
    /** {@link #begin} refusal: no free row (counted). */
    public static final int FULL = -201;
    /** {@link #start} refusal: the row was not begun, or was already started. */
    public static final int NOT_CLAIMED = -202;
    /** {@link #start} retry budget: no early give-up, the full Timer B/F. */
    public static final int FULL_TIMERS = -1;

    private static final int RETRANSMIT = 0;
    private static final int TIMEOUT = 1;
    private static final byte[] MAGIC_COOKIE = {'z', '9', 'h', 'G', '4', 'b', 'K'};
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final int ACK_CAPACITY = 2048;

    private final ClientTransaction[] rows;
    private final int[] freeRows;
    private int freeCount;
    private final int reservedForRegistration;
    private final TimerService timers;
    private final SipSender sender;
    private final RandomSource random;
    private final long t1Ns;
    private final long t2Ns;
    private final long t4Ns;
    private final ClientTransactionCounters counters = new ClientTransactionCounters();
    private final AsciiSequenceView branchView = new AsciiSequenceView();
    private final SipMessageDecoder requestDecoder = new SipMessageDecoder();
    private final SipDerivedRequestEncoder derivedEncoder = new SipDerivedRequestEncoder();
    private final UnsafeBuffer ackBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(ACK_CAPACITY));

    /**
     * Make the table, its rows and their timers. Start-up only.
     *
     * @param context the set-up; concluded here.
     */
    public ClientTransactions(final ClientTransactionsContext context)
    {
        context.conclude();
        timers = context.timers();
        sender = context.sender();
        random = context.random();
        t1Ns = context.t1Ns();
        t2Ns = context.t2Ns();
        t4Ns = context.t4Ns();
        reservedForRegistration = context.reservedForRegistration();
        rows = new ClientTransaction[context.capacity()];
        freeRows = new int[rows.length];
        for (int i = rows.length - 1; i >= 0; i--)
        {
            final ClientTransaction row = new ClientTransaction(i, context.requestCapacity());
            row.retransmitTimer = timers.newTimer(this, ((long)i << 1) | RETRANSMIT);
            row.timeoutTimer = timers.newTimer(this, ((long)i << 1) | TIMEOUT);
            row.clear();
            rows[i] = row;
            freeRows[freeCount++] = i;
        }
    }

    /**
     * Claim a row for a new request and draw its branch.
     *
     * @param user         told what becomes of the request.
     * @param userToken    handed back with every report, so one user can own many transactions.
     * @param registration true for a REGISTER, which may take the rows reserved for registrations.
     * @return the row's index, or {@link #FULL} (counted).
     */
    public int begin(final ClientTransactionUser user, final long userToken, final boolean registration)
    {
        if (freeCount == 0 || (!registration && freeCount <= reservedForRegistration))
        {
            counters.refusedFull++;
            return FULL;
        }
        final ClientTransaction row = rows[freeRows[--freeCount]];
        row.state = ClientTransaction.CLAIMED;
        row.user = user;
        row.userToken = userToken;
        row.registration = registration;
        drawBranch(row);
        return row.index;
    }

    /**
     * @param transaction a claimed row.
     * @return the buffer to encode the request into, from index 0.
     */
    public MutableDirectBuffer requestBuffer(final int transaction)
    {
        return rows[transaction].request;
    }

    /**
     * @return the largest request a row can hold, in bytes.
     */
    public int requestCapacity()
    {
        return rows[0].request.capacity();
    }

    /**
     * @param transaction a claimed row.
     * @return the branch to put after the magic cookie {@code z9hG4bK} in the top Via; valid while the row is
     *         held.
     */
    public CharSequence branch(final int transaction)
    {
        return rows[transaction].branchView;
    }

    /**
     * Send the request written into the row's buffer and start its timers.
     *
     * @param transaction   a row from {@link #begin}.
     * @param method        the request's {@link SipMethod}.
     * @param flow          the transport flow to send on.
     * @param remoteAddress destination IPv4 address (for the listener flow only; else informative).
     * @param remotePort    destination port.
     * @param length        bytes of the request in {@link #requestBuffer}.
     * @param retryBudget   retransmissions allowed before giving up early (UDP, a candidate that is not the last),
     *                      or {@link #FULL_TIMERS}.
     * @param nowNs         the duty cycle's time.
     * @return {@link NetworkStatus#OK}; a negative refusal frees the row and reports nothing.
     */
    public int start(
        final int transaction,
        final int method,
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final int length,
        final int retryBudget,
        final long nowNs)
    {
        final ClientTransaction row = rows[transaction];
        if (row.state != ClientTransaction.CLAIMED || length <= 0 || length > row.request.capacity())
        {
            return NOT_CLAIMED;
        }
        row.method = method;
        row.flow = flow;
        row.remoteAddress = remoteAddress;
        row.remotePort = remotePort;
        row.length = length;
        row.reliable = sender.isReliable(flow);
        row.retryBudget = row.reliable ? FULL_TIMERS : retryBudget;
        final int status = sender.send(flow, remoteAddress, remotePort, row.request, 0, length, nowNs);
        if (status < 0)
        {
            counters.sendRefused++;
            release(row);
            return status;
        }
        counters.started++;
        row.state = method == SipMethod.INVITE ? ClientTransaction.CALLING : ClientTransaction.TRYING;
        row.intervalNs = t1Ns;
        final boolean scheduled = timers.schedule(row.timeoutTimer, nowNs + 64 * t1Ns) &&
            (row.reliable || timers.schedule(row.retransmitTimer, nowNs + t1Ns));
        if (!scheduled)
        {
            counters.timerRefusals++;
            fail(row, SipFailure.TIMEOUT, -1, nowNs);
        }
        return NetworkStatus.OK;
    }

    /**
     * Forget a transaction without a report: its user no longer cares (the account stopped, a call ended).
     *
     * @param transaction a row index; free rows are ignored.
     */
    public void abandon(final int transaction)
    {
        final ClientTransaction row = rows[transaction];
        if (row.state != ClientTransaction.FREE)
        {
            release(row);
        }
    }

    /**
     * Tie a started CANCEL to the INVITE it cancels. A CANCEL carries the INVITE's branch (RFC 3261 9.1), and the
     * branch names the INVITE's row, so the CANCEL's responses are found through the INVITE's row.
     *
     * @param invite the INVITE's row, still pending.
     * @param cancel the CANCEL's row, started.
     * @return false when either row is not what it should be.
     */
    public boolean linkCancel(final int invite, final int cancel)
    {
        if (invite < 0 || invite >= rows.length || cancel < 0 || cancel >= rows.length ||
            rows[invite].method != SipMethod.INVITE || rows[cancel].method != SipMethod.CANCEL)
        {
            return false;
        }
        rows[invite].cancelRow = cancel;
        return true;
    }

    /**
     * A response arrived: hand it to its transaction.
     *
     * @param response a decoded, well-formed response.
     * @param nowNs    the duty cycle's time.
     * @return true when it matched a transaction; false when it was stray (counted and dropped).
     */
    public boolean onResponse(final SipMessageDecoder response, final long nowNs)
    {
        final ClientTransaction row = match(response);
        if (row == null)
        {
            counters.strayResponses++;
            return false;
        }
        final int status = response.statusCode();
        switch (row.state)
        {
            case ClientTransaction.CALLING:
            case ClientTransaction.TRYING:
            case ClientTransaction.PROCEEDING:
                onPendingResponse(row, status, response, nowNs);
                break;
            case ClientTransaction.ACCEPTED:
                if (status >= 200 && status < 300)
                {
                    row.user.onFinalResponse(row.index, row.userToken, response, nowNs);
                }
                break;
            case ClientTransaction.COMPLETED:
                if (row.method == SipMethod.INVITE && status >= 300)
                {
                    sendAck(row, response, nowNs);
                }
                break;
            default:
                break;
        }
        return true;
    }

    /**
     * A flow failed: every pending request sent on it fails with the matching {@link SipFailure}.
     *
     * @param flow           the flow.
     * @param transportError a {@code org.sipredundancy.hal.TransportError} constant.
     * @param nowNs          the duty cycle's time.
     */
    public void onFlowFailure(final int flow, final int transportError, final long nowNs)
    {
        final int cause = SipFailure.fromTransportError(transportError);
        for (final ClientTransaction row : rows)
        {
            if (row.flow == flow && row.isPending())
            {
                counters.transportFailures++;
                fail(row, cause, -1, nowNs);
            }
        }
    }

    /**
     * Part of the {@link TimerExpiryHandler} contract: a row's retransmission or time-out timer expired.
     * {@inheritDoc}
     */
    public void onTimerExpiry(final long token, final long nowNs)
    {
        final ClientTransaction row = rows[(int)(token >>> 1)];
        if ((token & 1) == RETRANSMIT)
        {
            onRetransmitDue(row, nowNs);
        }
        else if (row.isPending())
        {
            counters.timeouts++;
            fail(row, SipFailure.TIMEOUT, -1, nowNs);
        }
        else if (row.state == ClientTransaction.COMPLETED || row.state == ClientTransaction.ACCEPTED)
        {
            release(row);
        }
    }

    /**
     * @param transaction a row index.
     * @return whether the row holds a request that has neither been answered finally nor failed.
     */
    public boolean isPending(final int transaction)
    {
        return rows[transaction].isPending();
    }

    /**
     * @param transaction a row index.
     * @return UDP retransmissions of the row's request so far.
     */
    public int retransmissions(final int transaction)
    {
        return rows[transaction].retransmissions;
    }

    /**
     * @return rows in use (pending, absorbing retransmissions, or claimed).
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
     * @return what the table has done since start.
     */
    public ClientTransactionCounters counters()
    {
        return counters;
    }

    private void onPendingResponse(
        final ClientTransaction row, final int status, final SipMessageDecoder response, final long nowNs)
    {
        final boolean invite = row.method == SipMethod.INVITE;
        if (status < 200)
        {
            row.retryBudget = -1;
            if (invite)
            {
                timers.cancel(row.retransmitTimer);
                timers.cancel(row.timeoutTimer);
            }
            row.state = ClientTransaction.PROCEEDING;
            row.intervalNs = t2Ns;
            row.user.onProvisional(row.index, row.userToken, response, nowNs);
            return;
        }
        timers.cancel(row.retransmitTimer);
        if (invite && status < 300)
        {
            row.state = ClientTransaction.ACCEPTED;
            scheduleOrRelease(row, 64 * t1Ns, nowNs);
            row.user.onFinalResponse(row.index, row.userToken, response, nowNs);
            return;
        }
        if (invite)
        {
            sendAck(row, response, nowNs);
        }
        final ClientTransactionUser user = row.user;
        final long userToken = row.userToken;
        row.state = ClientTransaction.COMPLETED;
        scheduleOrRelease(row, row.reliable ? 0 : (invite ? 64 * t1Ns : t4Ns), nowNs);
        if (status == 503)
        {
            counters.serviceUnavailable++;
            user.onFailure(row.index, userToken, SipFailure.SERVICE_UNAVAILABLE, response.retryAfterS(), nowNs);
        }
        else
        {
            user.onFinalResponse(row.index, userToken, response, nowNs);
        }
    }

    private void onRetransmitDue(final ClientTransaction row, final long nowNs)
    {
        if (!row.isPending() || row.reliable)
        {
            return;
        }
        if (row.retryBudget >= 0 && row.retransmissions >= row.retryBudget)
        {
            counters.budgetGiveUps++;
            counters.timeouts++;
            fail(row, SipFailure.TIMEOUT, -1, nowNs);
            return;
        }
        if (sender.send(row.flow, row.remoteAddress, row.remotePort, row.request, 0, row.length, nowNs) < 0)
        {
            counters.retransmitSendFailures++;
        }
        row.retransmissions++;
        counters.retransmissions++;
        if (row.state != ClientTransaction.PROCEEDING)
        {
            row.intervalNs = row.method == SipMethod.INVITE ? row.intervalNs * 2 : Math.min(row.intervalNs * 2, t2Ns);
        }
        if (!timers.schedule(row.retransmitTimer, nowNs + row.intervalNs))
        {
            counters.timerRefusals++;
        }
    }

    private void scheduleOrRelease(final ClientTransaction row, final long waitNs, final long nowNs)
    {
        if (waitNs <= 0 || !timers.schedule(row.timeoutTimer, nowNs + waitNs))
        {
            release(row);
        }
    }

    private void fail(final ClientTransaction row, final int cause, final long retryAfterS, final long nowNs)
    {
        final ClientTransactionUser user = row.user;
        final long userToken = row.userToken;
        final int index = row.index;
        release(row);
        user.onFailure(index, userToken, cause, retryAfterS, nowNs);
    }

    private void sendAck(final ClientTransaction row, final SipMessageDecoder response, final long nowNs)
    {
        requestDecoder.wrap(row.request, 0, row.length);
        final int length = derivedEncoder.encodeAck(requestDecoder, response, ackBuffer, 0, ACK_CAPACITY);
        if (length > 0)
        {
            sender.send(row.flow, row.remoteAddress, row.remotePort, ackBuffer, 0, length, nowNs);
        }
    }

    private ClientTransaction match(final SipMessageDecoder response)
    {
        if (!response.topViaBranch(branchView) ||
            branchView.length() != MAGIC_COOKIE.length + ClientTransaction.BRANCH_LENGTH)
        {
            return null;
        }
        final DirectBuffer buffer = branchView.buffer();
        final int start = branchView.offset();
        for (int i = 0; i < MAGIC_COOKIE.length; i++)
        {
            if (buffer.getByte(start + i) != MAGIC_COOKIE[i])
            {
                return null;
            }
        }
        final int branchStart = start + MAGIC_COOKIE.length;
        final int index = rowIndex(buffer, branchStart + ClientTransaction.BRANCH_LENGTH -
            ClientTransaction.BRANCH_INDEX_DIGITS);
        if (index < 0 || index >= rows.length)
        {
            return null;
        }
        final ClientTransaction row = rows[index];
        if (row.state == ClientTransaction.FREE || row.state == ClientTransaction.CLAIMED ||
            !sameBranch(row, buffer, branchStart))
        {
            return null;
        }
        if (response.cseqMethod() == row.method)
        {
            return row;
        }
        if (response.cseqMethod() == SipMethod.CANCEL && row.cancelRow >= 0)
        {
            final ClientTransaction cancel = rows[row.cancelRow];
            return cancel.method == SipMethod.CANCEL && cancel.state != ClientTransaction.FREE ? cancel : null;
        }
        return null;
    }

    private static boolean sameBranch(final ClientTransaction row, final DirectBuffer buffer, final int start)
    {
        for (int i = 0; i < ClientTransaction.BRANCH_LENGTH; i++)
        {
            if (row.branch.getByte(i) != buffer.getByte(start + i))
            {
                return false;
            }
        }
        return true;
    }

    private static int rowIndex(final DirectBuffer buffer, final int start)
    {
        int index = 0;
        for (int i = 0; i < ClientTransaction.BRANCH_INDEX_DIGITS; i++)
        {
            final int digit = Character.digit(buffer.getByte(start + i), 16);
            if (digit < 0)
            {
                return -1;
            }
            index = (index << 4) | digit;
        }
        return index;
    }

    private void drawBranch(final ClientTransaction row)
    {
        final int randomDigits = ClientTransaction.BRANCH_LENGTH - ClientTransaction.BRANCH_INDEX_DIGITS;
        long bits = random.nextLong();
        for (int i = 0; i < randomDigits; i++)
        {
            row.branch.putByte(i, HEX[(int)(bits & 0xF)]);
            bits >>>= 4;
        }
        int index = row.index;
        for (int i = ClientTransaction.BRANCH_LENGTH - 1; i >= randomDigits; i--)
        {
            row.branch.putByte(i, HEX[index & 0xF]);
            index >>>= 4;
        }
    }

    private void release(final ClientTransaction row)
    {
        timers.cancel(row.retransmitTimer);
        timers.cancel(row.timeoutTimer);
        row.clear();
        freeRows[freeCount++] = row.index;
    }
}
