package org.sipredundancy.core.cli;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.sipredundancy.core.account.Account;
import org.sipredundancy.core.account.AccountEventText;
import org.sipredundancy.core.account.Phone;
import org.sipredundancy.core.account.RegistrationLamps;
import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.DutyCycleContext;
import org.sipredundancy.hal.CommandCode;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.host.ConsoleKeypad;
import org.sipredundancy.hal.host.HostHal;
import org.sipredundancy.hal.host.HostHalContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code run}: the phone live on this host's network. It registers every account of the file with the real
 * servers, fails over and back as they come and go, and prints the event stream (R-RT-6) and its lamps as it
 * happens; lines typed on standard input are the keypad ({@code call 4606}, {@code hangup}, {@code answer},
 * {@code line 2}, {@code quit}). {@code quit}, Ctrl-C or {@code --stop-after} unregister every account
 * (expires = 0) before the command ends; the end of standard input does not stop the phone, so it can run
 * unattended.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the phone live on this host: register, fail over and back for real, print the event " +
        "stream. Type: call NUMBER, hangup, answer, line N, quit.")
public final class RunCommand extends ProvisioningFileCommand implements Callable<Integer>
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final long UNREGISTER_WAIT_NS = 5_000 * NS_PER_MS;

    @Option(names = "--dns", paramLabel = "HOST:PORT", description = "DNS server to ask (repeatable); default the " +
        "IPv4 name servers of /etc/resolv.conf.")
    private List<String> dnsServers = new ArrayList<>();

    @Option(names = "--bind", paramLabel = "ADDR", description = "The phone's IPv4 address: where it listens and " +
        "what its Contact says (default ${DEFAULT-VALUE}).")
    private String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "The phone's SIP port, 0 for any free one " +
        "(default ${DEFAULT-VALUE}).")
    private int port = Phone.SIP_PORT;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random source (branches, tags, back-off " +
        "jitter); default ${DEFAULT-VALUE}.")
    private long seed = 1;

    @Option(names = "--stop-after", paramLabel = "SECONDS", description = "Unregister and stop after this many " +
        "seconds; default: run until quit or Ctrl-C.")
    private long stopAfterS;

    private final InputStream keypadInput;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * The command as the CLI builds it: the keypad reads standard input.
     */
    public RunCommand()
    {
        this(System.in);
    }

    /**
     * @param keypadInput where keypad lines are typed (tests give a pipe).
     */
    public RunCommand(final InputStream keypadInput)
    {
        this.keypadInput = keypadInput;
    }

    /**
     * Run the phone until it is told to stop.
     *
     * @return 0 stopped with every binding removed, 1 some server did not confirm the removal or the port could
     *     not be opened, 2 bad usage or an unusable file.
     */
    public Integer call()
    {
        final ParseResult parsed = loadUsable();
        if (parsed == null)
        {
            return ExitCodes.USAGE;
        }
        final long address = Ipv4.parse(bind);
        if (address == Ipv4.INVALID || port < 0 || port > 65535 || stopAfterS < 0)
        {
            err().println("sip-redundancy: " + (address == Ipv4.INVALID ? "--bind " + bind +
                " is not an IPv4 address" : port < 0 || port > 65535 ? "--port " + port + " is not 0 to 65535" :
                "--stop-after must not be negative") + "; nothing was started");
            return ExitCodes.USAGE;
        }
        final List<DnsServerList.Server> servers = new ArrayList<>();
        try
        {
            for (final String text : dnsServers)
            {
                servers.add(DnsServerList.parse(text));
            }
            if (dnsServers.isEmpty())
            {
                servers.addAll(DnsServerList.fromResolvConf(Path.of("/etc/resolv.conf")));
            }
        }
        catch (final IllegalArgumentException ex)
        {
            err().println("sip-redundancy: " + ex.getMessage() + "; nothing was started");
            return ExitCodes.USAGE;
        }
        final int[][] dns = servers.stream().map(s -> new int[]{s.address(), s.port()}).toArray(int[][]::new);
        final PrintWriter out = out();
        final PrintStream lampOut = new PrintStream(new LineOutputStream(out), true, StandardCharsets.UTF_8);
        try (HostHal hal = new HostHal(new HostHalContext().seed(seed).indicatorOut(lampOut)))
        {
            return live(parsed, hal, (int)address, dns, out, lampOut);
        }
    }

    private int live(
        final ParseResult parsed,
        final HostHal hal,
        final int address,
        final int[][] dns,
        final PrintWriter out,
        final PrintStream lampOut)
    {
        final long startNs = hal.nanoClock().nanoTime();
        final DutyCycle dutyCycle = new DutyCycle(new DutyCycleContext()
            .nanoClock(() -> hal.nanoClock().nanoTime() - startNs).inbound(hal.inbound()));
        final Phone phone;
        try
        {
            phone = new Phone(parsed.config(), dutyCycle, hal.network(), address, port, hal.random(), dns,
                new RegistrationLamps(hal.indicators(), new AccountEventText(line -> out.println(line), true)));
        }
        catch (final IllegalStateException ex)
        {
            err().println("sip-redundancy: " + ex.getMessage() + "; is another phone running on it?");
            return ExitCodes.ERRORS;
        }
        if (phone.accounts().isEmpty())
        {
            err().println("sip-redundancy: no enabled account has a sip_server.1 address: nothing to run");
            return ExitCodes.USAGE;
        }
        out.println("phone " + Ipv4.toString(address) + ":" + phone.stack().transport().localPort() + " (" +
            parsed.config().profile().modelId() + "), DNS " + (dns.length == 0 ? "none" : List.of(dns).stream()
            .map(s -> Ipv4.toString(s[0]) + ":" + s[1]).toList()) + "; type call NUMBER, hangup, answer, line N, quit");
        out.flush();
        final Thread hook = new Thread(() -> stopFromOutside(hal, stopped), "sip-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        final ConsoleKeypad keypad = new ConsoleKeypad(keypadInput, hal.keys(), lampOut).start();
        try
        {
            return loop(phone, dutyCycle, out);
        }
        finally
        {
            keypad.close();
            stopped.countDown();
            removeHook(hook);
            phone.stack().transport().closeAll();
        }
    }

    private int loop(final Phone phone, final DutyCycle dutyCycle, final PrintWriter out)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(50),
            TimeUnit.MILLISECONDS.toNanos(1));
        phone.start(dutyCycle.nowNs());
        final long stopAtNs = stopAfterS == 0 ? Long.MAX_VALUE : dutyCycle.nowNs() + stopAfterS * 1_000 * NS_PER_MS;
        long quitAtNs = Long.MAX_VALUE;
        while (true)
        {
            final int work = dutyCycle.doWork();
            out.flush();
            final long nowNs = dutyCycle.nowNs();
            if (nowNs >= stopAtNs && !phone.hasQuit())
            {
                phone.onInput(InboundEvent.COMMAND, CommandCode.QUIT, 0, nowNs);
            }
            if (phone.hasQuit() && quitAtNs == Long.MAX_VALUE)
            {
                quitAtNs = nowNs;
            }
            if (phone.hasQuit() && (allDisabled(phone) || nowNs - quitAtNs > UNREGISTER_WAIT_NS))
            {
                final boolean clean = allDisabled(phone);
                out.println(clean ? "stopped: every account unregistered" :
                    "stopped: a server did not confirm the unregistration within 5 s; its binding stays until it " +
                    "expires");
                out.flush();
                return clean ? ExitCodes.OK : ExitCodes.ERRORS;
            }
            idle.idle(work);
        }
    }

    private static boolean allDisabled(final Phone phone)
    {
        for (final Account account : phone.accounts())
        {
            if (account.working().state() != SlotMachine.DISABLED ||
                (account.fallback() != null && account.fallback().state() != SlotMachine.DISABLED))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Ctrl-C: ask the duty cycle to quit (through the queue, its only way in) and give it time to unregister.
     */
    private static void stopFromOutside(final HostHal hal, final CountDownLatch stopped)
    {
        hal.keys().command(CommandCode.QUIT, 0);
        try
        {
            stopped.await(UNREGISTER_WAIT_NS / NS_PER_MS + 1_000, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is already shutting down: the hook is running and ends on its own
        }
    }
}
