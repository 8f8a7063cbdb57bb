package org.sipredundancy.core.config;

import java.util.List;
import java.util.Optional;

/**
 * The seed's parameter tables, copied row by row as the seed writes them (parameter, permitted values, default, and
 * the applicability notes), for tests to check the production table against. Nothing here is derived from the
 * production code: the accessors read the typed configuration, and {@link #interpret(String, String)} reads the
 * seed's own wording.
 */
final class SeedTable
{
    /** The seed's applicability notes. */
    enum Gate
    {
        /** No note. */
        ALWAYS,
        /** "only applicable to IP phones (except SIP-T58V/T58A/T56A/CP960 IP phones) running firmware 80 or prior". */
        LEGACY,
        /** "only applicable to SIP-T58V/T58A/T56A/CP960 IP phones and other IP phones running firmware 81 or later". */
        INDEXED,
        /** "only applicable to IP phones running firmware version 81 or later". */
        FIRMWARE_81,
        /** "only applicable to IP phones running firmware version 82 or later". */
        FIRMWARE_82
    }

    /** Reads the effective value of a row's parameter at account or record x, slot y; null when there is none. */
    @FunctionalInterface
    interface Accessor
    {
        Object read(ProvisioningConfig config, int x, int y);
    }

    /**
     * One row of the seed.
     *
     * @param key       the parameter as the seed writes it.
     * @param permitted the "Permitted Values" column, verbatim.
     * @param deflt     the "Default" column, verbatim.
     * @param gate      the applicability note.
     * @param accessor  reads the effective value from the typed configuration.
     */
    record Row(String key, String permitted, String deflt, Gate gate, Accessor accessor)
    {
        String suffixAfter(final String prefix)
        {
            return key.substring(prefix.length());
        }

        Object read(final ProvisioningConfig config, final int x, final int y)
        {
            final Object value = accessor.read(config, x, y);
            return value instanceof Optional ? ((Optional<?>)value).orElse(null) : value;
        }

        boolean isDns()
        {
            return key.startsWith("dns_cache_");
        }

        boolean inherits()
        {
            return deflt.equals("-1");
        }

        String key(final int x, final int y)
        {
            return key.replace("X", Integer.toString(x)).replace(".Y.", "." + y + ".");
        }

        @Override
        public String toString()
        {
            return key;
        }
    }

    /** What the seed's permitted values say, as a test reads them. */
    enum Form
    {
        CHOICE,
        INTEGER,
        FAILBACK_TIMEOUT,
        TEXT,
        HOST,
        DOMAIN,
        NAPTR_FLAG
    }

    /**
     * The permitted values of a row, read from the seed's wording.
     *
     * @param form    the form.
     * @param min     the lowest number (CHOICE, INTEGER, FAILBACK_TIMEOUT).
     * @param max     the highest number, or the longest text (TEXT; Integer.MAX_VALUE when unlimited).
     * @param inherit whether -1 is permitted (the default is -1).
     */
    record Permitted(Form form, long min, long max, boolean inherit)
    {
    }

    /**
     * Decision documented in {@link Parameter}: the seed's bare "Integer" for outbound_proxy_fallback_interval is
     * taken as 10 to 2147483647, the range of fallback.timeout.
     */
    static final long DECIDED_FALLBACK_INTERVAL_MIN = 10;

    static final List<Row> ROWS = List.of(
        row("account.X.enable", "0 or 1", "0", Gate.ALWAYS, (c, x, y) -> n(c.account(x).enabled())),
        row("account.X.label", "String", "Blank", Gate.ALWAYS, (c, x, y) -> c.account(x).label()),
        row("account.X.display_name", "String", "Blank", Gate.ALWAYS, (c, x, y) -> c.account(x).displayName()),
        row("account.X.auth_name", "String", "Blank", Gate.ALWAYS, (c, x, y) -> c.account(x).authName()),
        row("account.X.user_name", "String", "Blank", Gate.ALWAYS, (c, x, y) -> c.account(x).userName()),
        row("account.X.password", "String", "Blank", Gate.ALWAYS, (c, x, y) -> c.account(x).password()),
        row("account.X.sip_server.Y.address", "String within 256 characters", "Blank", Gate.ALWAYS,
            (c, x, y) -> c.account(x).sipServer(y).address()),
        row("account.X.sip_server.Y.port", "Integer from 0 to 65535", "5060", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).sipServer(y).port())),
        row("account.X.sip_server.Y.transport_type", "0, 1, 2 or 3", "0", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).sipServer(y).transport().code())),
        row("account.X.sip_server.Y.expires", "Integer from 30 to 2147483647", "3600", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).sipServer(y).expiresS())),
        row("account.X.sip_server.Y.retry_counts", "Integer from 0 to 20", "3", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).sipServer(y).retryCounts())),
        row("account.X.outbound_proxy_enable", "0 or 1", "0", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).outboundProxy().enabled())),
        row("account.X.outbound_host", "IP address or domain name", "Blank", Gate.LEGACY,
            (c, x, y) -> c.account(x).outboundProxy().proxy(1).address()),
        row("account.X.outbound_port", "Integer from 0 to 65535", "5060", Gate.LEGACY,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(1).port())),
        row("account.X.backup_outbound_host", "IP Address or Domain Name", "Blank", Gate.LEGACY,
            (c, x, y) -> c.account(x).outboundProxy().proxy(2).address()),
        row("account.X.backup_outbound_port", "Integer from 0 to 65535", "5060", Gate.LEGACY,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(2).port())),
        row("account.X.outbound_proxy.Y.address", "IP Address or Domain Name", "Blank", Gate.INDEXED,
            (c, x, y) -> c.account(x).outboundProxy().proxy(y).address()),
        row("account.X.outbound_proxy.Y.port", "Integer from 0 to 65535", "5060", Gate.INDEXED,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).port())),
        row("account.X.outbound_proxy.Y.retry_counts", "Integer from 0 to 20", "-1", Gate.FIRMWARE_82,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).retryCounts())),
        row("account.X.fallback.redundancy_type", "0 or 1", "0", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).fallback().redundancyType().code())),
        row("account.X.fallback.timeout", "Integer from 10 to 2147483647", "120", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).fallback().timeoutS())),
        row("account.X.outbound_proxy_fallback_interval", "Integer", "3600", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).outboundProxy().fallbackIntervalS())),
        row("account.X.sip_server.Y.register_on_enable", "0 or 1", "0", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).sipServer(y).registerOnEnable())),
        row("account.X.sip_server.Y.only_signal_with_registered", "0 or 1", "0", Gate.FIRMWARE_81,
            (c, x, y) -> n(c.account(x).sipServer(y).onlySignalWithRegistered())),
        row("account.X.sip_server.Y.invite_retry_counts", "Integer from 1 to 10", "3", Gate.FIRMWARE_81,
            (c, x, y) -> n(c.account(x).sipServer(y).inviteRetryCounts())),
        row("account.X.sip_server.Y.failback_mode", "0, 1, 2 or 3", "0", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).sipServer(y).failbackMode().code())),
        row("account.X.sip_server.Y.failback_timeout", "0, Integer from 60 to 65535", "3600", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).sipServer(y).failbackTimeoutS())),
        row("account.X.sip_server.Y.failback_subscribe.enable", "0 or 1", "0", Gate.FIRMWARE_81,
            (c, x, y) -> n(c.account(x).sipServer(y).failbackSubscribe())),
        row("account.X.outbound_proxy.Y.register_on_enable", "0 or 1", "-1", Gate.FIRMWARE_82,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).registerOnEnable())),
        row("account.X.outbound_proxy.Y.only_signal_with_registered", "0 or 1", "-1", Gate.FIRMWARE_82,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).onlySignalWithRegistered())),
        row("account.X.outbound_proxy.Y.invite_retry_counts", "Integer from 1 to 10", "-1", Gate.FIRMWARE_82,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).inviteRetryCounts())),
        row("account.X.outbound_proxy.Y.failback_mode", "0, 1, 2 or 3", "-1", Gate.FIRMWARE_82,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).failbackMode().code())),
        row("account.X.outbound_proxy.Y.failback_timeout", "0, Integer from 60 to 65535", "-1", Gate.FIRMWARE_82,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).failbackTimeoutS())),
        row("account.X.outbound_proxy.Y.failback_subscribe.enable", "0 or 1", "-1", Gate.FIRMWARE_82,
            (c, x, y) -> n(c.account(x).outboundProxy().proxy(y).failbackSubscribe())),
        row("account.X.dns_cache_type", "0, 1 or 2", "1", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).dns().cacheType().code())),
        row("account.X.static_cache_pri", "0 or 1", "0", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).dns().staticCachePreferred())),
        row("dns_cache_a.X.name", "Domain name", "Blank", Gate.ALWAYS, (c, x, y) -> a(c, x).map(DnsARecord::name)),
        row("dns_cache_a.X.ip", "String", "Blank", Gate.ALWAYS, (c, x, y) -> a(c, x).map(DnsARecord::ip)),
        row("dns_cache_a.X.ttl", "Integer from 30 to 2147483647", "300", Gate.ALWAYS,
            (c, x, y) -> a(c, x).map(r -> n(r.ttlS()))),
        row("dns_cache_srv.X.name", "Domain name", "Blank", Gate.ALWAYS,
            (c, x, y) -> srv(c, x).map(DnsSrvRecord::name)),
        row("dns_cache_srv.X.port", "Integer from 0 to 65535", "0", Gate.ALWAYS,
            (c, x, y) -> srv(c, x).map(r -> n(r.port()))),
        row("dns_cache_srv.X.priority", "Integer from 0 to 65535", "0", Gate.ALWAYS,
            (c, x, y) -> srv(c, x).map(r -> n(r.priority()))),
        row("dns_cache_srv.X.target", "Domain name", "Blank", Gate.ALWAYS,
            (c, x, y) -> srv(c, x).map(DnsSrvRecord::target)),
        row("dns_cache_srv.X.weight", "Integer from 0 to 65535", "0", Gate.ALWAYS,
            (c, x, y) -> srv(c, x).map(r -> n(r.weight()))),
        row("dns_cache_srv.X.ttl", "Integer from 30 to 2147483647", "300", Gate.ALWAYS,
            (c, x, y) -> srv(c, x).map(r -> n(r.ttlS()))),
        row("account.X.naptr_build", "0 or 1", "0", Gate.ALWAYS,
            (c, x, y) -> n(c.account(x).dns().naptrBuildAllTransports())),
        row("dns_cache_naptr.X.name", "Domain Name", "Blank", Gate.ALWAYS,
            (c, x, y) -> naptr(c, x).map(DnsNaptrRecord::name)),
        row("dns_cache_naptr.X.flags", "S, A, U or P", "Blank", Gate.ALWAYS,
            (c, x, y) -> naptr(c, x).map(DnsNaptrRecord::flags)),
        row("dns_cache_naptr.X.order", "Integer from 0 to 65535", "0", Gate.ALWAYS,
            (c, x, y) -> naptr(c, x).map(r -> n(r.order()))),
        row("dns_cache_naptr.X.preference", "Integer from 0 to 65535", "0", Gate.ALWAYS,
            (c, x, y) -> naptr(c, x).map(r -> n(r.preference()))),
        row("dns_cache_naptr.X.replace", "Domain name", "Blank", Gate.ALWAYS,
            (c, x, y) -> naptr(c, x).map(DnsNaptrRecord::replacement)),
        row("dns_cache_naptr.X.service", "String within 32 characters", "Blank", Gate.ALWAYS,
            (c, x, y) -> naptr(c, x).map(DnsNaptrRecord::service)),
        row("dns_cache_naptr.X.ttl", "Integer from 30 to 2147483647", "300", Gate.ALWAYS,
            (c, x, y) -> naptr(c, x).map(r -> n(r.ttlS()))));

    /** The fields a static DNS record cannot do without, by the seed's examples: a name and what it points to. */
    static final List<String> RECORD_KEYS = List.of(
        "dns_cache_a.X.name", "dns_cache_a.X.ip",
        "dns_cache_srv.X.name", "dns_cache_srv.X.target",
        "dns_cache_naptr.X.name", "dns_cache_naptr.X.replace");

    private SeedTable()
    {
    }

    static Row row(final String key)
    {
        for (final Row row : ROWS)
        {
            if (row.key().equals(key))
            {
                return row;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /**
     * Read the seed's permitted values as a person would.
     *
     * @param key       the parameter, for the one Decision.
     * @param permitted the seed's wording.
     * @return what it permits.
     */
    static Permitted interpret(final String key, final String permitted)
    {
        final boolean inherit = row(key).inherits();
        final String lower = permitted.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("0 or 1"))
        {
            return new Permitted(Form.CHOICE, 0, 1, inherit);
        }
        if (lower.equals("0, 1 or 2"))
        {
            return new Permitted(Form.CHOICE, 0, 2, inherit);
        }
        if (lower.equals("0, 1, 2 or 3"))
        {
            return new Permitted(Form.CHOICE, 0, 3, inherit);
        }
        if (lower.equals("0, integer from 60 to 65535"))
        {
            return new Permitted(Form.FAILBACK_TIMEOUT, 0, 65535, inherit);
        }
        if (lower.startsWith("integer from "))
        {
            final String[] words = lower.split(" ");
            return new Permitted(Form.INTEGER, Long.parseLong(words[2]), Long.parseLong(words[4]), inherit);
        }
        if (lower.equals("integer"))
        {
            return new Permitted(Form.INTEGER, DECIDED_FALLBACK_INTERVAL_MIN, 2147483647L, inherit);
        }
        if (lower.equals("string"))
        {
            return new Permitted(Form.TEXT, 0, Integer.MAX_VALUE, false);
        }
        if (lower.startsWith("string within "))
        {
            return new Permitted(Form.TEXT, 0, Long.parseLong(lower.split(" ")[2]), false);
        }
        if (lower.equals("ip address or domain name"))
        {
            return new Permitted(Form.HOST, 0, 0, false);
        }
        if (lower.equals("domain name"))
        {
            return new Permitted(Form.DOMAIN, 0, 0, false);
        }
        if (lower.equals("s, a, u or p"))
        {
            return new Permitted(Form.NAPTR_FLAG, 0, 0, false);
        }
        throw new IllegalArgumentException("cannot read '" + permitted + "'");
    }

    static Permitted permitted(final Row row)
    {
        return interpret(row.key(), row.permitted());
    }

    /**
     * @return the seed's default as a file writes it: "Blank" is empty.
     */
    static String defaultText(final Row row)
    {
        return row.deflt().equals("Blank") ? "" : row.deflt();
    }

    private static Row row(final String key, final String permitted, final String deflt, final Gate gate,
        final Accessor accessor)
    {
        return new Row(key, permitted, deflt, gate, accessor);
    }

    static Long n(final boolean value)
    {
        return value ? 1L : 0L;
    }

    static Long n(final int value)
    {
        return (long)value;
    }

    private static Optional<DnsARecord> a(final ProvisioningConfig config, final int x)
    {
        return config.staticDnsCache().aRecords().stream().filter(r -> r.index() == x).findFirst();
    }

    private static Optional<DnsSrvRecord> srv(final ProvisioningConfig config, final int x)
    {
        return config.staticDnsCache().srvRecords().stream().filter(r -> r.index() == x).findFirst();
    }

    private static Optional<DnsNaptrRecord> naptr(final ProvisioningConfig config, final int x)
    {
        return config.staticDnsCache().naptrRecords().stream().filter(r -> r.index() == x).findFirst();
    }
}
