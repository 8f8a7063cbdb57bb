package org.sipredundancy.core.sip.uas;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.sip.transaction.ClientTransactionUser;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipDerivedRequestEncoder;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;

/**
 * The dialog of the incoming call the phone answered, kept so that the callee can end it (RFC 3261 section 15.1.1):
 * a copy of the INVITE — its server transaction may be gone long before the user hangs up — where it came from, and
 * the phone's tag. Hanging up sends a BYE as a client transaction to the server the INVITE came from: the phone takes
 * requests only from its servers (R-SIP-6), so that server is the dialog's next hop both ways. What becomes of the
 * BYE is only counted: for the user the call is over either way. Nothing allocates once built. Not thread safe.
 */
final class AnsweredDialog implements ClientTransactionUser
{
    /** The phone's first CSeq number in a dialog it did not start (any value will do, RFC 3261 12.2.1.1). */
    private static final long FIRST_CSEQ = 1;

    private final ClientTransactions transactions;
    private final SipDerivedRequestEncoder encoder = new SipDerivedRequestEncoder();
    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final UnsafeBuffer invite;
    private int inviteLength;
    private int flow;
    private int address;
    private int port;
    private int transaction = -1;

    private long byesSent;
    private long byesAnswered;
    private long byesFailed;
    private long byesNotSent;

    /**
     * @param transactions  the phone's client transactions, which carry the BYE.
     * @param localHost     the phone's address, for the BYE's Via.
     * @param localPort     the phone's SIP port.
     * @param inviteCapacity the largest INVITE kept (the server transactions' request capacity).
     */
    AnsweredDialog(
        final ClientTransactions transactions, final CharSequence localHost, final int localPort,
        final int inviteCapacity)
    {
        this.transactions = transactions;
        encoder.local(localHost, localPort);
        invite = new UnsafeBuffer(new byte[inviteCapacity]);
    }

    /**
     * The call was answered: keep its INVITE and where it came from.
     *
     * @param request the INVITE's bytes.
     * @param length  their length.
     * @param flow    the flow it came on.
     * @param address its source address.
     * @param port    its source port.
     */
    void answered(final DirectBuffer request, final int length, final int flow, final int address, final int port)
    {
        inviteLength = Math.min(length, invite.capacity());
        invite.putBytes(0, request, 0, inviteLength);
        this.flow = flow;
        this.address = address;
        this.port = port;
    }

    /**
     * The user hung up: send the BYE.
     *
     * @param localTag the phone's tag in the dialog.
     * @param nowNs    the duty cycle's time.
     * @return true when the BYE went out; false (counted) when no transaction row was free or it did not fit.
     */
    boolean hangUp(final CharSequence localTag, final long nowNs)
    {
        final int txn = transactions.begin(this, 0, false);
        if (txn < 0)
        {
            byesNotSent++;
            return false;
        }
        final int length = decoder.wrap(invite, 0, inviteLength) != SipDecodeStatus.OK ? -1 :
            encoder.encodeBye(decoder, transactions.branch(txn), localTag, FIRST_CSEQ, transactions.requestBuffer(txn),
            0, transactions.requestCapacity());
        if (length <= 0 || transactions.start(txn, SipMethod.BYE, flow, address, port, length,
            ClientTransactions.FULL_TIMERS, nowNs) != 0)
        {
            transactions.abandon(txn);
            byesNotSent++;
            return false;
        }
        transaction = txn;
        byesSent++;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public void onProvisional(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onFinalResponse(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
        if (transaction == this.transaction)
        {
            this.transaction = -1;
            if (response.statusCode() < 300)
            {
                byesAnswered++;
            }
            else
            {
                byesFailed++;
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFailure(
        final int transaction, final long userToken, final int cause, final long retryAfterS, final long nowNs)
    {
        if (transaction == this.transaction)
        {
            this.transaction = -1;
            byesFailed++;
        }
    }

    long byesSent()
    {
        return byesSent;
    }

    long byesAnswered()
    {
        return byesAnswered;
    }

    long byesFailed()
    {
        return byesFailed;
    }

    long byesNotSent()
    {
        return byesNotSent;
    }
}
