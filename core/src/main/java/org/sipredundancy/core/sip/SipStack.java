package org.sipredundancy.core.sip;

import org.agrona.DirectBuffer;
import org.sipredundancy.core.loop.InboundRouter;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.core.sip.transaction.ServerTransactions;
import org.sipredundancy.core.sip.transaction.ServerTransactionsContext;
import org.sipredundancy.core.sip.transport.SipMessageHandler;
import org.sipredundancy.core.sip.transport.SipTransport;
import org.sipredundancy.core.sip.transport.SipTransportContext;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.RandomSource;

/**
 * One phone's SIP stack on one duty cycle: the transport hands every response to the client transaction table,
 * every request to the {@link SipRequestHandler} (normally
 * {@link org.sipredundancy.core.sip.uas.IncomingRequests}
 * over {@link #serverTransactions()}), and every flow failure to the transactions in flight on that flow, which
 * report it to their users with its cause (R-SIP-3). Messages that do not decode are counted and dropped here, or
 * answered 400 when their request line parses (R-BAD-2, {@code SipBadRequestResponder}). Built once at start-up;
 * nothing allocates afterwards. Duty cycle thread only.
 */
public final class SipStack implements SipMessageHandler
{
    private final SipTransport transport;
    private final ClientTransactions transactions;
    private final ServerTransactions serverTransactions;
    private final SipBadRequestResponder badRequests = new SipBadRequestResponder();
    private SipRequestHandler requestHandler;
    private long malformedCount;
    private long unhandledRequestCount;

    /**
     * @param network      the duty cycle's network port.
     * @param router       the duty cycle's router.
     * @param timers       the duty cycle's timers.
     * @param random       the injected seeded source (branches).
     * @param localAddress the address to bind, or {@link org.sipredundancy.hal.Ipv4#ANY}.
     * @param sipPort      the SIP port to listen on; 0 for any free port.
     */
    public SipStack(
        final Network network,
        final InboundRouter router,
        final TimerService timers,
        final RandomSource random,
        final int localAddress,
        final int sipPort)
    {
        transport = new SipTransport(new SipTransportContext().network(network).router(router).handler(this)
            .localAddress(localAddress).sipPort(sipPort));
        transactions = new ClientTransactions(new ClientTransactionsContext().timers(timers).sender(transport)
            .random(random));
        serverTransactions = new ServerTransactions(new ServerTransactionsContext().timers(timers)
            .sender(transport));
    }

    /**
     * @param requestHandler who takes incoming requests; null to count and drop them.
     * @return this.
     */
    public SipStack requestHandler(final SipRequestHandler requestHandler)
    {
        this.requestHandler = requestHandler;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public void onSipMessage(
        final int flow, final int remoteAddress, final int remotePort, final SipMessageDecoder message,
        final long nowNs)
    {
        if (!message.isRequest())
        {
            transactions.onResponse(message, nowNs);
        }
        else if (requestHandler != null)
        {
            requestHandler.onRequest(flow, remoteAddress, remotePort, message, nowNs);
        }
        else
        {
            unhandledRequestCount++;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMalformed(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        malformedCount++;
        badRequests.respond(transport, flow, remoteAddress, remotePort, buffer, offset, length, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onFlowFailure(final int flow, final int transportError, final long nowNs)
    {
        transactions.onFlowFailure(flow, transportError, nowNs);
    }

    /**
     * @return the transport: open it, and ask it for flows to servers.
     */
    public SipTransport transport()
    {
        return transport;
    }

    /**
     * @return the client transaction table requests run in.
     */
    public ClientTransactions transactions()
    {
        return transactions;
    }

    /**
     * @return the server transaction table incoming requests run in.
     */
    public ServerTransactions serverTransactions()
    {
        return serverTransactions;
    }

    /**
     * @return undecodable requests answered 400, since start.
     */
    public long badRequestCount()
    {
        return badRequests.answeredCount();
    }

    /**
     * @return messages that did not decode, since start.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    /**
     * @return requests dropped because no handler was set, since start.
     */
    public long unhandledRequestCount()
    {
        return unhandledRequestCount;
    }
}
