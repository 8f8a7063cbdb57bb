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
import org.sipredundancy.core.sip.auth.DigestWorkspace;
import org.sipredundancy.core.sip.registration.Registration;
import org.sipredundancy.core.sip.registration.RegistrationContext;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.hal.SplitMix64Random;

import java.util.concurrent.TimeUnit;

/**
 * Steady-state refresh of {@link #accounts} accounts in one loop (issue #6): every operation refreshes the next
 * account round-robin — REGISTER with a digest answer encoded into the shared transaction table, the registrar's
 * 200 OK decoded and matched, the binding's refresh timer moved — and time moves on 1 ms, so the shared timer wheel
 * and transaction table run as in a phone (Timer K frees rows after 5 s). {@code gc.alloc.rate.norm} must be 0 B/op.
 * The set-up measures the retained heap per account (used heap after full GCs, before and after building them,
 * divided by the count) and prints it: an approximation, as any heap delta is. The peer in the same run is the one
 * account of {@link RegisterRefreshBenchmark}: the ratio says what 10^5 accounts cost per refresh in caches and
 * timers.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-Xms2g", "-Xmx2g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" })
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AccountsRefreshBenchmark
{
    private static final long ONE_MS_NS = 1_000_000L;
    private static final int SERVER = 0x0A00000B;
    /** Rows in use at once: an answered REGISTER keeps its row for Timer K (5 s: 5000 operations, twice that in the
     * challenged set-up). */
    private static final int TRANSACTION_ROWS = 16384;
    private static final int TIMERS_PER_ROW = 3;

    /** Accounts refreshed in turn. */
    @Param({"100000"})
    public int accounts;

    private final EchoRegistrar registrar = new EchoRegistrar();
    private final RegistrationCounter counter = new RegistrationCounter();
    private TimerService timers;
    private ClientTransactions transactions;
    private Registration[] registrations;
    private long bytesPerAccount;
    private int next;
    private long nowNs;

    /**
     * Build the accounts, measure their heap, and register each once (challenged, so refreshes carry digests).
     */
    @Setup
    public void setUp()
    {
        timers = new TimerService(0, 1 << 20, 4096, accounts + TIMERS_PER_ROW * TRANSACTION_ROWS, 64);
        transactions = new ClientTransactions(new ClientTransactionsContext().timers(timers).sender(registrar)
            .random(new SplitMix64Random(3)).capacity(TRANSACTION_ROWS));
        registrar.transactions(transactions);
        final DigestWorkspace digest = new DigestWorkspace();
        final long before = RetainedHeap.usedAfterCollections();
        registrations = new Registration[accounts];
        for (int i = 0; i < accounts; i++)
        {
            registrations[i] = new Registration(new RegistrationContext().transactions(transactions).timers(timers)
                .digestWorkspace(digest).random(new SplitMix64Random(5 + i)).listener(counter).token(i)
                .credentials(String.valueOf(100_000 + i), "", "pw").server("pbx.test", 3600)
                .local(0, "10.0.0.2", 5060));
        }
        bytesPerAccount = (RetainedHeap.usedAfterCollections() - before) / accounts;
        System.out.println("\nheap per account: " + bytesPerAccount + " bytes (" + accounts + " accounts)");
        for (final Registration registration : registrations)
        {
            tick();
            registration.register(1, SERVER, 5060, -1, nowNs);
            registrar.challenge(nowNs);
            registrar.accept(nowNs);
        }
        if (counter.registered() != accounts)
        {
            throw new IllegalStateException(counter.registered() + " of " + accounts + " registered in the set-up; " +
                transactions.counters().refusedFull() + " refused (table full), " +
                transactions.counters().timerRefusals() + " timer refusals, " + timers.refusedCount() +
                " timers refused");
        }
    }

    /**
     * Refresh the next account.
     *
     * @param blackhole takes the CSeq and the count of accepted registrations.
     */
    @Benchmark
    public void refreshNext(final Blackhole blackhole)
    {
        tick();
        final Registration registration = registrations[next];
        next = next + 1 == accounts ? 0 : next + 1;
        registration.register(1, SERVER, 5060, -1, nowNs);
        registrar.accept(nowNs);
        blackhole.consume(registration.cseq());
        blackhole.consume(counter.registered());
    }

    private void tick()
    {
        nowNs += ONE_MS_NS;
        timers.poll(nowNs);
    }

    /**
     * @return the measured heap per account, in bytes.
     */
    public long bytesPerAccount()
    {
        return bytesPerAccount;
    }
}
