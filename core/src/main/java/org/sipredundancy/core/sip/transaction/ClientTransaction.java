package org.sipredundancy.core.sip.transaction;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.Timer;

import java.nio.ByteBuffer;

/**
 * One row of the {@link ClientTransactions} table: the request's bytes (kept for retransmission), its branch, where
 * it went, its RFC 3261 state and its two timers. Rows are made at start and reused; nothing here is public.
 * <pre>
 *   INVITE:      CALLING --1xx--&gt; PROCEEDING --2xx--&gt; ACCEPTED (Timer M) --&gt; free
 *                   |                 |------300-699 (ACK)--&gt; COMPLETED (Timer D) --&gt; free
 *                   +-- Timer A retransmits, Timer B / retry budget / transport error --&gt; failed, free
 *   non-INVITE:  TRYING --1xx--&gt; PROCEEDING --final--&gt; COMPLETED (Timer K) --&gt; free
 *                   +-- Timer E retransmits, Timer F / retry budget / transport error --&gt; failed, free
 * </pre>
 */
final class ClientTransaction
{
    static final int FREE = 0;
    static final int CALLING = 1;
    static final int TRYING = 2;
    static final int PROCEEDING = 3;
    static final int COMPLETED = 4;
    static final int ACCEPTED = 5;
    static final int CLAIMED = 6;

    /** Random hex digits, then four hex digits of the row index, so a response finds its row without a map. */
    static final int BRANCH_LENGTH = 16;
    static final int BRANCH_INDEX_DIGITS = 4;

    final int index;
    final UnsafeBuffer request;
    final UnsafeBuffer branch = new UnsafeBuffer(ByteBuffer.allocateDirect(BRANCH_LENGTH));
    final AsciiSequenceView branchView = new AsciiSequenceView();
    Timer retransmitTimer;
    Timer timeoutTimer;

    int state = FREE;
    int method;
    int flow;
    /** For an INVITE being cancelled: the row of its CANCEL, which shares its branch (RFC 3261 9.1); else -1. */
    int cancelRow = -1;
    int remoteAddress;
    int remotePort;
    int length;
    boolean reliable;
    boolean registration;
    int retryBudget;
    int retransmissions;
    long intervalNs;
    ClientTransactionUser user;
    long userToken;

    ClientTransaction(final int index, final int requestCapacity)
    {
        this.index = index;
        request = new UnsafeBuffer(ByteBuffer.allocateDirect(requestCapacity));
        branchView.wrap(branch, 0, BRANCH_LENGTH);
    }

    boolean isPending()
    {
        return state == CALLING || state == TRYING || state == PROCEEDING;
    }

    void clear()
    {
        state = FREE;
        method = 0;
        cancelRow = -1;
        flow = -1;
        remoteAddress = 0;
        remotePort = 0;
        length = 0;
        reliable = false;
        registration = false;
        retryBudget = -1;
        retransmissions = 0;
        intervalNs = 0;
        user = null;
        userToken = 0;
    }
}
