package org.sipredundancy.core.account;

import org.sipredundancy.core.sip.transaction.ClientTransactions;

/**
 * The order a request walks an account's candidates in (SPEC R-FO-1, R-SIP-3): from the primary down the list,
 * skipping every candidate whose 503 Retry-After still runs, and with the Yealink retry budget — a candidate that is
 * not the last one still open gets {@code retry_counts} (or {@code invite_retry_counts}) retransmissions, the last
 * one the full Timer B/F. "Last" counts only candidates that may be tried now, so a final candidate inside its
 * Retry-After does not leave the one before it with a short budget. Candidates are rows of the account's
 * {@link ServerHealthTable}, in list order. Stateless and allocation-free.
 */
public final class CandidateWalk
{
    /** What {@link #next} returns when no candidate is left to try. */
    public static final int NONE = -1;
    /** The budget of the last candidate: the full Timer B/F. */
    public static final int FULL_TIMERS = ClientTransactions.FULL_TIMERS;

    private CandidateWalk()
    {
    }

    /**
     * The first candidate after {@code after} that may be tried now.
     *
     * @param health     the account's health table.
     * @param candidates health-table rows of the candidates, primary first.
     * @param count      how many of {@code candidates} are in use.
     * @param after      the position last tried, or -1 to start from the primary.
     * @param nowNs      the duty cycle's time.
     * @return the position in {@code candidates}, or {@link #NONE}.
     */
    public static int next(
        final ServerHealthTable health, final int[] candidates, final int count, final int after, final long nowNs)
    {
        for (int i = Math.max(-1, after) + 1; i < count; i++)
        {
            if (health.isAvailable(candidates[i], nowNs))
            {
                return i;
            }
        }
        return NONE;
    }

    /**
     * The retransmissions a request to the candidate at {@code position} may use before it is given up.
     *
     * @param health      the account's health table.
     * @param candidates  health-table rows of the candidates, primary first.
     * @param count       how many of {@code candidates} are in use.
     * @param position    the candidate about to be tried.
     * @param retryCounts {@code retry_counts} for REGISTER, {@code invite_retry_counts} for other requests.
     * @param nowNs       the duty cycle's time.
     * @return {@code retryCounts} when another candidate may be tried after it, else {@link #FULL_TIMERS}.
     */
    public static int retryBudget(
        final ServerHealthTable health,
        final int[] candidates,
        final int count,
        final int position,
        final int retryCounts,
        final long nowNs)
    {
        return next(health, candidates, count, position, nowNs) == NONE ? FULL_TIMERS : retryCounts;
    }
}
