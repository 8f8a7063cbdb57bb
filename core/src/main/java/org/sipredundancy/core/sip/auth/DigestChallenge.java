package org.sipredundancy.core.sip.auth;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A reusable flyweight-style reader for the value of a WWW-Authenticate or Proxy-Authenticate header
 * (SPEC R-SIP-4): {@code Digest realm="..", nonce="..", opaque="..", algorithm=.., qop="auth,auth-int", stale=..}.
 * Parameters may come in any order with any linear white space; unknown parameters are skipped. Anything
 * malformed, too long or asking for an algorithm or qop this phone cannot answer gives a status code instead of an
 * exception, so junk from the network cannot break the duty cycle (SPEC R-BAD-2). Quoted values are unescaped and
 * copied into preallocated arrays, so the fields outlive the receive buffer and parsing does not allocate. Not
 * thread safe.
 */
public final class DigestChallenge
{
    /** The challenge is well formed and can be answered. */
    public static final int OK = 0;
    /** The scheme is not {@code Digest}. */
    public static final int NOT_DIGEST = 1;
    /** The parameter list does not follow {@code name=value *(, name=value)}, or a quoted value is broken. */
    public static final int MALFORMED = 2;
    /** An algorithm other than MD5, MD5-sess, SHA-256 or SHA-256-sess. */
    public static final int UNSUPPORTED_ALGORITHM = 3;
    /** A qop list that offers no {@code auth} (for example only {@code auth-int}). */
    public static final int UNSUPPORTED_QOP = 4;
    /** No realm or no nonce. */
    public static final int MISSING_PARAMETER = 5;
    /** A value longer than {@link #MAX_VALUE_LENGTH}. */
    public static final int VALUE_TOO_LONG = 6;

    /** RFC 2617 MD5, also the algorithm when the challenge names none. */
    public static final int MD5 = 0;
    /** RFC 2617 MD5-sess. */
    public static final int MD5_SESS = 1;
    /** RFC 7616 / RFC 8760 SHA-256. */
    public static final int SHA_256 = 2;
    /** RFC 7616 / RFC 8760 SHA-256-sess. */
    public static final int SHA_256_SESS = 3;

    /** The longest realm, nonce or opaque kept, in bytes after unescaping. */
    public static final int MAX_VALUE_LENGTH = 256;

    private static final String[] ALGORITHM_NAMES = {"MD5", "MD5-sess", "SHA-256", "SHA-256-sess"};

    private final byte[] realm = new byte[MAX_VALUE_LENGTH];
    private final byte[] nonce = new byte[MAX_VALUE_LENGTH];
    private final byte[] opaque = new byte[MAX_VALUE_LENGTH];
    private final byte[] scratch = new byte[MAX_VALUE_LENGTH];
    private final AsciiSequenceView realmView = new AsciiSequenceView();
    private final AsciiSequenceView nonceView = new AsciiSequenceView();
    private final AsciiSequenceView opaqueView = new AsciiSequenceView();
    private final UnsafeBuffer realmBuffer = new UnsafeBuffer(realm);
    private final UnsafeBuffer nonceBuffer = new UnsafeBuffer(nonce);
    private final UnsafeBuffer opaqueBuffer = new UnsafeBuffer(opaque);

    private int realmLength;
    private int nonceLength;
    private int opaqueLength = -1;
    private int algorithm;
    private boolean qopPresent;
    private boolean qopAuth;
    private boolean qopAuthInt;
    private boolean stale;
    private int status = MISSING_PARAMETER;

    private DirectBuffer buffer;
    private int position;
    private int end;
    private int valueLength;

    /**
     * Parse a header value in place; the previous fields are forgotten first, so one instance serves every
     * challenge of an account.
     *
     * @param buffer holds the header value (after the colon).
     * @param offset where the value starts.
     * @param length its length in bytes.
     * @return {@link #OK} or the first problem; also kept in {@link #status()}.
     */
    public int parse(final DirectBuffer buffer, final int offset, final int length)
    {
        reset();
        this.buffer = buffer;
        position = offset;
        end = offset + length;
        status = parseValue();
        this.buffer = null;
        return status;
    }

    private void reset()
    {
        realmLength = -1;
        nonceLength = -1;
        opaqueLength = -1;
        algorithm = MD5;
        qopPresent = false;
        qopAuth = false;
        qopAuthInt = false;
        stale = false;
    }

    private int parseValue()
    {
        skipSpaces();
        final int schemeStart = position;
        while (position < end && isTokenChar(buffer.getByte(position)))
        {
            position++;
        }
        if (!equalsIgnoreCase(schemeStart, position - schemeStart, "Digest"))
        {
            return NOT_DIGEST;
        }
        if (position < end && !isSpace(buffer.getByte(position)))
        {
            return NOT_DIGEST;
        }
        while (true)
        {
            skipSpaces();
            if (position >= end)
            {
                break;
            }
            if (buffer.getByte(position) == ',')
            {
                position++;
                continue;
            }
            final int paramStatus = parseParameter();
            if (paramStatus != OK)
            {
                return paramStatus;
            }
            skipSpaces();
            if (position < end && buffer.getByte(position) != ',')
            {
                return MALFORMED;
            }
        }
        return finish();
    }

    private int finish()
    {
        if (realmLength < 0 || nonceLength < 0)
        {
            return MISSING_PARAMETER;
        }
        if (qopPresent && !qopAuth)
        {
            return UNSUPPORTED_QOP;
        }
        realmView.wrap(realmBuffer, 0, realmLength);
        nonceView.wrap(nonceBuffer, 0, nonceLength);
        opaqueView.wrap(opaqueBuffer, 0, Math.max(0, opaqueLength));
        return OK;
    }

    private int parseParameter()
    {
        final int nameStart = position;
        while (position < end && isTokenChar(buffer.getByte(position)))
        {
            position++;
        }
        final int nameLength = position - nameStart;
        if (nameLength == 0)
        {
            return MALFORMED;
        }
        skipSpaces();
        if (position >= end || buffer.getByte(position) != '=')
        {
            return MALFORMED;
        }
        position++;
        skipSpaces();
        final int valueStatus = readValue();
        if (valueStatus != OK)
        {
            return valueStatus;
        }
        return apply(nameStart, nameLength);
    }

    private int apply(final int nameStart, final int nameLength)
    {
        if (equalsIgnoreCase(nameStart, nameLength, "realm"))
        {
            realmLength = copy(realm);
        }
        else if (equalsIgnoreCase(nameStart, nameLength, "nonce"))
        {
            nonceLength = copy(nonce);
        }
        else if (equalsIgnoreCase(nameStart, nameLength, "opaque"))
        {
            opaqueLength = copy(opaque);
        }
        else if (equalsIgnoreCase(nameStart, nameLength, "algorithm"))
        {
            algorithm = -1;
            for (int i = 0; i < ALGORITHM_NAMES.length; i++)
            {
                if (scratchEqualsIgnoreCase(0, valueLength, ALGORITHM_NAMES[i]))
                {
                    algorithm = i;
                }
            }
            if (algorithm < 0)
            {
                return UNSUPPORTED_ALGORITHM;
            }
        }
        else if (equalsIgnoreCase(nameStart, nameLength, "qop"))
        {
            parseQop();
        }
        else if (equalsIgnoreCase(nameStart, nameLength, "stale"))
        {
            stale = scratchEqualsIgnoreCase(0, valueLength, "true");
        }
        return OK;
    }

    private void parseQop()
    {
        qopPresent = true;
        int i = 0;
        while (i < valueLength)
        {
            while (i < valueLength && (scratch[i] == ',' || isSpace(scratch[i])))
            {
                i++;
            }
            final int start = i;
            while (i < valueLength && scratch[i] != ',' && !isSpace(scratch[i]))
            {
                i++;
            }
            if (scratchEqualsIgnoreCase(start, i - start, "auth"))
            {
                qopAuth = true;
            }
            else if (scratchEqualsIgnoreCase(start, i - start, "auth-int"))
            {
                qopAuthInt = true;
            }
        }
    }

    private int readValue()
    {
        valueLength = 0;
        if (position < end && buffer.getByte(position) == '"')
        {
            position++;
            while (position < end)
            {
                byte b = buffer.getByte(position++);
                if (b == '"')
                {
                    return OK;
                }
                if (b == '\\')
                {
                    if (position >= end)
                    {
                        return MALFORMED;
                    }
                    b = buffer.getByte(position++);
                }
                if (b < 0x20 && b != '\t' || b == 0x7F || b < 0)
                {
                    return MALFORMED;
                }
                if (valueLength == MAX_VALUE_LENGTH)
                {
                    return VALUE_TOO_LONG;
                }
                scratch[valueLength++] = b;
            }
            return MALFORMED;
        }
        while (position < end && isTokenChar(buffer.getByte(position)))
        {
            if (valueLength == MAX_VALUE_LENGTH)
            {
                return VALUE_TOO_LONG;
            }
            scratch[valueLength++] = buffer.getByte(position++);
        }
        return valueLength == 0 ? MALFORMED : OK;
    }

    private int copy(final byte[] target)
    {
        System.arraycopy(scratch, 0, target, 0, valueLength);
        return valueLength;
    }

    private void skipSpaces()
    {
        while (position < end && isSpace(buffer.getByte(position)))
        {
            position++;
        }
    }

    private static boolean isSpace(final byte b)
    {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean isTokenChar(final byte b)
    {
        return b > 0x20 && b < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(b) < 0;
    }

    private boolean equalsIgnoreCase(final int offset, final int length, final String expected)
    {
        if (length != expected.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (lower(buffer.getByte(offset + i)) != lower((byte)expected.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private boolean scratchEqualsIgnoreCase(final int offset, final int length, final String expected)
    {
        if (length != expected.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (lower(scratch[offset + i]) != lower((byte)expected.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static int lower(final byte b)
    {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /**
     * @return the status of the last {@link #parse}; the fields below are meaningful only when it is {@link #OK}.
     */
    public int status()
    {
        return status;
    }

    /**
     * @return the realm, unescaped; a view that the next {@link #parse} overwrites.
     */
    public CharSequence realm()
    {
        return realmView;
    }

    /**
     * @return the nonce, unescaped; a view that the next {@link #parse} overwrites.
     */
    public CharSequence nonce()
    {
        return nonceView;
    }

    /**
     * @return whether the challenge carried an opaque, which the answer must then echo.
     */
    public boolean hasOpaque()
    {
        return opaqueLength >= 0;
    }

    /**
     * @return the opaque, or empty; a view that the next {@link #parse} overwrites.
     */
    public CharSequence opaque()
    {
        return opaqueView;
    }

    /**
     * @return {@link #MD5}, {@link #MD5_SESS}, {@link #SHA_256} or {@link #SHA_256_SESS}.
     */
    public int algorithm()
    {
        return algorithm;
    }

    /**
     * The token for an algorithm code, as written back in the answer.
     *
     * @param algorithm a code of this class.
     * @return its RFC name; a constant, so no allocation.
     */
    public static String algorithmName(final int algorithm)
    {
        return ALGORITHM_NAMES[algorithm];
    }

    /**
     * @return whether a qop list was present; without it the answer uses the RFC 2069 legacy form.
     */
    public boolean qopPresent()
    {
        return qopPresent;
    }

    /**
     * @return whether the qop list offers {@code auth}, the protection this phone answers with.
     */
    public boolean qopAuth()
    {
        return qopAuth;
    }

    /**
     * @return whether the qop list offers {@code auth-int}; recorded for traces, never used to answer.
     */
    public boolean qopAuthInt()
    {
        return qopAuthInt;
    }

    /**
     * @return whether the server said the last nonce was stale, so a retry with the new nonce is not a failure.
     */
    public boolean stale()
    {
        return stale;
    }

    int realmBytes(final byte[] target)
    {
        System.arraycopy(realm, 0, target, 0, realmLength);
        return realmLength;
    }

    int nonceBytes(final byte[] target)
    {
        System.arraycopy(nonce, 0, target, 0, nonceLength);
        return nonceLength;
    }

    int opaqueBytes(final byte[] target)
    {
        if (opaqueLength > 0)
        {
            System.arraycopy(opaque, 0, target, 0, opaqueLength);
        }
        return opaqueLength;
    }

    /**
     * For traces; the challenge holds no secret.
     *
     * @return a readable summary (allocates; not for the duty cycle).
     */
    @Override
    public String toString()
    {
        return "DigestChallenge{status=" + status + ", realm=" + (status == OK ? realmView : "") +
            ", algorithm=" + (algorithm >= 0 ? ALGORITHM_NAMES[algorithm] : "?") + ", stale=" + stale + "}";
    }
}
