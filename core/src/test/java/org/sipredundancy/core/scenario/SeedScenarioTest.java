package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.machine.FallbackMachine;
import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.scenario.Ladders.firstMs;
import static org.sipredundancy.core.scenario.Ladders.lines;
import static org.sipredundancy.core.scenario.Scenarios.FALLBACK;
import static org.sipredundancy.core.scenario.Scenarios.PRIMARY;

/**
 * The seed's four scenarios ("Using Server Redundancy on Yealink IP Phones"), each a deterministic simulation with
 * a golden timeline and ladder and exact virtual-time assertions. Expiries are short (60 s: a refresh every 54 s).
 */
class SeedScenarioTest
{
    @Test
    @DisplayName("R-SCN-1 R-FB-1 R-FB-3 R-RT-6 REGISTER fallback, successive: three retransmissions, the " +
        "fallback once the working registration expired, probes every fallback.timeout, back to the working " +
        "server and expires=0")
    void registerFallback()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(
            "account.1.sip_server.1.address = 192.168.1.14", "account.1.sip_server.1.expires = 120",
            "account.1.sip_server.2.address = 192.168.1.15", "account.1.sip_server.2.expires = 120",
            "account.1.fallback.redundancy_type = 1", "account.1.fallback.timeout = 120"),
            SeedDemo.zone(3600), 1);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        assertThat(d.account(1).working().state()).isEqualTo(SlotMachine.REGISTERED);
        assertThat(lines(d, "-> 192.168.1.15")).as("successive: nothing to the fallback yet").isEmpty();
        d.kill(PRIMARY);
        d.runFor(Duration.ofSeconds(150));
        final long bindingEnd = 10 + 120_000;
        final long refreshMs = firstMs(d, "REGISTER sip:192.168.1.14 (CSeq 3 ");
        assertThat(refreshMs).as("refresh at 90 %% of 120 s").isEqualTo(108_010);
        assertThat(lines(d, "-> 192.168.1.14:5060  REGISTER sip:192.168.1.14 (CSeq 3 "))
            .as("sent, then three retransmissions (retry_counts 3)").hasSize(4);
        assertThat(firstMs(d, "-> 192.168.1.15:5060  REGISTER")).as("the fallback once the working binding expired")
            .isEqualTo(bindingEnd);
        assertThat(d.account(1).fallbackState()).isEqualTo(FallbackMachine.ON_FALLBACK);
        assertThat(d.account(1).fallback().state()).isEqualTo(SlotMachine.REGISTERED);
        d.revive(PRIMARY);
        d.runFor(Duration.ofSeconds(300));
        assertThat(d.account(1).fallbackState()).isEqualTo(FallbackMachine.ON_WORKING);
        assertThat(d.server(FALLBACK).isRegistered("4605", d.nowNs())).as("fallback binding removed").isFalse();
        assertThat(lines(d, "-> 192.168.1.15:5060  REGISTER").size()).isGreaterThanOrEqualTo(3);
        GoldenLadder.assertMatches("scn1-register-fallback", d);
    }

    @Test
    @DisplayName("R-SCN-2 R-FB-2 R-FB-4 INVITE fallback, concurrent: registered with both; the INVITE is " +
        "retransmitted three times to the working server, then goes to the fallback server, which answers")
    void inviteFallback()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(
            "account.1.sip_server.1.address = 192.168.1.14", "account.1.sip_server.1.expires = 60",
            "account.1.sip_server.2.address = 192.168.1.15", "account.1.sip_server.2.expires = 60",
            "account.1.fallback.redundancy_type = 0"), SeedDemo.zone(3600), 2);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        assertThat(d.server(PRIMARY).isRegistered("4605", d.nowNs())).isTrue();
        assertThat(d.server(FALLBACK).isRegistered("4605", d.nowNs())).as("concurrent").isTrue();
        d.kill(PRIMARY);
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(20));
        assertThat(lines(d, "-> 192.168.1.14:5060  INVITE")).hasSize(4);
        assertThat(firstMs(d, "-> 192.168.1.15:5060  INVITE")).as("7.5 s after the first INVITE")
            .isEqualTo(10_000 + 7_500);
        assertThat(d.events()).anyMatch(e -> e.contains("CALL answered via 192.168.1.15"));
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(5));
        GoldenLadder.assertMatches("scn2-invite-fallback", d);
    }

    @Test
    @DisplayName("R-SCN-3 R-FO-1 R-FO-2 REGISTER failover, failback_mode 0, register_on_enable 0: the primary is " +
        "left 7.5 s after the first REGISTER, the secondary answers, every refresh tries the primary first and " +
        "the primary is working again once it answers")
    void registerFailover()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(Scenarios.DOMAIN_SERVER,
            "account.1.sip_server.1.failback_mode = 0", "account.1.sip_server.1.register_on_enable = 0"),
            SeedDemo.zone(3600), 3);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.kill(PRIMARY);
        d.runFor(Duration.ofSeconds(160));
        final long first = firstMs(d, "-> 192.168.1.14:5060  REGISTER sip:yealink.pbx.com (CSeq 3 ");
        assertThat(firstMs(d, "-> 192.168.1.13:5060  REGISTER")).as("secondary 7.5 s after the first REGISTER")
            .isEqualTo(first + 7_500);
        assertThat(d.events()).anyMatch(e -> e.contains("FAILOVER 192.168.1.14 -> 192.168.1.13 (TIMEOUT)"));
        assertThat(lines(d, "-> 192.168.1.14:5060  REGISTER sip:yealink.pbx.com (CSeq 6 "))
            .as("the next refresh tries the primary first").hasSize(4);
        d.revive(PRIMARY);
        d.runFor(Duration.ofSeconds(60));
        assertThat(d.events()).anyMatch(e -> e.contains("FAILBACK to 192.168.1.14 (new request)"));
        assertThat(d.account(1).working().registeredRow())
            .isEqualTo(d.account(1).working().candidateRow(0));
        GoldenLadder.assertMatches("scn3-register-failover", d);
    }

    @Test
    @DisplayName("R-SCN-4 R-FO-3 INVITE failover: the INVITE goes to the secondary after three retransmissions " +
        "to the primary; the next INVITE tries the primary first again, and the primary alone once it recovered")
    void inviteFailover()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(Scenarios.DOMAIN_SERVER,
            "account.1.sip_server.1.failback_mode = 0"), SeedDemo.zone(3600), 4);
        d.start();
        d.runFor(Duration.ofSeconds(5));
        d.kill(PRIMARY);
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(15));
        assertThat(lines(d, "-> 192.168.1.14:5060  INVITE")).hasSize(4);
        assertThat(firstMs(d, "-> 192.168.1.13:5060  INVITE")).isEqualTo(5_000 + 7_500);
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(5));
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(15));
        assertThat(lines(d, "-> 192.168.1.14:5060  INVITE")).as("second call: primary first again").hasSize(8);
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(5));
        d.revive(PRIMARY);
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(10));
        assertThat(lines(d, "-> 192.168.1.14:5060  INVITE")).as("third call: primary alone").hasSize(9);
        assertThat(lines(d, "-> 192.168.1.13:5060  INVITE")).as("no third INVITE to the secondary").hasSize(2);
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(2));
        GoldenLadder.assertMatches("scn4-invite-failover", d);
    }
}
