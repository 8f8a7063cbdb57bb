package org.sipredundancy.core.sip.wire;

import org.agrona.DirectBuffer;

/**
 * The request methods the phone acts on, as small {@code int}s so that state machines switch on them without
 * comparing text (SPEC R-SIP-5, R-SIP-6). Anything else is {@link #UNKNOWN} and answered 501 by the caller.
 */
public final class SipMethod
{
    /** A method this codec does not know. */
    public static final int UNKNOWN = 0;
    /** REGISTER. */
    public static final int REGISTER = 1;
    /** INVITE. */
    public static final int INVITE = 2;
    /** ACK. */
    public static final int ACK = 3;
    /** CANCEL. */
    public static final int CANCEL = 4;
    /** BYE. */
    public static final int BYE = 5;
    /** OPTIONS. */
    public static final int OPTIONS = 6;
    /** SUBSCRIBE. */
    public static final int SUBSCRIBE = 7;
    /** NOTIFY. */
    public static final int NOTIFY = 8;

    private static final String[] NAMES =
    {
        "UNKNOWN", "REGISTER", "INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "SUBSCRIBE", "NOTIFY",
    };

    private SipMethod()
    {
    }

    /**
     * The wire name of a method, for encoders, traces and tests. Returns a constant, so it does not allocate.
     *
     * @param method a constant of this class.
     * @return its name as written on the wire, or {@code "UNKNOWN"}.
     */
    public static String name(final int method)
    {
        return method > 0 && method < NAMES.length ? NAMES[method] : NAMES[UNKNOWN];
    }

    /**
     * Which method a token in a buffer names. Methods are case sensitive (RFC 3261 section 7.1).
     *
     * @param buffer holding the token.
     * @param index  of its first octet.
     * @param length of the token.
     * @return a constant of this class, {@link #UNKNOWN} when none matches.
     */
    public static int lookup(final DirectBuffer buffer, final int index, final int length)
    {
        for (int m = 1; m < NAMES.length; m++)
        {
            final String name = NAMES[m];
            if (name.length() == length && matches(buffer, index, name))
            {
                return m;
            }
        }
        return UNKNOWN;
    }

    private static boolean matches(final DirectBuffer buffer, final int index, final String name)
    {
        for (int i = 0; i < name.length(); i++)
        {
            if (buffer.getByte(index + i) != name.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
