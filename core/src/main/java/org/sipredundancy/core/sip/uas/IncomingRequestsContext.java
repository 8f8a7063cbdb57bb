package org.sipredundancy.core.sip.uas;

import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ServerTransactions;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.hal.RandomSource;

import java.util.Objects;

/**
 * The set-up of {@link IncomingRequests}: the server transactions it answers through, where stateless answers
 * leave, who it is (Contact, local address for the SDP answer), whom it trusts and whom it tells.
 */
public final class IncomingRequestsContext
{
    private ServerTransactions transactions;
    private ClientTransactions clientTransactions;
    private int localPort = 5060;
    private SipSender sender;
    private RandomSource random;
    private CharSequence contactUri;
    private CharSequence localAddress;
    private int rtpPort = 40000;
    private RequestSourceFilter sourceFilter;
    private NotifyListener notifyListener;
    private CallListener callListener;

    /**
     * Check the set-up. Called by the constructor of {@link IncomingRequests}.
     *
     * @return this.
     */
    public IncomingRequestsContext conclude()
    {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(clientTransactions, "clientTransactions");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(sourceFilter, "sourceFilter");
        Objects.requireNonNull(notifyListener, "notifyListener");
        Objects.requireNonNull(callListener, "callListener");
        if (rtpPort < 1 || rtpPort > 65535)
        {
            throw new IllegalArgumentException("rtpPort must be 1..65535: " + rtpPort);
        }
        if (localPort < 1 || localPort > 65535)
        {
            throw new IllegalArgumentException("localPort must be 1..65535: " + localPort);
        }
        return this;
    }

    /**
     * @param transactions the server transaction table every stateful answer goes through.
     * @return this.
     */
    public IncomingRequestsContext transactions(final ServerTransactions transactions)
    {
        this.transactions = transactions;
        return this;
    }

    /**
     * @param clientTransactions the client transactions that carry the BYE when the user hangs up an answered call.
     * @return this.
     */
    public IncomingRequestsContext clientTransactions(final ClientTransactions clientTransactions)
    {
        this.clientTransactions = clientTransactions;
        return this;
    }

    /**
     * @return the client transactions for the callee's BYE.
     */
    public ClientTransactions clientTransactions()
    {
        return clientTransactions;
    }

    /**
     * @param localPort the phone's SIP port, for the Via of the callee's BYE; 5060 when not set.
     * @return this.
     */
    public IncomingRequestsContext localPort(final int localPort)
    {
        this.localPort = localPort;
        return this;
    }

    /**
     * @return the phone's SIP port.
     */
    public int localPort()
    {
        return localPort;
    }

    /**
     * @param sender where stateless answers leave (400 to a malformed request, 503 when the table is full).
     * @return this.
     */
    public IncomingRequestsContext sender(final SipSender sender)
    {
        this.sender = sender;
        return this;
    }

    /**
     * @param random the injected seeded source To tags and SDP session ids are drawn from.
     * @return this.
     */
    public IncomingRequestsContext random(final RandomSource random)
    {
        this.random = random;
        return this;
    }

    /**
     * @param contactUri the phone's Contact URI, e.g. {@code sip:1001@10.0.0.2:5060}, without angle brackets.
     * @return this.
     */
    public IncomingRequestsContext contactUri(final CharSequence contactUri)
    {
        this.contactUri = contactUri;
        return this;
    }

    /**
     * @param localAddress the phone's dotted IPv4 address, for the SDP answer.
     * @return this.
     */
    public IncomingRequestsContext localAddress(final CharSequence localAddress)
    {
        this.localAddress = localAddress;
        return this;
    }

    /**
     * @param rtpPort the audio port named in the SDP answer (no RTP flows, SPEC R-SIP-7).
     * @return this.
     */
    public IncomingRequestsContext rtpPort(final int rtpPort)
    {
        this.rtpPort = rtpPort;
        return this;
    }

    /**
     * @param sourceFilter decides which source addresses may send requests (anti-spoofing).
     * @return this.
     */
    public IncomingRequestsContext sourceFilter(final RequestSourceFilter sourceFilter)
    {
        this.sourceFilter = sourceFilter;
        return this;
    }

    /**
     * @param notifyListener told of every NOTIFY answered 200.
     * @return this.
     */
    public IncomingRequestsContext notifyListener(final NotifyListener notifyListener)
    {
        this.notifyListener = notifyListener;
        return this;
    }

    /**
     * @param callListener told when a call rings and when it ends.
     * @return this.
     */
    public IncomingRequestsContext callListener(final CallListener callListener)
    {
        this.callListener = callListener;
        return this;
    }

    ServerTransactions transactions()
    {
        return transactions;
    }

    SipSender sender()
    {
        return sender;
    }

    RandomSource random()
    {
        return random;
    }

    CharSequence contactUri()
    {
        return contactUri;
    }

    CharSequence localAddress()
    {
        return localAddress;
    }

    int rtpPort()
    {
        return rtpPort;
    }

    RequestSourceFilter sourceFilter()
    {
        return sourceFilter;
    }

    NotifyListener notifyListener()
    {
        return notifyListener;
    }

    CallListener callListener()
    {
        return callListener;
    }
}
