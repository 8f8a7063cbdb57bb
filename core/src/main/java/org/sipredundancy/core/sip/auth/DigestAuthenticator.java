package org.sipredundancy.core.sip.auth;

import org.agrona.MutableDirectBuffer;
import org.sipredundancy.hal.RandomSource;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Answers a digest challenge (SPEC R-SIP-4) with {@code auth_name} and {@code password}: MD5, MD5-sess, SHA-256
 * and SHA-256-sess per RFC 7616 / RFC 8760 / RFC 2617, qop=auth with a cnonce and nc, or the legacy form when the
 * challenge offers no qop. The nonce of the last challenge is reused with an increasing nc for every request
 * until {@link #onChallenge} brings a different one, which resets nc. Each answer draws a fresh cnonce from the
 * injected {@link RandomSource}, so runs are reproducible from the seed (SPEC R-RT-3).
 * <p>
 * The digests and all scratch arrays are made in the constructor and hashing uses
 * {@link MessageDigest#digest(byte[], int, int)} into a preallocated array, so answering does not allocate once
 * warm. Only {@link #toString} allocates. Credentials must be ASCII (checked by {@link #credentials}); they are
 * copied into arrays and never rendered: {@link #writeMaskedAuthorization} prints the last answer with the
 * response replaced by {@code ********} for logs and traces (SPEC R-BAD-5). Not thread safe.
 */
public final class DigestAuthenticator
{
    /** What the write methods return when the header does not fit in the buffer. */
    public static final int DOES_NOT_FIT = -1;
    /** What the write methods return before any accepted challenge or credentials. */
    public static final int NOT_READY = -2;
    /** What the write methods return when the method or URI is too long or not ASCII. */
    public static final int BAD_INPUT = -3;
    /** The longest auth_name, password, method or digest-URI accepted, in bytes. */
    public static final int MAX_FIELD_LENGTH = 512;
    /** The mask that stands for the response in {@link #writeMaskedAuthorization}. */
    public static final String MASK = "********";

    private static final int CNONCE_LENGTH = 16;
    /** The longest cnonce kept: the drawn ones have 16 digits, the RFC 7616 examples' forced ones 44 characters. */
    private static final int CNONCE_CAPACITY = 64;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e',
        'f'};

    private final RandomSource random;
    private final MessageDigest md5;
    private final MessageDigest sha256;
    private final byte[] method;
    private final byte[] rawDigest;
    private final byte[] ha1;
    private final byte[] ha2;
    private final byte[] response;
    private final byte[] scratch;
    private final DigestHeaderWriter writer;
    private final byte[] realm = new byte[DigestChallenge.MAX_VALUE_LENGTH];
    private final byte[] nonce = new byte[DigestChallenge.MAX_VALUE_LENGTH];
    private final byte[] opaque = new byte[DigestChallenge.MAX_VALUE_LENGTH];
    private final byte[] uri = new byte[MAX_FIELD_LENGTH];
    private final byte[] cnonce = new byte[CNONCE_CAPACITY];
    private final byte[] ncHex = new byte[8];
    private byte[] user = new byte[0];
    private byte[] password = new byte[0];

    private int userLength = -1;
    private int passwordLength;
    private int realmLength;
    private int nonceLength = -1;
    private int opaqueLength = -1;
    private int algorithm;
    private boolean qopAuth;
    private long nc;
    private int methodLength;
    private int uriLength;
    private int cnonceLength;
    private int hexLength;
    private boolean answered;
    private int scratchLength;

    /**
     * An authenticator with a workspace of its own.
     *
     * @param random the only source of cnonces.
     */
    public DigestAuthenticator(final RandomSource random)
    {
        this(random, new DigestWorkspace());
    }

    /**
     * An authenticator that computes in a shared workspace: what it keeps of its own is only the account's state
     * (credentials, the challenge's realm, nonce and opaque, nc, the last URI and cnonce), about 1.5 KB.
     *
     * @param random    the only source of cnonces.
     * @param workspace the duty cycle's digest workspace, shared by all its accounts.
     */
    public DigestAuthenticator(final RandomSource random, final DigestWorkspace workspace)
    {
        this.random = random;
        md5 = workspace.md5;
        sha256 = workspace.sha256;
        method = workspace.method;
        rawDigest = workspace.rawDigest;
        ha1 = workspace.ha1;
        ha2 = workspace.ha2;
        response = workspace.response;
        scratch = workspace.scratch;
        writer = workspace.writer;
    }

    /**
     * Set the account's credentials (copied; the caller may drop its copies).
     *
     * @param authName the {@code auth_name} sent as username.
     * @param secret   the password, never rendered by this class.
     * @return false, keeping the old credentials, if either is longer than {@link #MAX_FIELD_LENGTH} or not ASCII.
     */
    public boolean credentials(final CharSequence authName, final CharSequence secret)
    {
        if (!isAscii(authName) || !isAscii(secret))
        {
            return false;
        }
        user = new byte[authName.length()];
        password = new byte[secret.length()];
        userLength = copyAscii(authName, user);
        passwordLength = copyAscii(secret, password);
        return true;
    }

    /**
     * Take a new challenge. A different nonce restarts nc at 1 for the next answer; the same nonce (a repeated
     * challenge) keeps counting, so the server never sees an nc twice.
     *
     * @param challenge a parsed challenge.
     * @return its status; a challenge that is not {@link DigestChallenge#OK} leaves the state unchanged.
     */
    public int onChallenge(final DigestChallenge challenge)
    {
        final int status = challenge.status();
        if (status != DigestChallenge.OK)
        {
            return status;
        }
        final int newNonceLength = challenge.nonceBytes(scratch);
        if (newNonceLength != nonceLength || !sameBytes(scratch, nonce, newNonceLength))
        {
            System.arraycopy(scratch, 0, nonce, 0, newNonceLength);
            nonceLength = newNonceLength;
            nc = 0;
        }
        realmLength = challenge.realmBytes(realm);
        opaqueLength = challenge.opaqueBytes(opaque);
        algorithm = challenge.algorithm();
        qopAuth = challenge.qopAuth();
        return status;
    }

    /**
     * Answer the current challenge for one request: count nc up, draw a cnonce, compute the response and write the
     * Authorization (or Proxy-Authorization) value, {@code Digest username="..", realm="..", ...}.
     *
     * @param requestMethod the request's method, for example REGISTER.
     * @param digestUri     the Request-URI as sent.
     * @param buffer        receives the header value.
     * @param offset        where to start writing.
     * @param capacity      how many bytes may be written.
     * @return the number of bytes written, or {@link #DOES_NOT_FIT}, {@link #NOT_READY} or {@link #BAD_INPUT}.
     */
    public int writeAuthorization(
        final CharSequence requestMethod,
        final CharSequence digestUri,
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity)
    {
        return answer(requestMethod, digestUri, null, buffer, offset, capacity);
    }

    /**
     * Test hook: answer with a given cnonce instead of one drawn from the random source, to check the RFC 7616
     * examples.
     */
    int writeAuthorization(
        final CharSequence requestMethod,
        final CharSequence digestUri,
        final CharSequence forcedCnonce,
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity)
    {
        return answer(requestMethod, digestUri, forcedCnonce, buffer, offset, capacity);
    }

    /**
     * Render the last answer for logs and traces with the response replaced by {@link #MASK} (SPEC R-BAD-5); it
     * does not count nc or draw a cnonce.
     *
     * @param buffer   receives the masked header value.
     * @param offset   where to start writing.
     * @param capacity how many bytes may be written.
     * @return the number of bytes written, {@link #DOES_NOT_FIT}, or {@link #NOT_READY} before the first answer.
     */
    public int writeMaskedAuthorization(final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        if (!answered)
        {
            return NOT_READY;
        }
        return render(buffer, offset, capacity, true);
    }

    /**
     * @return the nc of the last answer (0 before the first answer to the current nonce).
     */
    public long nonceCount()
    {
        return nc;
    }

    private int answer(
        final CharSequence requestMethod,
        final CharSequence digestUri,
        final CharSequence forcedCnonce,
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity)
    {
        if (userLength < 0 || nonceLength < 0)
        {
            return NOT_READY;
        }
        if (!isAscii(requestMethod) || !isAscii(digestUri) ||
            (forcedCnonce != null && (!isAscii(forcedCnonce) || forcedCnonce.length() > CNONCE_CAPACITY)))
        {
            return BAD_INPUT;
        }
        methodLength = copyAscii(requestMethod, method);
        uriLength = copyAscii(digestUri, uri);
        nc++;
        writeHex8(nc);
        if (forcedCnonce != null)
        {
            cnonceLength = copyAscii(forcedCnonce, cnonce);
        }
        else
        {
            final long bits = random.nextLong();
            for (int i = 0; i < CNONCE_LENGTH; i++)
            {
                cnonce[i] = HEX[(int)(bits >>> (60 - 4 * i)) & 0xF];
            }
            cnonceLength = CNONCE_LENGTH;
        }
        computeResponse();
        answered = true;
        return render(buffer, offset, capacity, false);
    }

    private void computeResponse()
    {
        final MessageDigest digest = algorithm >= DigestChallenge.SHA_256 ? sha256 : md5;
        final boolean sess = algorithm == DigestChallenge.MD5_SESS || algorithm == DigestChallenge.SHA_256_SESS;
        start();
        add(user, userLength).colon().add(realm, realmLength).colon().add(password, passwordLength);
        hash(digest, ha1);
        if (sess)
        {
            start();
            add(ha1, hexLength).colon().add(nonce, nonceLength).colon().add(cnonce, cnonceLength);
            hash(digest, ha1);
        }
        start();
        add(method, methodLength).colon().add(uri, uriLength);
        hash(digest, ha2);
        start();
        add(ha1, hexLength).colon().add(nonce, nonceLength).colon();
        if (qopAuth)
        {
            add(ncHex, ncHex.length).colon().add(cnonce, cnonceLength).colon();
            scratch[scratchLength++] = 'a';
            scratch[scratchLength++] = 'u';
            scratch[scratchLength++] = 't';
            scratch[scratchLength++] = 'h';
            colon();
        }
        add(ha2, hexLength);
        hash(digest, response);
        // wipe the password from the scratch space as soon as it is no longer needed
        Arrays.fill(scratch, (byte)0);
    }

    private void start()
    {
        scratchLength = 0;
    }

    private DigestAuthenticator add(final byte[] source, final int length)
    {
        System.arraycopy(source, 0, scratch, scratchLength, length);
        scratchLength += length;
        return this;
    }

    private DigestAuthenticator colon()
    {
        scratch[scratchLength++] = ':';
        return this;
    }

    private void hash(final MessageDigest digest, final byte[] hexOut)
    {
        digest.reset();
        digest.update(scratch, 0, scratchLength);
        final int length = digest.getDigestLength();
        try
        {
            digest.digest(rawDigest, 0, length);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException("digest buffer too small", ex);
        }
        for (int i = 0; i < length; i++)
        {
            hexOut[2 * i] = HEX[(rawDigest[i] >> 4) & 0xF];
            hexOut[2 * i + 1] = HEX[rawDigest[i] & 0xF];
        }
        hexLength = 2 * length;
    }

    private void writeHex8(final long value)
    {
        for (int i = 0; i < 8; i++)
        {
            ncHex[i] = HEX[(int)(value >>> (28 - 4 * i)) & 0xF];
        }
    }

    private int render(final MutableDirectBuffer buffer, final int offset, final int capacity, final boolean mask)
    {
        final DigestHeaderWriter w = writer.wrap(buffer, offset, capacity);
        w.text("Digest username=").quoted(user, userLength);
        w.text(", realm=").quoted(realm, realmLength);
        w.text(", nonce=").quoted(nonce, nonceLength);
        w.text(", uri=").quoted(uri, uriLength);
        w.text(", response=\"");
        if (mask)
        {
            w.text(MASK);
        }
        else
        {
            w.raw(response, hexLength);
        }
        w.text("\", algorithm=").text(DigestChallenge.algorithmName(algorithm));
        final boolean sess = algorithm == DigestChallenge.MD5_SESS || algorithm == DigestChallenge.SHA_256_SESS;
        if (qopAuth || sess)
        {
            w.text(", cnonce=").quoted(cnonce, cnonceLength);
        }
        if (opaqueLength >= 0)
        {
            w.text(", opaque=").quoted(opaque, opaqueLength);
        }
        if (qopAuth)
        {
            w.text(", qop=auth, nc=").raw(ncHex, ncHex.length);
        }
        return w.fits ? w.position - offset : DOES_NOT_FIT;
    }


    private static boolean isAscii(final CharSequence text)
    {
        if (text.length() > MAX_FIELD_LENGTH)
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    private static int copyAscii(final CharSequence text, final byte[] target)
    {
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            target[i] = (byte)text.charAt(i);
        }
        return length;
    }

    private static boolean sameBytes(final byte[] a, final byte[] b, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Never shows the password or the response (SPEC R-BAD-5).
     *
     * @return a summary for traces (allocates; not for the duty cycle).
     */
    @Override
    public String toString()
    {
        return "DigestAuthenticator{algorithm=" + DigestChallenge.algorithmName(algorithm) + ", qopAuth=" + qopAuth +
            ", nc=" + nc + ", credentials=" + (userLength >= 0 ? "set" : "unset") + "}";
    }
}
