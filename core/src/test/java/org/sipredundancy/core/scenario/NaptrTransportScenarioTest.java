package org.sipredundancy.core.scenario;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sim.SimBinding;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.core.sim.SimDnsZone;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With transport_type 3 (DNS-NAPTR) the transport is the one NAPTR picks — TCP for the seed's yealink.pbx.com — and
 * the REGISTER names it: its Contact carries {@code ;transport=tcp}, so the registrar reaches the phone the way it
 * registered (R-DNS-3, R-SIP-1). A server configured for UDP gets a Contact without a transport.
 */
class NaptrTransportScenarioTest
{
    /** The seed's Appendix A with TCP offered first by NAPTR. */
    private static SimDnsZone tcpZone()
    {
        final String domain = "yealink.pbx.com";
        return new SimDnsZone()
            .soa(domain, 3600, 300)
            .naptr(domain, 3600, 90, 50, "s", "SIP+D2T", "", "_sip._tcp." + domain)
            .naptr(domain, 3600, 100, 50, "s", "SIP+D2U", "", "_sip._udp." + domain)
            .srv("_sip._tcp." + domain, 3600, 0, 1, 5060, "server1." + domain)
            .srv("_sip._tcp." + domain, 3600, 0, 2, 5060, "server2." + domain)
            .a("server1." + domain, 3600, "192.168.1.13")
            .a("server2." + domain, 3600, "192.168.1.14");
    }

    @Test
    @DisplayName("R-DNS-3 R-SIP-1 a NAPTR-chosen TCP registration names TCP in its Contact; UDP names none")
    void contactNamesTheTransportNaptrChose()
    {
        final SimDeployment d = Scenarios.deployment("T46S", Scenarios.account1(Scenarios.DOMAIN_SERVER,
            "account.2.enable = 1", "account.2.user_name = 4607", "account.2.auth_name = 4607",
            "account.2.password = 4607", "account.2.sip_server.1.address = 192.168.1.15",
            "account.2.sip_server.1.transport_type = 0"), tcpZone(), 61);
        d.start();
        d.runFor(Duration.ofSeconds(3));

        assertThat(d.server(Scenarios.PRIMARY).bindings()).extracting(SimBinding::contact)
            .singleElement().satisfies(contact -> assertThat(contact).endsWith(":5060;transport=tcp"));
        assertThat(d.server(Scenarios.FALLBACK).bindings()).extracting(SimBinding::contact)
            .singleElement().satisfies(contact -> assertThat(contact).endsWith(":5060").doesNotContain("transport"));
        assertThat(d.account(1).working().isBound(d.nowNs())).as("the 200 OK's Contact was recognised").isTrue();
    }
}
