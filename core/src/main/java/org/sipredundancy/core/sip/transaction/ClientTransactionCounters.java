package org.sipredundancy.core.sip.transaction;

/**
 * What a {@link ClientTransactions} table has done since start: for tests, diagnostics and the R-BAD-4 rule that
 * refused work is counted. Plain fields bumped on the duty cycle; read them from that thread.
 */
public final class ClientTransactionCounters
{
    long started;
    long refusedFull;
    long sendRefused;
    long retransmissions;
    long retransmitSendFailures;
    long budgetGiveUps;
    long timeouts;
    long transportFailures;
    long serviceUnavailable;
    long strayResponses;
    long timerRefusals;

    /**
     * @return requests sent as new transactions.
     */
    public long started()
    {
        return started;
    }

    /**
     * @return transactions refused because no row was free (R-BAD-4).
     */
    public long refusedFull()
    {
        return refusedFull;
    }

    /**
     * @return first sends the network refused (the transaction was not started).
     */
    public long sendRefused()
    {
        return sendRefused;
    }

    /**
     * @return UDP retransmissions sent (Timer A and E).
     */
    public long retransmissions()
    {
        return retransmissions;
    }

    /**
     * @return retransmissions the network refused.
     */
    public long retransmitSendFailures()
    {
        return retransmitSendFailures;
    }

    /**
     * @return transactions given up early because their retry budget was spent (R-SIP-3).
     */
    public long budgetGiveUps()
    {
        return budgetGiveUps;
    }

    /**
     * @return transactions failed by time-out (Timer B/F or the retry budget).
     */
    public long timeouts()
    {
        return timeouts;
    }

    /**
     * @return transactions failed by a transport error of their flow.
     */
    public long transportFailures()
    {
        return transportFailures;
    }

    /**
     * @return 503 responses reported as failures.
     */
    public long serviceUnavailable()
    {
        return serviceUnavailable;
    }

    /**
     * @return responses that matched no transaction (dropped, R-BAD-2).
     */
    public long strayResponses()
    {
        return strayResponses;
    }

    /**
     * @return timers the timer service refused (full wheel); the affected transaction failed at once.
     */
    public long timerRefusals()
    {
        return timerRefusals;
    }
}
