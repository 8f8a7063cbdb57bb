package org.sipredundancy.core.account;

import org.sipredundancy.core.account.machine.FailoverMachine;
import org.sipredundancy.core.account.machine.ProxyPairMachine;
import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.core.config.AccountConfig;
import org.sipredundancy.core.config.FailbackMode;
import org.sipredundancy.core.config.SipServerConfig;
import org.sipredundancy.core.dns.ServerLocator;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.registration.Registration;
import org.sipredundancy.core.sip.registration.RegistrationContext;
import org.sipredundancy.core.sip.registration.RegistrationListener;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.core.sip.transport.SipTransport;
import org.sipredundancy.hal.Transport;

/**
 * One server slot of an account ({@code sip_server.1} or {@code .2}): its failover list from the DNS walker and
 * the one {@link Registration} that walks it (SPEC R-FO-1 … R-FO-3). A walk starts at the primary, gives every
 * candidate but the last {@code retry_counts} retransmissions and moves on when a candidate fails; when the last one
 * fails the owner says how long to wait before the next walk. Once registered on a candidate after the primary, the
 * failback mode decides where the next walk starts: 0 and 2 start each renewal at the primary, 1 and 3 renew with
 * the current server until the DNS TTL or {@code failback_timeout} runs out and then re-register with the primary —
 * deferred while the owner is busy (R-FO-3).
 * <p>
 * With outbound proxies (R-OBP-1, R-OBP-2) the list is proxy 1's candidates followed by proxy 2's, each with its
 * {@code outbound_proxy.Y.*} values, and every REGISTER carries the proxy's Route header while its Request-URI stays
 * on the server's domain. <b>Decision:</b> within one proxy's candidates the failback mode of that proxy applies as
 * for a server; once registered through proxy 2, proxy 1 is tried again when {@code outbound_proxy_fallback_interval}
 * has passed (deferred while busy, like a failback), and at every renewal under failback mode 0.
 * <p>
 * The slot's life runs on {@link SlotMachine#TABLE}, its place in the list on {@link FailoverMachine#TABLE}, the
 * proxy it is registered through on {@link ProxyPairMachine#TABLE}. Nothing allocates once built. Duty cycle thread
 * only.
 */
public final class ServerSlot implements RegistrationListener, FailoverList.Listener, TimerExpiryHandler
{
    private static final long NS_PER_S = 1_000_000_000L;
    private static final long RETRY_TIMER = 1;
    private static final long FAILBACK_TIMER = 2;

    /** DNS locator ids a slot takes: one per hop, the server or the two outbound proxies. */
    public static final int LOCATOR_IDS = 2;

    private final PhoneServices services;
    private final int accountNumber;
    private final int slotNumber;
    private final SipServerConfig server;
    private final ServerHealthTable health;
    private final SipTransport transport;
    private final FailoverList list;
    private final int proxyFallbackIntervalS;
    private final Registration registration;
    private final AccountEvents events;
    private final ServerSlotOwner owner;
    private final Timer retryTimer;
    private final Timer failbackTimer;
    private final TimerService timers;
    private final int[] walk;

    private int state = SlotMachine.DISABLED;
    private int place = FailoverMachine.NOWHERE;
    private int proxyState = ProxyPairMachine.NONE;
    private int walkCount;
    private int walkIndex;
    private int attemptRow = -1;
    private int registeredRow = -1;
    private int lastCause;
    private int failedWalks;
    private int walkTrigger = AccountEvents.TRIGGER_RETRY;
    private boolean stayOnCurrent;
    private boolean hasFollower;
    private boolean singleCandidate;

    /**
     * Build a slot at start-up; it allocates nothing afterwards.
     *
     * @param services      the phone's shared parts.
     * @param account       the account's configuration.
     * @param slotNumber    1 ({@code sip_server.1}, working) or 2 ({@code sip_server.2}, fallback).
     * @param health        the account's health table, shared by its slots (R-FO-7).
     * @param owner         the account.
     * @param locatorId     the first of {@link #LOCATOR_IDS} numbers unique among the phone's DNS locators.
     * @param capacity      most candidates kept from DNS.
     */
    public ServerSlot(
        final PhoneServices services,
        final AccountConfig account,
        final int slotNumber,
        final ServerHealthTable health,
        final ServerSlotOwner owner,
        final int locatorId,
        final int capacity)
    {
        this.services = services;
        this.accountNumber = account.index();
        this.slotNumber = slotNumber;
        this.server = account.sipServer(slotNumber);
        this.health = health;
        this.owner = owner;
        transport = services.transport();
        events = services.events();
        timers = services.timers();
        walk = new int[capacity];
        list = new FailoverList(services, account, slotNumber, health, locatorId, capacity, this);
        proxyFallbackIntervalS = account.outboundProxy().fallbackIntervalS();
        registration = new Registration(new RegistrationContext()
            .transactions(services.transactions())
            .digestWorkspace(services.digest())
            .timers(timers)
            .random(services.random())
            .listener(this)
            .token(((long)accountNumber << 8) | slotNumber)
            .credentials(account.userName(), account.authName(), account.password())
            .server(server.address(), server.expiresS())
            .local(server.transport().code() > Transport.TLS ? Transport.UDP : server.transport().code(),
                services.localHost(), services.localPort())
            .userAgent(services.userAgent()));
        retryTimer = timers.newTimer(this, RETRY_TIMER);
        failbackTimer = timers.newTimer(this, FAILBACK_TIMER);
    }

    /**
     * Whether a failure of this slot's last candidate still leaves somewhere to go (successive fallback has the
     * fallback group after the working one), so even the last candidate gets only {@code retry_counts} (R-SCN-1).
     *
     * @param hasFollower true when another group follows this one.
     * @return this slot.
     */
    public ServerSlot hasFollower(final boolean hasFollower)
    {
        this.hasFollower = hasFollower;
        return this;
    }

    /**
     * Switch the slot on: locate the servers and register from the primary. Ignored unless disabled.
     *
     * @param nowNs the duty cycle's time.
     */
    public void enable(final long nowNs)
    {
        if (fire(SlotMachine.ENABLE, nowNs))
        {
            walkTrigger = AccountEvents.TRIGGER_RETRY;
            stayOnCurrent = false;
            startResolving(nowNs);
        }
    }

    /**
     * Switch the slot off: a binding held (or being refreshed) is removed with expires = 0 (R-SIP-5); anything else
     * stops at once.
     *
     * @param nowNs the duty cycle's time.
     */
    public void disable(final long nowNs)
    {
        if (!fire(SlotMachine.DISABLE, nowNs))
        {
            return;
        }
        timers.cancel(retryTimer);
        timers.cancel(failbackTimer);
        list.cancel();
        onPlace(FailoverMachine.LOST);
        onProxy(ProxyPairMachine.LOST);
        if (state == SlotMachine.UNREGISTERING && registeredRow >= 0)
        {
            final int flow = flowTo(registeredRow, nowNs);
            final NextHop hop = list.hopOfRow(registeredRow);
            registration.route(hop.route());
            registration.transport(health.transport(registeredRow));
            if (flow > 0 && registration.unregister(flow, health.address(registeredRow), health.port(registeredRow),
                hop.retryCounts(), nowNs) == 0)
            {
                return;
            }
        }
        registration.stop();
        if (state != SlotMachine.DISABLED)
        {
            force(SlotMachine.DISABLED, nowNs);
        }
    }

    /**
     * A request other than REGISTER failed on the server this slot is registered with and may go nowhere else
     * (only_signal_with_registered = 1, R-FO-5): start the registration walk from the primary now instead of at the
     * next refresh.
     *
     * @param nowNs the duty cycle's time.
     */
    public void refreshNow(final long nowNs)
    {
        if (state == SlotMachine.REGISTERED)
        {
            onRefreshDue(registration, nowNs);
        }
    }

    /**
     * The owner became idle: a failback deferred by a call or transaction happens now (R-FO-3).
     *
     * @param nowNs the duty cycle's time.
     */
    public void onOwnerIdle(final long nowNs)
    {
        if (place == FailoverMachine.FAILBACK_PENDING && onPlace(FailoverMachine.ACCOUNT_IDLE))
        {
            failBack(nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onListReady(final int source, final long nowNs)
    {
        events.onDnsResolved(accountNumber, slotNumber, source, list.count(), nowNs);
        if (list.count() == 0)
        {
            lastCause = SipFailure.SEND_FAILED;
            giveUp(SlotMachine.RESOLVE_FAILED, nowNs);
            return;
        }
        walkList(nowNs);
    }

    private void walkList(final long nowNs)
    {
        fire(SlotMachine.RESOLVED, nowNs);
        singleCandidate = false;
        planWalk();
        tryNext(nowNs);
    }

    /**
     * Register with one candidate of the list now, for a request that must not go where the account is not
     * registered (register_on_enable = 1, R-FO-4). The owner hears of the outcome as of any walk.
     *
     * @param row   the candidate's health-table row.
     * @param nowNs the duty cycle's time.
     * @return whether the REGISTER went out (false: the slot is busy, or the row is not one of its candidates).
     */
    public boolean registerAt(final int row, final long nowNs)
    {
        final int event = state == SlotMachine.REGISTERED ? SlotMachine.REFRESH_DUE :
            state == SlotMachine.BACKOFF ? SlotMachine.RETRY_DUE : -1;
        if (list.positionOf(row) < 0 || event < 0)
        {
            return false;
        }
        timers.cancel(retryTimer);
        fire(event, nowNs);
        fire(SlotMachine.RESOLVED, nowNs);
        singleCandidate = true;
        walkCount = 1;
        walkIndex = -1;
        walk[0] = row;
        walkTrigger = AccountEvents.TRIGGER_NEW_REQUEST;
        tryNext(nowNs);
        return state == SlotMachine.REGISTERING;
    }

    /**
     * {@inheritDoc}
     */
    public void onRegistered(final Registration registration, final long grantedExpiresS, final long nowNs)
    {
        if (state != SlotMachine.REGISTERING)
        {
            return;
        }
        final int row = attemptRow;
        final int position = list.positionOf(row);
        health.onSuccess(row, nowNs);
        final int previousRow = registeredRow;
        final int previousPlace = place;
        final int previousProxy = proxyState;
        registeredRow = row;
        failedWalks = 0;
        fire(SlotMachine.ACCEPTED, nowNs);
        onPlace(position == 0 ? FailoverMachine.PRIMARY_ACCEPTED : FailoverMachine.ALTERNATE_ACCEPTED);
        final int proxy = list.hopOfRow(row).proxy();
        if (proxy != NextHop.SERVER)
        {
            onProxy(proxy == 1 ? ProxyPairMachine.VIA_PROXY_1 : ProxyPairMachine.VIA_PROXY_2);
        }
        if (position == 0)
        {
            timers.cancel(failbackTimer);
            if (previousPlace != FailoverMachine.ON_PRIMARY && previousRow >= 0 && previousRow != row)
            {
                events.onFailback(accountNumber, slotNumber, walkTrigger, health.address(row), nowNs);
            }
        }
        else if (list.isBackupProxy(position))
        {
            if (previousProxy != ProxyPairMachine.ON_PROXY_2)
            {
                timers.cancel(failbackTimer);
                timers.schedule(failbackTimer, nowNs + proxyFallbackIntervalS * NS_PER_S);
            }
        }
        else if (previousPlace == FailoverMachine.ON_PRIMARY || previousPlace == FailoverMachine.NOWHERE ||
            previousRow != row)
        {
            armFailback(position, nowNs);
        }
        owner.onSlotRegistered(this, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onRefreshDue(final Registration registration, final long nowNs)
    {
        final boolean busy = owner.isBusy(this);
        if (fire(SlotMachine.REFRESH_DUE, nowNs))
        {
            final int mode = list.hopOfRow(registeredRow).failbackMode().code();
            final boolean onAlternate = place == FailoverMachine.ON_ALTERNATE ||
                place == FailoverMachine.FAILBACK_PENDING;
            stayOnCurrent = onAlternate && mode != FailbackMode.NEW_REQUESTS.code() &&
                (mode != FailbackMode.REGISTRATION.code() || busy);
            if (onAlternate && mode == FailbackMode.REGISTRATION.code() && busy)
            {
                onPlace(FailoverMachine.FAILBACK_DUE_BUSY);
            }
            walkTrigger = mode == FailbackMode.REGISTRATION.code() ? AccountEvents.TRIGGER_REGISTRATION :
                AccountEvents.TRIGGER_NEW_REQUEST;
            startResolving(nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onRegistrationFailed(
        final Registration registration, final int cause, final int statusCode, final long retryAfterS,
        final long nowNs)
    {
        if (state == SlotMachine.UNREGISTERING)
        {
            force(SlotMachine.DISABLED, nowNs);
            return;
        }
        if (state != SlotMachine.REGISTERING)
        {
            return;
        }
        lastCause = cause;
        final int row = attemptRow;
        if (!SipFailure.isServerFailure(cause))
        {
            giveUp(SlotMachine.ALL_FAILED, nowNs);
            return;
        }
        health.onFailure(row, cause, retryAfterS, nowNs);
        final int next = nextInOrder(nowNs);
        events.onFailover(accountNumber, slotNumber, health.address(row),
            next < 0 ? 0 : health.address(walk[next]), cause, nowNs);
        if (next < 0)
        {
            giveUp(SlotMachine.ALL_FAILED, nowNs);
        }
        else
        {
            fire(SlotMachine.CANDIDATE_FAILED, nowNs);
            tryNext(nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onUnregistered(final Registration registration, final long nowNs)
    {
        if (state == SlotMachine.UNREGISTERING)
        {
            fire(SlotMachine.UNREGISTERED, nowNs);
            registeredRow = -1;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onTimerExpiry(final long timerToken, final long nowNs)
    {
        if (timerToken == RETRY_TIMER)
        {
            if (fire(SlotMachine.RETRY_DUE, nowNs))
            {
                walkTrigger = AccountEvents.TRIGGER_RETRY;
                stayOnCurrent = false;
                startResolving(nowNs);
            }
        }
        else if (timerToken == FAILBACK_TIMER && place == FailoverMachine.ON_ALTERNATE)
        {
            if (owner.isBusy(this))
            {
                onPlace(FailoverMachine.FAILBACK_DUE_BUSY);
            }
            else if (onPlace(FailoverMachine.FAILBACK_DUE_IDLE))
            {
                failBack(nowNs);
            }
        }
    }

    private void failBack(final long nowNs)
    {
        onProxy(ProxyPairMachine.INTERVAL_DUE);
        if (state == SlotMachine.REGISTERED && fire(SlotMachine.FAILBACK_DUE, nowNs))
        {
            walkTrigger = failbackTrigger();
            stayOnCurrent = false;
            startResolving(nowNs);
        }
        else if (state == SlotMachine.REGISTERING || state == SlotMachine.RESOLVING)
        {
            walkTrigger = failbackTrigger();
        }
    }

    private int failbackTrigger()
    {
        if (proxyState == ProxyPairMachine.RETRYING_PROXY_1)
        {
            return AccountEvents.TRIGGER_PROXY_INTERVAL;
        }
        final int mode = list.hopOfRow(registeredRow).failbackMode().code();
        return mode == FailbackMode.DNS_TTL.code() ? AccountEvents.TRIGGER_DNS_TTL :
            mode == FailbackMode.DURATION.code() ? AccountEvents.TRIGGER_DURATION :
            mode == FailbackMode.REGISTRATION.code() ? AccountEvents.TRIGGER_REGISTRATION :
            AccountEvents.TRIGGER_NEW_REQUEST;
    }

    private void armFailback(final int position, final long nowNs)
    {
        timers.cancel(failbackTimer);
        final NextHop hop = list.hopOfRow(list.row(position));
        final int mode = hop.failbackMode().code();
        long delayS = -1;
        if (mode == FailbackMode.DNS_TTL.code())
        {
            delayS = list.ttlS(position);
        }
        else if (mode == FailbackMode.DURATION.code() && hop.failbackTimeoutS() > 0)
        {
            delayS = hop.failbackTimeoutS();
        }
        if (delayS >= 0)
        {
            timers.schedule(failbackTimer, nowNs + delayS * NS_PER_S);
        }
    }

    private void startResolving(final long nowNs)
    {
        list.resolve(nowNs);
    }

    /**
     * The order of this walk: the primary down, or under failback modes 1–3 the current server first and then the
     * others from the primary down.
     */
    private void planWalk()
    {
        walkCount = 0;
        walkIndex = -1;
        final boolean currentFirst = stayOnCurrent && list.positionOf(registeredRow) >= 0;
        if (currentFirst)
        {
            walk[walkCount++] = registeredRow;
        }
        for (int i = 0; i < list.count(); i++)
        {
            if (!currentFirst || list.row(i) != registeredRow)
            {
                walk[walkCount++] = list.row(i);
            }
        }
    }

    private int nextInOrder(final long nowNs)
    {
        return CandidateWalk.next(health, walk, walkCount, walkIndex, nowNs);
    }

    private void tryNext(final long nowNs)
    {
        while (true)
        {
            final int next = nextInOrder(nowNs);
            if (next < 0)
            {
                giveUp(SlotMachine.ALL_FAILED, nowNs);
                return;
            }
            walkIndex = next;
            final int row = walk[next];
            attemptRow = row;
            final NextHop hop = list.hopOfRow(row);
            final int budget = hasFollower || singleCandidate ? hop.retryCounts() :
                CandidateWalk.retryBudget(health, walk, walkCount, next, hop.retryCounts(), nowNs);
            final int flow = flowTo(row, nowNs);
            registration.route(hop.route());
            registration.transport(health.transport(row));
            final int status = flow > 0 ?
                registration.register(flow, health.address(row), health.port(row), budget, nowNs) : flow;
            events.onRegistrationState(accountNumber, slotNumber, state, health.address(row), health.port(row),
                nowNs);
            if (status == 0 || status == Registration.IN_FLIGHT)
            {
                return;
            }
            lastCause = SipFailure.SEND_FAILED;
            health.onFailure(row, SipFailure.SEND_FAILED, -1, nowNs);
        }
    }

    /**
     * The walk ended without a registration ({@code event}: the last candidate failed, or DNS found none): no place
     * in the list, and the owner says when to walk again.
     */
    private void giveUp(final int event, final long nowNs)
    {
        fire(event, nowNs);
        onPlace(FailoverMachine.LOST);
        onProxy(ProxyPairMachine.LOST);
        timers.cancel(failbackTimer);
        failedWalks++;
        owner.onSlotFailed(this, nowNs);
        if (state == SlotMachine.BACKOFF)
        {
            timers.schedule(retryTimer, nowNs + owner.retryDelayNs(this, failedWalks, nowNs));
        }
    }

    /**
     * @param row   a candidate's health-table row.
     * @param nowNs the duty cycle's time.
     * @return the transport flow to it (TLS checks the hop's host name), or a negative network status.
     */
    int flowTo(final int row, final long nowNs)
    {
        return transport.flow(health.transport(row), health.address(row), health.port(row), list.hopOfRow(row).host(),
            nowNs);
    }

    private boolean fire(final int event, final long nowNs)
    {
        final int next = SlotMachine.TABLE.next(state, event);
        if (next == -1)
        {
            return false;
        }
        if (next != state)
        {
            force(next, nowNs);
        }
        return true;
    }

    private void force(final int next, final long nowNs)
    {
        state = next;
        if (next != SlotMachine.REGISTERING)
        {
            final int row = next == SlotMachine.REGISTERED ? registeredRow : -1;
            events.onRegistrationState(accountNumber, slotNumber, next, row < 0 ? 0 : health.address(row),
                row < 0 ? 0 : health.port(row), nowNs);
        }
    }

    private boolean onPlace(final int event)
    {
        final int next = FailoverMachine.TABLE.next(place, event);
        if (next == -1)
        {
            return false;
        }
        place = next;
        return true;
    }

    private void onProxy(final int event)
    {
        final int next = ProxyPairMachine.TABLE.next(proxyState, event);
        if (next != -1)
        {
            proxyState = next;
        }
    }

    /**
     * Cancel every timer and forget the registration without sending anything (the phone is switched off hard).
     */
    public void stop()
    {
        timers.cancel(retryTimer);
        timers.cancel(failbackTimer);
        list.cancel();
        registration.stop();
        state = SlotMachine.DISABLED;
        place = FailoverMachine.NOWHERE;
        proxyState = ProxyPairMachine.NONE;
    }

    /**
     * @return the account number, 1-based.
     */
    public int accountNumber()
    {
        return accountNumber;
    }

    /**
     * @return 1 for the working slot, 2 for the fallback slot.
     */
    public int slotNumber()
    {
        return slotNumber;
    }

    /**
     * @return a {@link SlotMachine} state.
     */
    public int state()
    {
        return state;
    }

    /**
     * @return a {@link FailoverMachine} state.
     */
    public int place()
    {
        return place;
    }

    /**
     * @param nowNs the duty cycle's time.
     * @return whether a candidate holds an unexpired binding of this slot.
     */
    public boolean isBound(final long nowNs)
    {
        return registration.isBound(nowNs);
    }

    /**
     * @return whether the slot's REGISTER walk is at rest (not resolving, not registering).
     */
    public boolean isIdle()
    {
        return state != SlotMachine.RESOLVING && state != SlotMachine.REGISTERING &&
            state != SlotMachine.UNREGISTERING;
    }

    /**
     * @return the health-table row of the candidate holding (or last holding) the binding, or -1.
     */
    public int registeredRow()
    {
        return registeredRow;
    }

    /**
     * @return the health-table row of the candidate of the current or last attempt, or -1.
     */
    public int attemptRow()
    {
        return attemptRow;
    }

    /**
     * @return how many candidates the last resolution found.
     */
    public int candidateCount()
    {
        return list.count();
    }

    /**
     * @param position 0 for the primary.
     * @return the candidate's health-table row.
     */
    public int candidateRow(final int position)
    {
        return list.row(position);
    }

    /**
     * @param row a health-table row, or -1.
     * @return the hop (server or outbound proxy) the candidate belongs to, with its failover values; the first hop
     *     for a row that is not a candidate.
     */
    public NextHop hopOfRow(final int row)
    {
        return list.hopOfRow(row);
    }

    /**
     * @return a {@link ProxyPairMachine} state.
     */
    public int proxyState()
    {
        return proxyState;
    }

    /**
     * @return the cause of the last failed attempt, a {@link SipFailure} constant or 0.
     */
    public int lastCause()
    {
        return lastCause;
    }

    /**
     * @return walks in a row in which every candidate failed.
     */
    public int failedWalks()
    {
        return failedWalks;
    }

    /**
     * @return the slot's configuration.
     */
    public SipServerConfig server()
    {
        return server;
    }

    /**
     * @return the slot's registration (Call-ID, CSeq, grant).
     */
    public Registration registration()
    {
        return registration;
    }

    /**
     * @return how many DNS walkers the slot has: one per hop.
     */
    public int locatorCount()
    {
        return list.hopCount();
    }

    /**
     * @param hop 0 for the server or proxy 1, 1 for proxy 2.
     * @return the DNS walker of that hop; the owner routes live DNS answers and polls to it.
     */
    public ServerLocator locator(final int hop)
    {
        return list.locator(hop);
    }
}
