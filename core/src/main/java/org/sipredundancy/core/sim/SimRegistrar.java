package org.sipredundancy.core.sim;

import org.agrona.DirectBuffer;
import org.sipredundancy.core.sim.SimDigestCredentials.Param;
import org.sipredundancy.hal.RandomSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registrar logic of a {@link SimSipServer} (RFC 3261 section 10.3, RFC 7616): accounts, digest nonces with
 * their nonce counts and lifetimes, and bindings that run out in virtual time. It decides the answer to a REGISTER;
 * the server does the wire work. Simulation only: it allocates. Not thread safe.
 */
final class SimRegistrar
{
    static final long NS_PER_S = 1_000_000_000L;
    private static final int MAX_NONCES = 1024;

    /** Every user by name: known by a password, or by having registered when no authentication was asked. */
    private final Map<String, SimUser> users = new HashMap<>();
    /** Users with bindings, in the order of their first REGISTER, the order {@link #bindings} lists them in. */
    private final List<SimUser> listed = new ArrayList<>();
    private final Map<String, long[]> nonces = new LinkedHashMap<>();
    private final SimDigestCredentials credentials = new SimDigestCredentials();
    private final SimDigestVerifier verifier = new SimDigestVerifier();
    private final RandomSource random;
    String realm;
    String algorithm = "MD5";
    boolean requireAuth = true;
    long nonceLifetimeS = 300;
    long minExpiresS;
    long maxExpiresS;

    /** The outcome of one REGISTER. */
    static final class Outcome
    {
        int status;
        String reason;
        String wwwAuthenticate;
        long minExpiresS = -1;
        final StringBuilder contactLines = new StringBuilder();
    }

    SimRegistrar(final RandomSource random, final String realm)
    {
        this.random = random;
        this.realm = realm;
    }

    /**
     * Read a request's Authorization header value before {@link #authorize}.
     *
     * @param buffer holding the value.
     * @param offset of its first octet.
     * @param length of the value.
     */
    void credentials(final DirectBuffer buffer, final int offset, final int length)
    {
        credentials.parse(buffer, offset, length);
    }

    void user(final String user, final String password)
    {
        users.computeIfAbsent(user, SimUser::new).password = password;
    }

    /**
     * Judge a REGISTER's credentials, first of all (RFC 3261 section 10.3 step 4): the request's Authorization
     * header, when it had one, was read by {@link #credentials} before.
     *
     * @param authorization whether the request carried an Authorization header.
     * @param nowNs         the virtual time.
     * @return null when the request may go on to {@link #bind}; else the challenge to answer with.
     */
    Outcome authorize(final boolean authorization, final long nowNs)
    {
        return requireAuth ? challengeUnlessAuthorized(authorization, nowNs) : null;
    }

    /**
     * Decide the answer to an authorized REGISTER: 423 for an expiry below the minimum, else the bindings are
     * updated and 200 lists them.
     *
     * @param user      the To URI's user part.
     * @param contacts  each Contact URI ("*" for all).
     * @param requested each Contact's requested expiry in seconds.
     * @param template  where the request came from, its Call-ID and CSeq, for the bindings made.
     * @param nowNs     the virtual time.
     * @return the outcome.
     */
    Outcome bind(
        final String user,
        final List<String> contacts,
        final List<Long> requested,
        final SimBinding template,
        final long nowNs)
    {
        final Outcome outcome = new Outcome();
        for (int i = 0; i < contacts.size(); i++)
        {
            final long expiresS = requested.get(i);
            if (expiresS > 0 && minExpiresS > 0 && expiresS < minExpiresS)
            {
                outcome.status = 423;
                outcome.reason = "Interval Too Brief";
                outcome.minExpiresS = minExpiresS;
                return outcome;
            }
        }
        final SimUser account = users.computeIfAbsent(user, SimUser::new);
        if (!account.listed)
        {
            account.listed = true;
            listed.add(account);
        }
        final List<SimBinding> own = account.bindings;
        for (int i = 0; i < contacts.size(); i++)
        {
            final String contact = contacts.get(i);
            final long granted = maxExpiresS > 0 ? Math.min(requested.get(i), maxExpiresS) : requested.get(i);
            own.removeIf(b -> "*".equals(contact) || b.contact().equals(contact));
            if (granted > 0 && !"*".equals(contact))
            {
                own.add(new SimBinding(user, contact, nowNs + granted * NS_PER_S, template.sourceAddress(),
                    template.sourcePort(), template.callId(), template.cseq()));
            }
        }
        account.registerCount++;
        for (final SimBinding b : own)
        {
            if (b.expiresAtNs() > nowNs)
            {
                final long leftS = (b.expiresAtNs() - nowNs + NS_PER_S - 1) / NS_PER_S;
                outcome.contactLines.append("Contact: <").append(b.contact()).append(">;expires=").append(leftS)
                    .append("\r\n");
            }
        }
        outcome.status = 200;
        outcome.reason = "OK";
        return outcome;
    }

    /** The challenge to answer with, or null when the credentials are good (a fresh nonce, a rising count). */
    private Outcome challengeUnlessAuthorized(final boolean hasAuthorization, final long nowNs)
    {
        if (!hasAuthorization || !credentials.isDigest())
        {
            return challenge(false, nowNs);
        }
        final SimUser account = users.get(credentials.get(Param.USERNAME));
        final String password = account == null ? null : account.password;
        final boolean qop = credentials.has(Param.QOP);
        final boolean algorithmMatches = credentials.has(Param.ALGORITHM) ?
            credentials.is(Param.ALGORITHM, algorithm, true) : "MD5".equalsIgnoreCase(algorithm);
        if (password == null || !credentials.is(Param.REALM, realm, false) || !algorithmMatches ||
            qop && !credentials.is(Param.QOP, "auth", false))
        {
            return challenge(false, nowNs);
        }
        if (!verifier.verify(algorithm, account, realm, "REGISTER", credentials))
        {
            return challenge(false, nowNs);
        }
        final long[] state = nonces.get(credentials.get(Param.NONCE));
        if (state == null || nowNs - state[0] >= nonceLifetimeS * NS_PER_S)
        {
            return challenge(true, nowNs);
        }
        final long count = credentials.hexValue(Param.NC);
        if (qop && count <= state[1])
        {
            return challenge(false, nowNs);
        }
        state[1] = count;
        return null;
    }

    private Outcome challenge(final boolean stale, final long nowNs)
    {
        final String nonce = Long.toHexString(random.nextLong()) + Long.toHexString(nowNs);
        if (nonces.size() >= MAX_NONCES)
        {
            nonces.remove(nonces.keySet().iterator().next());
        }
        nonces.put(nonce, new long[] {nowNs, 0});
        final Outcome outcome = new Outcome();
        outcome.status = 401;
        outcome.reason = "Unauthorized";
        outcome.wwwAuthenticate = "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=" +
            algorithm + (stale ? ", stale=true" : "");
        return outcome;
    }

    boolean isRegistered(final String user, final long nowNs)
    {
        final SimUser account = users.get(user);
        for (final SimBinding b : account == null ? List.<SimBinding>of() : account.bindings)
        {
            if (b.expiresAtNs() > nowNs)
            {
                return true;
            }
        }
        return false;
    }

    List<SimBinding> bindings(final long nowNs)
    {
        final List<SimBinding> all = new ArrayList<>();
        for (final SimUser account : listed)
        {
            account.bindings.removeIf(b -> b.expiresAtNs() <= nowNs);
            all.addAll(account.bindings);
        }
        return all;
    }

    int registerCount(final String user)
    {
        final SimUser account = users.get(user);
        return account == null ? 0 : account.registerCount;
    }

    /**
     * One Contact element of a REGISTER: its URI and the expiry asked for (its expires parameter, else the Expires
     * header, else the default).
     */
    static void addContact(
        final String element, final long headerExpires, final List<String> contacts, final List<Long> requested)
    {
        final String text = element.trim();
        final int open = text.indexOf('<');
        final int close = text.indexOf('>', open + 1);
        final String uri;
        final String params;
        if (open >= 0 && close > open)
        {
            uri = text.substring(open + 1, close);
            params = text.substring(close + 1);
        }
        else
        {
            final int semicolon = text.indexOf(';');
            uri = semicolon >= 0 ? text.substring(0, semicolon) : text;
            params = semicolon >= 0 ? text.substring(semicolon) : "";
        }
        long expires = headerExpires >= 0 ? headerExpires : SimSipServer.DEFAULT_EXPIRES_S;
        final String lower = params.toLowerCase(Locale.ROOT);
        final int at = lower.indexOf(";expires=");
        if (at >= 0)
        {
            int end = at + 9;
            long value = 0;
            while (end < lower.length() && Character.isDigit(lower.charAt(end)) && value < Integer.MAX_VALUE)
            {
                value = value * 10 + (lower.charAt(end++) - '0');
            }
            expires = end > at + 9 ? value : expires;
        }
        contacts.add(uri.trim());
        requested.add("*".equals(uri.trim()) ? 0L : expires);
    }
}
