package org.sipredundancy.core.config;

import java.util.List;
import java.util.Map;

/**
 * What the phone subscribes to (Beyond the seed's tables, which only say where subscriptions go — R-FB-2, R-FO-6):
 * the BLF keys and, per account, message waiting. Read from the keys Yealink phones use for it:
 * <pre>
 *   linekey.N.type = 16                  BLF key (other types are not subscriptions and stay "not used")
 *   linekey.N.value = 4606               the monitored extension
 *   linekey.N.line = 1                   the account it subscribes through (default 1)
 *   account.X.subscribe_mwi = 1          subscribe to message-summary (default 0)
 *   account.X.subscribe_mwi_expires      60 to 84600 s (default 3600)
 *   account.X.blf.subscribe_period       60 to 84600 s (default 1800)
 * </pre>
 * Immutable.
 *
 * @param blfKeys       the BLF keys in key order.
 * @param mwiExpiresS   account → requested MWI expiry, for the accounts that subscribe to MWI.
 * @param blfPeriodS    account → requested BLF expiry, where the file sets one.
 */
public record SubscriptionSettings(List<BlfKey> blfKeys, Map<Integer, Integer> mwiExpiresS,
    Map<Integer, Integer> blfPeriodS)
{
    /** {@code account.X.blf.subscribe_period} default. */
    public static final int DEFAULT_BLF_PERIOD_S = 1800;
    /** {@code account.X.subscribe_mwi_expires} default. */
    public static final int DEFAULT_MWI_EXPIRES_S = 3600;
    /** No subscriptions at all. */
    public static final SubscriptionSettings NONE = new SubscriptionSettings(List.of(), Map.of(), Map.of());

    /**
     * Copy, so the settings stay immutable.
     *
     * @param blfKeys     the BLF keys.
     * @param mwiExpiresS MWI expiries by account.
     * @param blfPeriodS  BLF expiries by account.
     */
    public SubscriptionSettings
    {
        blfKeys = List.copyOf(blfKeys);
        mwiExpiresS = Map.copyOf(mwiExpiresS);
        blfPeriodS = Map.copyOf(blfPeriodS);
    }

    /**
     * @param account the account number.
     * @return its BLF keys, in key order.
     */
    public List<BlfKey> blfKeys(final int account)
    {
        return blfKeys.stream().filter(k -> k.account() == account).toList();
    }

    /**
     * @param account the account number.
     * @return the MWI expiry to ask for, or 0 when the account does not subscribe to MWI.
     */
    public int mwiExpiresS(final int account)
    {
        return mwiExpiresS.getOrDefault(account, 0);
    }

    /**
     * @param account the account number.
     * @return the BLF expiry to ask for.
     */
    public int blfPeriodS(final int account)
    {
        return blfPeriodS.getOrDefault(account, DEFAULT_BLF_PERIOD_S);
    }
}
