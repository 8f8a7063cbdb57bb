package org.sipredundancy.core.sip.registration;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.AsciiSequenceView;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.auth.DigestAuthenticator;
import org.sipredundancy.core.sip.auth.DigestChallenge;
import org.sipredundancy.core.sip.auth.DigestWorkspace;
import org.sipredundancy.core.sip.transaction.ClientTransactionUser;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.core.sip.wire.SipHeaderName;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.core.sip.wire.SipRequestEncoder;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.Transport;

import java.util.Locale;

/**
 * The REGISTER dialogue of one account with one server slot (SPEC R-SIP-5). Call-ID and From tag are drawn once
 * from the injected random source and kept for the life of the slot; CSeq only grows, so a registrar can tell a
 * refresh from a retransmission; a 401/407 is answered once per nonce and the nonce is reused with a growing nc on
 * later refreshes (R-SIP-4); a 423 is retried with the registrar's Min-Expires; a 2xx starts the refresh timer at
 * 90 % of the granted expiry, counted from the moment the successful REGISTER was sent (the registrar's clock
 * cannot have started earlier); the grant read is the one of the phone's own Contact, since a registrar lists every
 * binding of the address of record. At most one REGISTER is in flight: {@link #register} refuses while one is.
 * <p>
 * The owner picks the flow and server for every attempt ({@link #register}); this class never fails over by itself.
 * Nothing allocates once built. Not thread safe: duty cycle thread only.
 */
public final class Registration implements ClientTransactionUser, TimerExpiryHandler
{
    /** Never registered, stopped, or unregistered. */
    public static final int IDLE = 0;
    /** A REGISTER is in flight (first registration or refresh). */
    public static final int REGISTERING = 1;
    /** The registrar holds the binding; a refresh is scheduled. */
    public static final int REGISTERED = 2;
    /** A REGISTER with expires = 0 is in flight. */
    public static final int UNREGISTERING = 3;
    /** The last attempt failed; the owner decides where to try next. */
    public static final int FAILED = 4;

    /** {@link #register} refused: a REGISTER of this slot is already in flight. */
    public static final int IN_FLIGHT = -301;
    /** The REGISTER did not fit in a transaction's request buffer. */
    public static final int TOO_LONG = -302;

    private static final String REGISTER = "REGISTER";
    private static final int MAX_CHALLENGES_PER_ATTEMPT = 3;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final int ID_HEX_DIGITS = 16;
    private static final int TAG_HEX_DIGITS = 8;

    private final ClientTransactions transactions;
    private final TimerService timers;
    private final RegistrationListener listener;
    private final long token;
    private final long configuredExpiresS;
    private final String requestUri;
    private final String callId;
    private final String fromTag;
    /** The Contact to find in a 200 OK, by transport: it names the transport the REGISTER went by. */
    private final String[] contactMatches = new String[Transport.TLS + 1];
    private String contactMatch;
    private final SipRequestEncoder encoder = new SipRequestEncoder();
    private final DigestAuthenticator authenticator;
    private final DigestChallenge challenge;
    private final UnsafeBuffer authHeader;
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final Timer refreshTimer;

    private String authHeaderName;
    private CharSequence route = "";
    private int state = IDLE;
    private long cseq;
    private int transaction = -1;
    private long requestedExpiresS;
    private long sentExpiresS;
    private long grantedExpiresS;
    private long bindingExpiresNs = Long.MIN_VALUE;
    private long attemptStartNs;
    private int flow;
    private int remoteAddress;
    private int remotePort;
    private int retryBudget;
    private int challengesThisAttempt;
    private boolean answeredThisAttempt;
    private int lastStatusCode;
    private int lastFailure;

    /**
     * @param context the shared parts and the account's fields, checked with {@link RegistrationContext#conclude}.
     */
    public Registration(final RegistrationContext context)
    {
        context.conclude();
        transactions = context.transactions();
        timers = context.timers();
        listener = context.listener();
        token = context.token();
        configuredExpiresS = context.expiresS();
        requestedExpiresS = configuredExpiresS;
        requestUri = "sip:" + context.registrarHost();
        final RandomSource random = context.random();
        callId = hex(random, ID_HEX_DIGITS) + "@" + context.localHost();
        fromTag = hex(random, TAG_HEX_DIGITS);
        for (int t = Transport.UDP; t <= Transport.TLS; t++)
        {
            contactMatches[t] = "sip:" + context.user() + "@" + context.localHost() + ":" + context.localPort() +
                (t == Transport.UDP ? ">" : ";transport=" + Transport.name(t).toLowerCase(Locale.ROOT));
        }
        contactMatch = contactMatches[context.transport()];
        authenticator = new DigestAuthenticator(random, context.digestWorkspace());
        challenge = context.digestWorkspace().challenge();
        authHeader = context.digestWorkspace().header();
        if (!authenticator.credentials(context.authName(), context.password()))
        {
            throw new IllegalStateException("auth_name and password must be ASCII of at most " +
                DigestAuthenticator.MAX_FIELD_LENGTH + " characters");
        }
        encoder.transport(Transport.name(context.transport())).local(context.localHost(), context.localPort())
            .registrarHost(context.registrarHost()).user(context.user()).fromTag(fromTag).callId(callId)
            .userAgent(context.userAgent());
        refreshTimer = timers.newTimer(this, 0);
    }

    /**
     * Send a REGISTER asking for the configured expiry (or the registrar's Min-Expires after a 423).
     *
     * @param flow          the transport flow to the chosen server.
     * @param remoteAddress the server's IPv4 address.
     * @param remotePort    the server's port.
     * @param retryBudget   retransmissions before giving up early (a candidate that is not the last), or -1 for
     *                      the full Timer F (R-SIP-3).
     * @param nowNs         the duty cycle's time.
     * @return {@link NetworkStatus#OK}; {@link #IN_FLIGHT}, {@link #TOO_LONG},
     *         {@link ClientTransactions#FULL} or a negative network status when nothing was sent (then no
     *         listener call follows).
     */
    public int register(
        final int flow, final int remoteAddress, final int remotePort, final int retryBudget, final long nowNs)
    {
        if (transaction >= 0)
        {
            return IN_FLIGHT;
        }
        timers.cancel(refreshTimer);
        state = REGISTERING;
        return attempt(flow, remoteAddress, remotePort, retryBudget, requestedExpiresS, nowNs);
    }

    /**
     * Remove the binding: a REGISTER with expires = 0 (the account is disabled or the phone stops). A REGISTER
     * in flight is abandoned first.
     *
     * @param flow          the transport flow to the server that holds the binding.
     * @param remoteAddress the server's IPv4 address.
     * @param remotePort    the server's port.
     * @param retryBudget   as for {@link #register}.
     * @param nowNs         the duty cycle's time.
     * @return as for {@link #register}.
     */
    public int unregister(
        final int flow, final int remoteAddress, final int remotePort, final int retryBudget, final long nowNs)
    {
        abandonInFlight();
        timers.cancel(refreshTimer);
        state = UNREGISTERING;
        return attempt(flow, remoteAddress, remotePort, retryBudget, 0, nowNs);
    }

    /**
     * Set the Route header of the REGISTERs sent from now on: an outbound proxy's {@code <sip:proxy;lr>} (R-OBP-1),
     * or empty to send straight to the registrar. The Request-URI stays {@code sip:{registrar}} either way.
     *
     * @param route the Route value; kept by reference, so pass text that does not change.
     */
    public void route(final CharSequence route)
    {
        this.route = route;
    }

    /**
     * The transport the next REGISTER goes by, named in its Via and Contact: a candidate found by NAPTR may use
     * another transport than the one configured (SPEC R-DNS-3). The binding then is another Contact.
     *
     * @param transport {@link Transport#UDP}, {@link Transport#TCP} or {@link Transport#TLS}.
     */
    public void transport(final int transport)
    {
        if (transport >= Transport.UDP && transport <= Transport.TLS)
        {
            encoder.transport(Transport.name(transport));
            contactMatch = contactMatches[transport];
        }
    }

    /**
     * Forget the slot without sending anything: any REGISTER in flight is abandoned and the refresh cancelled.
     */
    public void stop()
    {
        abandonInFlight();
        timers.cancel(refreshTimer);
        state = IDLE;
        bindingExpiresNs = Long.MIN_VALUE;
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
        final int code = response.statusCode();
        lastStatusCode = code;
        if (code >= 200 && code < 300)
        {
            onAccepted(response, nowNs);
        }
        else if (code == 401 || code == 407)
        {
            onChallenged(code, response, nowNs);
        }
        else if (code == 423)
        {
            final long minExpiresS = response.minExpiresS();
            if (sentExpiresS > 0 && minExpiresS > sentExpiresS)
            {
                requestedExpiresS = minExpiresS;
                retry(minExpiresS, nowNs);
            }
            else
            {
                fail(SipFailure.REJECTED, code, -1, nowNs);
            }
        }
        else
        {
            fail(SipFailure.REJECTED, code, -1, nowNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFailure(
        final int transaction, final long userToken, final int cause, final long retryAfterS, final long nowNs)
    {
        if (transaction != this.transaction)
        {
            return;
        }
        this.transaction = -1;
        lastStatusCode = cause == SipFailure.SERVICE_UNAVAILABLE ? 503 : 0;
        fail(cause, lastStatusCode, retryAfterS, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onTimerExpiry(final long timerToken, final long nowNs)
    {
        if (state == REGISTERED)
        {
            listener.onRefreshDue(this, nowNs);
        }
    }

    private void onAccepted(final SipMessageDecoder response, final long nowNs)
    {
        if (sentExpiresS == 0)
        {
            state = IDLE;
            bindingExpiresNs = Long.MIN_VALUE;
            listener.onUnregistered(this, nowNs);
            return;
        }
        long granted = response.contactExpiresS(contactMatch, view);
        if (granted < 0)
        {
            granted = response.contactExpiresS(view);
        }
        if (granted < 0)
        {
            granted = response.expiresS();
        }
        if (granted < 0)
        {
            granted = sentExpiresS;
        }
        if (granted == 0)
        {
            fail(SipFailure.REJECTED, lastStatusCode, -1, nowNs);
            return;
        }
        grantedExpiresS = granted;
        state = REGISTERED;
        lastFailure = 0;
        bindingExpiresNs = attemptStartNs + granted * NS_PER_S;
        timers.schedule(refreshTimer, attemptStartNs + granted * (NS_PER_S / 10) * 9);
        listener.onRegistered(this, granted, nowNs);
    }

    private void onChallenged(final int code, final SipMessageDecoder response, final long nowNs)
    {
        final int header = response.findHeader(code == 401 ? SipHeaderName.WWW_AUTHENTICATE :
            SipHeaderName.PROXY_AUTHENTICATE);
        if (header < 0)
        {
            fail(SipFailure.REJECTED, code, -1, nowNs);
            return;
        }
        response.headerValue(header, view);
        challenge.parse(view.buffer(), view.offset(), view.length());
        if (authenticator.onChallenge(challenge) != DigestChallenge.OK)
        {
            fail(SipFailure.REJECTED, code, -1, nowNs);
            return;
        }
        final boolean sameNonceRefused = answeredThisAttempt && authenticator.nonceCount() > 0 && !challenge.stale();
        if (sameNonceRefused || ++challengesThisAttempt > MAX_CHALLENGES_PER_ATTEMPT)
        {
            fail(SipFailure.AUTH_REJECTED, code, -1, nowNs);
            return;
        }
        authHeaderName = code == 401 ? "Authorization: " : "Proxy-Authorization: ";
        retry(sentExpiresS, nowNs);
    }

    private void retry(final long expiresS, final long nowNs)
    {
        final int challenges = challengesThisAttempt;
        final int status = attempt(flow, remoteAddress, remotePort, retryBudget, expiresS, nowNs);
        challengesThisAttempt = challenges;
        if (status < 0)
        {
            fail(status == ClientTransactions.FULL ? SipFailure.NO_TRANSACTION : SipFailure.SEND_FAILED, 0, -1,
                nowNs);
        }
    }

    private int attempt(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final int retryBudget,
        final long expiresS,
        final long nowNs)
    {
        this.flow = flow;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        this.retryBudget = retryBudget;
        challengesThisAttempt = 0;
        final int t = transactions.begin(this, token, true);
        if (t < 0)
        {
            lastFailure = SipFailure.NO_TRANSACTION;
            return t;
        }
        encoder.clearOptional().route(route);
        answeredThisAttempt = false;
        if (authHeaderName != null)
        {
            final int nameLength = authHeader.putStringWithoutLengthAscii(0, authHeaderName);
            final int valueLength = authenticator.writeAuthorization(
                REGISTER, requestUri, authHeader, nameLength, DigestWorkspace.HEADER_CAPACITY - nameLength - 2);
            if (valueLength > 0)
            {
                authHeader.putByte(nameLength + valueLength, (byte)'\r');
                authHeader.putByte(nameLength + valueLength + 1, (byte)'\n');
                encoder.extraHeaders(authHeader, 0, nameLength + valueLength + 2);
                answeredThisAttempt = true;
            }
        }
        encoder.branch(transactions.branch(t)).cseq(++cseq).expiresS(expiresS);
        final int length = encoder.encodeRegister(transactions.requestBuffer(t), 0, transactions.requestCapacity());
        if (length < 0)
        {
            transactions.abandon(t);
            lastFailure = SipFailure.SEND_FAILED;
            return TOO_LONG;
        }
        final int status = transactions.start(
            t, SipMethod.REGISTER, flow, remoteAddress, remotePort, length, retryBudget, nowNs);
        if (status < 0)
        {
            lastFailure = SipFailure.SEND_FAILED;
            return status;
        }
        transaction = t;
        sentExpiresS = expiresS;
        attemptStartNs = nowNs;
        return NetworkStatus.OK;
    }

    private void fail(final int cause, final int statusCode, final long retryAfterS, final long nowNs)
    {
        lastFailure = cause;
        state = sentExpiresS == 0 ? IDLE : FAILED;
        listener.onRegistrationFailed(this, cause, statusCode, retryAfterS, nowNs);
    }

    private void abandonInFlight()
    {
        if (transaction >= 0)
        {
            transactions.abandon(transaction);
            transaction = -1;
        }
    }

    private static String hex(final RandomSource random, final int digits)
    {
        final char[] chars = new char[digits];
        long bits = 0;
        for (int i = 0; i < digits; i++)
        {
            if ((i & 15) == 0)
            {
                bits = random.nextLong();
            }
            chars[i] = Character.forDigit((int)(bits & 0xF), 16);
            bits >>>= 4;
        }
        return new String(chars);
    }

    /**
     * @return the owner's token for this registration.
     */
    public long token()
    {
        return token;
    }

    /**
     * @return {@link #IDLE}, {@link #REGISTERING}, {@link #REGISTERED}, {@link #UNREGISTERING} or {@link #FAILED}.
     */
    public int state()
    {
        return state;
    }

    /**
     * @param state a state constant of this class.
     * @return its name for traces and the event stream.
     */
    public static String stateName(final int state)
    {
        switch (state)
        {
            case IDLE:
                return "IDLE";
            case REGISTERING:
                return "REGISTERING";
            case REGISTERED:
                return "REGISTERED";
            case UNREGISTERING:
                return "UNREGISTERING";
            case FAILED:
                return "FAILED";
            default:
                return "?";
        }
    }

    /**
     * @param nowNs the duty cycle's time.
     * @return true while the registrar still holds a binding granted to this slot (a refresh may be in flight).
     */
    public boolean isBound(final long nowNs)
    {
        return nowNs < bindingExpiresNs;
    }

    /**
     * @return when the binding the registrar last granted runs out, or {@link Long#MIN_VALUE} when there is none.
     */
    public long bindingExpiresNs()
    {
        return bindingExpiresNs;
    }

    /**
     * @return true while a REGISTER of this slot is in flight.
     */
    public boolean isInFlight()
    {
        return transaction >= 0;
    }

    /**
     * @return the CSeq of the last REGISTER sent (0 before the first).
     */
    public long cseq()
    {
        return cseq;
    }

    /**
     * @return the Call-ID, the same for every REGISTER of this slot.
     */
    public String callId()
    {
        return callId;
    }

    /**
     * @return the From tag, the same for every REGISTER of this slot.
     */
    public String fromTag()
    {
        return fromTag;
    }

    /**
     * @return the expiry the last 2xx granted, in seconds (0 before the first).
     */
    public long grantedExpiresS()
    {
        return grantedExpiresS;
    }

    /**
     * @return the expiry the next REGISTER asks for: the configured one, or the registrar's Min-Expires after 423.
     */
    public long requestedExpiresS()
    {
        return requestedExpiresS;
    }

    /**
     * @return the configured expiry ({@code sip_server.Y.expires}).
     */
    public long configuredExpiresS()
    {
        return configuredExpiresS;
    }

    /**
     * @return when the scheduled refresh falls due, or -1 when none is scheduled.
     */
    public long refreshDeadlineNs()
    {
        return refreshTimer.isScheduled() ? refreshTimer.deadlineNs() : -1;
    }

    /**
     * @return the status code of the last final response (0 before any, or when the last attempt got none).
     */
    public int lastStatusCode()
    {
        return lastStatusCode;
    }

    /**
     * @return the {@link SipFailure} cause of the last failed attempt, 0 after a success.
     */
    public int lastFailure()
    {
        return lastFailure;
    }

    /**
     * @return the flow of the last attempt.
     */
    public int flow()
    {
        return flow;
    }

    /**
     * @return the server address of the last attempt.
     */
    public int remoteAddress()
    {
        return remoteAddress;
    }

    /**
     * @return the server port of the last attempt.
     */
    public int remotePort()
    {
        return remotePort;
    }

    /**
     * @return the digest nc of the last answer, for tests and traces (R-SIP-4).
     */
    public long nonceCount()
    {
        return authenticator.nonceCount();
    }

    /**
     * Render the last Authorization header value with its response masked (R-BAD-5), for traces.
     *
     * @param buffer   receives the value.
     * @param offset   where to start.
     * @param capacity bytes available.
     * @return bytes written, or a negative {@link DigestAuthenticator} status.
     */
    public int writeMaskedAuthorization(final UnsafeBuffer buffer, final int offset, final int capacity)
    {
        return authenticator.writeMaskedAuthorization(buffer, offset, capacity);
    }
}
