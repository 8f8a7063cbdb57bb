package org.sipredundancy.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sim.EchoRegistrar;
import org.sipredundancy.core.sip.registration.Registration;
import org.sipredundancy.core.sip.registration.RegistrationContext;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.hal.SplitMix64Random;

import java.util.concurrent.TimeUnit;

/**
 * One REGISTER refresh of one account (SPEC R-SIP-5, R-RT-2): encode the REGISTER into a transaction row (with a
 * fresh digest Authorization, nc + 1, when {@code digest} is true), send it, decode the registrar's 200 OK, match it
 * to its transaction, update the registration and schedule the next refresh. The registrar's side (building the
 * 200 OK from the request) is inside the measured operation too, so the figure is an upper bound for the phone.
 * There is no peer library that does the same; the two variants give the digest's share in the same run.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" }) // Agrona 2 reaches for Unsafe.
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RegisterRefreshBenchmark
{
    private static final long SIX_SECONDS_NS = 6_000_000_000L;
    private static final int SERVER = 0x0A00000B;

    /** Whether the registrar challenged once, so every refresh carries a digest answer. */
    @Param({"true", "false"})
    public boolean digest;

    private final EchoRegistrar registrar = new EchoRegistrar();
    private final RegistrationCounter counter = new RegistrationCounter();
    /** Ticks of about a second: an operation moves time on by six ticks (the last row leaves Timer K). */
    private TimerService timers;
    private ClientTransactions transactions;
    private Registration registration;
    private long nowNs;

    /**
     * Build the table and the registration, and register once (challenged first when {@link #digest} is set).
     */
    @Setup
    public void setUp()
    {
        timers = new TimerService(0, 1 << 30, 512, 1024, 64);
        transactions = new ClientTransactions(new ClientTransactionsContext().timers(timers).sender(registrar)
            .random(new SplitMix64Random(3)));
        registrar.transactions(transactions);
        registration = new Registration(new RegistrationContext().transactions(transactions).timers(timers)
            .random(new SplitMix64Random(5)).listener(counter).credentials("1001", "", "pw")
            .server("pbx.test", 3600).local(0, "10.0.0.2", 5060));
        registration.register(1, SERVER, 5060, -1, nowNs);
        if (digest)
        {
            registrar.challenge(nowNs);
        }
        registrar.accept(nowNs);
        if (counter.registered() != 1)
        {
            throw new IllegalStateException("the set-up registration did not succeed");
        }
    }

    /**
     * One refresh cycle.
     *
     * @param blackhole takes the CSeq and the number of accepted registrations.
     */
    @Benchmark
    public void refreshCycle(final Blackhole blackhole)
    {
        nowNs += SIX_SECONDS_NS;
        timers.poll(nowNs);
        registration.register(1, SERVER, 5060, -1, nowNs);
        registrar.accept(nowNs);
        blackhole.consume(registration.cseq());
        blackhole.consume(counter.registered());
    }
}
