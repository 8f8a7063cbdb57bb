package org.sipredundancy.core.peers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.sip.SipStack;
import org.sipredundancy.core.sip.registration.Registration;
import org.sipredundancy.core.sip.registration.RegistrationContext;
import org.sipredundancy.core.sip.registration.RegistrationListener;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.SplitMix64Random;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.host.HostHal;
import org.sipredundancy.hal.host.HostHalContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The phone's own SIP stack (host HAL, duty cycle, transport, client transactions, registration) against a real
 * Kamailio on loopback (INTEROP.md): REGISTER drawing a 401, the digest answer accepted with 200, a refresh at 90 %
 * of a short granted expiry, and unregistration, each checked on Kamailio's side (its request log and its location
 * table), over UDP and over TCP.
 */
class KamailioRegistrationTest implements RegistrationListener
{
    private static final long EXPIRES_S = 10;
    private static final long WAIT_MS = 20_000;

    @TempDir
    Path directory;

    private final List<String> events = new ArrayList<>();
    private HostHal hal;
    private DutyCycle dutyCycle;
    private SipStack stack;
    private int flow;
    private int server;
    private int serverPort;
    private long refreshDueNs = -1;

    @AfterEach
    void tearDown()
    {
        if (stack != null)
        {
            stack.transport().closeAll();
        }
        if (hal != null)
        {
            hal.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UDP, 127.0.0.21", "TCP, 127.0.0.22"})
    @DisplayName("R-SIP-4 R-SIP-5 R-SIP-1 Kamailio: 401 then 200, refresh at 90 % of the grant, unregistration")
    void shouldRegisterRefreshAndUnregister(final String transportName, final String address) throws Exception
    {
        final int transport = "TCP".equals(transportName) ? Transport.TCP : Transport.UDP;
        try (KamailioPeer peer = KamailioPeer.start(directory, address, 0, Map.of("alice", "alice-secret"), 5, 60))
        {
            hal = new HostHal(new HostHalContext());
            dutyCycle = new DutyCycle(new DutyCycleContext().nanoClock(hal.nanoClock()).inbound(hal.inbound()));
            stack = new SipStack(hal.network(), dutyCycle.router(), dutyCycle.timers(), new SplitMix64Random(1),
                Ipv4.LOOPBACK, 0);
            assertThat(stack.transport().open()).isEqualTo(NetworkStatus.OK);
            server = (int)Ipv4.parse(address);
            serverPort = peer.port();
            flow = stack.transport().flow(transport, server, serverPort, null, dutyCycle.nowNs());
            assertThat(flow).isPositive();
            final Registration registration = new Registration(new RegistrationContext()
                .transactions(stack.transactions()).timers(dutyCycle.timers()).random(new SplitMix64Random(2))
                .listener(this).credentials("alice", "alice", "alice-secret").server(address, EXPIRES_S)
                .local(transport, "127.0.0.1", stack.transport().localPort()));

            final long firstSendNs = dutyCycle.nowNs();
            assertThat(registration.register(flow, server, serverPort, -1, firstSendNs)).isEqualTo(NetworkStatus.OK);
            assertThat(pump(() -> events.contains("registered 10"))).as("events %s", events).isTrue();
            assertThat(peer.awaitRequests("REGISTER", 2)).filteredOn(r -> "REGISTER".equals(r.method()))
                .extracting(KamailioPeer.LoggedRequest::cseq, KamailioPeer.LoggedRequest::reply,
                    KamailioPeer.LoggedRequest::grantedExpiresS, KamailioPeer.LoggedRequest::transport)
                .containsExactly(tuple(1L, 401, -1L, transportName.toLowerCase(java.util.Locale.ROOT)),
                    tuple(2L, 200, 10L, transportName.toLowerCase(java.util.Locale.ROOT)));
            final String contact = "<sip:alice@127.0.0.1:" + stack.transport().localPort() +
                (transport == Transport.TCP ? ";transport=tcp>" : ">");
            assertThat(peer.contacts("alice")).singleElement().asString().startsWith(contact);

            final long grantedAtSendNs = registration.refreshDeadlineNs() - TimeUnit.SECONDS.toNanos(9);
            assertThat(grantedAtSendNs).as("refresh due 9 s (90 %% of 10 s) after the accepted REGISTER was sent")
                .isGreaterThanOrEqualTo(firstSendNs);
            assertThat(pump(() -> events.size() >= 3 && events.get(2).equals("registered 10"))).as("events %s",
                events).isTrue();
            assertThat(events).containsExactly("registered 10", "refresh-due", "registered 10");
            assertThat(refreshDueNs).isGreaterThanOrEqualTo(grantedAtSendNs + TimeUnit.SECONDS.toNanos(9));
            assertThat(peer.awaitRequests("REGISTER", 3)).filteredOn(r -> "REGISTER".equals(r.method()))
                .extracting(KamailioPeer.LoggedRequest::cseq, KamailioPeer.LoggedRequest::reply)
                .endsWith(tuple(3L, 200));
            assertThat(peer.contacts("alice")).singleElement().asString().startsWith(contact);
            assertThat(registration.nonceCount()).isEqualTo(2);

            assertThat(registration.unregister(flow, server, serverPort, -1, dutyCycle.nowNs()))
                .isEqualTo(NetworkStatus.OK);
            assertThat(pump(() -> events.contains("unregistered"))).as("events %s", events).isTrue();
            assertThat(peer.awaitRequests("REGISTER", 4)).filteredOn(r -> "REGISTER".equals(r.method()))
                .extracting(KamailioPeer.LoggedRequest::cseq, KamailioPeer.LoggedRequest::expiresS,
                    KamailioPeer.LoggedRequest::reply)
                .endsWith(tuple(4L, 0L, 200));
            assertThat(peer.contacts("alice")).isEmpty();
            assertThat(stack.malformedCount()).isZero();
        }
    }

    private boolean pump(final BooleanSupplier condition) throws InterruptedException
    {
        for (long i = 0; i < WAIT_MS; i++)
        {
            dutyCycle.doWork();
            if (condition.getAsBoolean())
            {
                return true;
            }
            Thread.sleep(1);
        }
        return condition.getAsBoolean();
    }

    public void onRegistered(final Registration registration, final long grantedExpiresS, final long nowNs)
    {
        events.add("registered " + grantedExpiresS);
    }

    public void onRefreshDue(final Registration registration, final long nowNs)
    {
        events.add("refresh-due");
        refreshDueNs = nowNs;
        registration.register(flow, server, serverPort, -1, nowNs);
    }

    public void onRegistrationFailed(
        final Registration registration, final int cause, final int statusCode, final long retryAfterS,
        final long nowNs)
    {
        events.add("failed " + SipFailure.name(cause) + " " + statusCode);
    }

    public void onUnregistered(final Registration registration, final long nowNs)
    {
        events.add("unregistered");
    }
}
