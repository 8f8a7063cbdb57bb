package org.sipredundancy.core.account;

import org.agrona.AsciiSequenceView;
import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.SipServerConfig;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.sip.transaction.ClientTransactionUser;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.core.sip.wire.SipRequestEncoder;
import org.sipredundancy.hal.LampState;
import org.sipredundancy.hal.Transport;

/**
 * One subscription of an account (RFC 6665): the dialog state of a BLF key's extension (RFC 4235) or the account's
 * message summary (RFC 3842). The account decides where it goes — only the working server the account is registered
 * with (R-FB-2) — and when it moves (R-FO-6); this class keeps the dialog: a SUBSCRIBE that starts one (new Call-ID)
 * or refreshes it (same Call-ID and tags) at 90 % of the granted expiry, a retry after a failure, and the NOTIFYs
 * that drive the lamp. Allocation-free once built. Duty cycle thread only.
 */
public final class Subscription implements ClientTransactionUser, TimerExpiryHandler
{
    /** Not subscribed, and no server to subscribe with yet. */
    public static final int IDLE = 0;
    /** A SUBSCRIBE is in flight. */
    public static final int SUBSCRIBING = 1;
    /** The server accepted; NOTIFYs come in; the refresh is scheduled. */
    public static final int ACTIVE = 2;
    /** The last SUBSCRIBE failed; the retry is scheduled. */
    public static final int FAILED = 3;
    /** The account stopped: the SUBSCRIBE with Expires 0 that ends the dialog is in flight. */
    public static final int ENDING = 4;

    /** Seconds before a failed SUBSCRIBE is sent again. */
    public static final long RETRY_S = 30;

    private static final long NS_PER_S = 1_000_000_000L;
    private static final int BUFFER = 64;

    private final PhoneServices services;
    private final SubscriptionOwner owner;
    private final int accountNumber;
    private final int kind;
    private final int key;
    private final long expiresS;
    private final String event;
    private final String accept;
    private final SipRequestEncoder encoder = new SipRequestEncoder();
    private final StringBuilder requestUri = new StringBuilder(BUFFER);
    private final StringBuilder callId = new StringBuilder(BUFFER);
    private final StringBuilder fromTag = new StringBuilder(BUFFER);
    private final StringBuilder remoteTag = new StringBuilder(BUFFER);
    private final StringBuilder branch = new StringBuilder(BUFFER);
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final Timer timer;

    private int state = IDLE;
    private int transaction = -1;
    private long cseq;
    private int address;
    private int lamp = LampState.OFF;
    private int messages;

    /**
     * Build at start-up.
     *
     * @param services the phone's shared parts.
     * @param owner    the account: says where to subscribe when a refresh or retry falls due.
     * @param account  the account's configuration (user, working server's domain and transport).
     * @param kind     {@link AccountEvents#SUBSCRIPTION_BLF} or {@link AccountEvents#SUBSCRIPTION_MWI}.
     * @param key      the BLF key's DSS key number, 0 for MWI.
     * @param target   the monitored extension (BLF) or the account's own user (MWI).
     * @param expiresS the expiry to ask for.
     */
    public Subscription(
        final PhoneServices services,
        final SubscriptionOwner owner,
        final AccountConfig account,
        final int kind,
        final int key,
        final String target,
        final long expiresS)
    {
        this.services = services;
        this.owner = owner;
        this.accountNumber = account.index();
        this.kind = kind;
        this.key = key;
        this.expiresS = expiresS;
        final boolean blf = kind == AccountEvents.SUBSCRIPTION_BLF;
        event = blf ? "dialog" : "message-summary";
        accept = blf ? "application/dialog-info+xml" : "application/simple-message-summary";
        final SipServerConfig working = account.sipServer(1);
        requestUri.append("sip:").append(target).append('@').append(working.address());
        final int transport = working.transport().code();
        encoder.transport(Transport.name(transport > Transport.TLS ? Transport.UDP : transport))
            .local(services.localHost(), services.localPort()).registrarHost(working.address())
            .user(account.userName()).userAgent(services.userAgent());
        timer = services.timers().newTimer(this, 0);
    }

    /**
     * Send a SUBSCRIBE to a server: a refresh inside the dialog when it is the server the dialog is with, else a
     * new dialog there (a subscription that moves starts afresh, R-FO-6). A SUBSCRIBE in flight is abandoned.
     *
     * @param flow        the transport flow to the server.
     * @param toAddress   the server's address.
     * @param toPort      the server's port.
     * @param route       the outbound proxy's Route value, or empty.
     * @param transport   the transport the flow uses, named in Via and Contact.
     * @param nowNs       the duty cycle's time.
     * @return whether it was sent.
     */
    public boolean subscribe(
        final int flow, final int toAddress, final int toPort, final CharSequence route, final int transport,
        final long nowNs)
    {
        abandon();
        services.timers().cancel(timer);
        if (state != ACTIVE || toAddress != address || remoteTag.length() == 0)
        {
            newDialog();
        }
        address = toAddress;
        encoder.transport(Transport.name(transport));
        if (!send(flow, toPort, route, expiresS, nowNs))
        {
            retryLater(nowNs);
            return false;
        }
        state = SUBSCRIBING;
        return true;
    }

    /**
     * The account stops: an active subscription is ended with a SUBSCRIBE of Expires 0 inside its dialog (RFC 6665
     * section 4.1.2.3), so the server stops NOTIFYing; one in any other state is only dropped. Whatever the answer,
     * the subscription then rests until {@link #subscribe}.
     *
     * @param flow   the transport flow to the server the subscription is with ({@link #address()}).
     * @param toPort that server's port.
     * @param route  the outbound proxy's Route value, or empty.
     * @param transport the transport the flow uses.
     * @param nowNs  the duty cycle's time.
     * @return whether the unsubscribe was sent.
     */
    public boolean unsubscribe(
        final int flow, final int toPort, final CharSequence route, final int transport, final long nowNs)
    {
        final boolean active = state == ACTIVE;
        waitForServer();
        state = IDLE;
        encoder.transport(Transport.name(transport));
        if (!active || !send(flow, toPort, route, 0, nowNs))
        {
            return false;
        }
        state = ENDING;
        return true;
    }

    /** SUBSCRIBE in the current dialog to {@link #address}; false (nothing in flight) when it could not go. */
    private boolean send(
        final int flow, final int toPort, final CharSequence route, final long expires, final long nowNs)
    {
        final ClientTransactions transactions = services.transactions();
        final int txn = transactions.begin(this, accountNumber, false);
        if (txn < 0)
        {
            return false;
        }
        branch.setLength(0);
        branch.append(transactions.branch(txn));
        encoder.clearOptional().route(route).subscription(event, accept);
        encoder.requestUri(requestUri).to(requestUri, remoteTag).callId(callId).fromTag(fromTag).branch(branch)
            .cseq(++cseq).expiresS(expires);
        final int length = encoder.encode(SipMethod.SUBSCRIBE, transactions.requestBuffer(txn), 0,
            transactions.requestCapacity());
        if (length <= 0 || transactions.start(txn, SipMethod.SUBSCRIBE, flow, address, toPort, length,
            CandidateWalk.FULL_TIMERS, nowNs) != 0)
        {
            transactions.abandon(txn);
            return false;
        }
        transaction = txn;
        return true;
    }

    /**
     * There is no working server to subscribe with now: wait until the account has one (no timer runs).
     */
    public void waitForServer()
    {
        abandon();
        services.timers().cancel(timer);
        if (state != ACTIVE)
        {
            state = IDLE;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onProvisional(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onFinalResponse(
        final int transaction, final long userToken, final SipMessageDecoder response, final long nowNs)
    {
        if (transaction != this.transaction)
        {
            return;
        }
        this.transaction = -1;
        if (state == ENDING)
        {
            ended(nowNs);
            return;
        }
        final int code = response.statusCode();
        if (code < 200 || code >= 300)
        {
            failed(nowNs);
            return;
        }
        remoteTag.setLength(0);
        if (response.toTag(view))
        {
            remoteTag.append(view);
        }
        final long granted = response.expiresS() > 0 ? Math.min(response.expiresS(), expiresS) : expiresS;
        state = ACTIVE;
        services.timers().schedule(timer, nowNs + granted * NS_PER_S * 9 / 10);
        services.events().onSubscription(accountNumber, kind, key, AccountEvents.SUBSCRIPTION_ACTIVE, address, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onFailure(
        final int transaction, final long userToken, final int cause, final long retryAfterS, final long nowNs)
    {
        if (transaction == this.transaction)
        {
            this.transaction = -1;
            if (state == ENDING)
            {
                ended(nowNs);
                return;
            }
            failed(nowNs);
        }
    }

    /** The unsubscribe was answered (or failed): the dialog is gone, the lamp no longer knows anything. */
    private void ended(final long nowNs)
    {
        state = IDLE;
        callId.setLength(0);
        if (kind == AccountEvents.SUBSCRIPTION_BLF && lamp != LampState.OFF)
        {
            lamp = LampState.OFF;
            services.events().onBlfLamp(accountNumber, key, lamp, nowNs);
        }
        services.events().onSubscription(accountNumber, kind, key, AccountEvents.SUBSCRIPTION_ENDED, address, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onTimerExpiry(final long timerToken, final long nowNs)
    {
        owner.onSubscriptionDue(this, nowNs);
    }

    /**
     * A NOTIFY for this subscription? Then its body drives the lamp or the message count.
     *
     * @param notify       the NOTIFY, answered 200 already.
     * @param notifyCallId its Call-ID.
     * @param nowNs        the duty cycle's time.
     * @return whether it belonged to this subscription.
     */
    public boolean onNotify(final SipMessageDecoder notify, final CharSequence notifyCallId, final long nowNs)
    {
        if (callId.length() == 0 || CharSequence.compare(callId, notifyCallId) != 0)
        {
            return false;
        }
        if (kind == AccountEvents.SUBSCRIPTION_BLF)
        {
            final int next = NotifyBodies.blfLamp(notify.buffer(), notify.bodyOffset(), notify.bodyLength());
            if (next != lamp)
            {
                lamp = next;
                services.events().onBlfLamp(accountNumber, key, next, nowNs);
            }
        }
        else
        {
            messages = NotifyBodies.newMessages(notify.buffer(), notify.bodyOffset(), notify.bodyLength());
            services.events().onMessageWaiting(accountNumber, messages, nowNs);
        }
        return true;
    }

    private void failed(final long nowNs)
    {
        services.events().onSubscription(accountNumber, kind, key, AccountEvents.SUBSCRIPTION_FAILED, address, nowNs);
        retryLater(nowNs);
    }

    private void retryLater(final long nowNs)
    {
        state = FAILED;
        services.timers().schedule(timer, nowNs + RETRY_S * NS_PER_S);
    }

    private void abandon()
    {
        if (transaction >= 0)
        {
            services.transactions().abandon(transaction);
            transaction = -1;
        }
    }

    private void newDialog()
    {
        DialogIdentity.fresh(services.random(), services.localHost(), "-s", callId, fromTag);
        remoteTag.setLength(0);
        cseq = 0;
    }

    /**
     * @return {@link #IDLE}, {@link #SUBSCRIBING}, {@link #ACTIVE}, {@link #FAILED} or {@link #ENDING}.
     */
    public int state()
    {
        return state;
    }

    /**
     * @return the server the subscription is (or was last) with, or 0.
     */
    public int address()
    {
        return address;
    }

    /**
     * @return the kind, {@link AccountEvents#SUBSCRIPTION_BLF} or {@link AccountEvents#SUBSCRIPTION_MWI}.
     */
    public int kind()
    {
        return kind;
    }

    /**
     * @return the DSS key of a BLF subscription, 0 for MWI.
     */
    public int key()
    {
        return key;
    }

    /**
     * @return the BLF lamp the last NOTIFY set.
     */
    public int lamp()
    {
        return lamp;
    }

    /**
     * @return new messages the last MWI NOTIFY told.
     */
    public int messages()
    {
        return messages;
    }
}
