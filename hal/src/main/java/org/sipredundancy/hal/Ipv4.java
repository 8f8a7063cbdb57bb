package org.sipredundancy.hal;

/**
 * IPv4 addresses as {@code int} in network order (first octet in the top byte), so that addresses pass through
 * the duty cycle without allocation. Parsing and formatting never throw.
 */
public final class Ipv4
{
    /** 127.0.0.1. */
    public static final int LOOPBACK = 0x7F000001;
    /** 0.0.0.0: bind to any local address. */
    public static final int ANY = 0;
    /** What {@link #parse(CharSequence)} returns for text that is not a dotted-quad address. */
    public static final long INVALID = -1L;

    private Ipv4()
    {
    }

    /**
     * Parse dotted-quad text ("192.168.1.14") without allocating.
     *
     * @param text the address text; leading zeros are accepted, anything else is not.
     * @return the address as an unsigned value in a long, or {@link #INVALID}.
     */
    public static long parse(final CharSequence text)
    {
        return parse(text, 0, text == null ? 0 : text.length());
    }

    /**
     * Parse dotted-quad text from a region of a character sequence.
     *
     * @param text   the characters.
     * @param start  index of the first character.
     * @param length number of characters.
     * @return the address as an unsigned value in a long, or {@link #INVALID}.
     */
    public static long parse(final CharSequence text, final int start, final int length)
    {
        if (text == null || length < 7 || length > 15)
        {
            return INVALID;
        }
        long address = 0;
        int octet = 0;
        int digits = 0;
        int dots = 0;
        for (int i = start, end = start + length; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c >= '0' && c <= '9')
            {
                octet = octet * 10 + (c - '0');
                digits++;
                if (octet > 255 || digits > 3)
                {
                    return INVALID;
                }
            }
            else if (c == '.' && digits > 0 && dots < 3)
            {
                address = (address << 8) | octet;
                octet = 0;
                digits = 0;
                dots++;
            }
            else
            {
                return INVALID;
            }
        }
        if (dots != 3 || digits == 0)
        {
            return INVALID;
        }
        return (address << 8) | octet;
    }

    /**
     * Append the dotted-quad form of an address without allocating.
     *
     * @param address the address.
     * @param out     where to append.
     * @return {@code out}.
     */
    public static StringBuilder append(final int address, final StringBuilder out)
    {
        out.append((address >>> 24) & 0xFF).append('.')
            .append((address >>> 16) & 0xFF).append('.')
            .append((address >>> 8) & 0xFF).append('.')
            .append(address & 0xFF);
        return out;
    }

    /**
     * The dotted-quad form of an address (allocates: for start-up, tests and tools).
     *
     * @param address the address.
     * @return e.g. "127.0.0.1".
     */
    public static String toString(final int address)
    {
        return append(address, new StringBuilder(15)).toString();
    }

    /**
     * Whether the address is in 127.0.0.0/8, the only range tests may send to.
     *
     * @param address the address.
     * @return true for loopback addresses.
     */
    public static boolean isLoopback(final int address)
    {
        return (address >>> 24) == 127;
    }
}
