package org.sipredundancy.core.sim;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipResponseEncoder;
import org.sipredundancy.hal.NetworkStatus;

import java.nio.charset.StandardCharsets;

/**
 * A registrar in the same thread, for the refresh benchmarks and the registration's allocation test: it takes what
 * the phone sends (as the phone's {@link SipSender}), keeps a copy of the last request, and answers it on demand
 * straight into the transaction table, with a 200 OK granting 3600 s to {@code sip:1001@10.0.0.2:5060} or a digest
 * challenge (realm pbx.test). Allocation-free, so what is measured is the phone's side plus the cost of building an
 * answer. No network, no time of its own: the caller decides when an answer comes.
 */
public final class EchoRegistrar implements SipSender
{
    private final SipMessageDecoder request = new SipMessageDecoder();
    private final SipMessageDecoder response = new SipMessageDecoder();
    private final SipResponseEncoder responder = new SipResponseEncoder();
    private final UnsafeBuffer requestCopy = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer responseBuffer = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer okHeaders = new UnsafeBuffer(
        "Contact: <sip:1001@10.0.0.2:5060>;expires=3600\r\n".getBytes(StandardCharsets.US_ASCII));
    private final UnsafeBuffer challenge = new UnsafeBuffer(("WWW-Authenticate: Digest realm=\"pbx.test\", " +
        "nonce=\"abc123\", qop=\"auth\", algorithm=MD5\r\n").getBytes(StandardCharsets.US_ASCII));
    private ClientTransactions transactions;
    private int requestLength;

    /**
     * @param transactions the table the answers are delivered to.
     */
    public void transactions(final ClientTransactions transactions)
    {
        this.transactions = transactions;
    }

    /**
     * Answer the last request 200 OK (expires 3600).
     *
     * @param nowNs the time.
     */
    public void accept(final long nowNs)
    {
        answer(200, okHeaders, nowNs);
    }

    /**
     * Answer the last request 401 with a digest challenge.
     *
     * @param nowNs the time.
     */
    public void challenge(final long nowNs)
    {
        answer(401, challenge, nowNs);
    }

    private void answer(final int status, final DirectBuffer headers, final long nowNs)
    {
        request.wrap(requestCopy, 0, requestLength);
        responder.clearOptional().extraHeaders(headers, 0, headers.capacity());
        final int length = responder.encode(request, status, "Reason", "tag1", responseBuffer, 0, 4096);
        response.wrap(responseBuffer, 0, length);
        transactions.onResponse(response, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public int send(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        requestCopy.putBytes(0, buffer, offset, length);
        requestLength = length;
        return NetworkStatus.OK;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isReliable(final int flow)
    {
        return false;
    }
}
