package org.sipredundancy.core.cli;

import org.sipredundancy.core.account.Account;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.core.sim.SimDnsFault;
import org.sipredundancy.core.sim.SimDnsZone;
import org.sipredundancy.core.sim.SimSipFault;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.DeadHostBehaviour;
import org.sipredundancy.hal.sim.LinkProfile;
import org.sipredundancy.hal.sim.PcapSimTrace;
import org.sipredundancy.hal.sim.SimTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code simulate}: "what will my phones do with this provisioning file when the primary dies?" The file's servers
 * become simulated registrars (IP literals, the static DNS cache's addresses, and names given with {@code --host}),
 * the phone boots in virtual time and the script's steps happen to it; printed are the steps, the timeline of which
 * server each account uses and why, and the SIP ladder. Without a script the server account 1 registered with dies
 * at 60 s and comes back at 5 min.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Run a provisioning file against simulated servers in virtual time, following a scenario script.")
public final class SimulateCommand extends ProvisioningFileCommand implements Callable<Integer>
{
    private static final long DEFAULT_END_NS = Duration.ofMinutes(10).toNanos();

    @Option(names = "--seed", paramLabel = "S", description = "Simulation seed (default ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--script", paramLabel = "SCRIPT", description = "Scenario script: 'at <time> <action> ...' " +
        "per line; actions: " + ScenarioScript.ACTIONS + ".")
    private Path script;

    @Option(names = "--host", paramLabel = "NAME=IP[,IP...]", description = "Addresses a server name resolves to " +
        "in the simulated DNS (A records, TTL 300 s), e.g. --host pbx.example.com=192.168.1.14,192.168.1.13.")
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--pcap", paramLabel = "OUT", description = "Also write every simulated packet to OUT as a pcap " +
        "file (virtual time stamps), readable by tshark and Wireshark.")
    private Path pcap;

    /**
     * Run the simulation.
     *
     * @return 0 done, 1 the --pcap capture could not be completed, 2 bad usage, unreadable input (or an unwritable
     *     --pcap file) or a script error.
     * @throws IOException never for the file (reported), only for the output.
     */
    public Integer call() throws IOException
    {
        final ParseResult parsed = loadUsable();
        if (parsed == null)
        {
            return ExitCodes.USAGE;
        }
        final SimDnsZone zone = new SimDnsZone();
        for (final String host : hosts)
        {
            final String error = addHost(zone, host);
            if (error != null)
            {
                err().println("sip-redundancy: --host " + host + ": " + error);
                return ExitCodes.USAGE;
            }
        }
        final ScenarioScript steps;
        try
        {
            steps = script == null ? null :
                ScenarioScript.parse(Files.readString(script, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            err().println("sip-redundancy: cannot read the script " + script + ": " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        catch (final IllegalArgumentException ex)
        {
            err().println("sip-redundancy: " + script + ":\n" + ex.getMessage());
            return ExitCodes.USAGE;
        }
        final OutputStream capture;
        try
        {
            capture = pcap == null ? null : new BufferedOutputStream(Files.newOutputStream(pcap));
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            err().println("sip-redundancy: --pcap " + pcap + ": cannot be written (" + whyNotWritable(ex) +
                "); nothing was simulated");
            return ExitCodes.USAGE;
        }
        try (capture)
        {
            return simulate(parsed, zone, steps, capture == null ? null : new PcapSimTrace(capture));
        }
        catch (final IOException ex)
        {
            err().println("sip-redundancy: --pcap " + pcap + ": closing failed (" + ex.getMessage() +
                "); the capture may be incomplete");
            return ExitCodes.ERRORS;
        }
    }

    private static String whyNotWritable(final Exception ex)
    {
        if (ex instanceof NoSuchFileException)
        {
            return "no such directory";
        }
        if (ex instanceof AccessDeniedException)
        {
            return "permission denied";
        }
        if (ex instanceof FileSystemException && ((FileSystemException)ex).getReason() != null)
        {
            return ((FileSystemException)ex).getReason();
        }
        return ex.getMessage();
    }

    private int simulate(
        final ParseResult parsed, final SimDnsZone zone, final ScenarioScript steps, final PcapSimTrace capture)
    {
        final SimDeployment deployment = new SimDeployment(parsed.config(), zone, seed,
            capture == null ? SimTrace.NONE : capture);
        if (deployment.phone().accounts().isEmpty())
        {
            err().println("sip-redundancy: no enabled account has a sip_server.1 address: nothing to simulate");
            return ExitCodes.USAGE;
        }
        final List<String> done = new ArrayList<>();
        deployment.start();
        final String failure = steps == null ? defaultStory(deployment, done) : play(deployment, steps, done);
        print(deployment, done);
        if (capture != null && capture.flush() != null)
        {
            err().println("sip-redundancy: --pcap " + pcap + ": writing failed (" + capture.failure().getMessage() +
                "); the capture is incomplete");
            return ExitCodes.ERRORS;
        }
        if (capture != null)
        {
            out().println("pcap: " + capture.packets() + " packets written to " + pcap);
        }
        if (failure != null)
        {
            err().println("sip-redundancy: " + script + ": " + failure + "; the run stopped there");
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    private static String addHost(final SimDnsZone zone, final String host)
    {
        final int equals = host.indexOf('=');
        if (equals <= 0 || equals == host.length() - 1)
        {
            return "expected NAME=IP[,IP...]";
        }
        for (final String ip : host.substring(equals + 1).split(","))
        {
            if (Ipv4.parse(ip) == Ipv4.INVALID)
            {
                return "'" + ip + "' is not an IPv4 address";
            }
            zone.a(host.substring(0, equals), 300, ip);
        }
        return null;
    }

    private static String defaultStory(final SimDeployment deployment, final List<String> done)
    {
        advance(deployment, Duration.ofSeconds(60).toNanos());
        final Account account = deployment.phone().accounts().get(0);
        final int address = account.workingAddress();
        if (address == 0)
        {
            done.add(line(deployment, "account " + account.number() + " is not registered: nothing to kill"));
        }
        else
        {
            done.add(line(deployment, "kill " + Ipv4.toString(address) + " (the server account " +
                account.number() + " is registered with)"));
            deployment.kill(address);
            advance(deployment, Duration.ofMinutes(5).toNanos());
            done.add(line(deployment, "revive " + Ipv4.toString(address)));
            deployment.revive(address);
        }
        advance(deployment, DEFAULT_END_NS);
        done.add(line(deployment, "end"));
        return null;
    }

    private static String play(final SimDeployment deployment, final ScenarioScript script, final List<String> done)
    {
        long endNs = DEFAULT_END_NS;
        for (final ScenarioScript.Step step : script.steps())
        {
            advance(deployment, step.atNs());
            done.add(line(deployment, step.action() + (step.args().isEmpty() ? "" : " " +
                String.join(" ", step.args()))));
            if ("end".equals(step.action()))
            {
                return null;
            }
            final String error = apply(deployment, step);
            if (error != null)
            {
                return "line " + step.line() + ": " + error;
            }
            endNs = Math.max(endNs, step.atNs() + Duration.ofMinutes(1).toNanos());
        }
        advance(deployment, endNs);
        done.add(line(deployment, "end"));
        return null;
    }

    private static String apply(final SimDeployment d, final ScenarioScript.Step step)
    {
        final List<String> args = step.args();
        final int address = args.isEmpty() ? 0 : (int)Ipv4.parse(args.get(args.size() == 2 &&
            "loss".equals(step.action()) ? 1 : 0));
        switch (step.action())
        {
            case "kill" -> d.kill(address, args.size() == 2 && "reject".equals(args.get(1)) ?
                DeadHostBehaviour.REJECT : DeadHostBehaviour.SILENT);
            case "revive" -> d.revive(address);
            case "partition" -> d.simulation().network().partition(SimDeployment.PHONE, address);
            case "heal" ->
            {
                if ("all".equals(args.get(0)))
                {
                    d.simulation().network().healAll();
                }
                else
                {
                    d.simulation().network().heal(SimDeployment.PHONE, address);
                }
            }
            case "loss" -> d.simulation().network().link(SimDeployment.PHONE, address,
                LinkProfile.latency(SimDeployment.LATENCY_NS).withLoss(
                Integer.parseInt(args.get(0).substring(0, args.get(0).length() - 1)) / 100.0));
            case "dns" -> d.dns().fault("down".equals(args.get(0)) ? SimDnsFault.SILENT : SimDnsFault.NONE);
            case "reject503" ->
            {
                if (!d.serverAddresses().contains(address))
                {
                    return "no simulated server at " + args.get(0);
                }
                d.server(address).retryAfterS(Long.parseLong(args.get(1))).fault(SimSipFault.SERVICE_UNAVAILABLE);
            }
            case "incoming" ->
            {
                return incoming(d, Integer.parseInt(args.get(0)), args.get(1));
            }
            case "answer" -> d.keys().hook(true);
            case "onhook" -> d.keys().hook(false);
            case "farhangup" ->
            {
                if (!d.serverAddresses().contains(address))
                {
                    return "no simulated server at " + args.get(0);
                }
                if (d.server(address).calls().hangUpAll() == 0)
                {
                    return "no call is up through " + args.get(0) + "; nothing to hang up";
                }
            }
            case "call", "hangup" ->
            {
                final int account = Integer.parseInt(args.get(0));
                if (d.phone().account(account) == null)
                {
                    return "account " + account + " is not enabled or has no sip_server.1";
                }
                if ("call".equals(step.action()))
                {
                    d.dial(account, args.get(1));
                }
                else
                {
                    d.hangUp(account);
                }
            }
            default -> throw new IllegalStateException("unchecked action " + step.action());
        }
        return null;
    }

    /**
     * The server the account is registered with calls it, as a PBX delivering a call from {@code from}.
     */
    private static String incoming(final SimDeployment d, final int account, final String from)
    {
        final Account target = d.phone().account(account);
        if (target == null)
        {
            return "account " + account + " is not enabled or has no sip_server.1";
        }
        final int server = target.workingAddress();
        if (server == 0 || !d.serverAddresses().contains(server) ||
            d.server(server).calls().call(target.config().userName(), from) == null)
        {
            return "account " + account + " is registered with no simulated server now; nobody can call it";
        }
        return null;
    }

    private static void advance(final SimDeployment deployment, final long atNs)
    {
        deployment.runFor(Duration.ofNanos(Math.max(0, atNs - deployment.nowNs())));
    }

    private static String line(final SimDeployment deployment, final String what)
    {
        return String.format(Locale.ROOT, "%10.3f s  %s", deployment.nowNs() / 1e9, what);
    }

    private void print(final SimDeployment deployment, final List<String> done)
    {
        SimulationReport.print(out(), "What is done to the phone (" + profile().modelId() + ", virtual time, seed " +
            seed + ")", done, deployment);
    }
}
