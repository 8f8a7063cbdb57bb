package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.machine.CallMachine;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.hal.CommandCode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.scenario.Ladders.lines;

/**
 * How calls end besides the caller hanging up here (R-SIP-6, R-RT-5): the far end hangs up a call the phone placed
 * (its BYE reaches the call and is answered 200), and the phone, as callee of a call its server delivered, hangs up
 * with a BYE of its own — by the hook or by quitting. Account 1 of user 4605 on yealink.pbx.com.
 */
class CallEndingScenarioTest
{
    private static SimDeployment registered(final long seed)
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(Scenarios.DOMAIN_SERVER),
            SeedDemo.zone(3600), seed);
        d.start();
        d.runFor(Duration.ofSeconds(2));
        return d;
    }

    /** Registered, and account 1's call to 4606 answered by the primary. */
    private static SimDeployment inCall(final long seed)
    {
        final SimDeployment d = registered(seed);
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(2));
        assertThat(d.account(1).call().state()).isEqualTo(CallMachine.CONFIRMED);
        return d;
    }

    @Test
    @DisplayName("R-SIP-6 R-RT-5 the far end's BYE ends the call the phone placed: 200, call idle, a new call goes")
    void farEndHangsUp()
    {
        final SimDeployment d = inCall(41);

        assertThat(d.server(Scenarios.PRIMARY).calls().hangUpAll()).isEqualTo(1);
        d.runFor(Duration.ofSeconds(1));

        assertThat(lines(d, "phone <- 192.168.1.14:5060  BYE")).hasSize(1);
        assertThat(lines(d, "phone -> 192.168.1.14:5060  200 OK")).anyMatch(l -> l.contains("BYE"));
        assertThat(d.account(1).call().state()).isEqualTo(CallMachine.IDLE);
        assertThat(d.events()).anyMatch(e -> e.contains("account 1         CALL ended by the far end (BYE) via " +
            "192.168.1.14"));
        assertThat(d.phone().incoming().noSuchCall()).as("not answered 481").isZero();

        assertThat(d.dial(1, "4607")).as("the account is free for a new call").isZero();
        d.runFor(Duration.ofSeconds(2));
        assertThat(d.account(1).call().state()).isEqualTo(CallMachine.CONFIRMED);
    }

    @Test
    @DisplayName("R-SIP-6 a BYE with the right Call-ID but another tag is not the call's: 481, the call stays up")
    void strangerByeIsRefused()
    {
        final SimDeployment d = inCall(42);
        final String callId = d.server(Scenarios.PRIMARY).calls().answeredCallIds().get(0);
        assertThat(d.server(Scenarios.PRIMARY).calls().byeWithTag(callId, "wrongtag")).isTrue();
        d.runFor(Duration.ofSeconds(1));

        assertThat(d.account(1).call().state()).isEqualTo(CallMachine.CONFIRMED);
        assertThat(d.phone().incoming().noSuchCall()).isEqualTo(1);
        assertThat(lines(d, "phone -> 192.168.1.14:5060  481")).hasSize(1);
    }

    @Test
    @DisplayName("R-SIP-6 R-RT-5 a call the server delivers rings, off-hook answers, on-hook sends the phone's BYE")
    void calleeHangsUp()
    {
        final SimDeployment d = registered(43);
        final String callId = d.server(Scenarios.PRIMARY).calls().call("4605", "4606");
        assertThat(callId).isNotNull();
        d.runFor(Duration.ofSeconds(1));
        assertThat(d.events()).anyMatch(e -> e.contains("INCOMING CALL ringing"));

        d.keys().hook(true);
        d.runFor(Duration.ofSeconds(1));
        assertThat(d.server(Scenarios.PRIMARY).calls().outcomes()).containsExactly(callId + " 200");
        assertThat(d.server(Scenarios.PRIMARY).calls().answeredCallIds()).containsExactly(callId);

        d.keys().hook(false);
        d.runFor(Duration.ofSeconds(1));
        assertThat(lines(d, "phone -> 192.168.1.14:5060  BYE sip:4606@192.168.1.14:5060")).hasSize(1);
        assertThat(d.phone().incoming().byesAnswered()).isEqualTo(1);
        assertThat(d.server(Scenarios.PRIMARY).calls().answeredCallIds()).as("the server's dialog ended").isEmpty();
        assertThat(d.events()).anyMatch(e -> e.contains("INCOMING CALL hung up here"));
    }

    @Test
    @DisplayName("R-SIP-5 R-SIP-6 QUIT during an answered incoming call sends its BYE before unregistering")
    void quitHangsUpTheIncomingCall()
    {
        final SimDeployment d = registered(44);
        final String callId = d.server(Scenarios.PRIMARY).calls().call("4605", "4606");
        d.runFor(Duration.ofSeconds(1));
        d.keys().hook(true);
        d.runFor(Duration.ofSeconds(1));
        assertThat(d.server(Scenarios.PRIMARY).calls().answeredCallIds()).containsExactly(callId);

        d.keys().command(CommandCode.QUIT, 0);
        d.runFor(Duration.ofSeconds(2));

        assertThat(d.server(Scenarios.PRIMARY).calls().answeredCallIds()).isEmpty();
        assertThat(d.phone().incoming().byesAnswered()).isEqualTo(1);
        assertThat(d.server(Scenarios.PRIMARY).isRegistered("4605", d.nowNs())).isFalse();
    }
}
