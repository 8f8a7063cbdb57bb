package org.sipredundancy.core.peers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipredundancy.core.account.AccountEventText;
import org.sipredundancy.core.account.Phone;
import org.sipredundancy.core.account.machine.FallbackMachine;
import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.SplitMix64Random;
import org.sipredundancy.hal.host.HostHal;
import org.sipredundancy.hal.host.HostHalContext;
import org.sipredundancy.profiles.ProfileRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone against three real Kamailio registrars and a dnsmasq on loopback (INTEROP.md): a working cluster of two
 * found by NAPTR, SRV and A (pbx.test → 127.0.0.31, then 127.0.0.32) and a fallback server by address
 * (127.0.0.33), successive registration, failback mode 0, 30 s expiries. Each step is checked in Kamailio's own
 * location table: kill the primary by pid → registered with the secondary; revive it → back on the primary at the
 * next refresh; kill the cluster → registered with the fallback; revive the primary → the probe moves back and the
 * fallback binding is removed. A second test puts SIPp in the primary's place, answering 503 with Retry-After, which
 * Kamailio cannot be made to do.
 */
class KamailioRedundancyTest
{
    private static final String USER = "4605";
    private static final long STEP_MS = 60_000;

    @TempDir
    Path directory;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<KamailioPeer> peers = new ArrayList<>();
    private HostHal hal;
    private DutyCycle dutyCycle;
    private Phone phone;

    @AfterEach
    void tearDown()
    {
        if (phone != null)
        {
            phone.stack().transport().closeAll();
        }
        if (hal != null)
        {
            hal.close();
        }
        peers.forEach(KamailioPeer::close);
    }

    @Test
    @DisplayName("R-FO-1 R-FO-2 R-FO-3 R-FB-3 R-SCN-3 three Kamailio and dnsmasq: failover to the secondary, " +
        "failback to the primary, successive fallback when the cluster dies, and the probe back")
    void failoverFailbackFallback() throws Exception
    {
        final KamailioPeer primary = kamailio("k1", "127.0.0.31");
        final KamailioPeer secondary = kamailio("k2", "127.0.0.32");
        final KamailioPeer fallback = kamailio("k3", "127.0.0.33");
        try (DnsmasqPeer dns = DnsmasqPeer.start(Files.createDirectories(directory.resolve("dns")), "127.0.0.53",
            List.of("naptr-record=pbx.test,100,50,\"s\",\"SIP+D2U\",\"\",_sip._udp.pbx.test",
                "srv-host=_sip._udp.pbx.test,server1.pbx.test," + primary.port() + ",0,2",
                "srv-host=_sip._udp.pbx.test,server2.pbx.test," + secondary.port() + ",0,1",
                "host-record=server1.pbx.test,127.0.0.31",
                "host-record=server2.pbx.test,127.0.0.32")))
        {
            startPhone(dns, fallback.port());
            assertThat(pump(() -> registered(primary))).as("registered with the primary; %s", events).isTrue();

            primary.kill();
            assertThat(pump(() -> registered(secondary))).as("failed over; %s", events).isTrue();
            assertThat(events).anyMatch(e -> e.contains("FAILOVER 127.0.0.31 -> 127.0.0.32"));

            primary.restart();
            assertThat(pump(() -> events.stream().anyMatch(e -> e.contains("FAILBACK to 127.0.0.31"))))
                .as("failed back; %s", events).isTrue();
            assertThat(registered(primary)).isTrue();

            primary.kill();
            secondary.kill();
            assertThat(pump(() -> registered(fallback))).as("on the fallback; %s", events).isTrue();
            assertThat(phone.account(1).fallbackState()).isEqualTo(FallbackMachine.ON_FALLBACK);

            primary.restart();
            assertThat(pump(() -> phone.account(1).fallbackState() == FallbackMachine.ON_WORKING &&
                registered(primary))).as("probed back; %s", events).isTrue();
            assertThat(pump(() -> !registered(fallback))).as("fallback binding removed (expires = 0)").isTrue();
            assertThat(dns.queries()).anyMatch(q -> q.contains("pbx.test"));
        }
    }

    @Test
    @DisplayName("R-SIP-3 R-FO-7 SIPp answers 503 with Retry-After: the REGISTER moves to the Kamailio secondary " +
        "at once, and the refresh inside the Retry-After does not touch the primary")
    void serviceUnavailableWithRetryAfter() throws Exception
    {
        final KamailioPeer secondary = kamailio("k2", "127.0.0.42");
        try (SippPeer primary = SippPeer.start(Files.createDirectories(directory.resolve("sipp")), "127.0.0.41", 0,
            SippPeer.respond503(45));
            DnsmasqPeer dns = DnsmasqPeer.start(Files.createDirectories(directory.resolve("dns")), "127.0.0.53",
                List.of("naptr-record=pbx.test,100,50,\"s\",\"SIP+D2U\",\"\",_sip._udp.pbx.test",
                    "srv-host=_sip._udp.pbx.test,server1.pbx.test," + primary.port() + ",0,2",
                    "srv-host=_sip._udp.pbx.test,server2.pbx.test," + secondary.port() + ",0,1",
                    "host-record=server1.pbx.test,127.0.0.41",
                    "host-record=server2.pbx.test,127.0.0.42")))
        {
            startPhone(dns, 0);
            assertThat(pump(() -> registered(secondary))).as("registered with the secondary; %s", events).isTrue();
            assertThat(primary.receivedCount("REGISTER")).as("one REGISTER, answered 503, no retransmission")
                .isEqualTo(1);
            assertThat(events).anyMatch(e -> e.contains("FAILOVER 127.0.0.41 -> 127.0.0.42 (SERVICE_UNAVAILABLE)"));
            assertThat(pump(() -> events.stream().filter(e -> e.contains("REGISTERED with 127.0.0.42")).count() >= 2))
                .as("refreshed at 27 s; %s", events).isTrue();
            assertThat(primary.receivedCount("REGISTER")).as("nothing to the primary inside its 45 s Retry-After")
                .isEqualTo(1);
        }
    }

    private KamailioPeer kamailio(final String name, final String address) throws Exception
    {
        final KamailioPeer peer = KamailioPeer.start(Files.createDirectories(directory.resolve(name)), address, 0,
            Map.of(USER, "secret-" + USER), 5, 60);
        peers.add(peer);
        return peer;
    }

    private void startPhone(final DnsmasqPeer dns, final int fallbackPort)
    {
        final String text = String.join("\n",
            "account.1.enable = 1", "account.1.user_name = " + USER, "account.1.auth_name = " + USER,
            "account.1.password = secret-" + USER,
            "account.1.sip_server.1.address = pbx.test", "account.1.sip_server.1.port = 0",
            "account.1.sip_server.1.transport_type = 3", "account.1.sip_server.1.expires = 30",
            "account.1.sip_server.1.failback_mode = 0",
            fallbackPort == 0 ? "" : "account.1.sip_server.2.address = 127.0.0.33",
            "account.1.sip_server.2.port = " + fallbackPort, "account.1.sip_server.2.expires = 30",
            "account.1.fallback.redundancy_type = 1", "account.1.fallback.timeout = 10", "");
        final ParseResult parsed = ConfigLoader.parseText(text, "kamailio.cfg",
            ProfileRegistry.load().find("T46S").orElseThrow(), 86);
        hal = new HostHal(new HostHalContext());
        dutyCycle = new DutyCycle(new DutyCycleContext().nanoClock(hal.nanoClock()).inbound(hal.inbound()));
        phone = new Phone(parsed.config(), dutyCycle, hal.network(), Ipv4.LOOPBACK, 0, new SplitMix64Random(7),
            new int[][]{{(int)Ipv4.parse(dns.address()), dns.port()}}, new AccountEventText(events::add, false));
        phone.start(dutyCycle.nowNs());
    }

    private static boolean registered(final KamailioPeer peer)
    {
        try
        {
            return peer.isAlive() && !peer.contacts(USER).isEmpty();
        }
        catch (final Exception ex)
        {
            return false;
        }
    }

    private boolean pump(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + STEP_MS * 1_000_000L;
        long lastCheck = 0;
        while (System.nanoTime() < deadline)
        {
            dutyCycle.doWork();
            if (System.nanoTime() - lastCheck > 200_000_000L)
            {
                lastCheck = System.nanoTime();
                if (condition.getAsBoolean())
                {
                    return true;
                }
            }
            Thread.sleep(1);
        }
        return condition.getAsBoolean();
    }
}
