package org.sipredundancy.core.account;

import org.sipredundancy.core.account.machine.FailoverMachine;
import org.sipredundancy.core.account.machine.FallbackMachine;
import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.BlfKey;
import org.sipredundancy.core.config.FailbackMode;
import org.sipredundancy.core.config.RedundancyType;
import org.sipredundancy.core.config.SipServerConfig;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.Transport;

import java.util.ArrayList;
import java.util.List;

/**
 * One account of the phone: the working server group ({@code sip_server.1}) and the fallback group
 * ({@code sip_server.2}), each a {@link ServerSlot}, the health table both share (R-FO-7), the fallback mode
 * (R-FB-2 concurrent, R-FB-3 successive, on {@link FallbackMachine#TABLE}) and the account's {@link OutgoingCall}
 * with its call order (R-FB-4), and its {@link Subscription}s (BLF, MWI), which go only to the working server the
 * account is registered with (R-FB-2) and move with it (R-FO-6). Nothing allocates once built. Duty cycle thread
 * only.
 */
public final class Account implements ServerSlotOwner, CallRoute, SubscriptionOwner, TimerExpiryHandler
{
    /** Most candidates kept per server slot. */
    public static final int CANDIDATES_PER_SLOT = 8;
    /** DNS locator ids an account takes: those of its two slots. */
    public static final int LOCATOR_IDS = 2 * ServerSlot.LOCATOR_IDS;

    private static final long NS_PER_S = 1_000_000_000L;

    private final PhoneServices services;
    private final AccountConfig config;
    private final ServerHealthTable health;
    private final ServerSlot working;
    private final ServerSlot fallback;
    private final OutgoingCall call;
    private final RegistrationBackoff backoff = new RegistrationBackoff();
    private final Timer expiryTimer;
    private final boolean successive;
    private final int[] callRows = new int[2 * CANDIDATES_PER_SLOT];
    private final ServerSlot[] callSlots = new ServerSlot[2 * CANDIDATES_PER_SLOT];
    private int callCount;
    private int fallbackState;
    private Subscription[] subscriptions = new Subscription[0];
    private OutgoingCall waitingCall;
    private ServerSlot waitingSlot;
    private int waitingRow = -1;
    private int lastRegistrationCause;
    private boolean started;

    /**
     * Build an account at start-up.
     *
     * @param services      the phone's shared parts.
     * @param config        the account's configuration (enabled, with {@code sip_server.1} configured).
     * @param firstLocatorId the first of {@link #LOCATOR_IDS} DNS locator ids unique in the phone.
     */
    public Account(final PhoneServices services, final AccountConfig config, final int firstLocatorId)
    {
        this.services = services;
        this.config = config;
        health = new ServerHealthTable(2 * CANDIDATES_PER_SLOT);
        working = new ServerSlot(services, config, 1, health, this, firstLocatorId, CANDIDATES_PER_SLOT);
        final SipServerConfig second = config.sipServer(2);
        fallback = second.isConfigured() ?
            new ServerSlot(services, config, 2, health, this, firstLocatorId + ServerSlot.LOCATOR_IDS,
            CANDIDATES_PER_SLOT) : null;
        successive = config.fallback().redundancyType() == RedundancyType.SUCCESSIVE && fallback != null;
        working.hasFollower(successive);
        fallbackState = successive ? FallbackMachine.ON_WORKING : FallbackMachine.CONCURRENT;
        final SipServerConfig first = config.sipServer(1);
        call = new OutgoingCall(services, this, config.index(), config.userName(), first.address(),
            Transport.name(first.transport().code() > Transport.TLS ? Transport.UDP : first.transport().code()));
        expiryTimer = services.timers().newTimer(this, 0);
    }

    /**
     * Add the account's subscriptions (start-up only): one per BLF key, and MWI when asked for.
     *
     * @param blfKeys     the BLF keys of this account.
     * @param blfPeriodS  the BLF expiry to ask for.
     * @param mwiExpiresS the MWI expiry to ask for, 0 for no MWI.
     */
    public void subscriptions(final List<BlfKey> blfKeys, final int blfPeriodS, final int mwiExpiresS)
    {
        final List<Subscription> list = new ArrayList<>();
        for (final BlfKey key : blfKeys)
        {
            list.add(new Subscription(services, this, config, AccountEvents.SUBSCRIPTION_BLF, key.key(),
                key.extension(), blfPeriodS));
        }
        if (mwiExpiresS > 0)
        {
            list.add(new Subscription(services, this, config, AccountEvents.SUBSCRIPTION_MWI, 0, config.userName(),
                mwiExpiresS));
        }
        subscriptions = list.toArray(new Subscription[0]);
    }

    /**
     * Start registering: the working group, and the fallback group too under concurrent registration.
     *
     * @param nowNs the duty cycle's time.
     */
    public void start(final long nowNs)
    {
        started = true;
        working.enable(nowNs);
        if (fallback != null && !successive)
        {
            fallback.enable(nowNs);
        }
    }

    /**
     * Stop: every binding held is removed with expires = 0 (R-SIP-5).
     *
     * @param nowNs the duty cycle's time.
     */
    public void stop(final long nowNs)
    {
        started = false;
        services.timers().cancel(expiryTimer);
        endSubscriptions(nowNs);
        if (call.isActive())
        {
            call.hangUp(nowNs);
        }
        working.disable(nowNs);
        if (fallback != null)
        {
            fallback.disable(nowNs);
        }
    }

    /**
     * Place a call from this account.
     *
     * @param number the digits dialled.
     * @param nowNs  the duty cycle's time.
     * @return as {@link OutgoingCall#dial}.
     */
    public int dial(final CharSequence number, final long nowNs)
    {
        return call.dial(number, nowNs);
    }

    /**
     * End this account's call.
     *
     * @param nowNs the duty cycle's time.
     */
    public void hangUp(final long nowNs)
    {
        call.hangUp(nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public boolean isBusy(final ServerSlot slot)
    {
        final ServerSlot other = slot == working ? fallback : working;
        return call.isActive() || (other != null && !other.isIdle());
    }

    /**
     * {@inheritDoc}
     */
    public long retryDelayNs(final ServerSlot slot, final int failures, final long nowNs)
    {
        if (slot == working && fallbackState == FallbackMachine.ON_FALLBACK)
        {
            return config.fallback().timeoutS() * NS_PER_S;
        }
        return backoff.delayNs(failures, services.random());
    }

    /**
     * {@inheritDoc}
     */
    public void onSlotRegistered(final ServerSlot slot, final long nowNs)
    {
        if (slot == working)
        {
            moveSubscriptions(nowNs);
        }
        if (slot == working && successive)
        {
            final int before = fallbackState;
            fireFallback(FallbackMachine.WORKING_ACCEPTED, nowNs);
            if (before != FallbackMachine.ON_WORKING)
            {
                services.timers().cancel(expiryTimer);
                if (before == FallbackMachine.ON_FALLBACK)
                {
                    services.events().onFailback(config.index(), 1, AccountEvents.TRIGGER_PROBE,
                        addressOf(slot.registeredRow()), nowNs);
                }
                fallback.disable(nowNs);
            }
        }
        if (waitingSlot == slot && slot.registeredRow() == waitingRow)
        {
            final OutgoingCall waiting = waitingCall;
            clearWaiting();
            waiting.onRegisteredFirst(true, nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSlotFailed(final ServerSlot slot, final long nowNs)
    {
        lastRegistrationCause = slot.lastCause();
        if (slot == working && successive)
        {
            final boolean bound = working.isBound(nowNs);
            final int before = fallbackState;
            fireFallback(bound ? FallbackMachine.WORKING_FAILED_BOUND : FallbackMachine.WORKING_FAILED_UNBOUND,
                nowNs);
            if (fallbackState == FallbackMachine.AWAITING_EXPIRY && !expiryTimer.isScheduled())
            {
                services.timers().schedule(expiryTimer, working.registration().bindingExpiresNs());
            }
            else if (fallbackState == FallbackMachine.ON_FALLBACK && before != FallbackMachine.ON_FALLBACK)
            {
                fallback.enable(nowNs);
            }
        }
        if (waitingSlot == slot)
        {
            final OutgoingCall waiting = waitingCall;
            clearWaiting();
            waiting.onRegisteredFirst(false, nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onTimerExpiry(final long timerToken, final long nowNs)
    {
        if (fireFallback(FallbackMachine.WORKING_EXPIRED, nowNs) && fallbackState == FallbackMachine.ON_FALLBACK)
        {
            fallback.enable(nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public int planCall(final long nowNs)
    {
        callCount = 0;
        if (fallbackState == FallbackMachine.ON_FALLBACK)
        {
            addGroup(fallback);
            addGroup(working);
        }
        else
        {
            addGroup(working);
            if (fallback != null)
            {
                addGroup(fallback);
            }
        }
        return callCount;
    }

    private void addGroup(final ServerSlot slot)
    {
        final NextHop hop = slot.hopOfRow(slot.registeredRow());
        if (hop.onlySignalWithRegistered())
        {
            if (slot.state() == SlotMachine.REGISTERED && slot.registeredRow() >= 0)
            {
                addCall(slot, slot.registeredRow());
            }
            return;
        }
        final boolean currentFirst = hop.failbackMode() != FailbackMode.NEW_REQUESTS &&
            (slot.place() == FailoverMachine.ON_ALTERNATE || slot.place() == FailoverMachine.FAILBACK_PENDING);
        if (currentFirst)
        {
            addCall(slot, slot.registeredRow());
        }
        for (int i = 0; i < slot.candidateCount(); i++)
        {
            final int row = slot.candidateRow(i);
            if (!currentFirst || row != slot.registeredRow())
            {
                addCall(slot, row);
            }
        }
    }

    /**
     * Add a candidate to the call order, once: with outbound proxies both groups send through the same proxies.
     */
    private void addCall(final ServerSlot slot, final int row)
    {
        for (int i = 0; i < callCount; i++)
        {
            if (callRows[i] == row)
            {
                return;
            }
        }
        if (callCount < callRows.length)
        {
            callRows[callCount] = row;
            callSlots[callCount] = slot;
            callCount++;
        }
    }

    /**
     * {@inheritDoc}
     */
    public int nextCallCandidate(final int after, final long nowNs)
    {
        return CandidateWalk.next(health, callRows, callCount, after, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public boolean isLastCallCandidate(final int position, final long nowNs)
    {
        return nextCallCandidate(position, nowNs) < 0;
    }

    /**
     * {@inheritDoc}
     */
    public int callAddress(final int position)
    {
        return health.address(callRows[position]);
    }

    /**
     * {@inheritDoc}
     */
    public int callPort(final int position)
    {
        return health.port(callRows[position]);
    }

    /**
     * {@inheritDoc}
     */
    public int callTransport(final int position)
    {
        return health.transport(callRows[position]);
    }

    /**
     * {@inheritDoc}
     */
    public int inviteRetryCounts(final int position)
    {
        return callSlots[position].hopOfRow(callRows[position]).inviteRetryCounts();
    }

    /**
     * {@inheritDoc}
     */
    public CharSequence callRoute(final int position)
    {
        return callSlots[position].hopOfRow(callRows[position]).route();
    }

    /**
     * {@inheritDoc}
     */
    public boolean mustRegisterFirst(final int position, final OutgoingCall waiting, final long nowNs)
    {
        final ServerSlot slot = callSlots[position];
        final int row = callRows[position];
        if (!slot.hopOfRow(row).registerOnEnable() ||
            (slot.state() == SlotMachine.REGISTERED && slot.registeredRow() == row))
        {
            return false;
        }
        if (!slot.registerAt(row, nowNs))
        {
            return false;
        }
        waitingCall = waiting;
        waitingSlot = slot;
        waitingRow = row;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public int lastRegistrationCause()
    {
        return lastRegistrationCause;
    }

    /**
     * {@inheritDoc}
     */
    public void onServerFailed(final int position, final int cause, final long retryAfterS, final long nowNs)
    {
        if (position >= 0 && position < callCount)
        {
            health.onFailure(callRows[position], cause, retryAfterS, nowNs);
            final ServerSlot slot = callSlots[position];
            final int next = nextCallCandidate(position, nowNs);
            services.events().onFailover(config.index(), slot.slotNumber(), health.address(callRows[position]),
                next < 0 ? 0 : health.address(callRows[next]), cause, nowNs);
            if (slot.hopOfRow(callRows[position]).onlySignalWithRegistered() && SipFailure.isServerFailure(cause) &&
                slot.registeredRow() == callRows[position])
            {
                slot.refreshNow(nowNs);
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCallIdle(final long nowNs)
    {
        if (!started)
        {
            return;
        }
        working.onOwnerIdle(nowNs);
        if (fallback != null)
        {
            fallback.onOwnerIdle(nowNs);
        }
    }

    /**
     * The working slot registered: a subscription not yet (or no longer) active subscribes there now; an active one
     * with another server moves now when failback_subscribe is on under failback modes 1–3, else at its next
     * refresh (R-FO-6).
     */
    private void moveSubscriptions(final long nowNs)
    {
        final int row = working.registeredRow();
        final NextHop hop = working.hopOfRow(row);
        final boolean moveNow = hop.failbackSubscribe() && hop.failbackMode() != FailbackMode.NEW_REQUESTS;
        for (final Subscription subscription : subscriptions)
        {
            final boolean elsewhere = subscription.address() != health.address(row);
            if (subscription.state() == Subscription.IDLE || (elsewhere && moveNow &&
                subscription.state() == Subscription.ACTIVE))
            {
                if (subscription.state() == Subscription.ACTIVE)
                {
                    services.events().onSubscription(config.index(), subscription.kind(), subscription.key(),
                        AccountEvents.SUBSCRIPTION_MOVING, health.address(row), nowNs);
                }
                onSubscriptionDue(subscription, nowNs);
            }
        }
    }

    /**
     * Unsubscribe (Expires 0) what is active with the server the working slot is registered with, before that
     * binding is removed too; anything else is dropped.
     */
    private void endSubscriptions(final long nowNs)
    {
        final int row = working.registeredRow();
        final int flow = row >= 0 ? working.flowTo(row, nowNs) : 0;
        for (final Subscription subscription : subscriptions)
        {
            if (flow > 0 && subscription.address() == health.address(row))
            {
                subscription.unsubscribe(flow, health.port(row), working.hopOfRow(row).route(), health.transport(row),
                    nowNs);
            }
            else
            {
                subscription.waitForServer();
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSubscriptionDue(final Subscription subscription, final long nowNs)
    {
        final int row = working.registeredRow();
        if (!started || row < 0 || !working.isBound(nowNs))
        {
            subscription.waitForServer();
            return;
        }
        final NextHop hop = working.hopOfRow(row);
        final int flow = working.flowTo(row, nowNs);
        if (flow <= 0 || !subscription.subscribe(flow, health.address(row), health.port(row), hop.route(),
            health.transport(row), nowNs))
        {
            services.events().onSubscription(config.index(), subscription.kind(), subscription.key(),
                AccountEvents.SUBSCRIPTION_FAILED, health.address(row), nowNs);
        }
    }

    /**
     * A NOTIFY reached the phone: hand it to the subscription whose dialog it belongs to.
     *
     * @param notify the NOTIFY, answered 200 already.
     * @param callId its Call-ID.
     * @param nowNs  the duty cycle's time.
     * @return whether one of this account's subscriptions took it.
     */
    public boolean onNotify(final SipMessageDecoder notify, final CharSequence callId, final long nowNs)
    {
        for (final Subscription subscription : subscriptions)
        {
            if (subscription.onNotify(notify, callId, nowNs))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * A BYE reached the phone that is not for the incoming call: the far end may be ending this account's call.
     *
     * @param bye   the BYE.
     * @param nowNs the duty cycle's time.
     * @return whether this account's call took it.
     */
    public boolean onRemoteBye(final SipMessageDecoder bye, final long nowNs)
    {
        return call.onRemoteBye(bye, nowNs);
    }

    /**
     * @return the account's subscriptions: BLF keys in key order, then MWI.
     */
    public List<Subscription> subscriptionList()
    {
        return List.of(subscriptions);
    }

    private boolean fireFallback(final int event, final long nowNs)
    {
        final int next = FallbackMachine.TABLE.next(fallbackState, event);
        if (next == -1)
        {
            return false;
        }
        if (next != fallbackState)
        {
            fallbackState = next;
            services.events().onFallbackState(config.index(), next, nowNs);
        }
        return true;
    }

    private void clearWaiting()
    {
        waitingCall = null;
        waitingSlot = null;
        waitingRow = -1;
    }

    private int addressOf(final int row)
    {
        return row < 0 ? 0 : health.address(row);
    }

    /**
     * @return the server the working slot is registered with (IPv4), or 0 when it holds no registration.
     */
    public int workingAddress()
    {
        return addressOf(working.registeredRow());
    }

    /**
     * @return the account number, 1-based.
     */
    public int number()
    {
        return config.index();
    }

    /**
     * @return the working slot ({@code sip_server.1}).
     */
    public ServerSlot working()
    {
        return working;
    }

    /**
     * @return the fallback slot ({@code sip_server.2}), or null when none is configured.
     */
    public ServerSlot fallback()
    {
        return fallback;
    }

    /**
     * @return the account's health table.
     */
    public ServerHealthTable health()
    {
        return health;
    }

    /**
     * @return the account's call.
     */
    public OutgoingCall call()
    {
        return call;
    }

    /**
     * @return a {@link FallbackMachine} state.
     */
    public int fallbackState()
    {
        return fallbackState;
    }

    /**
     * @return the account's configuration.
     */
    public AccountConfig config()
    {
        return config;
    }
}
