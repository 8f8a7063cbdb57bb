package org.sipredundancy.core.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.sim.DeadHostBehaviour;
import org.sipredundancy.hal.sim.SimNetworkContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SimSipServerTest
{
    private static final int SERVER = (int)Ipv4.parse("10.0.0.2");
    private static final int PHONE = (int)Ipv4.parse("192.168.1.14");
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private final Simulation simulation = new Simulation(42, new SimNetworkContext());
    private final SimSipServer server = new SimSipServer(simulation, SERVER, 5060).user("1001", "secret");
    private final SipTestClient phone = new SipTestClient(simulation, PHONE, 5060, SERVER, 5060);

    private void run(final long ns)
    {
        simulation.runForNs(ns);
    }

    private String registerWithDigest(final long expires)
    {
        phone.credentials("1001", "secret");
        phone.send(phone.register("1001", "z9hG4bK-1", 1, expires, null));
        run(100 * MS);
        assertThat(SipTestClient.status(phone.last())).isEqualTo(401);
        phone.send(phone.register("1001", "z9hG4bK-2", 2, expires, phone.answer(phone.last())));
        run(100 * MS);
        return phone.last();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "MD5-sess", "SHA-256"})
    @DisplayName("R-SIP-4 R-SIP-5 digest against the simulated registrar: 401 then 200 with the granted Contact")
    void digestThenRegistered(final String algorithm)
    {
        server.algorithm(algorithm).realm("pbx.test");

        final String ok = registerWithDigest(3600);

        assertThat(phone.received).hasSize(2);
        final String challenge = SipTestClient.header(phone.received.get(0), "WWW-Authenticate");
        assertThat(challenge).startsWith("Digest realm=\"pbx.test\", nonce=\"").contains("qop=\"auth\"")
            .endsWith("algorithm=" + algorithm);
        assertThat(SipTestClient.status(ok)).isEqualTo(200);
        assertThat(SipTestClient.header(ok, "Contact")).isEqualTo("<sip:1001@192.168.1.14:5060>;expires=3600");
        assertThat(SipTestClient.header(ok, "Via"))
            .isEqualTo("SIP/2.0/UDP 192.168.1.14:5060;branch=z9hG4bK-2;rport=5060;received=192.168.1.14");
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isTrue();
        assertThat(server.registerCount("1001")).isEqualTo(1);
        final List<SimBinding> bindings = server.bindings();
        assertThat(bindings).hasSize(1);
        final SimBinding binding = bindings.get(0);
        assertThat(binding.user()).isEqualTo("1001");
        assertThat(binding.contact()).isEqualTo("sip:1001@192.168.1.14:5060");
        assertThat(binding.callId()).isEqualTo("reg-1001@test");
        assertThat(binding.cseq()).isEqualTo(2);
        assertThat(binding.sourceAddress()).isEqualTo(PHONE);
        assertThat(binding.sourcePort()).isEqualTo(5060);
        assertThat(binding.expiresAtNs()).isEqualTo(110 * MS + 3600 * S);
    }

    @Test
    @DisplayName("R-RT-4 a server with ladder capacity 0 registers as usual and records no ladder")
    void ladderCapacityZero()
    {
        server.ladderCapacity(0);
        registerWithDigest(3600);

        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isTrue();
        assertThat(server.ladder()).isEmpty();
        server.ladderCapacity(2);
        phone.send(phone.register("1001", "b9", 9, 3600, phone.authorizationAgain()));
        run(100 * MS);
        assertThat(server.ladder()).hasSize(2);
    }

    @Test
    @DisplayName("R-SIP-4 a wrong password draws a fresh 401 and no binding")
    void wrongPassword()
    {
        phone.credentials("1001", "wrong");
        phone.send(phone.register("1001", "b1", 1, 3600, null));
        run(100 * MS);
        phone.send(phone.register("1001", "b2", 2, 3600, phone.answer(phone.last())));
        run(100 * MS);

        assertThat(SipTestClient.status(phone.last())).isEqualTo(401);
        assertThat(SipTestClient.header(phone.last(), "WWW-Authenticate")).doesNotContain("stale");
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isFalse();
        assertThat(server.registerCount("1001")).isZero();
    }

    @Test
    @DisplayName("R-SIP-4 nonce reuse: the same nonce with nc+1 is accepted, a replayed nc is not")
    void nonceReuse()
    {
        registerWithDigest(3600);
        final String second = phone.authorizationAgain();
        assertThat(second).contains("nc=00000002");
        phone.send(phone.register("1001", "b3", 3, 3600, second));
        run(100 * MS);
        assertThat(SipTestClient.status(phone.last())).isEqualTo(200);
        assertThat(phone.received).hasSize(3);

        phone.send(phone.register("1001", "b4", 4, 3600, second));
        run(100 * MS);
        assertThat(SipTestClient.status(phone.last())).isEqualTo(401);
        assertThat(server.registerCount("1001")).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-4 a correct answer with a nonce past its lifetime draws 401 stale=true")
    void staleNonce()
    {
        server.nonceLifetimeS(60);
        registerWithDigest(3600);
        run(61 * S);

        phone.send(phone.register("1001", "b3", 3, 3600, phone.authorizationAgain()));
        run(100 * MS);

        assertThat(SipTestClient.status(phone.last())).isEqualTo(401);
        assertThat(SipTestClient.header(phone.last(), "WWW-Authenticate")).endsWith(", stale=true");
        assertThat(server.registerCount("1001")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-5 an expiry below Min-Expires draws 423 with Min-Expires")
    void intervalTooBrief()
    {
        server.requireAuth(false).minExpiresS(120);
        phone.send(phone.register("1001", "b1", 1, 60, null));
        run(100 * MS);

        assertThat(phone.last()).startsWith("SIP/2.0 423 Interval Too Brief\r\n");
        assertThat(SipTestClient.header(phone.last(), "Min-Expires")).isEqualTo("120");
        assertThat(server.bindings()).isEmpty();

        phone.send(phone.register("1001", "b2", 2, 120, null));
        run(100 * MS);
        assertThat(SipTestClient.header(phone.last(), "Contact")).endsWith(";expires=120");
    }

    @Test
    @DisplayName("R-SIP-5 the grant is the smaller of the requested expiry and the maximum")
    void maximumGrant()
    {
        server.requireAuth(false).maxExpiresS(600);
        phone.send(phone.register("1001", "b1", 1, 3600, null));
        run(100 * MS);

        assertThat(SipTestClient.header(phone.last(), "Contact")).isEqualTo("<sip:1001@192.168.1.14:5060>;expires=600");
    }

    @Test
    @DisplayName("R-SIP-5 a binding runs out in virtual time")
    void bindingExpires()
    {
        server.requireAuth(false);
        phone.send(phone.register("1001", "b1", 1, 30, null));
        run(100 * MS);
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isTrue();

        run(29 * S);
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isTrue();
        run(1 * S);
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isFalse();
        assertThat(server.bindings()).isEmpty();
    }

    @Test
    @DisplayName("R-SIP-5 expires=0 removes the binding and the 200 lists no Contact")
    void unregister()
    {
        server.requireAuth(false);
        phone.send(phone.register("1001", "b1", 1, 3600, null));
        run(100 * MS);
        phone.send(phone.register("1001", "b2", 2, 0, null));
        run(100 * MS);

        assertThat(SipTestClient.status(phone.last())).isEqualTo(200);
        assertThat(SipTestClient.header(phone.last(), "Contact")).isEmpty();
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isFalse();
        assertThat(server.registerCount("1001")).isEqualTo(2);
    }

    @Test
    @DisplayName("R-SIP-3 SERVICE_UNAVAILABLE answers 503 with Retry-After for the set count, then behaves")
    void serviceUnavailable()
    {
        server.fault(SimSipFault.SERVICE_UNAVAILABLE, 1).retryAfterS(45);
        phone.send(phone.register("1001", "b1", 1, 3600, null));
        run(100 * MS);
        assertThat(phone.last()).startsWith("SIP/2.0 503 Service Unavailable\r\n");
        assertThat(SipTestClient.header(phone.last(), "Retry-After")).isEqualTo("45");

        phone.send(phone.register("1001", "b2", 2, 3600, null));
        run(100 * MS);
        assertThat(SipTestClient.status(phone.last())).isEqualTo(401);
    }

    @Test
    @DisplayName("R-SIP-3 a killed server hears nothing; revived, it answers again and keeps its bindings")
    void killAndRevive()
    {
        server.requireAuth(false);
        phone.send(phone.register("1001", "b1", 1, 3600, null));
        run(100 * MS);
        simulation.network().kill(SERVER, DeadHostBehaviour.SILENT);
        phone.send(phone.request("OPTIONS", "o1", 1, "c1"));
        run(1 * S);
        assertThat(phone.received).hasSize(1);
        assertThat(server.ladder()).hasSize(2);

        simulation.network().revive(SERVER);
        phone.send(phone.request("OPTIONS", "o2", 2, "c1"));
        run(100 * MS);
        assertThat(phone.received).hasSize(2);
        assertThat(phone.last()).startsWith("SIP/2.0 200 OK\r\n").contains("CSeq: 2 OPTIONS\r\n");
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isTrue();
    }

    @Test
    @DisplayName("R-SIP-3 REJECT answers the set status")
    void reject()
    {
        server.fault(SimSipFault.REJECT).rejectStatus(403);
        phone.send(phone.request("OPTIONS", "o1", 1, "c1"));
        run(100 * MS);
        assertThat(phone.last()).startsWith("SIP/2.0 403 Forbidden\r\n");
    }

    @Test
    @DisplayName("R-SIP-3 SILENT receives and never answers")
    void silent()
    {
        server.fault(SimSipFault.SILENT);
        phone.send(phone.register("1001", "b1", 1, 3600, null));
        run(500 * MS);
        phone.send(phone.register("1001", "b1", 1, 3600, null));
        run(10 * S);

        assertThat(phone.received).isEmpty();
        assertThat(server.ladder()).hasSize(2)
            .allMatch(e -> e.direction() == SimSipEvent.Direction.IN);
    }

    @Test
    @DisplayName("R-SIP-3 SLOW answers after the delay; retransmissions neither get a second answer early nor count")
    void slowAnswer()
    {
        server.requireAuth(false).fault(SimSipFault.SLOW).slowDelayNs(2 * S);
        final String register = phone.register("1001", "b1", 1, 3600, null);
        phone.send(register);
        run(500 * MS);
        phone.send(register);
        run(1000 * MS);
        phone.send(register);
        run(500 * MS);
        assertThat(phone.received).isEmpty();
        run(30 * MS);
        assertThat(phone.received).hasSize(1);
        assertThat(SipTestClient.status(phone.last())).isEqualTo(200);

        phone.send(register);
        run(100 * MS);
        assertThat(phone.received).hasSize(2);
        assertThat(phone.received.get(1)).isEqualTo(phone.received.get(0));
        assertThat(server.registerCount("1001")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-2 R-SIP-5 a retransmitted REGISTER (same branch) gets the stored response and is not counted")
    void retransmission()
    {
        server.requireAuth(false);
        final String register = phone.register("1001", "b1", 1, 3600, null);
        phone.send(register);
        run(100 * MS);
        phone.send(register);
        run(100 * MS);

        assertThat(phone.received).hasSize(2);
        assertThat(phone.received.get(1)).isEqualTo(phone.received.get(0));
        assertThat(server.registerCount("1001")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-SIP-6 OPTIONS and BYE draw 200, an unknown method 501, SUBSCRIBE 200 with Expires")
    void otherRequests()
    {
        phone.send(phone.request("OPTIONS", "o1", 1, "c1"));
        run(100 * MS);
        assertThat(phone.last()).startsWith("SIP/2.0 200 OK\r\n");
        phone.send(phone.request("BYE", "y1", 2, "c1"));
        run(100 * MS);
        assertThat(phone.last()).startsWith("SIP/2.0 200 OK\r\n").contains("CSeq: 2 BYE\r\n");
        phone.send(phone.request("INFO", "i1", 3, "c1"));
        run(100 * MS);
        assertThat(phone.last()).startsWith("SIP/2.0 501 Not Implemented\r\n");
        phone.send(phone.request("SUBSCRIBE", "s1", 1, "c2").replace("Content-Length: 0",
            "Event: dialog\r\nExpires: 600\r\nContent-Length: 0"));
        run(100 * MS);
        final String accepted = phone.received.get(phone.received.size() - 2);
        assertThat(accepted).startsWith("SIP/2.0 200 OK\r\n").contains("CSeq: 1 SUBSCRIBE\r\n");
        assertThat(SipTestClient.header(accepted, "Expires")).isEqualTo("600");
        assertThat(phone.last()).as("the first NOTIFY follows at once (RFC 6665)").startsWith("NOTIFY ")
            .contains("Call-ID: c2\r\n", "Event: dialog\r\n", "Subscription-State: active;expires=600\r\n");
        assertThat(server.subscriptions()).containsExactly(new SimSubscription(310 * MS, "dialog", "c2", 600));
        assertThat(server.notifier().sent()).hasSize(1);
    }

    @Test
    @DisplayName("R-SIP-6 INVITE draws 100, 180 after the ring delay and 200 with SDP after the answer delay")
    void inviteAnswered()
    {
        server.ringDelayNs(200 * MS).answerDelayNs(1 * S);
        phone.send(phone.request("INVITE", "i1", 1, "call1"));
        run(100 * MS);
        assertThat(phone.received).hasSize(1);
        assertThat(phone.last()).startsWith("SIP/2.0 100 Trying\r\n");
        run(200 * MS);
        assertThat(phone.received).hasSize(2);
        assertThat(phone.last()).startsWith("SIP/2.0 180 Ringing\r\n");
        run(800 * MS);
        assertThat(phone.received).hasSize(3);
        final String ok = phone.last();
        assertThat(ok).startsWith("SIP/2.0 200 OK\r\n").contains("Content-Type: application/sdp\r\n")
            .contains("\r\n\r\nv=0\r\n").contains("m=audio 40000 RTP/AVP 0\r\n");
        assertThat(SipTestClient.header(ok, "Contact")).isEqualTo("<sip:10.0.0.2:5060>");
        assertThat(SipTestClient.header(ok, "To")).startsWith("<sip:1001@pbx.test>;tag=");
        assertThat(SipTestClient.header(ok, "To")).isEqualTo(SipTestClient.header(phone.received.get(1), "To"));

        phone.send(phone.request("ACK", "a1", 1, "call1"));
        run(100 * MS);
        assertThat(phone.received).hasSize(3);
    }

    @Test
    @DisplayName("R-SIP-6 a set final status (486) follows 100 Trying")
    void inviteBusy()
    {
        server.inviteResponse(486);
        phone.send(phone.request("INVITE", "i1", 1, "call1"));
        run(2 * S);
        assertThat(phone.received).hasSize(2);
        assertThat(phone.last()).startsWith("SIP/2.0 486 Busy Here\r\n");
    }

    @Test
    @DisplayName("R-SIP-6 CANCEL draws 200 and the INVITE 487; no 200 to the INVITE follows")
    void cancel()
    {
        server.answerDelayNs(5 * S);
        phone.send(phone.request("INVITE", "i1", 1, "call1"));
        run(100 * MS);
        phone.send(phone.request("CANCEL", "i1", 1, "call1"));
        run(10 * S);

        assertThat(phone.received).hasSize(4);
        assertThat(phone.received.get(2)).startsWith("SIP/2.0 200 OK\r\n").contains("CSeq: 1 CANCEL\r\n");
        assertThat(phone.received.get(3)).startsWith("SIP/2.0 487 Request Terminated\r\n")
            .contains("CSeq: 1 INVITE\r\n");

        phone.send(phone.request("CANCEL", "unknown", 1, "call9"));
        run(100 * MS);
        assertThat(phone.last()).startsWith("SIP/2.0 481 ");
    }

    @Test
    @DisplayName("R-SIP-5 R-SIP-6 requests over TCP are framed by Content-Length and answered on the connection")
    void overTcp()
    {
        server.requireAuth(false);
        final String options = phone.request("OPTIONS", "o1", 1, "c1").replace("UDP", "TCP");
        final String register = phone.register("1001", "b1", 1, 3600, null).replace("UDP", "TCP");
        phone.sendTcp(options + "\r\n\r\n" + register.substring(0, 40));
        run(100 * MS);
        phone.sendTcp(register.substring(40));
        run(100 * MS);

        assertThat(phone.received).hasSize(2);
        assertThat(phone.received.get(0)).startsWith("SIP/2.0 200 OK\r\n").contains("CSeq: 1 OPTIONS\r\n");
        assertThat(phone.received.get(1)).startsWith("SIP/2.0 200 OK\r\n").contains("CSeq: 1 REGISTER\r\n");
        assertThat(server.ladder().get(0).transport()).isEqualTo(Transport.TCP);
        assertThat(server.isRegistered("1001", simulation.clock().nanoTime())).isTrue();
    }

    @Test
    @DisplayName("R-BAD-2 junk bytes never throw: counted and dropped, or 400 when the request line parses")
    void junk()
    {
        final RandomSource random = simulation.randomFor(5);
        assertThatCode(() ->
        {
            for (int i = 0; i < 300; i++)
            {
                final byte[] bytes = new byte[1 + (int)Long.remainderUnsigned(random.nextLong(), 600)];
                for (int k = 0; k < bytes.length; k++)
                {
                    bytes[k] = (byte)random.nextLong();
                }
                phone.sendBytes(bytes);
                phone.sendTcp(new String(bytes, StandardCharsets.ISO_8859_1));
                run(MS);
            }
            run(100 * MS);
        }).doesNotThrowAnyException();
        assertThat(server.malformedCount()).isGreaterThanOrEqualTo(300);
        assertThat(phone.received).isEmpty();

        final long before = server.malformedCount();
        phone.send("OPTIONS sip:pbx.test SIP/2.0\r\nVia: SIP/2.0/UDP 192.168.1.14;branch=x\r\nCSeq: 1 OPTIONS\r\n" +
            "Call-ID: j\r\nbroken header line\r\n\r\n");
        run(100 * MS);
        assertThat(server.malformedCount()).isEqualTo(before + 1);
        assertThat(phone.last()).startsWith("SIP/2.0 400 Bad Request\r\n");
    }

    @Test
    @DisplayName("R-RT-4 R-SIP-4 the same seed gives the same ladder, rendered with fixed formatting")
    void deterministicLadder()
    {
        final String first = scenario(7);
        assertThat(first).isEqualTo(scenario(7));
        assertThat(first.split("\n")[0])
            .isEqualTo("    0.010s  10.0.0.2 <- 192.168.1.14:5060  REGISTER sip:pbx.test (CSeq 1)");
        assertThat(first.split("\n")[1])
            .isEqualTo("    0.010s  10.0.0.2 -> 192.168.1.14:5060  401 Unauthorized (CSeq 1)");
        assertThat(first.split("\n")).hasSize(6);
    }

    private static String scenario(final long seed)
    {
        final Simulation sim = new Simulation(seed, new SimNetworkContext());
        final SimSipServer registrar = new SimSipServer(sim, SERVER, 5060).user("1001", "secret")
            .algorithm("SHA-256");
        final SipTestClient client = new SipTestClient(sim, PHONE, 5060, SERVER, 5060);
        client.credentials("1001", "secret");
        client.send(client.register("1001", "b1", 1, 3600, null));
        sim.runFor(Duration.ofMillis(100));
        client.send(client.register("1001", "b2", 2, 3600, client.answer(client.last())));
        sim.runFor(Duration.ofMillis(100));
        client.send(client.request("OPTIONS", "o1", 1, "c1"));
        sim.runFor(Duration.ofMillis(100));
        assertThat(SipTestClient.status(client.received.get(1))).isEqualTo(200);
        return registrar.ladderText();
    }
}
