package org.sipredundancy.core.sip.transaction;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.testing.VirtualTime;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.SplitMix64Random;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client transaction table on a virtual clock, with a sender and a user that write down what happens: the
 * instants of every send and every report, in milliseconds of virtual time.
 */
final class TransactionHarness implements SipSender, ClientTransactionUser
{
    static final int UDP_FLOW = 1;
    static final int TCP_FLOW = 2;

    final TimerService timers = new TimerService(0, 1 << 20, 512, 1024, 64);
    final ClientTransactions transactions;
    final List<Long> sendsMs = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    final List<String> reports = new ArrayList<>();
    final SipMessageDecoder decoder = new SipMessageDecoder();
    int sendStatus = NetworkStatus.OK;
    long nowNs;

    TransactionHarness(final int capacity, final int reserved)
    {
        transactions = new ClientTransactions(new ClientTransactionsContext()
            .timers(timers).sender(this).random(new SplitMix64Random(42)).capacity(capacity)
            .reservedForRegistration(reserved));
    }

    TransactionHarness()
    {
        this(8, 0);
    }

    int startRequest(final String method, final int sipMethod, final int flow, final int budget)
    {
        final int t = transactions.begin(this, 7, "REGISTER".equals(method));
        if (t < 0)
        {
            return t;
        }
        final String text = method + " sip:pbx.test SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK" +
            transactions.branch(t) + "\r\nFrom: <sip:1001@pbx.test>;tag=f1\r\nTo: <sip:1001@pbx.test>\r\n" +
            "Call-ID: c1\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        transactions.requestBuffer(t).putBytes(0, bytes);
        final int status = transactions.start(t, sipMethod, flow, 0x0A000002, 5060, bytes.length, budget, nowNs);
        return status < 0 ? status : t;
    }

    void respond(final int transaction, final String cseqMethod, final int status, final String extraHeaders)
    {
        respondWithBranch("z9hG4bK" + transactions.branch(transaction), cseqMethod, status, extraHeaders);
    }

    boolean respondWithBranch(final String branch, final String cseqMethod, final int status, final String extra)
    {
        final String text = "SIP/2.0 " + status + " Reason\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=" + branch +
            "\r\nFrom: <sip:1001@pbx.test>;tag=f1\r\nTo: <sip:1001@pbx.test>;tag=t9\r\nCall-ID: c1\r\n" +
            "CSeq: 1 " + cseqMethod + "\r\n" + extra + "Content-Length: 0\r\n\r\n";
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
        decoder.wrap(buffer, 0, buffer.capacity());
        return transactions.onResponse(decoder, nowNs);
    }

    /** Advance virtual time from deadline to deadline, firing timers, up to and including {@code untilMs}. */
    void runUntilMs(final long untilMs)
    {
        nowNs = VirtualTime.runUntilMs(timers, nowNs, untilMs);
    }

    void atMs(final long ms)
    {
        runUntilMs(ms);
    }

    public int send(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        if (sendStatus == NetworkStatus.OK)
        {
            sendsMs.add(TimeUnit.NANOSECONDS.toMillis(nowNs));
            sent.add(buffer.getStringWithoutLengthAscii(offset, length));
        }
        return sendStatus;
    }

    public boolean isReliable(final int flow)
    {
        return flow == TCP_FLOW;
    }

    public void onProvisional(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
        reports.add(ms(nowNs) + " provisional " + response.statusCode());
    }

    public void onFinalResponse(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
        reports.add(ms(nowNs) + " final " + response.statusCode());
    }

    public void onFailure(
        final int transaction, final long userToken, final int cause, final long retryAfterS, final long nowNs)
    {
        reports.add(ms(nowNs) + " failure " + SipFailure.name(cause) + (retryAfterS >= 0 ? " " + retryAfterS : ""));
    }

    private static long ms(final long ns)
    {
        return TimeUnit.NANOSECONDS.toMillis(ns);
    }
}
