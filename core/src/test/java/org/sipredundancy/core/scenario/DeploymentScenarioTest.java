package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.Account;
import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.core.sim.SimDnsFault;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.scenario.Ladders.eventMs;
import static org.sipredundancy.core.scenario.Ladders.lines;
import static org.sipredundancy.core.scenario.Scenarios.PRIMARY;
import static org.sipredundancy.core.scenario.Scenarios.SECONDARY;

/**
 * Whole-deployment scenarios: DNS answers that expire (asked again live, and a DNS outage after expiry that must
 * not cost the registration), and every account of a SIP-T58V failing over and back at once.
 */
class DeploymentScenarioTest
{
    @Test
    @DisplayName("R-DNS-8 R-FO-1 DNS TTL expiry: a refresh after the TTL asks DNS again; with DNS down it keeps " +
        "the candidates found before and the registration does not lapse")
    void dnsTtlExpiry()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(
            Scenarios.DOMAIN_SERVER.replace("expires = 60", "expires = 300")), SeedDemo.zone(30), 21);
        d.start();
        d.runFor(Duration.ofSeconds(280));
        assertThat(eventMs(d, "DNS 2 candidates (live)")).isEqualTo(40);
        assertThat(d.events().stream().filter(e -> e.contains("DNS 2 candidates (live)")))
            .as("the refresh at 270 s asked again: the 30 s TTL had run out").hasSize(2);
        d.dns().fault(SimDnsFault.SILENT);
        d.runFor(Duration.ofSeconds(300));
        final long kept = eventMs(d, "DNS lookup failed; using the 2 candidates found before");
        final long lastAccepted = Ladders.ms(lines(d, "<- 192.168.1.14:5060  200 OK").get(1));
        assertThat(kept).as("the refresh went out before the binding expired").isLessThan(lastAccepted + 300_000);
        final Account account = d.account(1);
        assertThat(account.working().state()).isEqualTo(SlotMachine.REGISTERED);
        assertThat(d.server(PRIMARY).isRegistered("4605", d.nowNs())).isTrue();
        GoldenLadder.assertMatches("dns-ttl-expiry", d);
    }

    @Test
    @DisplayName("R-FB-4 hanging up while the call rings sends CANCEL to the server that rings; the INVITE ends " +
        "with 487 and its ACK, and the call is reported abandoned")
    void cancelWhileRinging()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(Scenarios.DOMAIN_SERVER),
            SeedDemo.zone(3600), 23);
        d.server(PRIMARY).answerDelayNs(30 * Scenarios.S);
        d.start();
        d.runFor(Duration.ofSeconds(5));
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(2));
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(5));
        assertThat(lines(d, "-> 192.168.1.14:5060  CANCEL sip:4606@yealink.pbx.com (CSeq 1 CANCEL)")).hasSize(1);
        assertThat(lines(d, "<- 192.168.1.14:5060  487")).hasSize(1);
        assertThat(lines(d, "-> 192.168.1.14:5060  ACK sip:4606@yealink.pbx.com (CSeq 1 ACK)")).hasSize(1);
        assertThat(d.events()).anyMatch(e -> e.contains("CALL abandoned via 192.168.1.14 (487)"));
        assertThat(d.account(1).call().isActive()).isFalse();
        GoldenLadder.assertMatches("cancel-while-ringing", d);
    }

    @Test
    @DisplayName("R-PRO-1 R-FO-1 R-FO-2 all 16 accounts of a SIP-T58V register, fail over together when the " +
        "primary dies and fail back together when it recovers")
    void sixteenAccounts()
    {
        final StringBuilder text = new StringBuilder("#!version:1.0.0.1\n");
        for (int x = 1; x <= 16; x++)
        {
            final String p = "account." + x + ".";
            text.append(p).append("enable = 1\n").append(p).append("user_name = ").append(4600 + x).append('\n')
                .append(p).append("password = pw").append(x).append('\n')
                .append(Scenarios.DOMAIN_SERVER.replace("account.1.", p)).append('\n');
        }
        final SimDeployment d = Scenarios.deployment("T58V", text.toString(), SeedDemo.zone(3600), 22);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        assertThat(d.phone().accounts()).hasSize(16);
        for (int x = 1; x <= 16; x++)
        {
            assertThat(d.server(PRIMARY).isRegistered(String.valueOf(4600 + x), d.nowNs())).as("account %d", x)
                .isTrue();
        }
        d.kill(PRIMARY);
        d.runFor(Duration.ofSeconds(60));
        for (int x = 1; x <= 16; x++)
        {
            assertThat(d.server(SECONDARY).isRegistered(String.valueOf(4600 + x), d.nowNs())).as("account %d", x)
                .isTrue();
        }
        assertThat(d.events().stream().filter(e -> e.contains("FAILOVER 192.168.1.14 -> 192.168.1.13"))).hasSize(16);
        d.revive(PRIMARY);
        d.runFor(Duration.ofSeconds(60));
        assertThat(d.events().stream().filter(e -> e.contains("FAILBACK to 192.168.1.14"))).hasSize(16);
        assertThat(lines(d, "-> 192.168.1.13:5060  REGISTER")).as("two REGISTERs (401, 200) per account").hasSize(32);
    }
}
