package org.sipredundancy.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lint hints (R-CFG-8): settings that are valid, so the parser takes them, but that cannot do what their author
 * probably meant. A separate pass over a {@link ParseResult}, so that reading a file stays exactly what a phone
 * does; the {@code lint} command adds these to the parser's diagnostics. Each hint is a {@link Diagnostic} of kind
 * {@link DiagnosticKind#LINT_HINT}, on the line that wrote the setting (0 when it came from a default). Stateless.
 */
public final class ConfigLint
{
    /** An SRV owner written with an underscore where the dot between service and protocol belongs. */
    private static final Pattern UNDERSCORE_FOR_DOT =
        Pattern.compile("^_(sips?)_(udp|tcp|tls|sctp)\\.(.+)$", Pattern.CASE_INSENSITIVE);

    private ConfigLint()
    {
    }

    /**
     * The hints for a parsed file, in account order, then static DNS records.
     *
     * @param result what the parser made of the file.
     * @return the hints, possibly empty; unmodifiable.
     */
    public static List<Diagnostic> hints(final ParseResult result)
    {
        final List<Diagnostic> hints = new ArrayList<>();
        for (final AccountConfig account : result.config().accounts())
        {
            for (final SipServerConfig server : account.sipServers())
            {
                if (server.isConfigured())
                {
                    serverHints(result, account.index(), server, hints);
                }
            }
            if (account.outboundProxy().enabled())
            {
                for (final OutboundProxyConfig proxy : account.outboundProxy().proxies())
                {
                    proxyHints(result, account.index(), proxy, hints);
                }
            }
            fallbackHints(result, account, hints);
        }

        final StaticDnsCache cache = result.config().staticDnsCache();
        for (final DnsSrvRecord record : cache.srvRecords())
        {
            ownerNameHint(result, Parameter.DNS_SRV_NAME.key(record.index(), 0), record.name(), hints);
        }
        for (final DnsNaptrRecord record : cache.naptrRecords())
        {
            ownerNameHint(result, Parameter.DNS_NAPTR_REPLACE.key(record.index(), 0), record.replacement(), hints);
        }
        return List.copyOf(hints);
    }

    private static void serverHints(
        final ParseResult result, final int x, final SipServerConfig server, final List<Diagnostic> hints)
    {
        final int y = server.index();
        if (server.transport() == TransportType.DNS_NAPTR && !server.portFromDns())
        {
            final String key = Parameter.SIP_SERVER_TRANSPORT_TYPE.key(x, y);
            hints.add(hint(result, key, "3", key + " = 3 (DNS-NAPTR) with port " + server.port() +
                ": only an address query will be made; set " + Parameter.SIP_SERVER_PORT.key(x, y) +
                " = 0 for NAPTR and SRV queries"));
        }
        if (server.failbackSubscribe() && server.failbackMode() == FailbackMode.NEW_REQUESTS)
        {
            final String key = Parameter.SIP_SERVER_FAILBACK_SUBSCRIBE_ENABLE.key(x, y);
            hints.add(hint(result, key, "1", key + " = 1 has no effect with " +
                Parameter.SIP_SERVER_FAILBACK_MODE.key(x, y) + " = 0 (newRequests); it works with 1, 2 or 3"));
        }
        if (server.failbackMode() != FailbackMode.NEW_REQUESTS && isIpLiteral(server.address()))
        {
            final String key = Parameter.SIP_SERVER_FAILBACK_MODE.key(x, y);
            hints.add(hint(result, key, Integer.toString(server.failbackMode().code()), key + " = " +
                server.failbackMode().code() + " (" + server.failbackMode().label() + ") on the IP address " +
                server.address() + ": it is one server, so there is nothing to fail back to"));
        }
    }

    private static void proxyHints(
        final ParseResult result, final int x, final OutboundProxyConfig proxy, final List<Diagnostic> hints)
    {
        final int y = proxy.index();
        final String subscribeKey = Parameter.OUTBOUND_PROXY_FAILBACK_SUBSCRIBE_ENABLE.key(x, y);
        final String modeKey = Parameter.OUTBOUND_PROXY_FAILBACK_MODE.key(x, y);
        final boolean writtenForProxy = result.written(subscribeKey).isPresent() || result.written(modeKey).isPresent();
        if (proxy.isConfigured() && writtenForProxy && proxy.failbackSubscribe() &&
            proxy.failbackMode() == FailbackMode.NEW_REQUESTS)
        {
            hints.add(hint(result, subscribeKey, "1", subscribeKey + " = 1 (or inherited) has no effect with " +
                modeKey + " = 0 (newRequests); it works with 1, 2 or 3"));
        }
    }

    private static void fallbackHints(
        final ParseResult result, final AccountConfig account, final List<Diagnostic> hints)
    {
        final String key = Parameter.FALLBACK_TIMEOUT.key(account.index(), 0);
        // The default written out (as the config command prints every parameter) asks for nothing: no hint.
        final boolean meaningful = !Parameter.FALLBACK_TIMEOUT.defaultText()
            .equals(Integer.toString(account.fallback().timeoutS()));
        if (account.fallback().redundancyType() == RedundancyType.CONCURRENT && meaningful &&
            result.written(key).isPresent())
        {
            hints.add(hint(result, key, Integer.toString(account.fallback().timeoutS()), key +
                " has no effect with concurrent registration (" +
                Parameter.FALLBACK_REDUNDANCY_TYPE.key(account.index(), 0) +
                " = 0); it works only with successive registration (1)"));
        }
    }

    private static void ownerNameHint(
        final ParseResult result, final String key, final String name, final List<Diagnostic> hints)
    {
        final Matcher matcher = UNDERSCORE_FOR_DOT.matcher(name);
        if (matcher.matches())
        {
            final String meant = "_" + matcher.group(1) + "._" + matcher.group(2) + "." + matcher.group(3);
            hints.add(hint(result, key, name, key + " = " + name + " is probably meant as " + meant +
                "; names are queried exactly as written, so records under this name answer only queries for it"));
        }
    }

    private static boolean isIpLiteral(final String address)
    {
        return ConfigAssembler.isIpv4(address) || address.indexOf(':') >= 0;
    }

    private static Diagnostic hint(final ParseResult result, final String key, final String value, final String message)
    {
        final int line = result.written(key).map(WrittenSetting::line).orElse(0);
        return new Diagnostic(DiagnosticKind.LINT_HINT, Severity.WARNING, result.fileName(), line, key, value, "",
            "as written", message);
    }
}
