package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sim.SimDeployment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ExploreTest
{
    @Test
    @DisplayName("R-SCN-3 explore")
    void explore()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(
            "account.1.sip_server.1.address = yealink.pbx.com", "account.1.sip_server.1.port = 0",
            "account.1.sip_server.1.transport_type = 3", "account.1.sip_server.1.expires = 60",
            "account.1.sip_server.1.failback_mode = 0"), Scenarios.seedZone(3600), 1);
        d.start();
        d.runFor(Duration.ofSeconds(10));
        d.kill(Scenarios.PRIMARY);
        d.runFor(Duration.ofSeconds(120));
        d.dial(1, "4606");
        d.runFor(Duration.ofSeconds(20));
        d.hangUp(1);
        d.runFor(Duration.ofSeconds(5));
        d.revive(Scenarios.PRIMARY);
        d.runFor(Duration.ofSeconds(60));
        System.out.println(String.join("\n", d.events()));
        System.out.println(d.ladder().text());
        assertThat(d.events()).isNotEmpty();
    }
}
