package org.sipredundancy.core.dns.client;

/**
 * What a {@link DnsClient} has done since start, for tests, diagnostics and the R-BAD-2 rule that every dropped
 * message is counted. Plain fields bumped on the duty cycle; read them from that thread (or after it stopped).
 */
public final class DnsClientCounters
{
    long accepted;
    long refused;
    long joined;
    long udpTries;
    long tryTimeouts;
    long tcpFallbacks;
    long answers;
    long noRecords;
    long failures;
    long errorAnswers;
    long stray;
    long wrongSource;
    long malformed;
    long serverDown;
    long cnameRequeries;
    long cnameFailures;
    long openFailures;
    long sendFailures;
    long timerRefusals;

    /**
     * @return questions accepted by {@link DnsClient#query}.
     */
    public long accepted()
    {
        return accepted;
    }

    /**
     * @return questions refused by {@link DnsClient#query} (table full, no handler, no endpoint).
     */
    public long refused()
    {
        return refused;
    }

    /**
     * @return accepted questions that joined the same question already in flight instead of being sent again.
     */
    public long joined()
    {
        return joined;
    }

    /**
     * @return UDP datagrams sent: first tries and retries.
     */
    public long udpTries()
    {
        return udpTries;
    }

    /**
     * @return tries (UDP or TCP) that timed out.
     */
    public long tryTimeouts()
    {
        return tryTimeouts;
    }

    /**
     * @return truncated UDP answers asked again over TCP.
     */
    public long tcpFallbacks()
    {
        return tcpFallbacks;
    }

    /**
     * @return questions that ended with records.
     */
    public long answers()
    {
        return answers;
    }

    /**
     * @return questions that ended with NXDOMAIN or no records of the type.
     */
    public long noRecords()
    {
        return noRecords;
    }

    /**
     * @return questions that ended in failure (including no server).
     */
    public long failures()
    {
        return failures;
    }

    /**
     * @return matched answers with SERVFAIL, REFUSED or another error RCODE.
     */
    public long errorAnswers()
    {
        return errorAnswers;
    }

    /**
     * @return well-formed messages that did not match the question in flight (id, question, not a response), or
     *         events nobody waited for; ignored.
     */
    public long stray()
    {
        return stray;
    }

    /**
     * @return datagrams from an address or port other than the server asked; ignored.
     */
    public long wrongSource()
    {
        return wrongSource;
    }

    /**
     * @return malformed answers (the decoder refused them) and oversized TCP answers; dropped.
     */
    public long malformed()
    {
        return malformed;
    }

    /**
     * @return servers left at once because of ICMP unreachable or a refused, reset or closed TCP connection.
     */
    public long serverDown()
    {
        return serverDown;
    }

    /**
     * @return CNAME targets asked as questions of their own.
     */
    public long cnameRequeries()
    {
        return cnameRequeries;
    }

    /**
     * @return CNAME chains that looped or grew too long.
     */
    public long cnameFailures()
    {
        return cnameFailures;
    }

    /**
     * @return endpoints the network could not open.
     */
    public long openFailures()
    {
        return openFailures;
    }

    /**
     * @return sends the network refused (the try then times out as a lost datagram would).
     */
    public long sendFailures()
    {
        return sendFailures;
    }

    /**
     * @return time-outs the timer service refused to schedule (it was full).
     */
    public long timerRefusals()
    {
        return timerRefusals;
    }
}
