package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.account.machine.ProxyPairMachine;
import org.sipredundancy.core.scenario.SentRequests.Request;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.hal.Ipv4;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sipredundancy.core.scenario.Ladders.eventMs;

/**
 * Outbound proxies (R-OBP-1 … R-OBP-3): account 1 of user 4605 registers with yealink.pbx.com through proxy 1
 * (10.1.8.11) and proxy 2 (10.1.8.12), expiry 60 s. Every request goes to a proxy with its Route header while the
 * Request-URI and To stay on the server's domain; a dead proxy 1 fails over to proxy 2 after retry_counts, and
 * proxy 1 is tried again when outbound_proxy_fallback_interval has passed.
 */
class OutboundProxyScenarioTest
{
    private static final int PROXY_1 = (int)Ipv4.parse("10.1.8.11");
    private static final int PROXY_2 = (int)Ipv4.parse("10.1.8.12");
    private static final String ROUTE_1 = "<sip:10.1.8.11:5060;lr>";
    private static final String ROUTE_2 = "<sip:10.1.8.12:5060;lr>";
    private static final String[] PROXIES = {
        Scenarios.DOMAIN_SERVER,
        "account.1.outbound_proxy_enable = 1",
        "account.1.outbound_proxy.1.address = 10.1.8.11", "account.1.outbound_proxy.1.port = 5060",
        "account.1.outbound_proxy.2.address = 10.1.8.12", "account.1.outbound_proxy.2.port = 5060",
        "account.1.outbound_proxy_fallback_interval = 300",
        "account.1.outbound_proxy.2.failback_mode = 3", "account.1.outbound_proxy.2.failback_timeout = 0"};

    private final SentRequests sent = new SentRequests(SimDeployment.PHONE);

    private SimDeployment proxies(final long seed)
    {
        return Scenarios.deployment("T46S", 86, Scenarios.account1(PROXIES), SeedDemo.zone(300), seed, sent);
    }

    @Test
    @DisplayName("R-OBP-1 every request goes to outbound proxy 1 with a Route header; Request-URI and To stay on " +
        "the server's domain and nothing goes to the server itself")
    void everyRequestThroughTheProxy()
    {
        final SimDeployment d = proxies(21);
        d.start();
        d.runFor(Duration.ofSeconds(5));
        assertThat(d.dial(1, "4606")).isZero();
        d.runFor(Duration.ofSeconds(5));
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(60));

        assertThat(sent.of("REGISTER")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(r ->
        {
            assertThat(r.destination()).isEqualTo("10.1.8.11:5060");
            assertThat(r.requestLine()).isEqualTo("REGISTER sip:yealink.pbx.com SIP/2.0");
            assertThat(r.route()).isEqualTo(ROUTE_1);
            assertThat(r.to()).isEqualTo("<sip:4605@yealink.pbx.com>");
        });
        assertThat(sent.of("INVITE")).singleElement().satisfies(r ->
        {
            assertThat(r.destination()).isEqualTo("10.1.8.11:5060");
            assertThat(r.requestLine()).isEqualTo("INVITE sip:4606@yealink.pbx.com SIP/2.0");
            assertThat(r.route()).isEqualTo(ROUTE_1);
        });
        assertThat(sent.of("ACK")).extracting(Request::route).containsOnly(ROUTE_1).isNotEmpty();
        assertThat(sent.of("BYE")).extracting(Request::destination, Request::route)
            .containsExactly(tuple("10.1.8.11:5060", ROUTE_1));
        assertThat(sent.all()).extracting(Request::destination).allMatch(a -> a.startsWith("10.1.8.11:"));
        assertThat(d.account(1).working().proxyState()).isEqualTo(ProxyPairMachine.ON_PROXY_1);
        assertThat(d.events()).anyMatch(e -> e.contains("REGISTERED with 10.1.8.11:5060"));
    }

    @Test
    @DisplayName("R-OBP-2 a dead proxy 1 gets retry_counts retransmissions, then proxy 2 with its own Route; proxy 1 " +
        "is tried again exactly outbound_proxy_fallback_interval after the failover")
    void proxyFailoverAndFallbackInterval()
    {
        final SimDeployment d = proxies(22);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.kill(PROXY_1);
        d.runFor(Duration.ofSeconds(60));
        final long failover = eventMs(d, "REGISTERED with 10.1.8.12:5060");
        final List<Request> refresh = sent.of("REGISTER").stream().filter(r -> r.ms() > 10_000).toList();
        assertThat(refresh).extracting(Request::destination).startsWith("10.1.8.11:5060", "10.1.8.11:5060",
            "10.1.8.11:5060", "10.1.8.11:5060", "10.1.8.12:5060");
        assertThat(refresh.get(4).ms() - refresh.get(0).ms()).as("retry_counts 3: proxy 2 after 7.5 s")
            .isEqualTo(7_500);
        assertThat(refresh.get(4).route()).isEqualTo(ROUTE_2);
        assertThat(refresh.get(4).requestLine()).isEqualTo("REGISTER sip:yealink.pbx.com SIP/2.0");
        assertThat(d.account(1).working().proxyState()).isEqualTo(ProxyPairMachine.ON_PROXY_2);

        d.revive(PROXY_1);
        d.runFor(Duration.ofSeconds(300));
        final long failback = eventMs(d, "FAILBACK to 10.1.8.11 (proxy fallback interval)");
        assertThat(sent.of("REGISTER").stream().filter(r -> r.ms() > failover && r.ms() < failback - 100))
            .as("renewals stay with proxy 2 inside the interval").isNotEmpty()
            .allMatch(r -> r.destination().equals("10.1.8.12:5060") && r.route().equals(ROUTE_2));
        final Request retry = sent.of("REGISTER").stream().filter(r -> r.destination().startsWith("10.1.8.11") &&
            r.ms() > failover).findFirst().orElseThrow();
        assertThat(retry.ms()).as("proxy 1 again 300 s after the failover").isEqualTo(failover + 300_000);
        assertThat(retry.route()).isEqualTo(ROUTE_1);
        assertThat(d.account(1).working().proxyState()).isEqualTo(ProxyPairMachine.ON_PROXY_1);
        GoldenLadder.assertMatches("outbound-proxy-failover", d);
    }

    @Test
    @DisplayName("R-OBP-2 R-FB-4 a call while proxy 1 is dead tries it with invite_retry_counts, then proxy 2, " +
        "each with its own Route")
    void callFailsOverToProxy2()
    {
        final SimDeployment d = proxies(23);
        d.start();
        d.runFor(Duration.ofSeconds(5));
        d.kill(PROXY_1);
        assertThat(d.dial(1, "4606")).isZero();
        d.runFor(Duration.ofSeconds(20));
        final List<Request> invites = sent.of("INVITE");
        assertThat(invites).extracting(Request::destination).last().isEqualTo("10.1.8.12:5060");
        assertThat(invites).extracting(Request::destination).first().isEqualTo("10.1.8.11:5060");
        assertThat(invites).allSatisfy(r -> assertThat(r.route())
            .isEqualTo(r.destination().startsWith("10.1.8.11") ? ROUTE_1 : ROUTE_2));
        assertThat(d.events()).anyMatch(e -> e.contains("answered"));
    }

    @Test
    @DisplayName("R-OBP-3 on firmware 80 the legacy outbound_host/backup_outbound_host pair routes and fails over " +
        "like outbound_proxy.1/.2")
    void legacyParameters()
    {
        final SimDeployment d = Scenarios.deployment("T46G", 80, Scenarios.account1(Scenarios.DOMAIN_SERVER,
            "account.1.outbound_proxy_enable = 1",
            "account.1.outbound_host = 10.1.8.11", "account.1.outbound_port = 5060",
            "account.1.backup_outbound_host = 10.1.8.12", "account.1.backup_outbound_port = 5060"),
            SeedDemo.zone(300), 24, sent);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.kill(PROXY_1);
        d.runFor(Duration.ofSeconds(60));
        assertThat(sent.of("REGISTER").get(0).route()).isEqualTo(ROUTE_1);
        assertThat(sent.of("REGISTER")).extracting(Request::destination).contains("10.1.8.12:5060");
        assertThat(sent.of("REGISTER")).filteredOn(r -> r.destination().startsWith("10.1.8.12"))
            .extracting(Request::route).containsOnly(ROUTE_2);
        assertThat(d.events()).anyMatch(e -> e.contains("REGISTERED with 10.1.8.12:5060"));
    }
}
