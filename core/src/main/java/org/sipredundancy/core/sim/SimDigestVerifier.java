package org.sipredundancy.core.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Computes the response a client should send for a digest challenge (RFC 7616 section 3.4.1, qop=auth), so the
 * simulated registrar can check the phone's answer independently of the phone's own code. Simulation only: it
 * allocates strings.
 */
final class SimDigestVerifier
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Looking an engine up costs more than the hash: one of each per thread, made once. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> engine("MD5"));
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> engine("SHA-256"));

    private SimDigestVerifier()
    {
    }

    /**
     * @param algorithm   "MD5", "MD5-sess", "SHA-256" or "SHA-256-sess".
     * @param password    the account's password.
     * @param method      request method.
     * @param credentials the client's answer: username, realm, uri, nonce, nc, cnonce and qop are taken from it.
     * @return the expected response, lower-case hex.
     */
    static String expectedResponse(
        final String algorithm, final String password, final String method, final SimDigestCredentials credentials)
    {
        final String user = credentials.get("username");
        final String realm = credentials.get("realm");
        final String uri = credentials.get("uri");
        final String nonce = credentials.get("nonce");
        final String nc = credentials.get("nc");
        final String cnonce = credentials.get("cnonce");
        final String qop = credentials.get("qop");
        final String upper = algorithm.toUpperCase(Locale.ROOT);
        final String hash = upper.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hex(hash, user + ":" + realm + ":" + password);
        if (upper.endsWith("-SESS"))
        {
            ha1 = hex(hash, ha1 + ":" + nonce + ":" + cnonce);
        }
        final String ha2 = hex(hash, method + ":" + uri);
        if (qop.isEmpty())
        {
            return hex(hash, ha1 + ":" + nonce + ":" + ha2);
        }
        return hex(hash, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    private static String hex(final String algorithm, final String text)
    {
        final MessageDigest engine = ("SHA-256".equals(algorithm) ? SHA_256 : MD5).get();
        engine.reset();
        final byte[] digest = engine.digest(text.getBytes(StandardCharsets.UTF_8));
        final char[] out = new char[2 * digest.length];
        for (int i = 0; i < digest.length; i++)
        {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
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
