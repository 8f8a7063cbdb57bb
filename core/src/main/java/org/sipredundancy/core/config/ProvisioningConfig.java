package org.sipredundancy.core.config;

import org.sipredundancy.profiles.HardwareProfile;

import java.util.List;
import java.util.Objects;

/**
 * The effective configuration of one phone (R-CFG-7): the model and firmware it was read for, every account of the
 * model (1 to N, defaults where the file says nothing), and the static DNS cache. It is what the core's DNS, SIP and
 * redundancy code start from, and what {@link ConfigPrinter} prints; two configurations are equal when a phone
 * would behave the same with either. What the file said beyond that (diagnostics, unknown keys, values as written)
 * is in the {@link ParseResult}. Immutable.
 *
 * @param profile        the model the file was read for.
 * @param firmware       the firmware major version the file was read for, e.g. 82.
 * @param accounts       accounts 1 to the model's account count, in order.
 * @param staticDnsCache the complete static DNS cache records.
 * @param subscriptions  BLF keys and message waiting (Beyond the seed).
 */
public record ProvisioningConfig(
    HardwareProfile profile,
    int firmware,
    List<AccountConfig> accounts,
    StaticDnsCache staticDnsCache,
    SubscriptionSettings subscriptions)
{
    /**
     * Check and copy, so that the configuration stays immutable.
     *
     * @param profile the model.
     * @param firmware the firmware major version.
     * @param accounts accounts 1 to N.
     * @param staticDnsCache the static DNS cache.
     * @param subscriptions BLF keys and message waiting.
     */
    public ProvisioningConfig
    {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(staticDnsCache, "staticDnsCache");
        Objects.requireNonNull(subscriptions, "subscriptions");
        accounts = List.copyOf(accounts);
    }

    /**
     * @param x the account number, from 1 to the model's account count.
     * @return the account.
     * @throws IndexOutOfBoundsException when the model has no such account.
     */
    public AccountConfig account(final int x)
    {
        return accounts.get(x - 1);
    }
}
