package org.sipredundancy.core.sip.registration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sipredundancy.core.sim.SimSipFault;
import org.sipredundancy.core.sim.Simulation;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.sim.DeadHostBehaviour;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone's registration against the simulated registrar, deterministic in virtual time: digest for every
 * algorithm, the refresh at 90 %, 423, 503, silence with and without the retry budget, a slow registrar, a dead
 * host, and unregistration. A network round trip is 10 ms, so a REGISTER answered at once lands at 10 ms and a
 * challenged one at 20 ms; over TCP the connection's set-up adds 5 ms.
 */
class SimRegistrarTest
{
    private static RegistrarWorld world(final String transport, final long expiresS)
    {
        return new RegistrarWorld(Simulation.seedOr(5L)).start(RegistrarWorld.transport(transport), expiresS);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"MD5, UDP, 20", "MD5-sess, UDP, 20", "SHA-256, UDP, 20", "MD5, TCP, 25", "SHA-256, TCP, 25"})
    @DisplayName("R-SIP-4 R-SIP-5 R-SIP-1 the simulated registrar challenges and accepts the phone's digest answer")
    void digest(final String algorithm, final String transport, final long registeredAtMs)
    {
        final RegistrarWorld w = world(transport, 120);
        w.server.algorithm(algorithm);
        assertThat(w.register()).isEqualTo(NetworkStatus.OK);
        w.runForMs(1_000);
        assertThat(w.events).containsExactly(registeredAtMs + " registered 120");
        assertThat(w.server.isRegistered("1001", w.nowNs())).isTrue();
        assertThat(w.server.bindings()).singleElement().satisfies(b ->
        {
            assertThat(b.contact()).contains("sip:1001@10.0.0.2:5060");
            assertThat(b.callId()).isEqualTo(w.registration.callId());
            assertThat(b.cseq()).isEqualTo(2);
        });
        assertThat(w.server.ladderText()).contains("REGISTER sip:pbx.test (CSeq 1)", "401 Unauthorized",
            "REGISTER sip:pbx.test (CSeq 2)", "200 OK");
    }

    @Test
    @DisplayName("R-SIP-5 R-SIP-4 refreshes fall due at 90 % of the grant, reuse the nonce, and keep the binding")
    void refreshes()
    {
        final RegistrarWorld w = world("UDP", 3600);
        w.server.maxExpiresS(60);
        w.register();
        w.runForMs(200_000);
        assertThat(w.events).containsExactly("20 registered 60", "54010 refresh-due", "54020 registered 60",
            "108010 refresh-due", "108020 registered 60", "162010 refresh-due", "162020 registered 60");
        assertThat(w.server.registerCount("1001")).isEqualTo(4);
        assertThat(w.registration.cseq()).isEqualTo(5);
        assertThat(w.registration.nonceCount()).isEqualTo(4);
        assertThat(w.server.isRegistered("1001", w.nowNs())).isTrue();
    }

    @Test
    @DisplayName("R-SIP-5 a 423 is retried with Min-Expires and granted")
    void minExpires()
    {
        final RegistrarWorld w = world("UDP", 30);
        w.server.minExpiresS(300);
        w.register();
        w.runForMs(1_000);
        assertThat(w.events).containsExactly("30 registered 300");
        assertThat(w.server.ladderText()).contains("423 Interval Too Brief");
    }

    @Test
    @DisplayName("R-SIP-3 a 503 fails the attempt with its Retry-After")
    void serviceUnavailable()
    {
        final RegistrarWorld w = world("UDP", 60);
        w.server.retryAfterS(45).fault(SimSipFault.SERVICE_UNAVAILABLE);
        w.register();
        w.runForMs(10_000);
        assertThat(w.events).containsExactly("10 failed SERVICE_UNAVAILABLE 503 45");
    }

    @ParameterizedTest(name = "retry budget {0}")
    @ValueSource(ints = {0, 3, 20})
    @DisplayName("R-SIP-3 R-SIP-2 a silent registrar on a non-last candidate is left when its next send is due")
    void silentWithBudget(final int budget)
    {
        final RegistrarWorld w = world("UDP", 60);
        w.server.fault(SimSipFault.SILENT);
        w.retryBudget = budget;
        w.register();
        w.runForMs(40_000);
        final long expected = budget == 0 ? 500 : budget == 3 ? 7_500 : 32_000;
        assertThat(w.events).containsExactly(expected + " failed TIMEOUT 0 -1");
    }

    @Test
    @DisplayName("R-SIP-3 a slow registrar's answer ends the retransmissions; one binding, one answer counted")
    void slowAnswer()
    {
        final RegistrarWorld w = world("UDP", 60);
        w.server.requireAuth(false).slowDelayNs(2_000 * RegistrarWorld.MS).fault(SimSipFault.SLOW, 1);
        w.register();
        w.runForMs(10_000);
        assertThat(w.events).containsExactly("2010 registered 60");
        assertThat(w.server.registerCount("1001")).isEqualTo(1);
        assertThat(w.registration.cseq()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UDP, ICMP_UNREACHABLE", "TCP, CONNECTION_REFUSED"})
    @DisplayName("R-SIP-3 a dead server host that still answers is noticed at once, with its cause")
    void deadHost(final String transport, final String cause)
    {
        final RegistrarWorld w = new RegistrarWorld(Simulation.seedOr(5L));
        w.simulation.network().kill(RegistrarWorld.SERVER, DeadHostBehaviour.REJECT);
        w.start(RegistrarWorld.transport(transport), 60);
        w.register();
        w.runForMs(40_000);
        assertThat(w.events).hasSize(1);
        assertThat(w.events.get(0)).matches("\\d+ failed " + cause + " 0 -1");
        assertThat(Long.parseLong(w.events.get(0).split(" ")[0])).isLessThan(100);
    }

    @Test
    @DisplayName("R-SIP-5 unregistering removes the binding on the registrar")
    void unregister()
    {
        final RegistrarWorld w = world("TCP", 60);
        w.register();
        w.runForMs(1_000);
        w.registration.unregister(w.flow, RegistrarWorld.SERVER, 5060, -1, w.nowNs());
        w.runForMs(1_000);
        assertThat(w.events).containsExactly("25 registered 60", "1010 unregistered");
        assertThat(w.server.isRegistered("1001", w.nowNs())).isFalse();
        assertThat(w.registration.state()).isEqualTo(Registration.IDLE);
        assertThat(w.stack.transport().transport(w.flow)).isEqualTo(Transport.TCP);
    }

    @Test
    @DisplayName("R-RT-3 the same seed gives the same ladder, byte for byte")
    void deterministic()
    {
        final RegistrarWorld a = world("UDP", 60);
        final RegistrarWorld b = world("UDP", 60);
        for (final RegistrarWorld w : new RegistrarWorld[]{a, b})
        {
            w.register();
            w.runForMs(120_000);
        }
        assertThat(a.server.ladderText()).isEqualTo(b.server.ladderText()).contains("(CSeq 4)");
        assertThat(a.events).isEqualTo(b.events);
    }
}
