package org.sipredundancy.core.config;

import static org.sipredundancy.core.config.Applicability.ALWAYS;
import static org.sipredundancy.core.config.Applicability.FIRMWARE_81;
import static org.sipredundancy.core.config.Applicability.FIRMWARE_82;
import static org.sipredundancy.core.config.Applicability.INDEXED_OUTBOUND_PROXY;
import static org.sipredundancy.core.config.Parameter.Trait.PLAIN;
import static org.sipredundancy.core.config.Parameter.Trait.RECORD_KEY;
import static org.sipredundancy.core.config.Parameter.Trait.SECRET;
import static org.sipredundancy.core.config.Scope.ACCOUNT;
import static org.sipredundancy.core.config.Scope.DNS_A;
import static org.sipredundancy.core.config.Scope.DNS_NAPTR;
import static org.sipredundancy.core.config.Scope.DNS_SRV;
import static org.sipredundancy.core.config.Scope.OUTBOUND_PROXY;
import static org.sipredundancy.core.config.Scope.SIP_SERVER;
import static org.sipredundancy.core.config.ValueRule.choice;
import static org.sipredundancy.core.config.ValueRule.domainName;
import static org.sipredundancy.core.config.ValueRule.failbackTimeout;
import static org.sipredundancy.core.config.ValueRule.flag;
import static org.sipredundancy.core.config.ValueRule.host;
import static org.sipredundancy.core.config.ValueRule.integer;
import static org.sipredundancy.core.config.ValueRule.naptrFlag;
import static org.sipredundancy.core.config.ValueRule.text;

/**
 * The parameter table (R-CFG-2): every parameter of the seed's tables, declared once, with exactly its permitted
 * values and default, the models and firmware it applies to (R-CFG-6) and what it means. The parser, the printer and
 * the documentation ({@link ParameterTable#markdown()}) all read this table; nothing else lists parameters.
 * <p>
 * Defaults are written as the seed writes them: a number, or empty for the seed's "Blank".
 * <p>
 * <b>Decision</b> ({@link #OUTBOUND_PROXY_FALLBACK_INTERVAL}): the seed permits only "Integer". The core takes an
 * integer from 10 to 2147483647 seconds, the range the seed gives {@code fallback.timeout}, the same kind of probe
 * interval: below 10 s a dead proxy would be probed almost continuously, and 2147483647 is the seed's largest
 * interval anywhere. Values outside are diagnosed and the default 3600 is used.
 * <p>
 * <b>Decision</b> (inheritance, R-CFG-4): an {@code outbound_proxy.Y.*} parameter set to -1 inherits the
 * {@code sip_server.Y.*} parameter of the same name. The seed's text for {@code only_signal_with_registered} says it
 * inherits {@code retry_counts}; that is a documentation slip (a 0/1 switch cannot take a retry count), and Yealink's
 * administrator guides name {@code only_signal_with_registered}.
 * <p>
 * The legacy {@code outbound_host}, {@code outbound_port}, {@code backup_outbound_host} and
 * {@code backup_outbound_port} are stored as outbound proxy 1 and 2 (R-OBP-3), so the rest of the core sees one
 * model of outbound proxies.
 */
public enum Parameter
{
    // account.X.*
    /** {@code account.X.enable}. */
    ENABLE(ACCOUNT, "enable", flag(), "0", ALWAYS, PLAIN,
        "Whether the account is active: it registers and places calls."),
    /** {@code account.X.label}. */
    LABEL(ACCOUNT, "label", text(), "", ALWAYS, PLAIN,
        "Label shown on the phone's screen for the account."),
    /** {@code account.X.display_name}. */
    DISPLAY_NAME(ACCOUNT, "display_name", text(), "", ALWAYS, PLAIN,
        "Display name of the account, sent with its address."),
    /** {@code account.X.auth_name}. */
    AUTH_NAME(ACCOUNT, "auth_name", text(), "", ALWAYS, PLAIN,
        "User name for digest authentication (Register Name)."),
    /** {@code account.X.user_name}. */
    USER_NAME(ACCOUNT, "user_name", text(), "", ALWAYS, PLAIN,
        "User part of the account's address of record."),
    /** {@code account.X.password}. */
    PASSWORD(ACCOUNT, "password", text(), "", ALWAYS, SECRET,
        "Password for digest authentication; printed as ******** unless asked for."),
    /** {@code account.X.outbound_proxy_enable}. */
    OUTBOUND_PROXY_ENABLE(ACCOUNT, "outbound_proxy_enable", flag(), "0", ALWAYS, PLAIN,
        "Whether every request of the account goes through the outbound proxy servers."),
    /** {@code account.X.outbound_host}. */
    OUTBOUND_HOST("outbound_host", host(), "", "address", 1,
        "Outbound proxy server 1 (legacy key; stored as outbound_proxy.1.address)."),
    /** {@code account.X.outbound_port}. */
    OUTBOUND_PORT("outbound_port", integer(0, 65535), "5060", "port", 1,
        "Port of outbound proxy server 1 (legacy key; stored as outbound_proxy.1.port)."),
    /** {@code account.X.backup_outbound_host}. */
    BACKUP_OUTBOUND_HOST("backup_outbound_host", host(), "", "address", 2,
        "Outbound proxy server 2 (legacy key; stored as outbound_proxy.2.address)."),
    /** {@code account.X.backup_outbound_port}. */
    BACKUP_OUTBOUND_PORT("backup_outbound_port", integer(0, 65535), "5060", "port", 2,
        "Port of outbound proxy server 2 (legacy key; stored as outbound_proxy.2.port)."),
    /** {@code account.X.fallback.redundancy_type}. */
    FALLBACK_REDUNDANCY_TYPE(ACCOUNT, "fallback.redundancy_type", choice(RedundancyType.labels()), "0", ALWAYS, PLAIN,
        "Fallback registration mode: both servers at once, or one at a time."),
    /** {@code account.X.fallback.timeout}. */
    FALLBACK_TIMEOUT(ACCOUNT, "fallback.timeout", integer(10, 2147483647), "120", ALWAYS, PLAIN,
        "Seconds between probes of the working server while on the fallback server (successive mode)."),
    /** {@code account.X.outbound_proxy_fallback_interval}. */
    OUTBOUND_PROXY_FALLBACK_INTERVAL(ACCOUNT, "outbound_proxy_fallback_interval", integer(10, 2147483647), "3600",
        ALWAYS, PLAIN, "Seconds between probes of outbound proxy 1 while on proxy 2 (range: a Decision)."),
    /** {@code account.X.dns_cache_type}. */
    DNS_CACHE_TYPE(ACCOUNT, "dns_cache_type", choice(DnsCacheType.labels()), "1", ALWAYS, PLAIN,
        "Whether DNS answers, and additional records, are cached."),
    /** {@code account.X.static_cache_pri}. */
    STATIC_CACHE_PRI(ACCOUNT, "static_cache_pri", flag(), "0", ALWAYS, PLAIN,
        "Whether the static DNS cache is preferred to live DNS."),
    /** {@code account.X.naptr_build}. */
    NAPTR_BUILD(ACCOUNT, "naptr_build", flag(), "0", ALWAYS, PLAIN,
        "SRV queries when NAPTR finds nothing: UDP only (0), or UDP, TCP and TLS (1)."),

    // account.X.sip_server.Y.*
    /** {@code account.X.sip_server.Y.address}. */
    SIP_SERVER_ADDRESS(SIP_SERVER, "address", text(256), "", ALWAYS, PLAIN,
        "Domain name or IP address of SIP server Y (1: working server, 2: fallback server)."),
    /** {@code account.X.sip_server.Y.port}. */
    SIP_SERVER_PORT(SIP_SERVER, "port", integer(0, 65535), "5060", ALWAYS, PLAIN,
        "Port of SIP server Y; 0 means find it by DNS (NAPTR and SRV)."),
    /** {@code account.X.sip_server.Y.transport_type}. */
    SIP_SERVER_TRANSPORT_TYPE(SIP_SERVER, "transport_type", choice(TransportType.labels()), "0", ALWAYS, PLAIN,
        "Transport to SIP server Y; DNS-NAPTR lets NAPTR records choose."),
    /** {@code account.X.sip_server.Y.expires}. */
    SIP_SERVER_EXPIRES(SIP_SERVER, "expires", integer(30, 2147483647), "3600", ALWAYS, PLAIN,
        "Registration expiry asked of SIP server Y, in seconds."),
    /** {@code account.X.sip_server.Y.retry_counts}. */
    SIP_SERVER_RETRY_COUNTS(SIP_SERVER, "retry_counts", integer(0, 20), "3", ALWAYS, PLAIN,
        "Retransmissions to an unresponsive server before moving to the next one."),
    /** {@code account.X.sip_server.Y.register_on_enable}. */
    SIP_SERVER_REGISTER_ON_ENABLE(SIP_SERVER, "register_on_enable", flag(), "0", ALWAYS, PLAIN,
        "Whether to register with a secondary server before sending it requests on failover."),
    /** {@code account.X.sip_server.Y.only_signal_with_registered}. */
    SIP_SERVER_ONLY_SIGNAL_WITH_REGISTERED(SIP_SERVER, "only_signal_with_registered", flag(), "0", FIRMWARE_81, PLAIN,
        "Whether requests go only to the server the account is registered with."),
    /** {@code account.X.sip_server.Y.invite_retry_counts}. */
    SIP_SERVER_INVITE_RETRY_COUNTS(SIP_SERVER, "invite_retry_counts", integer(1, 10), "3", FIRMWARE_81, PLAIN,
        "Retries of a request other than REGISTER before moving to the next server."),
    /** {@code account.X.sip_server.Y.failback_mode}. */
    SIP_SERVER_FAILBACK_MODE(SIP_SERVER, "failback_mode", choice(FailbackMode.labels()), "0", ALWAYS, PLAIN,
        "How requests return to the primary server after a failover."),
    /** {@code account.X.sip_server.Y.failback_timeout}. */
    SIP_SERVER_FAILBACK_TIMEOUT(SIP_SERVER, "failback_timeout", failbackTimeout(), "3600", ALWAYS, PLAIN,
        "Seconds on the current server before the primary is tried again (duration mode); 0: never."),
    /** {@code account.X.sip_server.Y.failback_subscribe.enable}. */
    SIP_SERVER_FAILBACK_SUBSCRIBE_ENABLE(SIP_SERVER, "failback_subscribe.enable", flag(), "0", FIRMWARE_81, PLAIN,
        "Whether subscriptions move at once when the server's address changes on failover."),

    // account.X.outbound_proxy.Y.*
    /** {@code account.X.outbound_proxy.Y.address}. */
    OUTBOUND_PROXY_ADDRESS(OUTBOUND_PROXY, "address", host(), "", INDEXED_OUTBOUND_PROXY, PLAIN,
        "Domain name or IP address of outbound proxy Y (1: working proxy, 2: backup proxy)."),
    /** {@code account.X.outbound_proxy.Y.port}. */
    OUTBOUND_PROXY_PORT(OUTBOUND_PROXY, "port", integer(0, 65535), "5060", INDEXED_OUTBOUND_PROXY, PLAIN,
        "Port of outbound proxy Y; 0 means find it by DNS."),
    /** {@code account.X.outbound_proxy.Y.retry_counts}. */
    OUTBOUND_PROXY_RETRY_COUNTS(OUTBOUND_PROXY, "retry_counts", integer(0, 20).orInherit(), "-1", FIRMWARE_82,
        PLAIN, "Retransmissions to an unresponsive proxy before the next; -1: as sip_server.Y."),
    /** {@code account.X.outbound_proxy.Y.register_on_enable}. */
    OUTBOUND_PROXY_REGISTER_ON_ENABLE(OUTBOUND_PROXY, "register_on_enable", flag().orInherit(), "-1", FIRMWARE_82,
        PLAIN, "Whether to register through a secondary proxy before using it; -1: as sip_server.Y."),
    /** {@code account.X.outbound_proxy.Y.only_signal_with_registered}. */
    OUTBOUND_PROXY_ONLY_SIGNAL_WITH_REGISTERED(OUTBOUND_PROXY, "only_signal_with_registered", flag().orInherit(), "-1",
        FIRMWARE_82, PLAIN, "Whether requests go only through the registered proxy; -1: as sip_server.Y."),
    /** {@code account.X.outbound_proxy.Y.invite_retry_counts}. */
    OUTBOUND_PROXY_INVITE_RETRY_COUNTS(OUTBOUND_PROXY, "invite_retry_counts", integer(1, 10).orInherit(), "-1",
        FIRMWARE_82, PLAIN, "Retries of a request other than REGISTER before the next proxy; -1: as sip_server.Y."),
    /** {@code account.X.outbound_proxy.Y.failback_mode}. */
    OUTBOUND_PROXY_FAILBACK_MODE(OUTBOUND_PROXY, "failback_mode", choice(FailbackMode.labels()).orInherit(), "-1",
        FIRMWARE_82, PLAIN, "How requests return to the primary proxy; -1: as sip_server.Y."),
    /** {@code account.X.outbound_proxy.Y.failback_timeout}. */
    OUTBOUND_PROXY_FAILBACK_TIMEOUT(OUTBOUND_PROXY, "failback_timeout", failbackTimeout().orInherit(), "-1",
        FIRMWARE_82, PLAIN, "Seconds before the primary proxy is tried again (duration mode); -1: as sip_server.Y."),
    /** {@code account.X.outbound_proxy.Y.failback_subscribe.enable}. */
    OUTBOUND_PROXY_FAILBACK_SUBSCRIBE_ENABLE(OUTBOUND_PROXY, "failback_subscribe.enable", flag().orInherit(), "-1",
        FIRMWARE_82, PLAIN, "Whether subscriptions move at once when the proxy changes; -1: as sip_server.Y."),

    // dns_cache_a.X.*
    /** {@code dns_cache_a.X.name}. */
    DNS_A_NAME(DNS_A, "name", domainName(), "", ALWAYS, RECORD_KEY,
        "Domain name of static A record X."),
    /** {@code dns_cache_a.X.ip}. */
    DNS_A_IP(DNS_A, "ip", text(), "", ALWAYS, RECORD_KEY,
        "IPv4 address the name of A record X maps to."),
    /** {@code dns_cache_a.X.ttl}. */
    DNS_A_TTL(DNS_A, "ttl", integer(30, 2147483647), "300", ALWAYS, PLAIN,
        "Seconds A record X may be cached."),

    // dns_cache_srv.X.*
    /** {@code dns_cache_srv.X.name}. */
    DNS_SRV_NAME(DNS_SRV, "name", domainName(), "", ALWAYS, RECORD_KEY,
        "Owner name of static SRV record X, e.g. _sip._udp.example.com."),
    /** {@code dns_cache_srv.X.port}. */
    DNS_SRV_PORT(DNS_SRV, "port", integer(0, 65535), "0", ALWAYS, PLAIN,
        "Port of the target of SRV record X."),
    /** {@code dns_cache_srv.X.priority}. */
    DNS_SRV_PRIORITY(DNS_SRV, "priority", integer(0, 65535), "0", ALWAYS, PLAIN,
        "Priority of SRV record X; lower is preferred."),
    /** {@code dns_cache_srv.X.target}. */
    DNS_SRV_TARGET(DNS_SRV, "target", domainName(), "", ALWAYS, RECORD_KEY,
        "Target host of SRV record X, looked up by an A query."),
    /** {@code dns_cache_srv.X.weight}. */
    DNS_SRV_WEIGHT(DNS_SRV, "weight", integer(0, 65535), "0", ALWAYS, PLAIN,
        "Weight of SRV record X among equal priorities; higher is preferred."),
    /** {@code dns_cache_srv.X.ttl}. */
    DNS_SRV_TTL(DNS_SRV, "ttl", integer(30, 2147483647), "300", ALWAYS, PLAIN,
        "Seconds SRV record X may be cached."),

    // dns_cache_naptr.X.*
    /** {@code dns_cache_naptr.X.name}. */
    DNS_NAPTR_NAME(DNS_NAPTR, "name", domainName(), "", ALWAYS, RECORD_KEY,
        "Domain name static NAPTR record X belongs to."),
    /** {@code dns_cache_naptr.X.flags}. */
    DNS_NAPTR_FLAGS(DNS_NAPTR, "flags", naptrFlag(), "", ALWAYS, PLAIN,
        "Flag of NAPTR record X: S (SRV next), A (address next), U, P; blank: NAPTR again."),
    /** {@code dns_cache_naptr.X.order}. */
    DNS_NAPTR_ORDER(DNS_NAPTR, "order", integer(0, 65535), "0", ALWAYS, PLAIN,
        "Order of NAPTR record X; lower is preferred."),
    /** {@code dns_cache_naptr.X.preference}. */
    DNS_NAPTR_PREFERENCE(DNS_NAPTR, "preference", integer(0, 65535), "0", ALWAYS, PLAIN,
        "Preference of NAPTR record X among equal orders; lower is preferred."),
    /** {@code dns_cache_naptr.X.replace}. */
    DNS_NAPTR_REPLACE(DNS_NAPTR, "replace", domainName(), "", ALWAYS, RECORD_KEY,
        "Replacement domain of NAPTR record X: the name queried next."),
    /** {@code dns_cache_naptr.X.service}. */
    DNS_NAPTR_SERVICE(DNS_NAPTR, "service", text(32), "", ALWAYS, PLAIN,
        "Service of NAPTR record X, e.g. SIP+D2U, SIP+D2T, SIPS+D2T."),
    /** {@code dns_cache_naptr.X.ttl}. */
    DNS_NAPTR_TTL(DNS_NAPTR, "ttl", integer(30, 2147483647), "300", ALWAYS, PLAIN,
        "Seconds NAPTR record X may be cached.");

    /**
     * What sets a parameter apart from the rest of its scope.
     */
    public enum Trait
    {
        /** Nothing. */
        PLAIN,
        /** A secret: never shown in diagnostics, and printed masked unless asked for (R-BAD-5). */
        SECRET,
        /** A static DNS cache record is incomplete, and not used, without it. */
        RECORD_KEY
    }

    private final Scope scope;
    private final String suffix;
    private final ValueRule rule;
    private final String defaultText;
    private final long defaultNumber;
    private final Applicability applicability;
    private final Trait trait;
    private final String meaning;
    private final String storedSuffix;
    private final int storedSlot;

    Parameter(
        final Scope scope,
        final String suffix,
        final ValueRule rule,
        final String defaultText,
        final Applicability applicability,
        final Trait trait,
        final String meaning)
    {
        this(scope, suffix, rule, defaultText, applicability, trait, meaning, null, 0);
    }

    Parameter(
        final String suffix,
        final ValueRule rule,
        final String defaultText,
        final String storedSuffix,
        final int storedSlot,
        final String meaning)
    {
        this(ACCOUNT, suffix, rule, defaultText, Applicability.LEGACY_OUTBOUND_PROXY, PLAIN, meaning,
            storedSuffix, storedSlot);
    }

    Parameter(
        final Scope scope,
        final String suffix,
        final ValueRule rule,
        final String defaultText,
        final Applicability applicability,
        final Trait trait,
        final String meaning,
        final String storedSuffix,
        final int storedSlot)
    {
        this.scope = scope;
        this.suffix = suffix;
        this.rule = rule;
        this.defaultText = defaultText;
        this.defaultNumber = rule.isNumeric() ? rule.check(defaultText).number() : 0;
        this.applicability = applicability;
        this.trait = trait;
        this.meaning = meaning;
        this.storedSuffix = storedSuffix;
        this.storedSlot = storedSlot;
    }

    /**
     * @return where the parameter lives, which decides its key prefix and indexes.
     */
    public Scope scope()
    {
        return scope;
    }

    /**
     * @return the part of the key after the scope's prefix, e.g. {@code failback_subscribe.enable}.
     */
    public String suffix()
    {
        return suffix;
    }

    /**
     * @return the key as the seed writes it, e.g. {@code account.X.sip_server.Y.port}.
     */
    public String keyPattern()
    {
        return scope.prefixPattern() + suffix;
    }

    /**
     * The key for given indexes, e.g. {@code account.1.sip_server.2.port}.
     *
     * @param x the account or record index.
     * @param y the server or proxy slot; ignored when the scope has none.
     * @return the key.
     */
    public String key(final int x, final int y)
    {
        return scope.prefix(x, y) + suffix;
    }

    /**
     * @return the permitted values.
     */
    public ValueRule rule()
    {
        return rule;
    }

    /**
     * @return the default as the seed writes it: a number, or empty for "Blank".
     */
    public String defaultText()
    {
        return defaultText;
    }

    /**
     * @return the default of a numeric parameter; 0 for a text parameter.
     */
    public long defaultNumber()
    {
        return defaultNumber;
    }

    /**
     * @return which models and firmware read the parameter.
     */
    public Applicability applicability()
    {
        return applicability;
    }

    /**
     * @return whether the parameter is a secret, never shown (R-BAD-5).
     */
    public boolean isSecret()
    {
        return trait == SECRET;
    }

    /**
     * @return whether a static DNS cache record is incomplete without the parameter.
     */
    public boolean isRecordKey()
    {
        return trait == RECORD_KEY;
    }

    /**
     * @return what the parameter means, in one line.
     */
    public String meaning()
    {
        return meaning;
    }

    /**
     * Whether the parameter is a legacy key stored as another parameter: {@code outbound_host} and its kin, stored
     * as {@code outbound_proxy.1.*} or {@code outbound_proxy.2.*} (R-OBP-3).
     *
     * @return true for the four legacy outbound proxy keys.
     */
    public boolean isLegacyAlias()
    {
        return null != storedSuffix;
    }

    /**
     * The parameter whose value this one sets: itself, or for a legacy key the outbound proxy parameter.
     *
     * @return the stored parameter.
     */
    public Parameter storedAs()
    {
        return isLegacyAlias() ? ParameterTable.find(OUTBOUND_PROXY, storedSuffix) : this;
    }

    /**
     * The Y this parameter's value is stored under: for a legacy key its fixed proxy (1 or 2), otherwise the Y of
     * its own key.
     *
     * @param y the Y of the key as written.
     * @return the Y of the stored value.
     */
    public int storedSlot(final int y)
    {
        return isLegacyAlias() ? storedSlot : y;
    }

    /**
     * The SIP server parameter an outbound proxy parameter inherits when set to -1: the one of the same name
     * (R-CFG-4).
     *
     * @return the inherited parameter, or null when this one does not inherit.
     */
    public Parameter inheritsFrom()
    {
        return rule.isInheritable() ? ParameterTable.find(SIP_SERVER, suffix) : null;
    }

    /**
     * The default in words, for diagnostics and documentation: {@code 5060}, {@code blank}, or
     * {@code -1 (inherit account.X.sip_server.Y.retry_counts)}.
     *
     * @return the description.
     */
    public String describeDefault()
    {
        if (defaultText.isEmpty())
        {
            return "blank";
        }
        final Parameter inherited = inheritsFrom();
        return null == inherited ? defaultText : defaultText + " (inherit " + inherited.keyPattern() + ")";
    }
}
