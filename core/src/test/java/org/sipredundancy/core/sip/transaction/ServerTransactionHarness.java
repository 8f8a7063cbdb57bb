package org.sipredundancy.core.sip.transaction;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.testing.VirtualTime;
import org.sipredundancy.hal.NetworkStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server transaction table on a virtual clock, with a sender that writes down every send: its instant in
 * milliseconds of virtual time, its destination and its text.
 */
final class ServerTransactionHarness implements SipSender
{
    static final int UDP_FLOW = 1;
    static final int TCP_FLOW = 2;
    static final int SOURCE = 0x0A000009;

    final TimerService timers = new TimerService(0, 1 << 20, 512, 1024, 64);
    final ServerTransactions transactions;
    final List<Long> sendsMs = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    final List<String> destinations = new ArrayList<>();
    long nowNs;

    ServerTransactionHarness(final int capacity)
    {
        transactions = new ServerTransactions(new ServerTransactionsContext()
            .timers(timers).sender(this).capacity(capacity));
    }

    ServerTransactionHarness()
    {
        this(8);
    }

    static String request(final String method, final String sentBy, final String branch, final long cseq)
    {
        return method + " sip:1001@10.0.0.2 SIP/2.0\r\nVia: SIP/2.0/UDP " + sentBy + ";branch=" + branch +
            "\r\nFrom: <sip:2002@pbx.test>;tag=f1\r\nTo: <sip:1001@pbx.test>\r\nCall-ID: c1\r\nCSeq: " + cseq + " " +
            method + "\r\nContent-Length: 0\r\n\r\n";
    }

    int receive(final int flow, final String text)
    {
        return receiveAt(flow, 5062, text);
    }

    int receiveAt(final int flow, final int port, final String text)
    {
        // a leading CRLF and an offset, as a stream buffer might hold them: the row copies the message only
        final byte[] bytes = ("xx\r\n" + text).getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final SipMessageDecoder decoder = new SipMessageDecoder();
        if (decoder.wrap(buffer, 2, bytes.length - 2) != SipDecodeStatus.OK)
        {
            throw new IllegalArgumentException("does not decode: " + text);
        }
        return transactions.onRequest(flow, SOURCE, port, decoder, nowNs);
    }

    int respond(final int row, final int status)
    {
        final String text = "SIP/2.0 " + status + " Reason\r\nCSeq: 1 X\r\nContent-Length: 0\r\n\r\n";
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
        return transactions.respond(row, buffer, 0, buffer.capacity(), status, nowNs);
    }

    /** Advance virtual time from deadline to deadline, firing timers, up to and including {@code untilMs}. */
    void runUntilMs(final long untilMs)
    {
        nowNs = VirtualTime.runUntilMs(timers, nowNs, untilMs);
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
        sendsMs.add(TimeUnit.NANOSECONDS.toMillis(nowNs));
        sent.add(buffer.getStringWithoutLengthAscii(offset, length));
        destinations.add(flow + "/" + Integer.toHexString(remoteAddress) + ":" + remotePort);
        return NetworkStatus.OK;
    }

    public boolean isReliable(final int flow)
    {
        return flow == TCP_FLOW;
    }
}
