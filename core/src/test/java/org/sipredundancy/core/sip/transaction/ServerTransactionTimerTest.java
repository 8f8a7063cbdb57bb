package org.sipredundancy.core.sip.transaction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.transaction.ServerTransactionHarness.TCP_FLOW;
import static org.sipredundancy.core.sip.transaction.ServerTransactionHarness.UDP_FLOW;
import static org.sipredundancy.core.sip.transaction.ServerTransactionHarness.request;

/**
 * Server transactions in virtual time (SPEC R-SIP-2, R-BAD-4): matching of retransmissions and ACKs, the response
 * retransmission instants of RFC 3261 17.2.1 and 13.3.1.4, and the rows' lifetimes. Times are milliseconds.
 */
class ServerTransactionTimerTest
{
    private static final String HOST = "10.0.0.9:5062";

    private final ServerTransactionHarness harness = new ServerTransactionHarness();

    @Test
    @DisplayName("R-SIP-2 a non-2xx final to an INVITE is resent by Timer G (T1 doubling to T2) until the ACK; Timer I")
    void timerGUntilAck()
    {
        final int row = harness.receive(UDP_FLOW, request("INVITE", HOST, "z9hG4bKa", 1));
        assertThat(row).isGreaterThanOrEqualTo(0);
        harness.respond(row, 486);
        harness.runUntilMs(9000);
        assertThat(harness.sendsMs).containsExactly(0L, 500L, 1500L, 3500L, 7500L);
        assertThat(harness.sent).containsOnly(harness.sent.get(0));

        assertThat(harness.receive(UDP_FLOW, request("ACK", HOST, "z9hG4bKa", 1)))
            .isEqualTo(ServerTransactions.ACK_ABSORBED);
        assertThat(harness.receive(UDP_FLOW, request("ACK", HOST, "z9hG4bKa", 1)))
            .isEqualTo(ServerTransactions.ACK_ABSORBED);
        harness.runUntilMs(13_999);
        assertThat(harness.sendsMs).containsExactly(0L, 500L, 1500L, 3500L, 7500L);
        assertThat(harness.transactions.inUseCount()).isEqualTo(1);
        harness.runUntilMs(14_000);
        assertThat(harness.transactions.inUseCount()).isZero();
        assertThat(harness.transactions.acksAbsorbed()).isEqualTo(2);
        assertThat(harness.transactions.ackTimeouts()).isZero();
    }

    @Test
    @DisplayName("R-SIP-2 without an ACK Timer G resends up to T2 apart and Timer H gives up at 64*T1 = 32 s")
    void timerHGivesUp()
    {
        final int row = harness.receive(UDP_FLOW, request("INVITE", HOST, "z9hG4bKa", 1));
        harness.respond(row, 603);
        harness.runUntilMs(60_000);

        assertThat(harness.sendsMs)
            .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L);
        assertThat(harness.transactions.ackTimeouts()).isEqualTo(1);
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @Test
    @DisplayName("R-SIP-2 over TCP a non-2xx final to an INVITE is not resent and the ACK frees the row at once")
    void tcpNonSuccessNotResent()
    {
        final int row = harness.receive(TCP_FLOW, request("INVITE", HOST, "z9hG4bKa", 1));
        harness.respond(row, 486);
        harness.runUntilMs(10_000);
        assertThat(harness.sendsMs).containsExactly(0L);

        harness.receive(TCP_FLOW, request("ACK", HOST, "z9hG4bKa", 1));
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @Test
    @DisplayName("R-SIP-2 a 2xx to an INVITE is resent at 0.5, 1.5, 3.5 s... until the ACK of the 2xx (other branch)")
    void successResentUntilAck()
    {
        final int row = harness.receive(UDP_FLOW, request("INVITE", HOST, "z9hG4bKa", 7));
        harness.respond(row, 180);
        harness.runUntilMs(1000);
        harness.respond(row, 200);
        harness.runUntilMs(17_000);
        assertThat(harness.sendsMs).containsExactly(0L, 1000L, 1500L, 2500L, 4500L, 8500L, 12500L, 16500L);

        assertThat(harness.receive(UDP_FLOW, request("ACK", HOST, "z9hG4bKack", 6)))
            .isEqualTo(ServerTransactions.ACK_ABSORBED);
        assertThat(harness.transactions.strayAcks()).isEqualTo(1);
        assertThat(harness.transactions.inUseCount()).isEqualTo(1);

        harness.receive(UDP_FLOW, request("ACK", HOST, "z9hG4bKack", 7));
        harness.runUntilMs(60_000);
        assertThat(harness.sendsMs).hasSize(8);
        assertThat(harness.transactions.inUseCount()).isZero();
        assertThat(harness.transactions.ackTimeouts()).isZero();
    }

    @Test
    @DisplayName("R-SIP-2 a 2xx whose ACK never comes is given up after 64*T1 and counted")
    void successGivenUp()
    {
        final int row = harness.receive(UDP_FLOW, request("INVITE", HOST, "z9hG4bKa", 1));
        harness.respond(row, 200);
        harness.runUntilMs(60_000);

        assertThat(harness.sendsMs)
            .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L);
        assertThat(harness.transactions.ackTimeouts()).isEqualTo(1);
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @Test
    @DisplayName("R-SIP-2 a non-INVITE final is kept for Timer J = 32 s on UDP and resent to retransmissions")
    void timerJ()
    {
        final String options = request("OPTIONS", HOST, "z9hG4bKo", 1);
        final int row = harness.receive(UDP_FLOW, options);
        assertThat(harness.receive(UDP_FLOW, options)).isEqualTo(ServerTransactions.RETRANSMISSION);
        assertThat(harness.sent).isEmpty();
        harness.respond(row, 200);
        harness.runUntilMs(31_000);

        assertThat(harness.receive(UDP_FLOW, options)).isEqualTo(ServerTransactions.RETRANSMISSION);
        assertThat(harness.sendsMs).containsExactly(0L, 31_000L);
        assertThat(harness.transactions.retransmissionsAbsorbed()).isEqualTo(2);
        harness.runUntilMs(32_000);
        assertThat(harness.transactions.inUseCount()).isZero();
        assertThat(harness.receive(UDP_FLOW, options)).isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("R-SIP-2 over TCP a non-INVITE final frees the row at once")
    void tcpNonInviteFreed()
    {
        final int row = harness.receive(TCP_FLOW, request("OPTIONS", HOST, "z9hG4bKo", 1));
        harness.respond(row, 200);

        assertThat(harness.transactions.inUseCount()).isZero();
        assertThat(harness.destinations).containsExactly(TCP_FLOW + "/a000009:5062");
    }

    @Test
    @DisplayName("R-SIP-2 responses go to the request's flow and source; the row keeps the request for later")
    void rowKeepsRequest()
    {
        final int row = harness.receiveAt(UDP_FLOW, 40123, request("INVITE", HOST, "z9hG4bKa", 3));

        assertThat(harness.transactions.flow(row)).isEqualTo(UDP_FLOW);
        assertThat(harness.transactions.remoteAddress(row)).isEqualTo(ServerTransactionHarness.SOURCE);
        assertThat(harness.transactions.remotePort(row)).isEqualTo(40123);
        assertThat(harness.transactions.method(row)).isEqualTo(SipMethod.INVITE);
        final SipMessageDecoder stored = harness.transactions.request(row);
        assertThat(stored.method()).isEqualTo(SipMethod.INVITE);
        assertThat(stored.cseqNumber()).isEqualTo(3);
        assertThat(harness.transactions.requestBuffer(row)
            .getStringWithoutLengthAscii(0, harness.transactions.requestLength(row)))
            .isEqualTo(request("INVITE", HOST, "z9hG4bKa", 3));
        harness.respond(row, 100);
        assertThat(harness.destinations).containsExactly(UDP_FLOW + "/a000009:40123");
    }

    @Test
    @DisplayName("R-SIP-2 a CANCEL is a transaction of its own and finds the INVITE it cancels; other sent-by differs")
    void cancelAndSentBy()
    {
        final int invite = harness.receive(UDP_FLOW, request("INVITE", HOST, "z9hG4bKa", 1));
        final String cancel = request("CANCEL", HOST, "z9hG4bKa", 1);
        final int cancelRow = harness.receive(UDP_FLOW, cancel);

        assertThat(cancelRow).isGreaterThanOrEqualTo(0).isNotEqualTo(invite);
        final SipMessageDecoder copy = new SipMessageDecoder();
        copy.wrap(harness.transactions.requestBuffer(cancelRow), 0, harness.transactions.requestLength(cancelRow));
        assertThat(harness.transactions.findInvite(copy)).isEqualTo(invite);

        final int other = harness.receive(UDP_FLOW, request("INVITE", "10.0.0.77:5060", "z9hG4bKa", 1));
        assertThat(other).isGreaterThanOrEqualTo(0).isNotIn(invite, cancelRow);
        harness.respond(invite, 487);
        assertThat(harness.transactions.findInvite(copy)).isEqualTo(-1);
    }

    @Test
    @DisplayName("R-BAD-4 past its capacity the table refuses new requests, counted; retransmissions still match")
    void tableFull()
    {
        final ServerTransactionHarness small = new ServerTransactionHarness(2);
        final String first = request("OPTIONS", HOST, "z9hG4bK1", 1);
        small.receive(UDP_FLOW, first);
        small.receive(UDP_FLOW, request("OPTIONS", HOST, "z9hG4bK2", 1));

        assertThat(small.receive(UDP_FLOW, request("OPTIONS", HOST, "z9hG4bK3", 1)))
            .isEqualTo(ServerTransactions.FULL);
        assertThat(small.receive(UDP_FLOW, request("OPTIONS", HOST, "z9hG4bK4", 1)))
            .isEqualTo(ServerTransactions.FULL);
        assertThat(small.receive(UDP_FLOW, first)).isEqualTo(ServerTransactions.RETRANSMISSION);
        assertThat(small.transactions.refusedFull()).isEqualTo(2);
        assertThat(small.transactions.inUseCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-2 a row answers only while it awaits a response")
    void respondOnlyOnce()
    {
        final int row = harness.receive(UDP_FLOW, request("OPTIONS", HOST, "z9hG4bKo", 1));
        harness.respond(row, 200);

        assertThat(harness.respond(row, 500)).isEqualTo(ServerTransactions.NOT_RESPONDABLE);
        assertThat(harness.sendsMs).containsExactly(0L);
    }
}
