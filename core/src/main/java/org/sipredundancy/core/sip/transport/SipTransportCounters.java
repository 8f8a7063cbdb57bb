package org.sipredundancy.core.sip.transport;

/**
 * What a {@link SipTransport} has done since start, for tests, diagnostics and the R-BAD-2 rule that every dropped
 * message is counted. Plain fields bumped on the duty cycle; read them from that thread (or after it stopped).
 */
public final class SipTransportCounters
{
    long messagesIn;
    long messagesOut;
    long malformed;
    long framingOverflows;
    long sendFailures;
    long flowsOpened;
    long flowsFailed;
    long flowsAccepted;
    long acceptsRefused;
    long stray;

    /**
     * @return whole SIP messages delivered to the handler.
     */
    public long messagesIn()
    {
        return messagesIn;
    }

    /**
     * @return messages accepted by {@link SipTransport#send} (sent, or queued on a connecting stream).
     */
    public long messagesOut()
    {
        return messagesOut;
    }

    /**
     * @return datagrams or stream bytes that did not decode as SIP, dropped.
     */
    public long malformed()
    {
        return malformed;
    }

    /**
     * @return streams closed because one message did not fit the flow's stream buffer.
     */
    public long framingOverflows()
    {
        return framingOverflows;
    }

    /**
     * @return sends refused: by the network, for an unknown flow, or for a full pending buffer.
     */
    public long sendFailures()
    {
        return sendFailures;
    }

    /**
     * @return flows opened by {@link SipTransport#flow} (connected UDP endpoints and outgoing connections).
     */
    public long flowsOpened()
    {
        return flowsOpened;
    }

    /**
     * @return flows closed by a transport failure or a framing failure.
     */
    public long flowsFailed()
    {
        return flowsFailed;
    }

    /**
     * @return incoming connections taken as flows.
     */
    public long flowsAccepted()
    {
        return flowsAccepted;
    }

    /**
     * @return incoming connections closed at once because the flow table was full.
     */
    public long acceptsRefused()
    {
        return acceptsRefused;
    }

    /**
     * @return events for handles no flow owns any more, ignored.
     */
    public long stray()
    {
        return stray;
    }
}
