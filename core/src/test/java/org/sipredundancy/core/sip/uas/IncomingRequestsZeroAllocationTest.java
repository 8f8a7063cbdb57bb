package org.sipredundancy.core.sip.uas;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.core.sip.transaction.ServerTransactions;
import org.sipredundancy.core.sip.transaction.ServerTransactionsContext;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.testing.AllocationWindows;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.SplitMix64Random;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2, R-SIP-6: once warm, decoding an OPTIONS, answering it 200 through a server transaction, absorbing
 * its retransmission and letting Timer J free the row allocates nothing.
 */
class IncomingRequestsZeroAllocationTest implements SipSender, CallListener, NotifyListener
{
    private static final int SERVER = 0x0A000009;
    private static final int WARM_UP = 20_000;
    private static final int WINDOW = 5_000;
    private static final long STEP_NS = TimeUnit.SECONDS.toNanos(33);

    private final TimerService timers = new TimerService(0, 1 << 20, 512, 1024, 64);
    private final ServerTransactions transactions =
        new ServerTransactions(new ServerTransactionsContext().timers(timers).sender(this));
    private final IncomingRequests uas = new IncomingRequests(new IncomingRequestsContext()
        .transactions(transactions).sender(this).random(new SplitMix64Random(3))
        .clientTransactions(new ClientTransactions(new ClientTransactionsContext().timers(timers).sender(this)
            .random(new SplitMix64Random(4))))
        .contactUri("sip:1001@10.0.0.2:5060").localAddress("10.0.0.2")
        .sourceFilter(address -> address == SERVER)
        .notifyListener(this).callListener(this));
    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private UnsafeBuffer options;
    private long nowNs;
    private long sentBytes;
    private long sends;
    private long statusSum;

    @Test
    @DisplayName("R-RT-2 R-SIP-6 OPTIONS answered 200, retransmission absorbed, Timer J run: no allocation once warm")
    void shouldNotAllocateOnceWarm()
    {
        options = new UnsafeBuffer(UasHarness.request("OPTIONS", "z9hG4bKzero", "zero-1", 1, "", "")
            .getBytes(StandardCharsets.US_ASCII));

        final List<Long> windows = AllocationWindows.measure(this::run, WARM_UP, WINDOW);

        final boolean interpreted = AllocationWindows.interpreted();
        final int warmUp = interpreted ? WARM_UP / 10 : WARM_UP;
        final int window = interpreted ? WINDOW / 10 : WINDOW;
        assertThat(sends).isEqualTo(2L * warmUp + 2L * window * windows.size());
        assertThat(statusSum).isEqualTo(200L * sends / 2);
        assertThat(sentBytes).isGreaterThan(sends * 300);
        assertThat(transactions.inUseCount()).isZero();
        assertThat(windows).as("bytes allocated per window of %d rounds", WINDOW).contains(0L);
    }

    private void run(final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            if (decoder.wrap(options, 0, options.capacity()) != SipDecodeStatus.OK)
            {
                throw new IllegalStateException("does not decode");
            }
            statusSum += uas.onRequest(1, SERVER, 5062, decoder, nowNs);
            if (uas.onRequest(1, SERVER, 5062, decoder, nowNs) != IncomingRequests.ABSORBED)
            {
                throw new IllegalStateException("retransmission not absorbed");
            }
            nowNs += STEP_NS;
            timers.poll(nowNs);
        }
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
        sends++;
        sentBytes += length;
        return NetworkStatus.OK;
    }

    public boolean isReliable(final int flow)
    {
        return false;
    }

    public void onIncomingCall(final int call, final SipMessageDecoder invite, final long nowNs)
    {
        throw new IllegalStateException("no INVITE here");
    }

    public void onCallEnded(final int call, final int reason, final long nowNs)
    {
        throw new IllegalStateException("no call here");
    }

    public void onNotify(final SipMessageDecoder notify, final long nowNs)
    {
        throw new IllegalStateException("no NOTIFY here");
    }
}
