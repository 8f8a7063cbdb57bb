package org.sipredundancy.core.sip.registration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sim.EchoRegistrar;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.core.testing.AllocationWindows;
import org.sipredundancy.hal.SplitMix64Random;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2 for the registration: a whole refresh cycle with digest (encode the REGISTER with a fresh
 * Authorization, send it, decode the registrar's 200 OK, match it to its transaction, update the registration and
 * schedule the next refresh) allocates nothing once warm. Each cycle moves virtual time on by six seconds, so the
 * previous transaction has left Timer K and its row is free again.
 */
class RegistrationZeroAllocationTest implements RegistrationListener
{
    private static final long SECOND_NS = 1_000_000_000L;

    /** Ticks of about a second: each cycle moves time on by a few ticks, never by thousands. */
    private final TimerService timers = new TimerService(0, 1 << 30, 512, 1024, 64);
    private final EchoRegistrar registrar = new EchoRegistrar();
    private final ClientTransactions transactions = new ClientTransactions(new ClientTransactionsContext()
        .timers(timers).sender(registrar).random(new SplitMix64Random(3)));
    private Registration registration;
    private long registered;
    private long nowNs;

    @Test
    @DisplayName("R-RT-2 R-SIP-5 R-SIP-4 a REGISTER refresh cycle with digest allocates nothing once warm")
    void shouldNotAllocateOnceWarm()
    {
        registration = new Registration(new RegistrationContext().transactions(transactions).timers(timers)
            .random(new SplitMix64Random(5)).listener(this).credentials("1001", "", "pw")
            .server("pbx.test", 3600).local(0, "10.0.0.2", 5060));
        registrar.transactions(transactions);
        registration.register(1, 0x0A00000B, 5060, -1, nowNs);
        registrar.challenge(nowNs);
        registrar.accept(nowNs);
        assertThat(registered).isEqualTo(1);

        final List<Long> windows = AllocationWindows.measure(this::cycles, 20_000, 50_000);

        assertThat(registered).isGreaterThan(AllocationWindows.interpreted() ? 5_000 : 50_000);
        assertThat(registration.nonceCount()).isEqualTo(registered);
        assertThat(windows).as("bytes allocated per window").contains(0L);
    }

    private void cycles(final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            nowNs += 6 * SECOND_NS;
            timers.poll(nowNs);
            registration.register(1, 0x0A00000B, 5060, -1, nowNs);
            registrar.accept(nowNs);
        }
    }

    public void onRegistered(final Registration registration, final long grantedExpiresS, final long nowNs)
    {
        registered++;
    }

    public void onRefreshDue(final Registration registration, final long nowNs)
    {
        registration.register(1, 0x0A00000B, 5060, -1, nowNs);
    }

    public void onRegistrationFailed(
        final Registration registration, final int cause, final int statusCode, final long retryAfterS,
        final long nowNs)
    {
        throw new AssertionError("failed: " + cause + " " + statusCode);
    }

    public void onUnregistered(final Registration registration, final long nowNs)
    {
        throw new AssertionError("unregistered");
    }
}
