package org.sipredundancy.core.sip.registration;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.hal.NetworkStatus;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.registration.RegistrationHarness.PASSWORD;
import static org.sipredundancy.core.sip.registration.RegistrationHarness.authParams;
import static org.sipredundancy.core.sip.registration.RegistrationHarness.challenge;
import static org.sipredundancy.core.sip.registration.RegistrationHarness.expectedResponse;
import static org.sipredundancy.core.sip.registration.RegistrationHarness.header;

class RegistrationTest
{
    @Test
    @DisplayName("R-SIP-5 the REGISTER names the server host, the address of record, the local Contact and expiry")
    void firstRegister()
    {
        final RegistrationHarness h = new RegistrationHarness(3600);
        assertThat(h.register()).isEqualTo(NetworkStatus.OK);
        final String request = h.last();
        assertThat(request).startsWith("REGISTER sip:pbx.test SIP/2.0\r\n");
        assertThat(header(request, "From")).isEqualTo("<sip:1001@pbx.test>;tag=" + h.registration.fromTag());
        assertThat(header(request, "To")).isEqualTo("<sip:1001@pbx.test>");
        assertThat(header(request, "Contact")).isEqualTo("<sip:1001@10.0.0.2:5060>;expires=3600");
        assertThat(header(request, "Expires")).isEqualTo("3600");
        assertThat(header(request, "CSeq")).isEqualTo("1 REGISTER");
        assertThat(header(request, "Call-ID")).isEqualTo(h.registration.callId());
        assertThat(header(request, "Authorization")).isNull();
        assertThat(h.registration.state()).isEqualTo(Registration.REGISTERING);
        assertThat(h.register()).isEqualTo(Registration.IN_FLIGHT);
        assertThat(h.sent).hasSize(1);
    }

    @Test
    @DisplayName("R-SIP-5 the granted expiry comes from the 200 OK; refresh at 90 % with the same Call-ID and tag")
    void refreshAtNinetyPercent()
    {
        final RegistrationHarness h = new RegistrationHarness(3600);
        h.register();
        h.runUntilMs(40);
        h.ok(120);
        assertThat(h.registration.state()).isEqualTo(Registration.REGISTERED);
        assertThat(h.registration.grantedExpiresS()).isEqualTo(120);
        assertThat(h.registration.isBound(h.nowNs)).isTrue();
        h.runUntilMs(107_999);
        assertThat(h.sent).hasSize(1);
        h.runUntilMs(108_000);
        assertThat(h.events).containsExactly("40 registered 120", "108000 refresh-due");
        assertThat(h.sentMs).containsExactly(0L, 108_000L);
        final String refresh = h.last();
        assertThat(header(refresh, "CSeq")).isEqualTo("2 REGISTER");
        assertThat(header(refresh, "Call-ID")).isEqualTo(h.registration.callId());
        assertThat(header(refresh, "From")).endsWith(";tag=" + h.registration.fromTag());
        assertThat(header(refresh, "Via")).isNotEqualTo(header(h.sent.get(0), "Via"));
    }

    @Test
    @DisplayName("R-SIP-5 with no Contact expires the Expires header is the grant, and failing that the request's")
    void grantFallbacks()
    {
        final RegistrationHarness h = new RegistrationHarness(600);
        h.register();
        h.answer(200, "Expires: 300\r\n");
        assertThat(h.registration.grantedExpiresS()).isEqualTo(300);
        assertThat(h.registration.refreshDeadlineNs()).isEqualTo(270_000_000_000L);
        h.registration.stop();
        h.register();
        h.answer(200, "");
        assertThat(h.registration.grantedExpiresS()).isEqualTo(600);
    }

    @Test
    @DisplayName("R-SIP-5 the grant is the one of the phone's own Contact among every binding the registrar lists")
    void ownContactAmongMany()
    {
        final RegistrationHarness h = new RegistrationHarness(600);
        h.register();
        h.answer(200, "Contact: <sip:1001@10.0.0.77:5060>;expires=30, <sip:1001@10.0.0.2:50601>;expires=45\r\n" +
            "Contact: <sip:1001@10.0.0.2:5060>;expires=240;+sip.instance=\"<urn:x>\"\r\n");
        assertThat(h.registration.grantedExpiresS()).isEqualTo(240);
        assertThat(h.registration.refreshDeadlineNs()).isEqualTo(216_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "MD5-sess", "SHA-256"})
    @DisplayName("R-SIP-4 a 401 is answered with auth_name, qop=auth, cnonce and nc; refreshes reuse the nonce, nc+1")
    void digestChallenge(final String algorithm)
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.register();
        h.answer(401, "WWW-Authenticate: " + challenge("n0nce-1", algorithm, false) + "\r\n");
        assertThat(h.sent).hasSize(2);
        final String answered = h.last();
        assertThat(header(answered, "CSeq")).isEqualTo("2 REGISTER");
        final Map<String, String> p = authParams(answered, "Authorization");
        assertThat(p).containsEntry("username", "auth1001").containsEntry("realm", "pbx.test")
            .containsEntry("nonce", "n0nce-1").containsEntry("uri", "sip:pbx.test").containsEntry("qop", "auth")
            .containsEntry("nc", "00000001").containsEntry("algorithm", algorithm);
        assertThat(p.get("response")).isEqualTo(expectedResponse(p, "REGISTER", PASSWORD));
        h.ok(60);
        h.runUntilMs(54_000);
        final Map<String, String> refresh = authParams(h.last(), "Authorization");
        assertThat(refresh).containsEntry("nonce", "n0nce-1").containsEntry("nc", "00000002");
        assertThat(refresh.get("cnonce")).isNotEqualTo(p.get("cnonce"));
        assertThat(refresh.get("response")).isEqualTo(expectedResponse(refresh, "REGISTER", PASSWORD));
        assertThat(header(h.last(), "CSeq")).isEqualTo("3 REGISTER");
    }

    @Test
    @DisplayName("R-SIP-4 a 407 is answered in Proxy-Authorization")
    void proxyChallenge()
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.register();
        h.answer(407, "Proxy-Authenticate: " + challenge("p-nonce", "MD5", false) + "\r\n");
        final Map<String, String> p = authParams(h.last(), "Proxy-Authorization");
        assertThat(p.get("response")).isEqualTo(expectedResponse(p, "REGISTER", PASSWORD));
        assertThat(header(h.last(), "Authorization")).isNull();
    }

    @Test
    @DisplayName("R-SIP-4 a second challenge to the same nonce means wrong credentials: AUTH_REJECTED, no loop")
    void wrongPassword()
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.register();
        h.answer(401, "WWW-Authenticate: " + challenge("n1", "MD5", false) + "\r\n");
        h.answer(401, "WWW-Authenticate: " + challenge("n1", "MD5", false) + "\r\n");
        assertThat(h.sent).hasSize(2);
        assertThat(h.events).containsExactly("0 failed AUTH_REJECTED 401 -1");
        assertThat(SipFailure.isServerFailure(h.registration.lastFailure())).isFalse();
        assertThat(h.registration.state()).isEqualTo(Registration.FAILED);
    }

    @Test
    @DisplayName("R-SIP-4 a stale nonce is answered again with the new nonce and nc 1")
    void staleNonce()
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.register();
        h.answer(401, "WWW-Authenticate: " + challenge("n1", "MD5", false) + "\r\n");
        h.answer(401, "WWW-Authenticate: " + challenge("n2", "MD5", true) + "\r\n");
        assertThat(h.sent).hasSize(3);
        assertThat(authParams(h.last(), "Authorization")).containsEntry("nonce", "n2").containsEntry("nc", "00000001");
        h.ok(60);
        assertThat(h.events).containsExactly("0 registered 60");
    }

    @Test
    @DisplayName("R-SIP-5 a 423 is retried at once with the registrar's Min-Expires, kept for later refreshes")
    void intervalTooBrief()
    {
        final RegistrationHarness h = new RegistrationHarness(30);
        h.register();
        h.answer(423, "Min-Expires: 600\r\n");
        assertThat(header(h.last(), "Expires")).isEqualTo("600");
        assertThat(header(h.last(), "CSeq")).isEqualTo("2 REGISTER");
        assertThat(h.registration.requestedExpiresS()).isEqualTo(600);
        h.ok(600);
        h.runUntilMs(540_000);
        assertThat(header(h.last(), "Expires")).isEqualTo("600");
        h.answer(423, "Min-Expires: 600\r\n");
        assertThat(h.events).endsWith("540000 failed REJECTED 423 -1");
    }

    @Test
    @DisplayName("R-SIP-3 R-SIP-5 a 503 fails the attempt as a server failure with its Retry-After; 403 does not")
    void serverFailures()
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.register();
        h.answer(503, "Retry-After: 30\r\n");
        assertThat(h.events).containsExactly("0 failed SERVICE_UNAVAILABLE 503 30");
        assertThat(SipFailure.isServerFailure(h.registration.lastFailure())).isTrue();
        h.register();
        h.answer(403, "");
        assertThat(h.events).endsWith("0 failed REJECTED 403 -1");
        assertThat(SipFailure.isServerFailure(h.registration.lastFailure())).isFalse();
    }

    @Test
    @DisplayName("R-SIP-3 R-SIP-5 a silent registrar with retry_counts 3 is given up at 7.5 s")
    void silentServerWithBudget()
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.registration.register(RegistrationHarness.FLOW, RegistrationHarness.SERVER, 5060, 3, h.nowNs);
        h.runUntilMs(10_000);
        assertThat(h.sentMs).containsExactly(0L, 500L, 1500L, 3500L);
        assertThat(h.events).containsExactly("7500 failed TIMEOUT 0 -1");
        assertThat(h.registration.isInFlight()).isFalse();
    }

    @Test
    @DisplayName("R-SIP-5 unregistering sends expires 0 with the next CSeq, abandons a pending refresh, and ends bound")
    void unregister()
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.register();
        h.ok(60);
        h.runUntilMs(54_000);
        assertThat(h.registration.isInFlight()).isTrue();
        h.registration.unregister(RegistrationHarness.FLOW, RegistrationHarness.SERVER, 5060, -1, h.nowNs);
        final String request = h.last();
        assertThat(header(request, "Expires")).isEqualTo("0");
        assertThat(header(request, "Contact")).endsWith(";expires=0");
        assertThat(header(request, "CSeq")).isEqualTo("3 REGISTER");
        h.answer(200, "");
        assertThat(h.events).endsWith("54000 unregistered");
        assertThat(h.registration.state()).isEqualTo(Registration.IDLE);
        assertThat(h.registration.isBound(h.nowNs)).isFalse();
        assertThat(h.registration.refreshDeadlineNs()).isEqualTo(-1);
        h.runUntilMs(200_000);
        assertThat(h.sent).hasSize(3);
    }

    @Test
    @DisplayName("R-SIP-5 CSeq only grows, across challenges, refreshes and failures")
    void cseqGrows()
    {
        final RegistrationHarness h = new RegistrationHarness(10);
        h.register();
        h.answer(401, "WWW-Authenticate: " + challenge("n1", "MD5", false) + "\r\n");
        h.ok(10);
        h.runUntilMs(9_000);
        h.answer(503, "");
        h.register();
        h.ok(10);
        final List<Long> cseqs = h.sent.stream()
            .map(r -> Long.parseLong(header(r, "CSeq").split(" ")[0])).toList();
        assertThat(cseqs).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    @DisplayName("R-BAD-5 R-SIP-4 the masked Authorization shows neither the password nor the response")
    void maskedAuthorization()
    {
        final RegistrationHarness h = new RegistrationHarness(60);
        h.register();
        h.answer(401, "WWW-Authenticate: " + challenge("n1", "MD5", false) + "\r\n");
        final String response = authParams(h.last(), "Authorization").get("response");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        final int length = h.registration.writeMaskedAuthorization(buffer, 0, 1024);
        final String masked = buffer.getStringWithoutLengthAscii(0, length);
        assertThat(masked).contains("username=\"auth1001\"").contains("********")
            .doesNotContain(response).doesNotContain(PASSWORD);
        assertThat(h.registration.toString()).doesNotContain(PASSWORD);
    }
}
