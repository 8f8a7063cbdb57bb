package org.sipredundancy.core.sip.auth;

import org.agrona.concurrent.UnsafeBuffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What answering a digest challenge needs only while it computes — the MD5 and SHA-256 engines, the hashing scratch,
 * the digests, the challenge parser and room for one Authorization header — made once per duty cycle and shared by
 * every account's {@link DigestAuthenticator} on it. Why: an account answers one challenge at a time and never two
 * at once on one thread, so these 6 KB need not be repeated per account; with 10^5 accounts in one loop (or 16 on a
 * phone with little heap) the account keeps only its own state. One thread only, like the duty cycle that owns it.
 */
public final class DigestWorkspace
{
    /** Room for an Authorization or Proxy-Authorization header line with its name and CRLF. */
    public static final int HEADER_CAPACITY = 2048;

    final MessageDigest md5;
    final MessageDigest sha256;
    final byte[] method = new byte[DigestAuthenticator.MAX_FIELD_LENGTH];
    final byte[] rawDigest = new byte[32];
    final byte[] ha1 = new byte[64];
    final byte[] ha2 = new byte[64];
    final byte[] response = new byte[64];
    final byte[] scratch = new byte[4 * DigestAuthenticator.MAX_FIELD_LENGTH];
    final DigestHeaderWriter writer = new DigestHeaderWriter();
    private final DigestChallenge challenge = new DigestChallenge();
    private final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_CAPACITY]);

    /**
     * Make the digests once, so no answer has to look a provider up.
     */
    public DigestWorkspace()
    {
        try
        {
            md5 = MessageDigest.getInstance("MD5");
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform must provide MD5 and SHA-256", ex);
        }
    }

    /**
     * @return a challenge parser for the moment between a 401/407 and {@link DigestAuthenticator#onChallenge}, which
     *         copies what the account keeps.
     */
    public DigestChallenge challenge()
    {
        return challenge;
    }

    /**
     * @return {@link #HEADER_CAPACITY} bytes to write an Authorization header into while one request is encoded.
     */
    public UnsafeBuffer header()
    {
        return header;
    }
}
