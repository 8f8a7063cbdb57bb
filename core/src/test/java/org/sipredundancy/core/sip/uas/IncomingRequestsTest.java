package org.sipredundancy.core.sip.uas;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sipredundancy.core.sip.wire.SipHeaderName;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.KeyCode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.uas.UasHarness.request;

/**
 * What the phone answers to each kind of incoming request, and when (SPEC R-SIP-6, R-SIP-2, R-BAD-2, R-BAD-4).
 */
class IncomingRequestsTest
{
    private static final String INVITE_BRANCH = "z9hG4bKinv1";

    private final UasHarness harness = new UasHarness();
    private final AsciiSequenceView view = new AsciiSequenceView();

    @Test
    @DisplayName("R-SIP-6 OPTIONS is answered 200 with the Vias, From, Call-ID and CSeq echoed and Allow/Accept")
    void optionsAnswered200()
    {
        final int status = harness.receive(request("OPTIONS", "z9hG4bKopt1", "opt-1", 5, "", ""));

        assertThat(status).isEqualTo(200);
        assertThat(harness.sent).hasSize(1);
        final String response = harness.sent.get(0);
        assertThat(response).startsWith("SIP/2.0 200 OK\r\n" +
            "Via: SIP/2.0/UDP 10.0.0.9:5062;branch=z9hG4bKopt1;rport=5062;received=10.0.0.9\r\n" +
            "Via: SIP/2.0/UDP 10.0.0.50:5060;branch=z9hG4bKfar\r\n" +
            "From: <sip:2002@pbx.test>;tag=from1\r\n");
        assertThat(response).contains("\r\nCall-ID: opt-1\r\nCSeq: 5 OPTIONS\r\n",
            "\r\nContact: <sip:1001@10.0.0.2:5060>\r\n",
            "\r\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY\r\n", "\r\nAccept: application/sdp\r\n");
        final SipMessageDecoder decoded = harness.decodeSent(0);
        assertThat(decoded.toTag(view)).isTrue();
        assertThat(view.toString()).matches("[0-9a-f]{8}");
        assertThat(harness.events).isEmpty();
    }

    @Test
    @DisplayName("R-SIP-6 NOTIFY is answered 200 and delivered to the NotifyListener once")
    void notifyAnsweredAndDelivered()
    {
        final String notify = request("NOTIFY", "z9hG4bKn1", "sub-1", 3, "sub1tag", "Event: message-summary\r\n");

        assertThat(harness.receive(notify)).isEqualTo(200);
        assertThat(harness.statusLines()).containsExactly("SIP/2.0 200 OK");
        assertThat(harness.sent.get(0)).contains("To: <sip:1001@pbx.test>;tag=sub1tag\r\n");
        assertThat(harness.events).containsExactly("notify cseq 3 event message-summary");
    }

    @Test
    @DisplayName("R-SIP-6 R-SIP-2 INVITE rings (100, 180), a LINE_KEY answers 200 with SDP, resent until the ACK")
    void inviteRingsAndIsAnsweredByLineKey()
    {
        assertThat(harness.receive(invite())).isEqualTo(180);
        assertThat(harness.statusLines()).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 180 Ringing");
        assertThat(harness.decodeSent(0).toTag(view)).isFalse();
        final SipMessageDecoder ringing = harness.decodeSent(1);
        assertThat(ringing.toTag(view)).isTrue();
        final String tag = view.toString();
        assertThat(tag).matches("[0-9a-f]{8}");
        assertThat(harness.events).containsExactly("incoming 1 cseq 1");
        assertThat(harness.uas.isRinging()).isTrue();

        harness.runUntilMs(2000);
        harness.uas.onInput(InboundEvent.KEY, KeyCode.LINE_KEY, 1, harness.nowNs);

        assertThat(harness.uas.isInCall()).isTrue();
        assertThat(harness.statusLines()).endsWith("SIP/2.0 200 OK");
        final SipMessageDecoder ok = harness.decodeSent(2);
        assertThat(ok.toTag(view)).isTrue();
        assertThat(view.toString()).isEqualTo(tag);
        ok.headerValue(ok.findHeader(SipHeaderName.CONTACT), view);
        assertThat(view.toString()).isEqualTo("<sip:1001@10.0.0.2:5060>");
        ok.headerValue(ok.findHeader(SipHeaderName.CONTENT_TYPE), view);
        assertThat(view.toString()).isEqualTo("application/sdp");
        final String sdp = harness.sent.get(2).substring(ok.bodyOffset(), ok.bodyOffset() + ok.bodyLength());
        assertThat(sdp).startsWith("v=0\r\no=- ").contains("\r\nc=IN IP4 10.0.0.2\r\n",
            "\r\nm=audio 40000 RTP/AVP 0 8 101\r\n").endsWith("a=sendrecv\r\n");

        harness.runUntilMs(10_000);
        assertThat(harness.sendsMs).containsExactly(0L, 0L, 2000L, 2500L, 3500L, 5500L, 9500L);
        assertThat(harness.sent.get(6)).isEqualTo(harness.sent.get(2));

        harness.receive(request("ACK", "z9hG4bKack2xx", "call-1", 1, tag, ""));
        harness.runUntilMs(60_000);
        assertThat(harness.sent).hasSize(7);
        assertThat(harness.transactions.acksAbsorbed()).isEqualTo(1);
        assertThat(harness.transactions.inUseCount()).isZero();
        assertThat(harness.uas.isInCall()).isTrue();
    }

    @Test
    @DisplayName("R-SIP-6 a second INVITE while one rings is answered 486 Busy Here; the first still rings")
    void secondInviteIsBusy()
    {
        harness.receive(invite());
        final int status = harness.receive(request("INVITE", "z9hG4bKinv2", "call-2", 1, "", ""));

        assertThat(status).isEqualTo(486);
        assertThat(harness.statusLines())
            .containsExactly("SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 486 Busy Here");
        assertThat(harness.lastSent()).contains("Call-ID: call-2\r\n");
        assertThat(harness.events).containsExactly("incoming 1 cseq 1");
        assertThat(harness.uas.isRinging()).isTrue();
        assertThat(harness.uas.busy()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-6 BYE of the answered call is answered 200 and ends it")
    void byeEndsCall()
    {
        final String tag = ringAndAnswer();
        harness.receive(request("ACK", "z9hG4bKack", "call-1", 1, tag, ""));

        final int status = harness.receive(request("BYE", "z9hG4bKbye", "call-1", 2, tag, ""));

        assertThat(status).isEqualTo(200);
        assertThat(harness.lastSent()).startsWith("SIP/2.0 200 OK\r\n").contains("CSeq: 2 BYE\r\n",
            "To: <sip:1001@pbx.test>;tag=" + tag + "\r\n");
        assertThat(harness.events).containsExactly("incoming 1 cseq 1", "ended 1 reason " + CallListener.REMOTE_BYE);
        assertThat(harness.uas.isInCall()).isFalse();
    }

    @Test
    @DisplayName("R-SIP-6 BYE of no call is answered 481")
    void byeOfNoCall()
    {
        assertThat(harness.receive(request("BYE", "z9hG4bKbye", "nothing", 2, "abc", ""))).isEqualTo(481);
        assertThat(harness.uas.noSuchCall()).isEqualTo(1);
        assertThat(harness.events).isEmpty();
    }

    @Test
    @DisplayName("R-SIP-6 R-SIP-2 CANCEL of a ringing INVITE: 200 to it, 487 to the INVITE, call ended; ACK stops G")
    void cancelOfRingingInvite()
    {
        harness.receive(invite());
        harness.runUntilMs(1000);

        final int status = harness.receive(request("CANCEL", INVITE_BRANCH, "call-1", 1, "", ""));

        assertThat(status).isEqualTo(200);
        assertThat(harness.statusLines()).containsExactly(
            "SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "SIP/2.0 487 Request Terminated");
        assertThat(harness.sent.get(2)).contains("CSeq: 1 CANCEL\r\n");
        assertThat(harness.sent.get(3)).contains("CSeq: 1 INVITE\r\n");
        assertThat(harness.events).containsExactly("incoming 1 cseq 1", "ended 1 reason " + CallListener.CANCELLED);

        harness.runUntilMs(2000);
        assertThat(harness.sendsMs).containsExactly(0L, 0L, 1000L, 1000L, 1500L);
        harness.receive(request("ACK", INVITE_BRANCH, "call-1", 1, "x", ""));
        harness.runUntilMs(60_000);
        assertThat(harness.sendsMs).containsExactly(0L, 0L, 1000L, 1000L, 1500L);
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUBLISH", "FOO", "MESSAGE"})
    @DisplayName("R-SIP-6 a method the phone does not implement is answered 501")
    void unknownMethod501(final String method)
    {
        assertThat(harness.receive(request(method, "z9hG4bKu", "u-1", 1, "", ""))).isEqualTo(501);
        assertThat(harness.statusLines()).containsExactly("SIP/2.0 501 Not Implemented");
        assertThat(harness.lastSent()).contains("CSeq: 1 " + method + "\r\n");
    }

    @Test
    @DisplayName("R-BAD-2 a request without Call-ID is answered 400 and reaches no listener")
    void missingCallIdIs400()
    {
        final String notify = request("NOTIFY", "z9hG4bKn", "", 1, "", "Event: x\r\n");

        assertThat(harness.receive(notify)).isEqualTo(400);
        assertThat(harness.statusLines()).containsExactly("SIP/2.0 400 Bad Request");
        assertThat(harness.events).isEmpty();
        assertThat(harness.uas.badRequests()).isEqualTo(1);
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @Test
    @DisplayName("R-BAD-2 a request whose CSeq method differs from the request line is answered 400")
    void cseqMethodMismatchIs400()
    {
        final String text = request("OPTIONS", "z9hG4bKo", "o-1", 1, "", "").replace("1 OPTIONS", "1 INVITE");

        assertThat(harness.receive(text)).isEqualTo(400);
        assertThat(harness.statusLines()).containsExactly("SIP/2.0 400 Bad Request");
        assertThat(harness.uas.badRequests()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-6 a request from outside the server set is dropped: nothing sent, counted, no listener")
    void spoofedSourceDropped()
    {
        final int status = harness.receiveFrom(UasHarness.STRANGER, UasHarness.UDP_FLOW, invite());

        assertThat(status).isEqualTo(IncomingRequests.DROPPED_SOURCE);
        assertThat(harness.sent).isEmpty();
        assertThat(harness.events).isEmpty();
        assertThat(harness.uas.droppedSource()).isEqualTo(1);
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    @Test
    @DisplayName("R-SIP-2 R-SIP-6 a retransmitted NOTIFY gets the stored 200 again and is delivered only once")
    void retransmittedRequestAbsorbed()
    {
        final String notify = request("NOTIFY", "z9hG4bKn1", "sub-1", 3, "t", "Event: dialog\r\n");
        harness.receive(notify);
        harness.runUntilMs(500);

        assertThat(harness.receive(notify)).isEqualTo(IncomingRequests.ABSORBED);

        assertThat(harness.sent).hasSize(2);
        assertThat(harness.sent.get(1)).isEqualTo(harness.sent.get(0));
        assertThat(harness.sendsMs).containsExactly(0L, 500L);
        assertThat(harness.events).containsExactly("notify cseq 3 event dialog");
        assertThat(harness.transactions.retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-2 a retransmitted INVITE gets the 180 again and does not ring twice")
    void retransmittedInviteAbsorbed()
    {
        harness.receive(invite());
        harness.runUntilMs(500);

        assertThat(harness.receive(invite())).isEqualTo(IncomingRequests.ABSORBED);
        assertThat(harness.statusLines())
            .containsExactly("SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 180 Ringing");
        assertThat(harness.events).containsExactly("incoming 1 cseq 1");
    }

    @Test
    @DisplayName("R-SIP-6 HOOK_ON while ringing rejects 603; HOOK_ON on an answered call sends its BYE and ends it")
    void hookOn()
    {
        harness.receive(invite());
        harness.uas.onInput(InboundEvent.KEY, KeyCode.HOOK_ON, 0, harness.nowNs);
        assertThat(harness.statusLines()).endsWith("SIP/2.0 603 Decline");
        assertThat(harness.events).containsExactly("incoming 1 cseq 1", "ended 1 reason " + CallListener.REJECTED);

        harness.receive(request("INVITE", "z9hG4bKinv9", "call-9", 1, "", ""));
        harness.uas.onInput(InboundEvent.KEY, KeyCode.HOOK_OFF, 0, harness.nowNs);
        assertThat(harness.statusLines()).endsWith("SIP/2.0 200 OK");
        harness.uas.onInput(InboundEvent.KEY, KeyCode.HOOK_ON, 0, harness.nowNs);

        assertThat(harness.events).containsExactly("incoming 1 cseq 1", "ended 1 reason " + CallListener.REJECTED,
            "incoming 2 cseq 1", "ended 2 reason " + CallListener.HUNG_UP);
        assertThat(harness.lastSent()).startsWith("BYE sip:2002@pbx.test SIP/2.0\r\n")
            .as("without a Contact the caller's From URI is the target").contains("Call-ID: call-9\r\n");
        assertThat(harness.uas.byesSent()).isEqualTo(1);
        assertThat(harness.uas.isInCall()).isFalse();
    }

    @Test
    @DisplayName("R-SIP-6 the callee's BYE: caller's Contact as target, Record-Route as Route, From/To turned round")
    void calleeByeIsTheInviteTurnedRound()
    {
        harness.receive(request("INVITE", "z9hG4bKinv7", "call-7", 5, "",
            "Record-Route: <sip:10.0.0.9;lr>\r\nRecord-Route: <sip:10.0.0.50;lr;ftag=x>\r\n" +
            "Contact: \"Bob\" <sip:2002@10.0.0.50:5070;transport=udp>;expires=60\r\n"));
        harness.uas.answer(harness.uas.callNumber(), harness.nowNs);
        final String tag = harness.decodeSent(harness.sent.size() - 1).toTag(view) ? view.toString() : "";
        assertThat(harness.uas.hangUp(harness.uas.callNumber() + 1, harness.nowNs)).as("another call's number")
            .isFalse();

        assertThat(harness.uas.hangUp(harness.uas.callNumber(), harness.nowNs)).isTrue();

        final SipMessageDecoder bye = harness.decodeSent(harness.sent.size() - 1);
        bye.requestUri(view);
        assertThat(view.toString()).isEqualTo("sip:2002@10.0.0.50:5070;transport=udp");
        assertThat(harness.lastSent()).contains("\r\nRoute: <sip:10.0.0.9;lr>\r\nRoute: <sip:10.0.0.50;lr;ftag=x>\r\n")
            .contains("\r\nFrom: <sip:1001@pbx.test>;tag=" + tag + "\r\n")
            .contains("\r\nTo: <sip:2002@pbx.test>;tag=from1\r\n")
            .contains("\r\nCall-ID: call-7\r\n").contains("\r\nCSeq: 1 BYE\r\n")
            .containsPattern("\r\nVia: SIP/2.0/UDP 10\\.0\\.0\\.2:5060;branch=z9hG4bK[^;]+;rport\r\n");
        assertThat(tag).hasSize(8);
        assertThat(harness.events).endsWith("ended 1 reason " + CallListener.HUNG_UP);

        bye.topViaBranch(view);
        final String ok = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=" + view + "\r\n" +
            "From: <sip:1001@pbx.test>;tag=" + tag + "\r\nTo: <sip:2002@pbx.test>;tag=from1\r\n" +
            "Call-ID: call-7\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
        final SipMessageDecoder response = new SipMessageDecoder();
        response.wrap(new UnsafeBuffer(ok.getBytes(StandardCharsets.US_ASCII)), 0, ok.length());
        assertThat(harness.clientTransactions.onResponse(response, harness.nowNs)).isTrue();
        assertThat(harness.uas.byesAnswered()).isEqualTo(1);
        assertThat(harness.uas.byesFailed()).isZero();
    }

    @Test
    @DisplayName("R-SIP-6 a callee's BYE nobody answers fails after Timer F and is counted; the call stayed ended")
    void unansweredCalleeByeIsCounted()
    {
        ringAndAnswer();
        harness.uas.onInput(InboundEvent.KEY, KeyCode.HOOK_ON, 0, harness.nowNs);
        final int byes = (int)harness.sent.stream().filter(m -> m.startsWith("BYE ")).count();
        harness.runUntilMs(40_000);

        assertThat(harness.sent.stream().filter(m -> m.startsWith("BYE ")).count()).as("retransmitted over UDP")
            .isGreaterThan(byes);
        assertThat(harness.uas.byesFailed()).isEqualTo(1);
        assertThat(harness.uas.isInCall()).isFalse();
    }

    @Test
    @DisplayName("R-BAD-4 with the server transaction table full a new request is answered 503 and counted")
    void tableFull()
    {
        final UasHarness small = new UasHarness(2);
        small.receive(request("OPTIONS", "z9hG4bK1", "o-1", 1, "", ""));
        small.receive(request("OPTIONS", "z9hG4bK2", "o-2", 1, "", ""));

        final int status = small.receive(request("OPTIONS", "z9hG4bK3", "o-3", 1, "", ""));

        assertThat(status).isEqualTo(503);
        assertThat(small.statusLines()).containsExactly("SIP/2.0 200 OK", "SIP/2.0 200 OK",
            "SIP/2.0 503 Service Unavailable");
        assertThat(small.lastSent()).contains("Retry-After: 5\r\n", "Call-ID: o-3\r\n");
        assertThat(small.uas.refusedFull()).isEqualTo(1);
        assertThat(small.transactions.refusedFull()).isEqualTo(1);

        small.runUntilMs(32_000);
        assertThat(small.receive(request("OPTIONS", "z9hG4bK4", "o-4", 1, "", ""))).isEqualTo(200);
    }

    @Test
    @DisplayName("R-SIP-6 BYE in the early dialog of the ringing call: 200, then 487 to the INVITE, call ended")
    void byeWhileRinging()
    {
        harness.receive(invite());
        harness.decodeSent(1).toTag(view);
        final String tag = view.toString();

        assertThat(harness.receive(request("BYE", "z9hG4bKbye", "call-1", 2, tag, ""))).isEqualTo(200);

        assertThat(harness.statusLines()).containsExactly(
            "SIP/2.0 100 Trying", "SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "SIP/2.0 487 Request Terminated");
        assertThat(harness.events).containsExactly("incoming 1 cseq 1", "ended 1 reason " + CallListener.REMOTE_BYE);
        assertThat(harness.uas.isRinging()).isFalse();
    }

    @Test
    @DisplayName("R-SIP-6 SUBSCRIBE and REGISTER are answered 405 with Allow")
    void knownButNotAllowed()
    {
        assertThat(harness.receive(request("SUBSCRIBE", "z9hG4bKs", "s-1", 1, "", "Event: dialog\r\n")))
            .isEqualTo(405);
        assertThat(harness.receive(request("REGISTER", "z9hG4bKr", "r-1", 1, "", ""))).isEqualTo(405);

        assertThat(harness.statusLines())
            .containsExactly("SIP/2.0 405 Method Not Allowed", "SIP/2.0 405 Method Not Allowed");
        assertThat(harness.lastSent()).contains("\r\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY\r\n");
        assertThat(harness.uas.notImplemented()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-BAD-2 a request without Via and a stray ACK are dropped: nothing sent")
    void noViaAndStrayAckDropped()
    {
        final String noVia = request("OPTIONS", "z9hG4bKx", "x-1", 1, "", "").replaceAll("Via: [^\r]*\r\n", "");

        assertThat(harness.receive(noVia)).isEqualTo(IncomingRequests.DROPPED_MALFORMED);
        assertThat(harness.receive(request("ACK", "z9hG4bKstray", "x-2", 1, "t", "")))
            .isEqualTo(IncomingRequests.ABSORBED);

        assertThat(harness.sent).isEmpty();
        assertThat(harness.uas.droppedMalformed()).isEqualTo(1);
        assertThat(harness.transactions.strayAcks()).isEqualTo(1);
        assertThat(harness.transactions.inUseCount()).isZero();
    }

    private static String invite()
    {
        return request("INVITE", INVITE_BRANCH, "call-1", 1, "", "");
    }

    private String ringAndAnswer()
    {
        harness.receive(invite());
        harness.decodeSent(1).toTag(view);
        final String tag = view.toString();
        assertThat(harness.uas.answer(harness.uas.callNumber(), harness.nowNs)).isTrue();
        return tag;
    }
}
