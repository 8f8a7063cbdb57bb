package org.sipredundancy.core.sip.wire;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ViaHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the phone sends, the responses it gives, the derived ACK and CANCEL and the SDP offer, each read
 * back through JAIN-SIP RI (the oracle) and through our decoder.
 */
class SipEncodersTest
{
    static final String INCOMING_INVITE =
        "INVITE sip:1001@10.0.0.2:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.11:5060;branch=z9hG4bKproxy1;rport\r\n" +
        "v: SIP/2.0/UDP 10.0.0.50:5070;branch=z9hG4bKcaller1;received=10.0.0.50\r\n" +
        "Record-Route: <sip:10.0.0.11;lr>\r\n" +
        "Max-Forwards: 69\r\n" +
        "f: \"Bob\" <sip:4606@pbx.test>;tag=bob-tag\r\n" +
        "t: <sip:1001@pbx.test>\r\n" +
        "i: call-77@10.0.0.50\r\n" +
        "CSeq: 314 INVITE\r\n" +
        "m: <sip:4606@10.0.0.50:5070>\r\n" +
        "l: 0\r\n\r\n";

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer bodyBuffer = new UnsafeBuffer(new byte[1024]);

    static SipRequestEncoder phone()
    {
        return new SipRequestEncoder().transport("UDP").local("10.0.0.2", 5060).registrarHost("pbx.test")
            .user("1001").fromTag("ftag1").callId("cid-9@10.0.0.2").userAgent("sip-redundancy").branch("b1")
            .cseq(7);
    }

    private byte[] bytes(final int length)
    {
        assertThat(length).isPositive();
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    private static String text(final byte[] bytes)
    {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    static SipMessageDecoder decoded(final String text)
    {
        final SipMessageDecoder decoder = new SipMessageDecoder();
        final UnsafeBuffer bytes = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(decoder.wrap(bytes, 0, bytes.capacity())).isEqualTo(SipDecodeStatus.OK);
        return decoder;
    }

    @ParameterizedTest
    @ValueSource(ints = {SipMethod.INVITE, SipMethod.ACK, SipMethod.CANCEL, SipMethod.BYE, SipMethod.OPTIONS,
        SipMethod.SUBSCRIBE, SipMethod.NOTIFY, SipMethod.REGISTER})
    @DisplayName("R-SIP-1 every method the phone sends parses in JAIN-SIP and our decoder alike")
    void everyMethod(final int method) throws Exception
    {
        final SipRequestEncoder encoder = phone().requestUri("sip:4606@pbx.test").to("sip:4606@pbx.test", "");
        final byte[] bytes = bytes(encoder.encode(method, buffer, 0, 4096));
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes);
        final SIPRequest request = (SIPRequest)SipOracle.parse(bytes);
        assertThat(request.getMethod()).isEqualTo(SipMethod.name(method));
        assertThat(decoder.method()).isEqualTo(method);
        assertThat(decoder.cseqMethod()).isEqualTo(method);
        assertThat(request.getCSeq().getSeqNumber()).isEqualTo(7);
        assertThat(request.getTopmostVia().getBranch()).isEqualTo("z9hG4bKb1");
        assertThat(request.getFromTag()).isEqualTo("ftag1");
        final boolean register = method == SipMethod.REGISTER;
        assertThat(request.getRequestURI().toString()).isEqualTo(register ? "sip:pbx.test" : "sip:4606@pbx.test");
        assertThat(request.getTo().getAddress().getURI().toString())
            .isEqualTo(register ? "sip:1001@pbx.test" : "sip:4606@pbx.test");
        final boolean contact = register || method == SipMethod.INVITE || method == SipMethod.SUBSCRIBE;
        assertThat(request.getHeader("Contact") != null).isEqualTo(contact);
        assertThat(request.getExpires() != null).isEqualTo(register || method == SipMethod.SUBSCRIBE);
    }

    @Test
    @DisplayName("R-SIP-7 R-SIP-1 an INVITE carries a valid SDP offer through an outbound proxy Route")
    void inviteWithOffer() throws Exception
    {
        final int sdpLength = new SdpOfferEncoder().encode("10.0.0.2", 11780, 4242, bodyBuffer, 0, 1024);
        final SipRequestEncoder encoder = phone().requestUri("sip:4606@pbx.test").to("sip:4606@pbx.test", "")
            .route("<sip:10.0.0.99;lr>").body(SdpOfferEncoder.CONTENT_TYPE, bodyBuffer, 0, sdpLength);
        final byte[] bytes = bytes(encoder.encode(SipMethod.INVITE, buffer, 0, 4096));
        SipOracle.decodeAndCompare(bytes);
        final SIPRequest request = (SIPRequest)SipOracle.parse(bytes);
        assertThat(request.getHeader("Route").toString().trim()).isEqualTo("Route: <sip:10.0.0.99;lr>");
        final ContentTypeHeader type = (ContentTypeHeader)request.getHeader(ContentTypeHeader.NAME);
        assertThat(type.getContentType() + "/" + type.getContentSubType()).isEqualTo("application/sdp");
        final SessionDescription sdp = SdpFactory.getInstance()
            .createSessionDescription(new String(request.getRawContent(), StandardCharsets.US_ASCII));
        assertThat(sdp.getConnection().getAddress()).isEqualTo("10.0.0.2");
        assertThat(sdp.getOrigin().getSessionId()).isEqualTo(4242);
        final javax.sdp.MediaDescription audio = (javax.sdp.MediaDescription)sdp.getMediaDescriptions(false).get(0);
        assertThat(audio.getMedia().getMediaType()).isEqualTo("audio");
        assertThat(audio.getMedia().getMediaPort()).isEqualTo(11780);
        assertThat(audio.getMedia().getMediaFormats(false).toString()).isEqualTo("[0, 8, 101]");
        encoder.clearOptional();
        assertThat(text(bytes(encoder.encode(SipMethod.INVITE, buffer, 0, 4096)))).doesNotContain("Route")
            .endsWith("Content-Length: 0\r\n\r\n");
    }

    @Test
    @DisplayName("R-SIP-6 in-dialog requests carry the remote tag; a SUBSCRIBE names its event package")
    void dialogRequests() throws Exception
    {
        final SipRequestEncoder encoder = phone().requestUri("sip:4606@10.0.0.50:5070").to("sip:4606@pbx.test",
            "remote-9");
        final SIPRequest bye = (SIPRequest)SipOracle.parse(bytes(encoder.encode(SipMethod.BYE, buffer, 0, 4096)));
        assertThat(bye.getToTag()).isEqualTo("remote-9");
        encoder.clearOptional().to("sip:4607@pbx.test", "").subscription("dialog", "application/dialog-info+xml")
            .expiresS(1800);
        final byte[] bytes = bytes(encoder.encode(SipMethod.SUBSCRIBE, buffer, 0, 4096));
        SipOracle.decodeAndCompare(bytes);
        final SIPRequest subscribe = (SIPRequest)SipOracle.parse(bytes);
        assertThat(subscribe.getHeader("Event").toString().trim()).isEqualTo("Event: dialog");
        assertThat(subscribe.getHeader("Accept").toString().trim()).isEqualTo("Accept: application/dialog-info+xml");
        assertThat(subscribe.getExpires().getExpires()).isEqualTo(1800);
        assertThat(subscribe.getToTag()).isNull();
    }

    @Test
    @DisplayName("R-SIP-6 a response copies every Via in order, fills rport, adds received, To tag and Record-Route")
    void responseToInvite() throws Exception
    {
        final SipMessageDecoder invite = decoded(INCOMING_INVITE);
        final SipResponseEncoder encoder = new SipResponseEncoder().server("sip-redundancy")
            .source("10.0.0.11", 5060).contact("sip:1001@10.0.0.2:5060");
        final byte[] bytes = bytes(encoder.encode(invite, 180, "Ringing", "ltag-1", buffer, 0, 4096));
        final SipMessageDecoder decoder = SipOracle.decodeAndCompare(bytes);
        final SIPResponse response = (SIPResponse)SipOracle.parse(bytes);
        assertThat(response.getStatusCode()).isEqualTo(180);
        final List<String> vias = new ArrayList<>();
        final ListIterator<?> it = response.getHeaders(ViaHeader.NAME);
        while (it.hasNext())
        {
            final ViaHeader via = (ViaHeader)it.next();
            vias.add(via.getHost() + ":" + via.getPort() + " " + via.getBranch() + " " + via.getReceived() + " " +
                via.getRPort());
        }
        assertThat(vias).containsExactly("10.0.0.11:5060 z9hG4bKproxy1 10.0.0.11 5060",
            "10.0.0.50:5070 z9hG4bKcaller1 10.0.0.50 -1");
        assertThat(response.getToTag()).isEqualTo("ltag-1");
        assertThat(response.getFromTag()).isEqualTo("bob-tag");
        assertThat(response.getCallId().getCallId()).isEqualTo("call-77@10.0.0.50");
        assertThat(response.getCSeq().getSeqNumber()).isEqualTo(314);
        assertThat(response.getHeader("Record-Route").toString().trim()).isEqualTo("Record-Route: <sip:10.0.0.11;lr>");
        assertThat(decoder.findHeader(SipHeaderName.CONTACT)).isNotNegative();

        encoder.clearOptional();
        final String trying = text(bytes(encoder.encode(invite, 100, "Trying", "", buffer, 0, 4096)));
        assertThat(trying).contains("\r\nTo: <sip:1001@pbx.test>\r\n").doesNotContain("Record-Route")
            .contains("z9hG4bKproxy1;rport\r\n");
    }

    @Test
    @DisplayName("R-SIP-3 R-SIP-5 a 503 carries Retry-After and a 423 Min-Expires; an existing To tag is kept")
    void failureResponses() throws Exception
    {
        final String register = "REGISTER sip:pbx.test SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKr1\r\n" +
            "From: <sip:1001@pbx.test>;tag=a\r\nTo: <sip:1001@pbx.test>;tag=already\r\nCall-ID: c\r\n" +
            "CSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n";
        final SipResponseEncoder encoder = new SipResponseEncoder().retryAfterS(30);
        SIPResponse response = (SIPResponse)SipOracle.parse(bytes(encoder.encode(decoded(register), 503,
            "Service Unavailable", "mine", buffer, 0, 4096)));
        assertThat(response.getHeader("Retry-After").toString().trim()).isEqualTo("Retry-After: 30");
        assertThat(response.getToTag()).isEqualTo("already");
        encoder.clearOptional().minExpiresS(600);
        final byte[] bytes = bytes(encoder.encode(decoded(register), 423, "Interval Too Brief", "", buffer, 0, 4096));
        assertThat(SipOracle.decodeAndCompare(bytes).minExpiresS()).isEqualTo(600);
        response = (SIPResponse)SipOracle.parse(bytes);
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    @DisplayName("R-SIP-2 the ACK of a non-2xx keeps the INVITE's top Via, Route, From, Call-ID and CSeq number")
    void ackAndCancel() throws Exception
    {
        final SipRequestEncoder phone = phone().requestUri("sip:4606@pbx.test").to("sip:4606@pbx.test", "")
            .route("<sip:10.0.0.99;lr>").cseq(12);
        final String invite = text(bytes(phone.encode(SipMethod.INVITE, buffer, 0, 4096)));
        final String busy = "SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKb1;rport=5060\r\n" +
            "From: <sip:1001@pbx.test>;tag=ftag1\r\nTo: <sip:4606@pbx.test>;tag=callee-3\r\n" +
            "Call-ID: cid-9@10.0.0.2\r\nCSeq: 12 INVITE\r\nContent-Length: 0\r\n\r\n";
        final SipDerivedRequestEncoder derived = new SipDerivedRequestEncoder();
        final byte[] ack = bytes(derived.encodeAck(decoded(invite), decoded(busy), buffer, 0, 4096));
        SipOracle.decodeAndCompare(ack);
        final SIPRequest ackRequest = (SIPRequest)SipOracle.parse(ack);
        assertThat(ackRequest.getMethod()).isEqualTo("ACK");
        assertThat(ackRequest.getRequestURI().toString()).isEqualTo("sip:4606@pbx.test");
        assertThat(ackRequest.getTopmostVia().getBranch()).isEqualTo("z9hG4bKb1");
        assertThat(ackRequest.getToTag()).isEqualTo("callee-3");
        assertThat(ackRequest.getFromTag()).isEqualTo("ftag1");
        assertThat(ackRequest.getCSeq().getSeqNumber()).isEqualTo(12);
        assertThat(ackRequest.getCSeq().getMethod()).isEqualTo("ACK");
        assertThat(ackRequest.getHeader("Route").toString().trim()).isEqualTo("Route: <sip:10.0.0.99;lr>");
        final SIPMessage cancel = SipOracle.parse(bytes(derived.encodeCancel(decoded(invite), buffer, 0, 4096)));
        assertThat(((SIPRequest)cancel).getMethod()).isEqualTo("CANCEL");
        assertThat(cancel.getToTag()).isNull();
        assertThat(cancel.getTopmostVia().getBranch()).isEqualTo("z9hG4bKb1");
        assertThat(cancel.getCSeq().getSeqNumber()).isEqualTo(12);
    }

    @Test
    @DisplayName("R-SIP-6 the callee's BYE: the received INVITE turned round, parsed alike by JAIN-SIP and our decoder")
    void calleeBye() throws Exception
    {
        final SipDerivedRequestEncoder derived = new SipDerivedRequestEncoder().local("10.0.0.2", 5060);
        final byte[] bye = bytes(derived.encodeBye(decoded(INCOMING_INVITE), "b7", "mytag", 1, buffer, 0, 4096));
        SipOracle.decodeAndCompare(bye);
        final SIPRequest request = (SIPRequest)SipOracle.parse(bye);
        assertThat(request.getMethod()).isEqualTo("BYE");
        assertThat(request.getRequestURI().toString()).as("the caller's Contact").isEqualTo("sip:4606@10.0.0.50:5070");
        assertThat(request.getViaHeaders()).hasSize(1);
        assertThat(request.getTopmostVia().getTransport()).isEqualTo("UDP");
        assertThat(request.getTopmostVia().getHost()).isEqualTo("10.0.0.2");
        assertThat(request.getTopmostVia().getBranch()).isEqualTo("z9hG4bKb7");
        assertThat(request.getFromTag()).isEqualTo("mytag");
        assertThat(request.getFrom().getAddress().getURI().toString()).isEqualTo("sip:1001@pbx.test");
        assertThat(request.getToTag()).isEqualTo("bob-tag");
        assertThat(request.getTo().getAddress().getDisplayName()).isEqualTo("Bob");
        assertThat(request.getCallId().getCallId()).isEqualTo("call-77@10.0.0.50");
        assertThat(request.getCSeq().getSeqNumber()).isEqualTo(1);
        assertThat(request.getCSeq().getMethod()).isEqualTo("BYE");
        assertThat(request.getHeader("Route").toString().trim()).isEqualTo("Route: <sip:10.0.0.11;lr>");
        final SipMessageDecoder noContact = decoded(INCOMING_INVITE.replace("m: <sip:4606@10.0.0.50:5070>\r\n", ""));
        final SIPRequest toFrom = (SIPRequest)SipOracle.parse(bytes(derived.encodeBye(noContact, "b8", "mytag", 2,
            buffer, 0, 4096)));
        assertThat(toFrom.getRequestURI().toString()).as("no Contact: the From URI").isEqualTo("sip:4606@pbx.test");
        assertThat(derived.encodeBye(decoded("INVITE sip:a@b SIP/2.0\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"),
            "b9", "t", 1, buffer, 0, 4096)).isEqualTo(SipTextWriter.DOES_NOT_FIT);
    }

    @Test
    @DisplayName("R-BAD-4 every encoder reports DOES_NOT_FIT for any capacity short of the message, writing within it")
    void neverWritesPastCapacity()
    {
        final SipMessageDecoder invite = decoded(INCOMING_INVITE);
        final SipResponseEncoder response = new SipResponseEncoder().source("10.0.0.11", 5060);
        final SipRequestEncoder request = phone().requestUri("sip:4606@pbx.test");
        final SdpOfferEncoder sdp = new SdpOfferEncoder();
        final int full = response.encode(invite, 200, "OK", "t", buffer, 0, 4096);
        final int fullRequest = request.encode(SipMethod.INVITE, buffer, 0, 4096);
        final int fullSdp = sdp.encode("10.0.0.2", 5004, 1, buffer, 0, 4096);
        for (int capacity = 0; capacity < Math.max(full, Math.max(fullRequest, fullSdp)); capacity++)
        {
            buffer.setMemory(0, 4096, (byte)'#');
            final int r = capacity < full ? response.encode(invite, 200, "OK", "t", buffer, 0, capacity) : -1;
            final int q = capacity < fullRequest ? request.encode(SipMethod.INVITE, buffer, 0, capacity) : -1;
            final int s = capacity < fullSdp ? sdp.encode("10.0.0.2", 5004, 1, buffer, 0, capacity) : -1;
            assertThat(new int[]{r, q, s}).containsOnly(SipTextWriter.DOES_NOT_FIT);
            assertThat(buffer.getByte(capacity)).as("byte at the capacity %d", capacity).isEqualTo((byte)'#');
        }
    }

    @Test
    @DisplayName("R-BAD-2 nothing is written for an unknown method, an ACK of a 2xx, or an INVITE without its headers")
    void refusesWhatCannotBeBuilt()
    {
        assertThat(phone().encode(SipMethod.UNKNOWN, buffer, 0, 4096)).isEqualTo(SipTextWriter.DOES_NOT_FIT);
        assertThat(phone().encode(99, buffer, 0, 4096)).isEqualTo(SipTextWriter.DOES_NOT_FIT);
        final SipMessageDecoder invite = decoded(INCOMING_INVITE);
        final SipMessageDecoder ok = decoded("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bKa\r\n" +
            "To: <sip:a@b>;tag=x\r\nCSeq: 314 INVITE\r\nContent-Length: 0\r\n\r\n");
        final SipDerivedRequestEncoder derived = new SipDerivedRequestEncoder();
        assertThat(derived.encodeAck(invite, ok, buffer, 0, 4096)).isEqualTo(SipTextWriter.DOES_NOT_FIT);
        final SipMessageDecoder bare = decoded("INVITE sip:a@b SIP/2.0\r\nCSeq: 1 INVITE\r\n" +
            "Content-Length: 0\r\n\r\n");
        assertThat(derived.encodeCancel(bare, buffer, 0, 4096)).isEqualTo(SipTextWriter.DOES_NOT_FIT);
    }

    @Test
    @DisplayName("R-SIP-1 a phone on TCP or TLS names its transport in the Contact; on UDP it adds nothing")
    void contactTransport() throws Exception
    {
        for (final String transport : new String[]{"UDP", "TCP", "TLS"})
        {
            final byte[] bytes = bytes(phone().transport(transport).encode(SipMethod.REGISTER, buffer, 0, 4096));
            final SIPRequest request = (SIPRequest)SipOracle.parse(bytes);
            assertThat(request.getHeader("Contact").toString().trim()).isEqualTo("Contact: <sip:1001@10.0.0.2:5060" +
                ("UDP".equals(transport) ? "" : ";transport=" + transport.toLowerCase(java.util.Locale.ROOT)) +
                ">;expires=0");
            assertThat(request.getTopmostVia().getTransport()).isEqualTo(transport);
        }
    }
}
