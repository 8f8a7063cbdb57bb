package org.sipredundancy.core.sip.transaction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sipredundancy.core.sip.wire.SipMethod;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retransmission instants and give-up instants of client transactions in virtual time (SPEC R-SIP-2, R-SIP-3).
 * Times are milliseconds after the first send.
 */
class ClientTransactionTimerTest
{
    private final TransactionHarness harness = new TransactionHarness();

    @Test
    @DisplayName("R-SIP-2 a non-INVITE on the last candidate retransmits at doubling intervals up to T2; Timer F 32 s")
    void nonInviteOnLastCandidate()
    {
        harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, -1);
        harness.runUntilMs(60_000);

        assertThat(harness.sendsMs)
            .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L);
        assertThat(harness.reports).containsExactly("32000 failure TIMEOUT");
    }

    @Test
    @DisplayName("R-SIP-2 an INVITE on the last candidate retransmits at doubling intervals without cap, Timer B 32 s")
    void inviteOnLastCandidate()
    {
        harness.startRequest("INVITE", SipMethod.INVITE, TransactionHarness.UDP_FLOW, -1);
        harness.runUntilMs(60_000);

        assertThat(harness.sendsMs).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
        assertThat(harness.reports).containsExactly("32000 failure TIMEOUT");
    }

    @ParameterizedTest(name = "{0} with retry budget {1}: sends {2}, gives up at {3} ms")
    @CsvSource(delimiter = '|', value = {
        "REGISTER | 0  | 0                                                          | 500",
        "REGISTER | 3  | 0 500 1500 3500                                            | 7500",
        "REGISTER | 20 | 0 500 1500 3500 7500 11500 15500 19500 23500 27500 31500 | 32000",
        "INVITE   | 0  | 0                                                          | 500",
        "INVITE   | 3  | 0 500 1500 3500                                            | 7500",
        "INVITE   | 20 | 0 500 1500 3500 7500 15500 31500                           | 32000",
        "OPTIONS  | 3  | 0 500 1500 3500                                            | 7500",
    })
    @DisplayName("R-SIP-3 on a candidate that is not the last, UDP gives up when the next retransmission is due")
    void retryBudgetOnNonLastCandidate(final String method, final int budget, final String sends, final long giveUpMs)
    {
        harness.startRequest(method, methodOf(method), TransactionHarness.UDP_FLOW, budget);
        harness.runUntilMs(60_000);

        assertThat(harness.sendsMs).isEqualTo(millis(sends));
        assertThat(harness.reports).containsExactly(giveUpMs + " failure TIMEOUT");
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @ParameterizedTest(name = "{0} over TCP with retry budget {1}")
    @CsvSource({"REGISTER, 0", "REGISTER, 3", "REGISTER, 20", "REGISTER, -1", "INVITE, 3", "INVITE, -1"})
    @DisplayName("R-SIP-2 R-SIP-3 TCP never retransmits and the budget does not apply: Timer B/F at 32 s")
    void tcpHasNoRetransmissions(final String method, final int budget)
    {
        harness.startRequest(method, methodOf(method), TransactionHarness.TCP_FLOW, budget);
        harness.runUntilMs(60_000);

        assertThat(harness.sendsMs).containsExactly(0L);
        assertThat(harness.reports).containsExactly("32000 failure TIMEOUT");
    }

    @Test
    @DisplayName("R-SIP-2 a provisional response stops INVITE retransmissions and Timer B")
    void provisionalStopsInviteRetransmissions()
    {
        final int t = harness.startRequest("INVITE", SipMethod.INVITE, TransactionHarness.UDP_FLOW, 3);
        harness.atMs(1000);
        harness.respond(t, "INVITE", 180, "");
        harness.runUntilMs(100_000);

        assertThat(harness.sendsMs).containsExactly(0L, 500L);
        assertThat(harness.reports).containsExactly("1000 provisional 180");

        harness.respond(t, "INVITE", 200, "");
        assertThat(harness.reports).containsExactly("1000 provisional 180", "100000 final 200");
    }

    @Test
    @DisplayName("R-SIP-2 R-SIP-3 a non-INVITE that drew a 1xx keeps retransmitting every T2 and ignores its budget")
    void provisionalKeepsNonInviteRetransmittingAtT2()
    {
        final int t = harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3);
        harness.atMs(700);
        harness.respond(t, "REGISTER", 100, "");
        harness.runUntilMs(60_000);

        assertThat(harness.sendsMs)
            .containsExactly(0L, 500L, 1500L, 5500L, 9500L, 13500L, 17500L, 21500L, 25500L, 29500L);
        assertThat(harness.reports).containsExactly("700 provisional 100", "32000 failure TIMEOUT");
    }

    @Test
    @DisplayName("R-SIP-2 a final response ends retransmissions and the row is kept for T4 to absorb repeats")
    void finalResponseCompletesNonInvite()
    {
        final int t = harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3);
        harness.atMs(600);
        harness.respond(t, "REGISTER", 200, "");
        harness.atMs(3000);
        harness.respond(t, "REGISTER", 200, "");

        assertThat(harness.reports).containsExactly("600 final 200");
        assertThat(harness.transactions.inUseCount()).isOne();
        harness.runUntilMs(5600);
        assertThat(harness.transactions.inUseCount()).isZero();
        assertThat(harness.sendsMs).containsExactly(0L, 500L);
    }

    static int methodOf(final String name)
    {
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(
            name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return SipMethod.lookup(buffer, 0, buffer.capacity());
    }

    static List<Long> millis(final String spaced)
    {
        return Arrays.stream(spaced.trim().split(" +")).map(Long::valueOf).collect(Collectors.toList());
    }
}
