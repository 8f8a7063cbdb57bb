package org.sipredundancy.core.sim;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SimTransactionsTest
{
    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final SimTransactions transactions = new SimTransactions(2);

    private void keyOf(final String method, final String branch, final String callId, final long cseq)
    {
        final String via = branch == null ? "" : ";branch=" + branch;
        final byte[] bytes = (method + " sip:pbx.test SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060" + via + "\r\n" +
            "From: <sip:1001@pbx.test>;tag=a\r\nTo: <sip:1001@pbx.test>\r\nCall-ID: " + callId + "\r\n" +
            "CSeq: " + cseq + " " + method + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length, false)).isEqualTo(SipDecodeStatus.OK);
        transactions.keyOf(decoder, view);
    }

    private SimSipTransaction remember()
    {
        final SimSipTransaction tx = new SimSipTransaction(new byte[0], 1, 5060, -1, "tag");
        transactions.remember(tx);
        return tx;
    }

    @Test
    @DisplayName("R-SIP-2 a server transaction is found by branch and method; another method or branch is another")
    void byBranchAndMethod()
    {
        keyOf("REGISTER", "z9hG4bK-1", "c1", 1);
        final SimSipTransaction register = remember();

        keyOf("REGISTER", "z9hG4bK-1", "other", 9);
        assertThat(transactions.find()).isSameAs(register);
        keyOf("OPTIONS", "z9hG4bK-1", "c1", 1);
        assertThat(transactions.find()).isNull();
        keyOf("REGISTER", "z9hG4bK-2", "c1", 1);
        assertThat(transactions.find()).isNull();
        transactions.inviteKey("z9hG4bK-1");
        assertThat(transactions.find()).isNull();
    }

    @Test
    @DisplayName("R-SIP-2 without a branch a request is matched by Call-ID, CSeq number and method")
    void withoutBranch()
    {
        keyOf("INVITE", null, "c1", 7);
        final SimSipTransaction invite = remember();

        keyOf("INVITE", null, "c1", 7);
        assertThat(transactions.find()).isSameAs(invite);
        keyOf("INVITE", null, "c1", 8);
        assertThat(transactions.find()).isNull();
    }

    @Test
    @DisplayName("R-SIP-2 full, the oldest transaction is forgotten first; a forgotten one is not found")
    void oldestForgottenFirst()
    {
        keyOf("REGISTER", "b1", "c", 1);
        remember();
        keyOf("REGISTER", "b2", "c", 2);
        final SimSipTransaction second = remember();
        keyOf("INVITE", "b3", "c", 3);
        final SimSipTransaction third = remember();

        keyOf("REGISTER", "b1", "c", 1);
        assertThat(transactions.find()).isNull();
        keyOf("REGISTER", "b2", "c", 2);
        assertThat(transactions.find()).isSameAs(second);
        transactions.inviteKey("b3");
        assertThat(transactions.find()).isSameAs(third);

        transactions.forget(second);
        keyOf("REGISTER", "b2", "c", 2);
        assertThat(transactions.find()).isNull();
        keyOf("REGISTER", "b4", "c", 4);
        final SimSipTransaction fourth = remember();
        transactions.inviteKey("b3");
        assertThat(transactions.find()).isSameAs(third);
        keyOf("REGISTER", "b4", "c", 4);
        assertThat(transactions.find()).isSameAs(fourth);
    }
}
