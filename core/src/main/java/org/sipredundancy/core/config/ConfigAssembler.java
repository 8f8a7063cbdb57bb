package org.sipredundancy.core.config;

import org.sipredundancy.profiles.HardwareProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the values a file set into the effective configuration (R-CFG-4, R-CFG-7): every account of the model,
 * defaults where nothing valid was written, {@code outbound_proxy.Y.*} = -1 replaced by the same-named value of
 * {@code sip_server.Y.*}, and the static DNS cache records that are complete. Driven by the parameter table alone.
 */
final class ConfigAssembler
{
    private static final int IPV4_OCTETS = 4;
    private static final int MAX_OCTET = 255;

    private ConfigAssembler()
    {
    }

    static ProvisioningConfig assemble(
        final HardwareProfile profile,
        final int firmware,
        final SettingStore store,
        final DiagnosticCollector diagnostics,
        final SubscriptionSettings subscriptions)
    {
        final List<AccountConfig> accounts = new ArrayList<>(profile.accountCount());
        for (int x = 1; x <= profile.accountCount(); x++)
        {
            accounts.add(account(store, x));
        }

        final List<DnsARecord> aRecords = new ArrayList<>();
        final List<DnsSrvRecord> srvRecords = new ArrayList<>();
        final List<DnsNaptrRecord> naptrRecords = new ArrayList<>();
        for (int x = 1; x <= Scope.DNS_CACHE_RECORDS; x++)
        {
            final SettingBlock a = record(store, Scope.DNS_A, x, diagnostics);
            if (null != a)
            {
                aRecords.add(new DnsARecord(x, a));
            }
            final SettingBlock srv = record(store, Scope.DNS_SRV, x, diagnostics);
            if (null != srv)
            {
                srvRecords.add(new DnsSrvRecord(x, srv));
            }
            final SettingBlock naptr = record(store, Scope.DNS_NAPTR, x, diagnostics);
            if (null != naptr)
            {
                naptrRecords.add(new DnsNaptrRecord(x, naptr));
            }
        }

        return new ProvisioningConfig(
            profile, firmware, accounts, new StaticDnsCache(aRecords, srvRecords, naptrRecords), subscriptions);
    }

    private static AccountConfig account(final SettingStore store, final int x)
    {
        final SettingBlock account = SettingBlock.of(Scope.ACCOUNT, new StoredValues(store, x, 0, null));
        final List<SettingBlock> servers = new ArrayList<>(Scope.SLOTS);
        final List<SettingBlock> proxies = new ArrayList<>(Scope.SLOTS);
        for (int y = 1; y <= Scope.SLOTS; y++)
        {
            final SettingBlock server = SettingBlock.of(Scope.SIP_SERVER, new StoredValues(store, x, y, null));
            servers.add(server);
            proxies.add(SettingBlock.of(Scope.OUTBOUND_PROXY, new StoredValues(store, x, y, server)));
        }
        return new AccountConfig(x, account, servers, proxies);
    }

    /**
     * The record X of a static DNS cache scope: null when the file writes none of its values, or when it is
     * incomplete or unusable (diagnosed).
     */
    private static SettingBlock record(
        final SettingStore store, final Scope scope, final int x, final DiagnosticCollector diagnostics)
    {
        int firstLine = Integer.MAX_VALUE;
        for (final Parameter parameter : ParameterTable.storedIn(scope))
        {
            final SettingStore.Entry entry = store.get(parameter, x, 0);
            if (null != entry && entry.written())
            {
                firstLine = Math.min(firstLine, entry.line());
            }
        }
        if (firstLine == Integer.MAX_VALUE)
        {
            return null;
        }

        final SettingBlock block = SettingBlock.of(scope, new StoredValues(store, x, 0, null));
        final List<String> missing = new ArrayList<>();
        String firstMissingKey = "";
        for (final Parameter parameter : ParameterTable.storedIn(scope))
        {
            if (parameter.isRecordKey() && block.text(parameter).isEmpty())
            {
                firstMissingKey = missing.isEmpty() ? parameter.key(x, 0) : firstMissingKey;
                missing.add(parameter.suffix());
            }
        }

        final String kind = scope.head().substring("dns_cache_".length()).toUpperCase(Locale.ROOT);
        final String record = "static " + kind + " record " + x;
        if (!missing.isEmpty())
        {
            diagnostics.add(DiagnosticKind.INCOMPLETE_DNS_RECORD, firstLine, firstMissingKey, "",
                "a record with " + String.join(" and ", missing), "record not used",
                record + " (" + scope.prefix(x, 0) + "*) has no " + String.join(" and ", missing) +
                "; the record is not used");
            return null;
        }
        if (scope == Scope.DNS_A && !isIpv4(block.text(Parameter.DNS_A_IP)))
        {
            final String ip = block.text(Parameter.DNS_A_IP);
            diagnostics.add(DiagnosticKind.INVALID_DNS_RECORD, store.get(Parameter.DNS_A_IP, x, 0).line(),
                Parameter.DNS_A_IP.key(x, 0), ip, "a dotted IPv4 address", "record not used",
                record + ": ip " + TextEscaper.shorten(ip) + " is not an IPv4 address; the record is not used");
            return null;
        }
        return block;
    }

    static boolean isIpv4(final String text)
    {
        int octets = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++)
        {
            final char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.')
            {
                if (value < 0 || ++octets > IPV4_OCTETS)
                {
                    return false;
                }
                value = -1;
            }
            else if (c >= '0' && c <= '9')
            {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > MAX_OCTET)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }
        return octets == IPV4_OCTETS;
    }

    /**
     * The effective value of each parameter at one place: what the file set, else the default; for an outbound
     * proxy, -1 replaced by the same-named value of the SIP server of the same slot.
     */
    private static final class StoredValues implements SettingBlock.ValueSource
    {
        private final SettingStore store;
        private final int x;
        private final int y;
        private final SettingBlock inheritFrom;

        StoredValues(final SettingStore store, final int x, final int y, final SettingBlock inheritFrom)
        {
            this.store = store;
            this.x = x;
            this.y = y;
            this.inheritFrom = inheritFrom;
        }

        @Override
        public long number(final Parameter parameter)
        {
            final SettingStore.Entry entry = store.get(parameter, x, y);
            final long value = null == entry || entry.usesDefault() ? parameter.defaultNumber() : entry.number();
            final Parameter inherited = parameter.inheritsFrom();
            if (null != inheritFrom && null != inherited && value == ValueRule.INHERIT)
            {
                return inheritFrom.number(inherited);
            }
            return value;
        }

        @Override
        public String text(final Parameter parameter)
        {
            final SettingStore.Entry entry = store.get(parameter, x, y);
            return null == entry || entry.usesDefault() ? parameter.defaultText() : entry.text();
        }
    }
}
