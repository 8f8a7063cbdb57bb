package org.sipredundancy.core.sip.registration;

import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.core.sim.DutyCycleNode;
import org.sipredundancy.core.sim.SimSipServer;
import org.sipredundancy.core.sim.Simulation;
import org.sipredundancy.core.sip.SipStack;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.Transport;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.SimHostNetwork;
import org.sipredundancy.hal.sim.SimNetworkContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The phone's whole SIP stack (duty cycle, transport, client transactions, one registration) and a
 * {@link SimSipServer} registrar in one simulation, 5 ms apart, in virtual time. The owner re-registers on the same
 * server when a refresh falls due and writes down every report with its virtual instant in milliseconds.
 */
final class RegistrarWorld implements RegistrationListener
{
    static final String PHONE_ADDRESS = "10.0.0.2";
    static final String SERVER_ADDRESS = "192.168.1.14";
    static final int PHONE = (int)Ipv4.parse(PHONE_ADDRESS);
    static final int SERVER = (int)Ipv4.parse(SERVER_ADDRESS);
    static final long MS = 1_000_000L;

    final Simulation simulation;
    final SimSipServer server;
    final DutyCycle phone;
    final SipStack stack;
    final List<String> events = new ArrayList<>();
    Registration registration;
    int flow;
    int retryBudget = -1;

    RegistrarWorld(final long seed)
    {
        simulation = new Simulation(seed, new SimNetworkContext().defaultLink(LinkProfile.latency(5 * MS)));
        server = new SimSipServer(simulation, SERVER, SimSipServer.DEFAULT_PORT).user("1001", "pw-1001");
        final InboundEventQueue inbound = new InboundEventQueue(256, 4096);
        final SimHostNetwork network = simulation.network().attach(PHONE, inbound);
        phone = new DutyCycle(new DutyCycleContext().nanoClock(simulation.clock()).inbound(inbound));
        stack = new SipStack(network, phone.router(), phone.timers(), simulation.randomFor(1), PHONE, 5060);
        simulation.add(new DutyCycleNode(phone));
    }

    RegistrarWorld start(final int transport, final long expiresS)
    {
        if (stack.transport().open() != NetworkStatus.OK)
        {
            throw new IllegalStateException("the phone's SIP port did not open");
        }
        registration = new Registration(new RegistrationContext().transactions(stack.transactions())
            .timers(phone.timers()).random(simulation.randomFor(2)).listener(this)
            .credentials("1001", "", "pw-1001").server("pbx.test", expiresS)
            .local(transport, PHONE_ADDRESS, 5060));
        flow = stack.transport().flow(transport, SERVER, SimSipServer.DEFAULT_PORT, "pbx.test", nowNs());
        return this;
    }

    int register()
    {
        return registration.register(flow, SERVER, SimSipServer.DEFAULT_PORT, retryBudget, nowNs());
    }

    long nowNs()
    {
        return simulation.clock().nanoTime();
    }

    void runForMs(final long ms)
    {
        simulation.runForNs(ms * MS);
    }

    private void record(final String what)
    {
        events.add(String.format(Locale.ROOT, "%d %s", nowNs() / MS, what));
    }

    public void onRegistered(final Registration registration, final long grantedExpiresS, final long nowNs)
    {
        record("registered " + grantedExpiresS);
    }

    public void onRefreshDue(final Registration registration, final long nowNs)
    {
        record("refresh-due");
        registration.register(flow, SERVER, SimSipServer.DEFAULT_PORT, retryBudget, nowNs);
    }

    public void onRegistrationFailed(
        final Registration registration, final int cause, final int statusCode, final long retryAfterS,
        final long nowNs)
    {
        record("failed " + SipFailure.name(cause) + " " + statusCode + " " + retryAfterS);
    }

    public void onUnregistered(final Registration registration, final long nowNs)
    {
        record("unregistered");
    }

    static int transport(final String name)
    {
        return "TCP".equals(name) ? Transport.TCP : Transport.UDP;
    }
}
