package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.machine.CallMachine;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.hal.CommandCode;
import org.sipredundancy.hal.KeyEventPublisher;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.scenario.Ladders.eventMs;
import static org.sipredundancy.core.scenario.Ladders.lines;

/**
 * The keys HAL drives calls (R-RT-5): digits and SEND place a call on the selected account, a line key selects the
 * account, on-hook ends the call, and QUIT unregisters. Account 1 of user 4605 on yealink.pbx.com, account 2 of
 * user 4607 on the fallback server 192.168.1.15.
 */
class KeypadScenarioTest
{
    private static SimDeployment twoAccounts(final long seed)
    {
        final String text = Scenarios.account1(Scenarios.DOMAIN_SERVER,
            "account.2.enable = 1", "account.2.user_name = 4607", "account.2.auth_name = 4607",
            "account.2.password = 4607", "account.2.sip_server.1.address = 192.168.1.15");
        final SimDeployment d = Scenarios.deployment("T46S", text, SeedDemo.zone(3600), seed);
        d.start();
        d.runFor(Duration.ofSeconds(2));
        return d;
    }

    private static void type(final KeyEventPublisher keys, final String digits)
    {
        for (final char digit : digits.toCharArray())
        {
            assertThat(keys.digit(digit)).as("digit %s accepted", digit).isTrue();
        }
    }

    @Test
    @DisplayName("R-RT-5 R-FB-4 digits and SEND call from the selected account; on-hook sends BYE; a line key " +
        "moves the next call to that account")
    void keysPlaceAndEndCalls()
    {
        final SimDeployment d = twoAccounts(31);
        type(d.keys(), "4606");
        d.keys().send();
        d.runFor(Duration.ofSeconds(2));
        assertThat(eventMs(d, "account 1         KEYPAD dialling")).isEqualTo(2_000);
        assertThat(lines(d, "phone -> 192.168.1.14:5060  INVITE sip:4606@yealink.pbx.com")).hasSize(1);
        assertThat(d.account(1).call().state()).isEqualTo(CallMachine.CONFIRMED);

        d.keys().hook(false);
        d.runFor(Duration.ofSeconds(1));
        assertThat(lines(d, "phone -> 192.168.1.14:5060  BYE")).hasSize(1);
        assertThat(d.account(1).call().state()).isEqualTo(CallMachine.IDLE);

        d.keys().lineKey(2);
        type(d.keys(), "4606");
        d.keys().send();
        d.runFor(Duration.ofSeconds(2));
        assertThat(d.events()).anyMatch(e -> e.contains("account 2         KEYPAD line selected"));
        assertThat(lines(d, "phone -> 192.168.1.15:5060  INVITE sip:4606@192.168.1.15")).hasSize(1);
        assertThat(d.account(2).call().state()).isEqualTo(CallMachine.CONFIRMED);
    }

    @Test
    @DisplayName("R-RT-5 a press that cannot act says why: no such line, SEND without digits, busy with a call")
    void pressesThatCannotAct()
    {
        final SimDeployment d = twoAccounts(32);
        d.keys().lineKey(5);
        d.keys().send();
        type(d.keys(), "4606");
        d.keys().send();
        d.runFor(Duration.ofSeconds(1));
        type(d.keys(), "4608");
        d.keys().send();
        d.runFor(Duration.ofSeconds(1));
        assertThat(d.events()).filteredOn(e -> e.contains("KEYPAD")).extracting(e -> e.substring(e.indexOf("account")))
            .containsExactly(
                "account 5         KEYPAD no such line: selection unchanged",
                "account 1         KEYPAD SEND with no digits typed: nothing dialled",
                "account 1         KEYPAD dialling",
                "account 1         KEYPAD busy with a call: digits dropped");
        assertThat(lines(d, "INVITE sip:4608")).as("the second number is not dialled").isEmpty();
    }

    @Test
    @DisplayName("R-SIP-5 R-RT-5 the QUIT command unregisters every account (expires = 0)")
    void quitUnregisters()
    {
        final SimDeployment d = twoAccounts(33);
        assertThat(d.server(Scenarios.PRIMARY).isRegistered("4605", d.nowNs())).isTrue();
        d.keys().command(CommandCode.QUIT, 0);
        d.runFor(Duration.ofSeconds(2));
        assertThat(d.phone().hasQuit()).isTrue();
        assertThat(d.server(Scenarios.PRIMARY).isRegistered("4605", d.nowNs())).isFalse();
        assertThat(d.server(Scenarios.FALLBACK).isRegistered("4607", d.nowNs())).isFalse();
        assertThat(d.events()).anyMatch(e -> e.contains("account 1 slot 1  DISABLED"))
            .anyMatch(e -> e.contains("account 2 slot 1  DISABLED"));
    }
}
