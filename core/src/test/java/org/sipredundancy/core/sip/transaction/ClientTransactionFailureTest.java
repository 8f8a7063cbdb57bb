package org.sipredundancy.core.sip.transaction;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.TransportError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request fails reaches its transaction user with its cause (SPEC R-SIP-3), and the table's fixed
 * capacity refuses and counts what does not fit (R-BAD-4).
 */
class ClientTransactionFailureTest
{
    private final TransactionHarness harness = new TransactionHarness();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ICMP_UNREACHABLE, 1, ICMP_UNREACHABLE",
        "CONNECTION_REFUSED, 2, CONNECTION_REFUSED",
        "CONNECTION_RESET, 3, CONNECTION_RESET",
        "TLS_FAILURE, 4, TLS_FAILURE",
        "CONNECT_TIMEOUT, 5, CONNECT_TIMEOUT",
        "PEER_CLOSED, 6, CONNECTION_RESET",
        "IO_ERROR, 7, CONNECTION_RESET",
    })
    @DisplayName("R-SIP-3 a transport error of the flow fails its pending requests with the cause")
    void transportErrorsReachTheUser(final String name, final int transportError, final String cause)
    {
        assertThat(TransportError.name(transportError)).isEqualTo(name);
        final int flow = transportError == TransportError.ICMP_UNREACHABLE ?
            TransactionHarness.UDP_FLOW : TransactionHarness.TCP_FLOW;
        harness.startRequest("REGISTER", SipMethod.REGISTER, flow, 3);
        harness.startRequest("INVITE", SipMethod.INVITE, flow, 3);
        final int other = harness.startRequest("OPTIONS", SipMethod.OPTIONS, 9, 3);
        harness.atMs(200);

        harness.transactions.onFlowFailure(flow, transportError, harness.nowNs);

        assertThat(harness.reports).containsExactly("200 failure " + cause, "200 failure " + cause);
        assertThat(harness.transactions.isPending(other)).isTrue();
        assertThat(harness.transactions.counters().transportFailures()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-3 a 503 is a failure that carries its Retry-After")
    void serviceUnavailableCarriesRetryAfter()
    {
        final int t = harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3);
        harness.atMs(40);
        harness.respond(t, "REGISTER", 503, "Retry-After: 120\r\n");

        assertThat(harness.reports).containsExactly("40 failure SERVICE_UNAVAILABLE 120");
        assertThat(harness.transactions.counters().serviceUnavailable()).isOne();
    }

    @Test
    @DisplayName("R-SIP-3 a 503 without Retry-After is a failure with none")
    void serviceUnavailableWithoutRetryAfter()
    {
        final int t = harness.startRequest("INVITE", SipMethod.INVITE, TransactionHarness.UDP_FLOW, 3);
        harness.respond(t, "INVITE", 503, "");

        assertThat(harness.reports).containsExactly("0 failure SERVICE_UNAVAILABLE");
    }

    @Test
    @DisplayName("R-SIP-3 a first send the network refuses frees the row and reports nothing")
    void refusedFirstSend()
    {
        harness.sendStatus = NetworkStatus.NOT_CONNECTED;

        assertThat(harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3))
            .isEqualTo(NetworkStatus.NOT_CONNECTED);
        harness.runUntilMs(60_000);
        assertThat(harness.reports).isEmpty();
        assertThat(harness.transactions.inUseCount()).isZero();
        assertThat(harness.transactions.counters().sendRefused()).isOne();
    }

    @Test
    @DisplayName("R-BAD-4 past the table's capacity new requests are refused and counted; reserved rows serve REGISTER")
    void fullTableRefusesAndReservesForRegistration()
    {
        final TransactionHarness small = new TransactionHarness(4, 1);
        for (int i = 0; i < 3; i++)
        {
            assertThat(small.startRequest("OPTIONS", SipMethod.OPTIONS, TransactionHarness.UDP_FLOW, 3))
                .isGreaterThanOrEqualTo(0);
        }
        assertThat(small.startRequest("INVITE", SipMethod.INVITE, TransactionHarness.UDP_FLOW, 3))
            .isEqualTo(ClientTransactions.FULL);
        assertThat(small.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3))
            .isGreaterThanOrEqualTo(0);
        assertThat(small.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3))
            .isEqualTo(ClientTransactions.FULL);
        assertThat(small.transactions.counters().refusedFull()).isEqualTo(2);

        small.runUntilMs(10_000);
        assertThat(small.transactions.inUseCount()).isZero();
        assertThat(small.startRequest("INVITE", SipMethod.INVITE, TransactionHarness.UDP_FLOW, 3))
            .isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("R-BAD-2 responses with an unknown branch, a foreign branch or the wrong CSeq method are stray")
    void strayResponsesAreCountedAndDropped()
    {
        final int t = harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3);
        final String branch = "z9hG4bK" + harness.transactions.branch(t);

        assertThat(harness.respondWithBranch("z9hG4bKffffffffffff0000", "REGISTER", 200, "")).isFalse();
        assertThat(harness.respondWithBranch("z9hG4bKffffffffffffzzzz", "REGISTER", 200, "")).isFalse();
        assertThat(harness.respondWithBranch("abc", "REGISTER", 200, "")).isFalse();
        assertThat(harness.respondWithBranch(branch, "INVITE", 200, "")).isFalse();
        assertThat(harness.respondWithBranch(branch.substring(0, 22) + "f", "REGISTER", 200, "")).isFalse();
        assertThat(harness.transactions.counters().strayResponses()).isEqualTo(5);
        assertThat(harness.reports).isEmpty();
        assertThat(harness.respondWithBranch(branch, "REGISTER", 200, "")).isTrue();
        assertThat(harness.reports).containsExactly("0 final 200");
    }

    @Test
    @DisplayName("R-SIP-2 an abandoned transaction reports nothing and frees its row")
    void abandonReportsNothing()
    {
        final int t = harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3);
        harness.transactions.abandon(t);
        harness.runUntilMs(60_000);

        assertThat(harness.reports).isEmpty();
        assertThat(harness.sendsMs).containsExactly(0L);
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @Test
    @DisplayName("R-SIP-2 branches are unique per transaction and carry the RFC 3261 magic cookie when sent")
    void branchesAreUnique()
    {
        final int a = harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3);
        final String first = harness.transactions.branch(a).toString();
        final int b = harness.startRequest("REGISTER", SipMethod.REGISTER, TransactionHarness.UDP_FLOW, 3);

        assertThat(harness.transactions.branch(b).toString()).isNotEqualTo(first).hasSize(16);
        assertThat(harness.sent.get(0)).contains(";branch=z9hG4bK" + first);
    }
}
