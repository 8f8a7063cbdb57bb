package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.Subscription;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.core.sim.SimSubscription;
import org.sipredundancy.hal.LampState;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sipredundancy.core.scenario.Ladders.eventMs;
import static org.sipredundancy.core.scenario.Scenarios.FALLBACK;
import static org.sipredundancy.core.scenario.Scenarios.PRIMARY;
import static org.sipredundancy.core.scenario.Scenarios.SECONDARY;

/**
 * Subscriptions (R-FB-2, R-FO-6): account 1 of user 4605 on yealink.pbx.com with the fallback server 192.168.1.15
 * registered concurrently, DSS key 1 a BLF key for 4606, and MWI. Subscriptions go only to the working server; their
 * lamps follow the NOTIFYs; after a failover they move at once with failback_subscribe = 1 (failback mode 3) and at
 * their next refresh without it.
 */
class SubscriptionScenarioTest
{
    private static final long FAILED_OVER_MS = 61_570;

    private static SimDeployment subscriber(final long seed, final String... lines)
    {
        final String[] all = new String[lines.length + 6];
        all[0] = Scenarios.DOMAIN_SERVER;
        all[1] = "account.1.sip_server.2.address = 192.168.1.15";
        all[2] = "linekey.1.type = 16";
        all[3] = "linekey.1.value = 4606";
        all[4] = "linekey.1.line = 1";
        all[5] = "account.1.subscribe_mwi = 1";
        System.arraycopy(lines, 0, all, 6, lines.length);
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(all), SeedDemo.zone(300), seed);
        d.start();
        return d;
    }

    @Test
    @DisplayName("R-FB-2 R-SIP-6 BLF and MWI subscribe to the working server only; the BLF lamp and the message " +
        "count follow the NOTIFYs; the refresh stays in the dialog")
    void subscriptionsFollowNotifies()
    {
        final SimDeployment d = subscriber(41, "account.1.blf.subscribe_period = 120");
        d.runFor(Duration.ofSeconds(2));
        assertThat(d.server(PRIMARY).subscriptions()).extracting(SimSubscription::event)
            .containsExactlyInAnyOrder("dialog", "message-summary");
        assertThat(d.server(FALLBACK).isRegistered("4605", d.nowNs())).as("concurrent registration").isTrue();
        assertThat(d.server(FALLBACK).subscriptions()).as("never to the fallback server").isEmpty();
        assertThat(d.events()).anyMatch(e -> e.contains("SUBSCRIPTION BLF key 1 active with 192.168.1.14"))
            .anyMatch(e -> e.contains("SUBSCRIPTION MWI active with 192.168.1.14"))
            .anyMatch(e -> e.contains("MWI 0 new messages"));

        d.server(PRIMARY).notifier().dialogState("4606", "early", d.nowNs());
        d.runFor(Duration.ofSeconds(1));
        assertThat(blf(d).lamp()).isEqualTo(LampState.FLASHING_FAST);
        d.server(PRIMARY).notifier().dialogState("4606", "confirmed", d.nowNs());
        d.server(PRIMARY).notifier().messagesWaiting("4605", 2, d.nowNs());
        d.runFor(Duration.ofSeconds(1));
        assertThat(blf(d).lamp()).isEqualTo(LampState.ON);
        assertThat(d.events()).anyMatch(e -> e.contains("BLF key 1 lamp FLASHING_FAST"))
            .anyMatch(e -> e.contains("BLF key 1 lamp ON")).anyMatch(e -> e.contains("MWI 2 new messages"));

        d.runFor(Duration.ofSeconds(120));
        final List<SimSubscription> dialog = d.server(PRIMARY).subscriptions().stream()
            .filter(s -> s.event().equals("dialog")).toList();
        assertThat(dialog).hasSize(2);
        assertThat(dialog.get(1).callId()).as("refreshed in the same dialog").isEqualTo(dialog.get(0).callId());
        assertThat(dialog.get(1).atNs() - dialog.get(0).atNs())
            .as("90 % of 120 s after the 200, which came back 10 ms after the SUBSCRIBE").isEqualTo(108_010_000_000L);
        assertThat(blf(d).lamp()).as("the refresh's NOTIFY keeps the state").isEqualTo(LampState.ON);
    }

    @Test
    @DisplayName("R-FO-6 failback_subscribe = 1 (failback mode 3): when the account fails over to another address, " +
        "every subscription is re-subscribed there at once, in a new dialog")
    void failbackSubscribeMovesAtOnce()
    {
        final SimDeployment d = subscriber(42, "account.1.sip_server.1.failback_mode = 3",
            "account.1.sip_server.1.failback_subscribe.enable = 1");
        d.runFor(Duration.ofSeconds(10));
        d.kill(PRIMARY);
        d.runFor(Duration.ofSeconds(60));
        final long failover = eventMs(d, "account 1 slot 1  REGISTERED with 192.168.1.13");
        assertThat(failover).isEqualTo(FAILED_OVER_MS);
        assertThat(eventMs(d, "SUBSCRIPTION BLF key 1 moving to 192.168.1.13")).isEqualTo(failover);
        final List<SimSubscription> moved = d.server(SECONDARY).subscriptions();
        assertThat(moved).extracting(SimSubscription::event).containsExactlyInAnyOrder("dialog", "message-summary");
        assertThat(moved).allSatisfy(s -> assertThat(s.atNs() / 1_000_000).isBetween(failover, failover + 20));
        assertThat(moved).extracting(SimSubscription::callId)
            .doesNotContainAnyElementsOf(d.server(PRIMARY).subscriptions().stream().map(SimSubscription::callId)
                .toList());
        d.server(SECONDARY).notifier().dialogState("4606", "confirmed", d.nowNs());
        d.runFor(Duration.ofSeconds(1));
        assertThat(blf(d).lamp()).as("NOTIFYs of the new server drive the lamp").isEqualTo(LampState.ON);
    }

    @Test
    @DisplayName("R-FO-6 failback_subscribe = 0: after a failover the subscriptions move at their next refresh")
    void withoutFailbackSubscribeTheyMoveAtRefresh()
    {
        final SimDeployment d = subscriber(43, "account.1.sip_server.1.failback_mode = 3",
            "account.1.blf.subscribe_period = 300");
        d.runFor(Duration.ofSeconds(10));
        d.kill(PRIMARY);
        d.runFor(Duration.ofSeconds(300));
        assertThat(eventMs(d, "account 1 slot 1  REGISTERED with 192.168.1.13")).isEqualTo(FAILED_OVER_MS);
        final List<SimSubscription> moved = d.server(SECONDARY).subscriptions().stream()
            .filter(s -> s.event().equals("dialog")).toList();
        final long firstSubscribeMs = d.server(PRIMARY).subscriptions().stream()
            .filter(s -> s.event().equals("dialog")).findFirst().orElseThrow().atNs() / 1_000_000;
        assertThat(moved).as("one SUBSCRIBE, at the refresh 270 s after the first").singleElement()
            .satisfies(s -> assertThat(s.atNs() / 1_000_000).isBetween(firstSubscribeMs + 270_000,
                firstSubscribeMs + 270_020));
        assertThat(d.events()).noneMatch(e -> e.contains("moving to"));
    }

    @Test
    @DisplayName("R-FB-2 R-SIP-5 stopping the account ends each subscription with Expires 0 in its dialog before the " +
        "binding is removed; the BLF lamp goes off")
    void stopUnsubscribes()
    {
        final SimDeployment d = subscriber(44);
        d.runFor(Duration.ofSeconds(2));
        d.server(PRIMARY).notifier().dialogState("4606", "confirmed", d.nowNs());
        d.runFor(Duration.ofSeconds(1));
        final List<SimSubscription> before = d.server(PRIMARY).subscriptions();

        d.phone().stop(d.nowNs());
        d.runFor(Duration.ofSeconds(2));

        final List<SimSubscription> after = d.server(PRIMARY).subscriptions();
        assertThat(after.subList(before.size(), after.size())).extracting(SimSubscription::event,
            SimSubscription::callId, SimSubscription::expiresS).containsExactlyInAnyOrder(
            tuple("dialog", before.get(0).event().equals("dialog") ?
                before.get(0).callId() : before.get(1).callId(), 0L),
            tuple("message-summary", before.get(0).event().equals("dialog") ?
                before.get(1).callId() : before.get(0).callId(), 0L));
        assertThat(eventMs(d, "SUBSCRIPTION BLF key 1 ended with 192.168.1.14")).isEqualTo(3_010);
        final List<String> ladder = d.ladder().lines();
        final String lastSubscribe = ladder.stream().filter(l -> l.contains("-> 192.168.1.14:5060  SUBSCRIBE"))
            .reduce((a, b) -> b).orElseThrow();
        final String lastRegister = ladder.stream().filter(l -> l.contains("-> 192.168.1.14:5060  REGISTER"))
            .reduce((a, b) -> b).orElseThrow();
        assertThat(ladder.indexOf(lastSubscribe)).as("unsubscribed before the binding is removed")
            .isLessThan(ladder.indexOf(lastRegister));
        assertThat(blf(d).state()).isEqualTo(Subscription.IDLE);
        assertThat(blf(d).lamp()).isEqualTo(LampState.OFF);
        assertThat(d.server(FALLBACK).subscriptions()).isEmpty();
    }

    private static Subscription blf(final SimDeployment d)
    {
        return d.account(1).subscriptionList().get(0);
    }
}
