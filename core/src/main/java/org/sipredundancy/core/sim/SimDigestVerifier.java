package org.sipredundancy.core.sim;

import org.sipredundancy.core.sim.SimDigestCredentials.Param;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Checks the response a client sent for a digest challenge (RFC 7616 section 3.4.1, qop=auth or none), so the
 * simulated registrar judges the phone's answer with code of its own, not the phone's. Each user's H(A1) is worked
 * out once per realm and hash and kept in its {@link SimUser}: a fleet's registrar checks every refresh of every
 * account, and the hashes are fed straight from the parsed header's bytes. One per registrar; not thread safe.
 */
final class SimDigestVerifier
{
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte COLON = ':';

    private final MessageDigest md5 = engine("MD5");
    private final MessageDigest sha256 = engine("SHA-256");
    /** Hex scratch by hash (MD5, SHA-256): session H(A1), H(A2), the expected response. */
    private final byte[][] md5Hex = {new byte[32], new byte[32], new byte[32]};
    private final byte[][] sha256Hex = {new byte[64], new byte[64], new byte[64]};

    /**
     * @param algorithm   "MD5", "MD5-sess", "SHA-256" or "SHA-256-sess".
     * @param user        the account of the username the client sent, with its password; its H(A1) is kept in it.
     * @param realm       the realm (the registrar's, which the client's must equal).
     * @param method      request method.
     * @param credentials the client's answer: uri, nonce, nc, cnonce, qop and response are taken from it.
     * @return whether the client's response is the expected one (hex digits in any letter case).
     */
    boolean verify(
        final String algorithm,
        final SimUser user,
        final String realm,
        final String method,
        final SimDigestCredentials credentials)
    {
        final String upper = algorithm.toUpperCase(Locale.ROOT);
        final boolean sha = upper.startsWith("SHA-256");
        final MessageDigest engine = sha ? sha256 : md5;
        final byte[][] scratch = sha ? sha256Hex : md5Hex;
        byte[] ha1 = ha1(engine, sha, user, realm);
        if (upper.endsWith("-SESS"))
        {
            engine.reset();
            engine.update(ha1);
            engine.update(COLON);
            credentials.update(Param.NONCE, engine);
            engine.update(COLON);
            credentials.update(Param.CNONCE, engine);
            ha1 = hex(engine, scratch[0]);
        }
        engine.reset();
        engine.update(method.getBytes(StandardCharsets.US_ASCII));
        engine.update(COLON);
        credentials.update(Param.URI, engine);
        final byte[] a2 = hex(engine, scratch[1]);
        engine.reset();
        engine.update(ha1);
        engine.update(COLON);
        credentials.update(Param.NONCE, engine);
        engine.update(COLON);
        if (credentials.has(Param.QOP))
        {
            credentials.update(Param.NC, engine);
            engine.update(COLON);
            credentials.update(Param.CNONCE, engine);
            engine.update(COLON);
            credentials.update(Param.QOP, engine);
            engine.update(COLON);
        }
        engine.update(a2);
        return credentials.hexEquals(Param.RESPONSE, hex(engine, scratch[2]));
    }

    private static byte[] ha1(final MessageDigest engine, final boolean sha, final SimUser user, final String realm)
    {
        final byte[] known = user.knownHa1(realm, sha);
        if (known != null)
        {
            return known;
        }
        engine.reset();
        engine.update((user.name + ":" + realm + ":" + user.password).getBytes(StandardCharsets.UTF_8));
        final byte[] hex = hex(engine, new byte[2 * engine.getDigestLength()]);
        user.keepHa1(realm, sha, hex);
        return hex;
    }

    /** Finishes the engine's hash into lower-case hex: into the given array when it is exactly as long. */
    private static byte[] hex(final MessageDigest engine, final byte[] into)
    {
        final byte[] digest = engine.digest();
        final byte[] out = into.length == 2 * digest.length ? into : new byte[2 * digest.length];
        for (int i = 0; i < digest.length; i++)
        {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return out;
    }

    private static MessageDigest engine(final String algorithm)
    {
        try
        {
            return MessageDigest.getInstance(algorithm);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform must provide MD5 and SHA-256", ex);
        }
    }
}
