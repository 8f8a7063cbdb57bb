package org.sipredundancy.core.config;

import java.util.List;
import java.util.TreeMap;

/**
 * Prints an effective configuration as a valid provisioning file (R-CFG-7): the version header, then every account
 * in order with every parameter that applies to the model and firmware (defaults applied, inheritance resolved,
 * legacy or indexed outbound proxy keys as the firmware reads them), then the static DNS cache records. Reading the
 * printed file for the same model and firmware gives an equal configuration, with no diagnostics. Passwords print
 * as {@value #MASK} unless asked for (R-BAD-5). Immutable; configure with the {@code with…} methods.
 */
public final class ConfigPrinter
{
    /** What a password prints as unless passwords are shown. */
    public static final String MASK = "********";

    private final boolean showPasswords;
    private final boolean withMeanings;

    /**
     * A printer that masks passwords and prints no comments.
     */
    public ConfigPrinter()
    {
        this(false, false);
    }

    private ConfigPrinter(final boolean showPasswords, final boolean withMeanings)
    {
        this.showPasswords = showPasswords;
        this.withMeanings = withMeanings;
    }

    /**
     * @param showPasswords whether passwords print in clear, e.g. to provision a phone; masked by default.
     * @return a printer like this one with the choice made.
     */
    public ConfigPrinter withPasswords(final boolean showPasswords)
    {
        return new ConfigPrinter(showPasswords, withMeanings);
    }

    /**
     * @param withMeanings whether each key is preceded by a comment with its meaning, permitted values and default,
     *                     from the parameter table.
     * @return a printer like this one with the choice made.
     */
    public ConfigPrinter withMeanings(final boolean withMeanings)
    {
        return new ConfigPrinter(showPasswords, withMeanings);
    }

    /**
     * Print a configuration.
     *
     * @param config the configuration.
     * @return the file's text, LF line endings, ending with a newline.
     */
    public String print(final ProvisioningConfig config)
    {
        final StringBuilder out = new StringBuilder(64 * 1024);
        out.append(ConfigParser.VERSION_HEADER).append('\n');
        out.append("## Effective configuration for ").append(config.profile().modelId())
            .append(", firmware ").append(config.firmware()).append('\n');
        for (final AccountConfig account : config.accounts())
        {
            printAccount(out, config, account);
        }
        printSubscriptions(out, config.subscriptions());

        final StaticDnsCache cache = config.staticDnsCache();
        for (final DnsARecord record : cache.aRecords())
        {
            printScope(out, config, Scope.DNS_A, record.index(), 0, record.block(), null);
        }
        for (final DnsSrvRecord record : cache.srvRecords())
        {
            printScope(out, config, Scope.DNS_SRV, record.index(), 0, record.block(), null);
        }
        for (final DnsNaptrRecord record : cache.naptrRecords())
        {
            printScope(out, config, Scope.DNS_NAPTR, record.index(), 0, record.block(), null);
        }
        return out.toString();
    }

    /**
     * The subscription keys the file set (Yealink keys beyond the seed's tables), so that a printed file reads back
     * to the same subscriptions; nothing when it set none.
     */
    private static void printSubscriptions(final StringBuilder out, final SubscriptionSettings subscriptions)
    {
        if (subscriptions.blfKeys().isEmpty() && subscriptions.mwiExpiresS().isEmpty() &&
            subscriptions.blfPeriodS().isEmpty())
        {
            return;
        }
        out.append("## Subscriptions (Yealink keys beyond the seed's tables)\n");
        for (final BlfKey key : subscriptions.blfKeys())
        {
            final String prefix = "linekey." + key.key() + ".";
            out.append(prefix).append("type = ").append(SubscriptionKeys.TYPE_BLF).append('\n')
                .append(prefix).append("value = ").append(key.extension()).append('\n')
                .append(prefix).append("line = ").append(key.account()).append('\n');
        }
        new TreeMap<>(subscriptions.mwiExpiresS()).forEach((x, expiresS) -> out
            .append("account.").append(x).append(".subscribe_mwi = 1\n")
            .append("account.").append(x).append(".subscribe_mwi_expires = ").append(expiresS).append('\n'));
        new TreeMap<>(subscriptions.blfPeriodS()).forEach((x, periodS) -> out
            .append("account.").append(x).append(".blf.subscribe_period = ").append(periodS).append('\n'));
    }

    private void printAccount(final StringBuilder out, final ProvisioningConfig config, final AccountConfig account)
    {
        final int x = account.index();
        out.append("##Account").append(x).append('\n');
        printScope(out, config, Scope.ACCOUNT, x, 0, account.blockFor(Scope.ACCOUNT, 0), account);
        for (int y = 1; y <= Scope.SLOTS; y++)
        {
            printScope(out, config, Scope.SIP_SERVER, x, y, account.blockFor(Scope.SIP_SERVER, y), account);
        }
        for (int y = 1; y <= Scope.SLOTS; y++)
        {
            printScope(out, config, Scope.OUTBOUND_PROXY, x, y, account.blockFor(Scope.OUTBOUND_PROXY, y), account);
        }
    }

    private void printScope(
        final StringBuilder out,
        final ProvisioningConfig config,
        final Scope scope,
        final int x,
        final int y,
        final SettingBlock block,
        final AccountConfig account)
    {
        final List<Parameter> parameters = ParameterTable.declaredIn(scope);
        for (final Parameter parameter : parameters)
        {
            if (!parameter.applicability().appliesTo(config.profile(), config.firmware()))
            {
                continue;
            }
            final Parameter stored = parameter.storedAs();
            final SettingBlock source = parameter.isLegacyAlias() ?
                account.blockFor(stored.scope(), parameter.storedSlot(y)) : block;
            final String value = source.valueText(stored);
            if (withMeanings)
            {
                out.append("# ").append(parameter.meaning()).append(" Permitted: ")
                    .append(parameter.rule().permitted()).append("; default ")
                    .append(parameter.describeDefault()).append(".\n");
            }
            out.append(parameter.key(x, y)).append(" =");
            if (!value.isEmpty())
            {
                out.append(' ').append(parameter.isSecret() && !showPasswords ? MASK : value);
            }
            out.append('\n');
        }
    }
}
