package org.sipredundancy.core.sip.uas;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.core.sip.transaction.ServerTransactions;
import org.sipredundancy.core.sip.transaction.ServerTransactionsContext;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.testing.VirtualTime;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.SplitMix64Random;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link IncomingRequests} over a server transaction table on a virtual clock, with a sender and listeners that
 * write down what happens, in milliseconds of virtual time.
 */
final class UasHarness implements SipSender, CallListener, NotifyListener
{
    static final int UDP_FLOW = 1;
    static final int TCP_FLOW = 2;
    static final int SERVER = 0x0A000009;
    static final int STRANGER = 0x0A0000FE;
    static final int SERVER_PORT = 5062;

    final TimerService timers = new TimerService(0, 1 << 20, 512, 1024, 64);
    final ServerTransactions transactions;
    final ClientTransactions clientTransactions;
    final IncomingRequests uas;
    final List<Long> sendsMs = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final SipMessageDecoder decoder = new SipMessageDecoder();
    long nowNs;

    UasHarness(final int capacity)
    {
        transactions = new ServerTransactions(new ServerTransactionsContext()
            .timers(timers).sender(this).capacity(capacity));
        clientTransactions = new ClientTransactions(new ClientTransactionsContext()
            .timers(timers).sender(this).random(new SplitMix64Random(11)));
        uas = new IncomingRequests(new IncomingRequestsContext()
            .transactions(transactions).clientTransactions(clientTransactions).sender(this)
            .random(new SplitMix64Random(7))
            .contactUri("sip:1001@10.0.0.2:5060").localAddress("10.0.0.2").rtpPort(40000)
            .sourceFilter(address -> address == SERVER).notifyListener(this).callListener(this));
    }

    UasHarness()
    {
        this(32);
    }

    static String request(
        final String method, final String branch, final String callId, final long cseq, final String toTag,
        final String extra)
    {
        return method + " sip:1001@10.0.0.2:5060 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 10.0.0.9:5062;branch=" + branch + ";rport\r\n" +
            "Via: SIP/2.0/UDP 10.0.0.50:5060;branch=z9hG4bKfar\r\n" +
            "From: <sip:2002@pbx.test>;tag=from1\r\n" +
            "To: <sip:1001@pbx.test>" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\r\n" +
            (callId.isEmpty() ? "" : "Call-ID: " + callId + "\r\n") +
            "CSeq: " + cseq + " " + method + "\r\n" + extra + "Content-Length: 0\r\n\r\n";
    }

    int receive(final String text)
    {
        return receiveFrom(SERVER, UDP_FLOW, text);
    }

    int receiveFrom(final int address, final int flow, final String text)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
        final SipMessageDecoder request = new SipMessageDecoder();
        if (request.wrap(buffer, 0, buffer.capacity()) != SipDecodeStatus.OK)
        {
            throw new IllegalArgumentException("does not decode: " + text);
        }
        return uas.onRequest(flow, address, SERVER_PORT, request, nowNs);
    }

    /** Advance virtual time from deadline to deadline, firing timers, up to and including {@code untilMs}. */
    void runUntilMs(final long untilMs)
    {
        nowNs = VirtualTime.runUntilMs(timers, nowNs, untilMs);
    }

    String lastSent()
    {
        return sent.get(sent.size() - 1);
    }

    List<String> statusLines()
    {
        final List<String> lines = new ArrayList<>();
        for (final String message : sent)
        {
            lines.add(message.substring(0, message.indexOf('\r')));
        }
        return lines;
    }

    SipMessageDecoder decodeSent(final int index)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(sent.get(index).getBytes(StandardCharsets.US_ASCII));
        final SipMessageDecoder response = new SipMessageDecoder();
        if (response.wrap(buffer, 0, buffer.capacity()) != SipDecodeStatus.OK)
        {
            throw new IllegalStateException("sent message does not decode: " + sent.get(index));
        }
        return response;
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
        if (remoteAddress != SERVER || remotePort != SERVER_PORT)
        {
            throw new IllegalStateException("sent elsewhere than the source: " + remoteAddress + ":" + remotePort);
        }
        sendsMs.add(TimeUnit.NANOSECONDS.toMillis(nowNs));
        sent.add(buffer.getStringWithoutLengthAscii(offset, length));
        return NetworkStatus.OK;
    }

    public boolean isReliable(final int flow)
    {
        return flow == TCP_FLOW;
    }

    public void onIncomingCall(final int call, final SipMessageDecoder invite, final long nowNs)
    {
        events.add("incoming " + call + " cseq " + invite.cseqNumber());
    }

    public void onCallEnded(final int call, final int reason, final long nowNs)
    {
        events.add("ended " + call + " reason " + reason);
    }

    public void onNotify(final SipMessageDecoder notify, final long nowNs)
    {
        final int event = notify.findHeader("Event");
        events.add("notify cseq " + notify.cseqNumber() + " event " + (event < 0 ? "none" : value(notify, event)));
    }

    private static String value(final SipMessageDecoder message, final int header)
    {
        final AsciiSequenceView view = new AsciiSequenceView();
        message.headerValue(header, view);
        return view.toString();
    }
}
