package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.core.sim.SimSipFault;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.scenario.Ladders.eventMs;
import static org.sipredundancy.core.scenario.Ladders.firstMs;
import static org.sipredundancy.core.scenario.Ladders.lines;
import static org.sipredundancy.core.scenario.Scenarios.PRIMARY;

/**
 * Beyond the seed's four: every failback mode, a failback deadline inside a call, 503 with Retry-After,
 * register_on_enable 0/1 and only_signal_with_registered, each a deterministic simulation with a golden ladder. The
 * working server is yealink.pbx.com (primary 192.168.1.14, secondary 192.168.1.13, DNS TTL 300 s), expiry 60 s; the
 * primary dies at 10 s, so the refresh at 54.05 s fails over and the secondary holds the binding from 61.57 s.
 */
class FailbackScenarioTest
{
    private static final long FAILED_OVER_MS = 61_570;

    private static SimDeployment domainServer(final long seed, final String... lines)
    {
        final String[] all = new String[lines.length + 1];
        all[0] = Scenarios.DOMAIN_SERVER;
        System.arraycopy(lines, 0, all, 1, lines.length);
        return Scenarios.deployment("T46S", Scenarios.account1(all), SeedDemo.zone(300), seed);
    }

    private static SimDeployment failedOver(final long seed, final String... lines)
    {
        final SimDeployment d = domainServer(seed, lines);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.kill(PRIMARY);
        d.runFor(Duration.ofSeconds(55));
        assertThat(eventMs(d, "REGISTERED with 192.168.1.13")).as("failed over").isEqualTo(FAILED_OVER_MS);
        d.revive(PRIMARY);
        return d;
    }

    @Test
    @DisplayName("R-FO-3 failback mode 1 (DNSTTL): renewals stay with the secondary until the TTL of its " +
        "address runs out, then the primary is tried first")
    void dnsTtl()
    {
        final SimDeployment d = failedOver(11, "account.1.sip_server.1.failback_mode = 1");
        d.runFor(Duration.ofSeconds(400));
        final long failback = eventMs(d, "FAILBACK to 192.168.1.14 (DNS TTL)");
        assertThat(failback).isGreaterThan(FAILED_OVER_MS + 200_000).isLessThanOrEqualTo(FAILED_OVER_MS + 300_100);
        assertThat(lines(d, "-> 192.168.1.14:5060  REGISTER").stream().filter(l -> Ladders.ms(l) > 61_550 &&
            Ladders.ms(l) < failback - 100)).as("nothing to the primary before the TTL ran out").isEmpty();
        GoldenLadder.assertMatches("failback-mode1-dnsttl", d);
    }

    @Test
    @DisplayName("R-FO-3 failback mode 2 (registration): the secondary until the registration is due for " +
        "renewal; the renewal tries the primary first")
    void registration()
    {
        final SimDeployment d = failedOver(12, "account.1.sip_server.1.failback_mode = 2");
        d.runFor(Duration.ofSeconds(100));
        final long renewal = FAILED_OVER_MS - 10 + 54_000;
        assertThat(lines(d, "-> 192.168.1.14:5060  REGISTER").stream().filter(l -> Ladders.ms(l) > 61_550)
            .map(Ladders::ms).findFirst()).as("the renewal goes to the primary first").contains(renewal);
        assertThat(eventMs(d, "FAILBACK to 192.168.1.14 (registration renewal)")).isEqualTo(renewal + 20);
        GoldenLadder.assertMatches("failback-mode2-registration", d);
    }

    @Test
    @DisplayName("R-FO-3 failback mode 3 (duration): the secondary until failback_timeout s after the failover, " +
        "then the primary")
    void duration()
    {
        final SimDeployment d = failedOver(13, "account.1.sip_server.1.failback_mode = 3",
            "account.1.sip_server.1.failback_timeout = 90");
        d.runFor(Duration.ofSeconds(200));
        assertThat(firstMs(d, "-> 192.168.1.14:5060  REGISTER sip:yealink.pbx.com (CSeq 7"))
            .as("failback_timeout after the failover").isEqualTo(FAILED_OVER_MS + 90_000);
        assertThat(d.events()).anyMatch(e -> e.contains("FAILBACK to 192.168.1.14 (duration)"));
        GoldenLadder.assertMatches("failback-mode3-duration", d);
    }

    @Test
    @DisplayName("R-FO-3 a failback deadline that falls inside a call is carried out when the call ends")
    void deadlineInCall()
    {
        final SimDeployment d = failedOver(14, "account.1.sip_server.1.failback_mode = 3",
            "account.1.sip_server.1.failback_timeout = 60");
        d.runFor(Duration.ofSeconds(50));
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(30));
        assertThat(lines(d, "-> 192.168.1.14:5060  REGISTER").stream().filter(l -> Ladders.ms(l) > 61_550))
            .as("no failback during the call").isEmpty();
        final long hangUp = d.nowNs() / 1_000_000;
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(5));
        assertThat(lines(d, "-> 192.168.1.14:5060  REGISTER").stream().filter(l -> Ladders.ms(l) > 61_550)
            .map(Ladders::ms).findFirst()).as("failback once the BYE is answered").contains(hangUp + 10);
        GoldenLadder.assertMatches("failback-deadline-in-call", d);
    }

    @Test
    @DisplayName("R-SIP-3 R-FO-7 a 503 with Retry-After moves the registration on at once and keeps the primary " +
        "out of every choice for that long")
    void serviceUnavailable()
    {
        final SimDeployment d = domainServer(15);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.server(PRIMARY).retryAfterS(200).fault(SimSipFault.SERVICE_UNAVAILABLE);
        d.runFor(Duration.ofSeconds(300));
        final long unavailable = firstMs(d, "<- 192.168.1.14:5060  503");
        assertThat(firstMs(d, "-> 192.168.1.13:5060  REGISTER")).as("no retransmissions after a 503")
            .isEqualTo(unavailable + 5);
        assertThat(lines(d, "-> 192.168.1.14:5060").stream().filter(l -> Ladders.ms(l) > unavailable &&
            Ladders.ms(l) < unavailable + 200_000)).as("nothing to the primary inside its Retry-After").isEmpty();
        assertThat(lines(d, "-> 192.168.1.14:5060").stream().filter(l -> Ladders.ms(l) > unavailable + 200_000))
            .as("tried again after it").isNotEmpty();
        GoldenLadder.assertMatches("retry-after-503", d);
    }

    @Test
    @DisplayName("R-FO-4 register_on_enable 0: the INVITE that fails over goes straight to the secondary")
    void registerOnEnableOff()
    {
        final SimDeployment d = failedOverCall(16, 0);
        assertThat(firstMs(d, "-> 192.168.1.13:5060  INVITE")).isEqualTo(20_000 + 7_500);
        assertThat(lines(d, "-> 192.168.1.13:5060  REGISTER")).isEmpty();
        GoldenLadder.assertMatches("register-on-enable-0", d);
    }

    @Test
    @DisplayName("R-FO-4 register_on_enable 1: the INVITE that fails over registers with the secondary first")
    void registerOnEnableOn()
    {
        final SimDeployment d = failedOverCall(17, 1);
        final long register = firstMs(d, "-> 192.168.1.13:5060  REGISTER");
        assertThat(register).isEqualTo(20_000 + 7_500);
        assertThat(firstMs(d, "-> 192.168.1.13:5060  INVITE")).as("after the 401 and the 200")
            .isEqualTo(register + 20);
        assertThat(d.events()).anyMatch(e -> e.contains("CALL answered via 192.168.1.13"));
        GoldenLadder.assertMatches("register-on-enable-1", d);
    }

    private static SimDeployment failedOverCall(final long seed, final int registerOnEnable)
    {
        final SimDeployment d = domainServer(seed,
            "account.1.sip_server.1.register_on_enable = " + registerOnEnable);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.kill(PRIMARY);
        d.runFor(Duration.ofSeconds(10));
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(15));
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(2));
        return d;
    }

    @Test
    @DisplayName("R-FO-5 only_signal_with_registered 1: the INVITE goes only to the registered server; when it " +
        "fails the call fails and the registration fails over")
    void onlySignalWithRegistered()
    {
        final SimDeployment d = domainServer(18,
            "account.1.sip_server.1.only_signal_with_registered = 1");
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.kill(PRIMARY);
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(45));
        assertThat(lines(d, "-> 192.168.1.13:5060  INVITE")).isEmpty();
        final long failed = eventMs(d, "CALL failed on every server");
        assertThat(failed).as("Timer B on the only allowed server").isEqualTo(10_000 + 32_000);
        assertThat(firstMs(d, "-> 192.168.1.13:5060  REGISTER")).as("registration failover starts")
            .isEqualTo(failed + 7_500);
        GoldenLadder.assertMatches("only-signal-with-registered", d);
    }
}
