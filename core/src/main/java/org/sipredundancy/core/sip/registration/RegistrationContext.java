package org.sipredundancy.core.sip.registration;

import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.auth.DigestWorkspace;
import org.sipredundancy.hal.RandomSource;
import org.sipredundancy.hal.Transport;

import java.util.Objects;

/**
 * What one {@link Registration} needs: the shared transaction table, timers and random source, its owner, and the
 * account's fields for one server slot (R-SIP-5). Set once when the account is built; the registration copies the
 * strings it writes into every REGISTER, so nothing is built per request.
 */
public final class RegistrationContext
{
    /** Seconds asked for when the configuration gives none ({@code sip_server.Y.expires} default). */
    public static final long DEFAULT_EXPIRES_S = 3600;

    private ClientTransactions transactions;
    private TimerService timers;
    private RandomSource random;
    private RegistrationListener listener;
    private DigestWorkspace digestWorkspace;
    private long token;
    private String user = "";
    private String authName = "";
    private String password = "";
    private String registrarHost = "";
    private long expiresS = DEFAULT_EXPIRES_S;
    private String userAgent = "sip-redundancy";
    private String localHost = "0.0.0.0";
    private int localPort = 5060;
    private int transport = Transport.UDP;

    /**
     * Check that everything required is set.
     *
     * @return this.
     * @throws IllegalStateException naming the first missing part.
     */
    public RegistrationContext conclude()
    {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(listener, "listener");
        if (digestWorkspace == null)
        {
            digestWorkspace = new DigestWorkspace();
        }
        if (registrarHost.isEmpty() || user.isEmpty())
        {
            throw new IllegalStateException("a registration needs the server host and the user name");
        }
        if (expiresS <= 0)
        {
            throw new IllegalStateException("expires must be positive, was " + expiresS);
        }
        return this;
    }

    /**
     * @param digestWorkspace the duty cycle's digest workspace, shared by its registrations so that each keeps only
     *                        its own digest state; one of its own when not set.
     * @return this.
     */
    public RegistrationContext digestWorkspace(final DigestWorkspace digestWorkspace)
    {
        this.digestWorkspace = digestWorkspace;
        return this;
    }

    /**
     * @param transactions the client transaction table every REGISTER runs in.
     * @return this.
     */
    public RegistrationContext transactions(final ClientTransactions transactions)
    {
        this.transactions = transactions;
        return this;
    }

    /**
     * @param timers the duty cycle's timers, for the refresh.
     * @return this.
     */
    public RegistrationContext timers(final TimerService timers)
    {
        this.timers = timers;
        return this;
    }

    /**
     * @param random the injected seeded source: Call-ID, From tag and digest cnonce come from it.
     * @return this.
     */
    public RegistrationContext random(final RandomSource random)
    {
        this.random = random;
        return this;
    }

    /**
     * @param listener the owner.
     * @return this.
     */
    public RegistrationContext listener(final RegistrationListener listener)
    {
        this.listener = listener;
        return this;
    }

    /**
     * @param token the owner's name for this registration, e.g. account and slot packed in one long.
     * @return this.
     */
    public RegistrationContext token(final long token)
    {
        this.token = token;
        return this;
    }

    /**
     * @param user     {@code user_name}: the user part of the address of record.
     * @param authName {@code auth_name}: the digest username (the user name when empty).
     * @param password the digest password, never rendered (R-BAD-5).
     * @return this.
     */
    public RegistrationContext credentials(final String user, final String authName, final String password)
    {
        this.user = user;
        this.authName = authName.isEmpty() ? user : authName;
        this.password = password;
        return this;
    }

    /**
     * @param registrarHost the server host as configured: Request-URI and the host of To and From.
     * @param expiresS      {@code sip_server.Y.expires}, the expiry asked for.
     * @return this.
     */
    public RegistrationContext server(final String registrarHost, final long expiresS)
    {
        this.registrarHost = registrarHost;
        this.expiresS = expiresS;
        return this;
    }

    /**
     * @param transport  a {@link Transport} constant, written in Via.
     * @param localHost  the phone's address for Via and Contact.
     * @param localPort  the phone's SIP port.
     * @return this.
     */
    public RegistrationContext local(final int transport, final String localHost, final int localPort)
    {
        this.transport = transport;
        this.localHost = localHost;
        this.localPort = localPort;
        return this;
    }

    /**
     * @param userAgent the User-Agent value.
     * @return this.
     */
    public RegistrationContext userAgent(final String userAgent)
    {
        this.userAgent = userAgent;
        return this;
    }

    ClientTransactions transactions()
    {
        return transactions;
    }

    TimerService timers()
    {
        return timers;
    }

    RandomSource random()
    {
        return random;
    }

    DigestWorkspace digestWorkspace()
    {
        return digestWorkspace;
    }

    RegistrationListener listener()
    {
        return listener;
    }

    long token()
    {
        return token;
    }

    String user()
    {
        return user;
    }

    String authName()
    {
        return authName;
    }

    String password()
    {
        return password;
    }

    String registrarHost()
    {
        return registrarHost;
    }

    long expiresS()
    {
        return expiresS;
    }

    String userAgent()
    {
        return userAgent;
    }

    String localHost()
    {
        return localHost;
    }

    int localPort()
    {
        return localPort;
    }

    int transport()
    {
        return transport;
    }
}
