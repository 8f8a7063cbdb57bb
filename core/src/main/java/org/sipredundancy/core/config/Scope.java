package org.sipredundancy.core.config;

import org.sipredundancy.profiles.HardwareProfile;

/**
 * Where a parameter lives, which decides its key prefix and its indexes (R-CFG-5): per account
 * ({@code account.X.}), per SIP server or outbound proxy of an account ({@code account.X.sip_server.Y.},
 * {@code account.X.outbound_proxy.Y.}), or per static DNS cache record ({@code dns_cache_a.X.} and so on).
 */
public enum Scope
{
    /** {@code account.X.*}: X from 1 to the model's account count. */
    ACCOUNT("account", null),
    /** {@code account.X.sip_server.Y.*}: Y is 1 (working server) or 2 (fallback server). */
    SIP_SERVER("account", "sip_server"),
    /** {@code account.X.outbound_proxy.Y.*}: Y is 1 (working proxy) or 2 (backup proxy). */
    OUTBOUND_PROXY("account", "outbound_proxy"),
    /** {@code dns_cache_a.X.*}: static A records, X from 1 to 12. */
    DNS_A("dns_cache_a", null),
    /** {@code dns_cache_srv.X.*}: static SRV records, X from 1 to 12. */
    DNS_SRV("dns_cache_srv", null),
    /** {@code dns_cache_naptr.X.*}: static NAPTR records, X from 1 to 12. */
    DNS_NAPTR("dns_cache_naptr", null);

    /** How many servers, and how many outbound proxies, an account has: Y of {@code sip_server.Y} is 1 or 2. */
    public static final int SLOTS = 2;
    /** How many records of each kind the static DNS cache holds: X of {@code dns_cache_*.X} is 1 to 12. */
    public static final int DNS_CACHE_RECORDS = 12;

    private final String head;
    private final String slotName;

    Scope(final String head, final String slotName)
    {
        this.head = head;
        this.slotName = slotName;
    }

    /**
     * @return the first segment of every key of the scope, e.g. {@code account} or {@code dns_cache_srv}.
     */
    public String head()
    {
        return head;
    }

    /**
     * @return the segment naming the slot, e.g. {@code sip_server}, or null when the scope has no Y.
     */
    String slotName()
    {
        return slotName;
    }

    /**
     * @return whether keys of the scope carry a Y (server or proxy slot) as well as an X.
     */
    public boolean hasSlot()
    {
        return null != slotName;
    }

    /**
     * @return whether the scope belongs to an account, as opposed to the static DNS cache.
     */
    public boolean isAccount()
    {
        return head.equals("account");
    }

    /**
     * The key prefix with the indexes written as the documentation writes them, e.g. {@code account.X.sip_server.Y.}.
     *
     * @return the prefix, ending with a dot.
     */
    public String prefixPattern()
    {
        return hasSlot() ? head + ".X." + slotName + ".Y." : head + ".X.";
    }

    /**
     * The key prefix for given indexes, e.g. {@code account.1.sip_server.2.}.
     *
     * @param x the account or record index.
     * @param y the slot, ignored when the scope has none.
     * @return the prefix, ending with a dot.
     */
    public String prefix(final int x, final int y)
    {
        return hasSlot() ? head + "." + x + "." + slotName + "." + y + "." : head + "." + x + ".";
    }

    /**
     * The highest X of the scope on a model (R-CFG-5).
     *
     * @param profile the model.
     * @return the model's account count for account scopes, 12 for the static DNS cache.
     */
    public int maxIndex(final HardwareProfile profile)
    {
        return isAccount() ? profile.accountCount() : DNS_CACHE_RECORDS;
    }
}
