package org.sipredundancy.core.cli;

import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.DnsSettings;
import org.sipredundancy.core.config.OutboundProxyConfig;
import org.sipredundancy.core.config.LoadOutcome;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.config.SipServerConfig;
import org.sipredundancy.core.dns.Candidate;
import org.sipredundancy.core.dns.CandidateList;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code resolve}: how the phone locates one of an account's servers — each query and where its answer came from
 * (live, static record, cache), each decision, and the candidate list marked primary, secondary, … (SPEC R-DNS-*).
 * What an administrator reaches for instead of {@code dig} to see what the phone will do.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
        "Show how the phone locates a server of an account: queries, answers, decisions, candidates.",
        "Exit status: 0 candidates found, 1 none found, 2 bad usage, unknown model or unreadable file."
    })
public final class ResolveCommand extends ProvisioningFileCommand implements Callable<Integer>
{
    private static final String[] RANKS = {"primary", "secondary", "tertiary"};

    @Option(names = "--account", required = true, paramLabel = "N", description = "Account number (account.N).")
    private int accountIndex;

    @Option(names = "--server", paramLabel = "WHICH", defaultValue = "1",
        description = "1 or 2 (sip_server.Y), proxy1 or proxy2 (outbound_proxy.Y). Default: ${DEFAULT-VALUE}.")
    private String which;

    @Option(names = "--dns", paramLabel = "HOST:PORT",
        description = "A DNS server to ask (repeatable). Default: the name servers of /etc/resolv.conf.")
    private List<String> dnsServers = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", description = "Seed for query ids and RFC 2782 choices.")
    private Long seed;

    /**
     * Resolve the chosen server and print the trace and the candidates.
     *
     * @return an {@link ExitCodes} value.
     */
    public Integer call()
    {
        final ParseResult result = load();
        if (result == null)
        {
            return ExitCodes.USAGE;
        }
        if (!result.usable())
        {
            result.diagnostics().forEach((d) -> err().println(d.format()));
            return result.outcome() == LoadOutcome.UNREADABLE ?
                ExitCodes.USAGE : ExitCodes.ERRORS;
        }
        if (accountIndex < 1 || accountIndex > profile().accountCount())
        {
            err().printf("sip-redundancy: --account %d: %s has accounts 1 to %d%n", accountIndex,
                profile().modelId(), profile().accountCount());
            return ExitCodes.USAGE;
        }
        final List<DnsServerList.Server> servers = new ArrayList<>();
        try
        {
            for (final String text : dnsServers)
            {
                servers.add(DnsServerList.parse(text));
            }
        }
        catch (final IllegalArgumentException ex)
        {
            err().println("sip-redundancy: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        if (dnsServers.isEmpty())
        {
            servers.addAll(DnsServerList.fromResolvConf(Path.of("/etc/resolv.conf")));
        }
        final AccountConfig account = result.config().account(accountIndex);
        final Entry entry = entry(account);
        if (entry == null)
        {
            return ExitCodes.USAGE;
        }
        if (entry.host().isEmpty())
        {
            err().printf("sip-redundancy: account %d has no address for %s%n", accountIndex, entry.name());
            return ExitCodes.ERRORS;
        }
        return resolve(result, account.dns(), entry, servers);
    }

    private record Entry(String name, String host, int port, int transportType)
    {
    }

    private Entry entry(final AccountConfig account)
    {
        final SipServerConfig first = account.sipServer(1);
        switch (which)
        {
            case "1":
            case "2":
                final SipServerConfig server = account.sipServer(Integer.parseInt(which));
                return new Entry("sip_server." + which, server.address(), server.port(), server.transport().code());
            case "proxy1":
            case "proxy2":
                // A proxy is located with the account's transport (R-OBP-1): that of sip_server.1.
                final OutboundProxyConfig proxy = account.outboundProxy().proxy(which.charAt(5) - '0');
                return new Entry("outbound_proxy." + which.charAt(5), proxy.address(), proxy.port(),
                    first.transport().code());
            default:
                err().println("sip-redundancy: --server must be 1, 2, proxy1 or proxy2, not '" + which + "'");
                return null;
        }
    }

    private int resolve(
        final ParseResult result,
        final DnsSettings dns,
        final Entry entry,
        final List<DnsServerList.Server> servers)
    {
        final PrintWriter out = out();
        out.printf("Locating %s of account %d: %s, port %s, transport_type %d%n", entry.name(), accountIndex,
            entry.host(), entry.port() == 0 ? "0 (from DNS)" : Integer.toString(entry.port()), entry.transportType());
        out.printf("DNS servers: %s%n", servers.isEmpty() ? "none (static records only)" : servers.toString());
        try (LiveResolver resolver = new LiveResolver(servers, result.config().staticDnsCache(), seed,
            (line) -> out.println("  " + line)))
        {
            return report(out, resolver.resolve(entry.host(), entry.port(), entry.transportType(),
                dns.naptrBuildAllTransports() ? 1 : 0, dns.cacheType().code(), dns.staticCachePreferred() ? 1 : 0));
        }
    }

    private static int report(final PrintWriter out, final ServerLocator locator)
    {
        if (!locator.isComplete())
        {
            out.println("No answer within 30 s.");
            return ExitCodes.ERRORS;
        }
        final CandidateList candidates = locator.candidates();
        if (candidates.isEmpty())
        {
            out.println("No candidates: " + locator.outcome().reason());
            return ExitCodes.ERRORS;
        }
        out.println("Candidates:");
        for (int i = 0; i < candidates.size(); i++)
        {
            final Candidate candidate = candidates.get(i);
            out.printf("  %-10s %s:%d %s  (ttl %d s, %s)%n", i < RANKS.length ? RANKS[i] : "#" + (i + 1),
                Ipv4.toString(candidate.address()), candidate.port(), Transport.name(candidate.transport()),
                candidate.ttlS(), candidate.source().label());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
