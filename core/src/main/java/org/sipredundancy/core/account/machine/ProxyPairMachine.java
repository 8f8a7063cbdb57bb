package org.sipredundancy.core.account.machine;

/**
 * Which outbound proxy a server slot is registered through (R-OBP-2): proxy 1 (working), proxy 2 (backup), or none.
 * Registering through proxy 2 starts the {@code outbound_proxy_fallback_interval}; when it runs out the next walk
 * starts at proxy 1 again ({@link #RETRYING_PROXY_1}) and proxy 2 is only where that walk fails over to.
 */
public final class ProxyPairMachine
{
    /** Not registered through a proxy. */
    public static final int NONE = 0;
    /** Registered through proxy 1. */
    public static final int ON_PROXY_1 = 1;
    /** Registered through proxy 2; the fallback interval runs. */
    public static final int ON_PROXY_2 = 2;
    /** Registered through proxy 2, the fallback interval has run out: proxy 1 is being tried again. */
    public static final int RETRYING_PROXY_1 = 3;

    /** A candidate of proxy 1 accepted a REGISTER. */
    public static final int VIA_PROXY_1 = 0;
    /** A candidate of proxy 2 accepted a REGISTER. */
    public static final int VIA_PROXY_2 = 1;
    /** The fallback interval ran out. */
    public static final int INTERVAL_DUE = 2;
    /** The binding is gone: every candidate of both proxies failed, or the slot was switched off. */
    public static final int LOST = 3;

    /** The table the duty cycle runs. */
    public static final TransitionTable TABLE = new TransitionTable(
        "proxy-pair",
        new String[]{"NONE", "ON_PROXY_1", "ON_PROXY_2", "RETRYING_PROXY_1"},
        new String[]{"VIA_PROXY_1", "VIA_PROXY_2", "INTERVAL_DUE", "LOST"},
        new int[][]{
            {NONE, VIA_PROXY_1, ON_PROXY_1},
            {NONE, VIA_PROXY_2, ON_PROXY_2},
            {ON_PROXY_1, VIA_PROXY_1, ON_PROXY_1},
            {ON_PROXY_1, VIA_PROXY_2, ON_PROXY_2},
            {ON_PROXY_1, LOST, NONE},
            {ON_PROXY_2, VIA_PROXY_1, ON_PROXY_1},
            {ON_PROXY_2, VIA_PROXY_2, ON_PROXY_2},
            {ON_PROXY_2, INTERVAL_DUE, RETRYING_PROXY_1},
            {ON_PROXY_2, LOST, NONE},
            {RETRYING_PROXY_1, VIA_PROXY_1, ON_PROXY_1},
            {RETRYING_PROXY_1, VIA_PROXY_2, ON_PROXY_2},
            {RETRYING_PROXY_1, LOST, NONE},
        });

    private ProxyPairMachine()
    {
    }
}
