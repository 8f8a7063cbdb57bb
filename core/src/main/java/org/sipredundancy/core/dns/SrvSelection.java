package org.sipredundancy.core.dns;

/**
 * How SRV records of one priority are put in order (R-DNS-5). Priority always comes first, ascending.
 */
public enum SrvSelection
{
    /**
     * The seed's order, the default: higher weight first, equal weights in record order. The seed's Appendix A
     * picks weight 2 before weight 1, and every phone of a deployment then tries the same server first.
     */
    SEED_ORDER,
    /**
     * RFC 2782 weighted random selection: running sums over the records not yet chosen (zero weights placed first),
     * a uniform number from 0 to the sum inclusive, the first record whose running sum reaches it. Spreads phones
     * over servers in proportion to weight; draws from the injected random source only (R-RT-3).
     */
    RFC2782_WEIGHTED
}
