package org.sipredundancy.core.sip.wire;

import org.agrona.DirectBuffer;

/**
 * The header fields the decoder knows by name, as small {@code int}s, so that a header found once while framing
 * is later looked up by number instead of by text. Names are case insensitive and the compact forms of RFC 3261
 * section 7.3.3 map to the same number as the long ones:
 * <pre>
 *   v Via   f From   t To   i Call-ID   m Contact   l Content-Length
 *   c Content-Type   k Supported   s Subject   e Content-Encoding
 * </pre>
 * Any other name is {@link #OTHER}; {@link SipMessageDecoder#findHeader(CharSequence)} still finds it by text.
 */
public final class SipHeaderName
{
    /** A name not in this list. */
    public static final int OTHER = 0;
    /** Via (v). */
    public static final int VIA = 1;
    /** From (f). */
    public static final int FROM = 2;
    /** To (t). */
    public static final int TO = 3;
    /** Call-ID (i). */
    public static final int CALL_ID = 4;
    /** Contact (m). */
    public static final int CONTACT = 5;
    /** Content-Length (l). */
    public static final int CONTENT_LENGTH = 6;
    /** Content-Type (c). */
    public static final int CONTENT_TYPE = 7;
    /** Supported (k). */
    public static final int SUPPORTED = 8;
    /** Subject (s). */
    public static final int SUBJECT = 9;
    /** Content-Encoding (e). */
    public static final int CONTENT_ENCODING = 10;
    /** CSeq. */
    public static final int CSEQ = 11;
    /** Expires. */
    public static final int EXPIRES = 12;
    /** Min-Expires. */
    public static final int MIN_EXPIRES = 13;
    /** Retry-After. */
    public static final int RETRY_AFTER = 14;
    /** Max-Forwards. */
    public static final int MAX_FORWARDS = 15;
    /** WWW-Authenticate. */
    public static final int WWW_AUTHENTICATE = 16;
    /** Proxy-Authenticate. */
    public static final int PROXY_AUTHENTICATE = 17;
    /** Authentication-Info. */
    public static final int AUTHENTICATION_INFO = 18;
    /** User-Agent. */
    public static final int USER_AGENT = 19;

    private static final String[] LONG_NAMES =
    {
        "", "Via", "From", "To", "Call-ID", "Contact", "Content-Length", "Content-Type", "Supported", "Subject",
        "Content-Encoding", "CSeq", "Expires", "Min-Expires", "Retry-After", "Max-Forwards", "WWW-Authenticate",
        "Proxy-Authenticate", "Authentication-Info", "User-Agent",
    };

    private static final String COMPACT = " vftimlckse";

    private SipHeaderName()
    {
    }

    /**
     * The long name of a header number, for encoders and traces. Returns a constant, so it does not allocate.
     *
     * @param name a constant of this class.
     * @return its long name, or {@code ""} for {@link #OTHER} and unknown numbers.
     */
    public static String name(final int name)
    {
        return name > 0 && name < LONG_NAMES.length ? LONG_NAMES[name] : LONG_NAMES[OTHER];
    }

    /**
     * Which header a name in a buffer is, compact or long, in any letter case.
     *
     * @param buffer holding the name.
     * @param index  of its first octet.
     * @param length of the name, without the colon or white space.
     * @return a constant of this class, {@link #OTHER} when none matches.
     */
    public static int lookup(final DirectBuffer buffer, final int index, final int length)
    {
        if (length == 1)
        {
            final int c = lower(buffer.getByte(index) & 0xFF);
            for (int n = 1; n < COMPACT.length(); n++)
            {
                if (COMPACT.charAt(n) == c)
                {
                    return n;
                }
            }
            return OTHER;
        }
        for (int n = 1; n < LONG_NAMES.length; n++)
        {
            if (equalsIgnoreCase(buffer, index, length, LONG_NAMES[n]))
            {
                return n;
            }
        }
        return OTHER;
    }

    /**
     * Compares a region of a buffer with ASCII text, ignoring letter case, without allocating.
     *
     * @param buffer holding the region.
     * @param index  of its first octet.
     * @param length of the region.
     * @param text   to compare with.
     * @return true when they are equal but for the case of letters.
     */
    public static boolean equalsIgnoreCase(
        final DirectBuffer buffer, final int index, final int length, final CharSequence text)
    {
        if (text.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            final int a = buffer.getByte(index + i) & 0xFF;
            final int b = text.charAt(i);
            if (a != b && lower(a) != lower(b))
            {
                return false;
            }
        }
        return true;
    }

    private static int lower(final int c)
    {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
