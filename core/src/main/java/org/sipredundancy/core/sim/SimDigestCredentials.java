package org.sipredundancy.core.sim;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The parameters of a client's {@code Authorization: Digest ...} header (RFC 7616 section 3.4), parsed leniently
 * for the simulated registrar: names in any letter case, quotes and backslash escapes removed. Garbage yields
 * absent or partial parameters, never an exception. Why bytes and not a map of strings: the registrar of a fleet
 * checks hundreds of thousands of answers per simulated day, and parsing each into strings was a tenth of the whole
 * simulation; the values are copied once into one scratch array and hashed from there.
 */
final class SimDigestCredentials
{
    /** The parameters the registrar reads. */
    enum Param
    {
        USERNAME, REALM, NONCE, URI, RESPONSE, ALGORITHM, CNONCE, QOP, NC;

        private static final Param[] ALL = values();

        static Param named(final byte[] text, final int start, final int length)
        {
            for (final Param param : ALL)
            {
                if (equalsIgnoreCase(text, start, length, param.name()))
                {
                    return param;
                }
            }
            return null;
        }
    }

    private static final int SCRATCH_BYTES = 2048;

    private final byte[] header = new byte[SCRATCH_BYTES];
    private final byte[] values = new byte[SCRATCH_BYTES];
    private final int[] starts = new int[Param.ALL.length];
    private final int[] lengths = new int[Param.ALL.length];
    private boolean digest;

    /**
     * Parse a header value.
     *
     * @param buffer holding the text after the colon.
     * @param offset of its first octet.
     * @param length of the value.
     * @return this.
     */
    SimDigestCredentials parse(final DirectBuffer buffer, final int offset, final int length)
    {
        Arrays.fill(lengths, -1);
        final int n = Math.min(length, SCRATCH_BYTES);
        buffer.getBytes(offset, header, 0, n);
        final int i = skip(0, n, false);
        digest = n - i >= 6 && equalsIgnoreCase(header, i, 6, "Digest") && (n - i == 6 || header[i + 6] == ' ');
        if (digest)
        {
            readParameters(i + 6, n);
        }
        return this;
    }

    private void readParameters(final int from, final int n)
    {
        int written = 0;
        int i = from;
        while (i < n)
        {
            i = skip(i, n, true);
            final int nameStart = i;
            while (i < n && header[i] != '=' && header[i] != ',')
            {
                i++;
            }
            if (i >= n || header[i] != '=')
            {
                continue;
            }
            final Param param = Param.named(header, nameStart, trimEnd(header, nameStart, i) - nameStart);
            i = skip(i + 1, n, false);
            final int valueStart = written;
            if (i < n && header[i] == '"')
            {
                i++;
                while (i < n && header[i] != '"')
                {
                    if (header[i] == '\\' && i + 1 < n)
                    {
                        i++;
                    }
                    values[written++] = header[i++];
                }
                i++;
            }
            else
            {
                while (i < n && header[i] != ',')
                {
                    values[written++] = header[i++];
                }
            }
            written = trimEnd(values, valueStart, written);
            if (param != null)
            {
                final int first = trimStart(values, valueStart, written);
                starts[param.ordinal()] = first;
                lengths[param.ordinal()] = written - first;
            }
        }
    }

    /**
     * @return whether the scheme was Digest.
     */
    boolean isDigest()
    {
        return digest;
    }

    /**
     * @param param a parameter.
     * @return its value, or empty when absent (allocates: for lookups by name).
     */
    String get(final Param param)
    {
        final int length = lengths[param.ordinal()];
        return length <= 0 ? "" : new String(values, starts[param.ordinal()], length, StandardCharsets.ISO_8859_1);
    }

    /**
     * @param param a parameter.
     * @return whether it was sent with a value that is not empty.
     */
    boolean has(final Param param)
    {
        return lengths[param.ordinal()] > 0;
    }

    /**
     * @param param      a parameter.
     * @param text       ASCII text.
     * @param ignoreCase whether letter case is ignored.
     * @return whether the parameter's value is the text (an absent parameter equals the empty text).
     */
    boolean is(final Param param, final String text, final boolean ignoreCase)
    {
        return matches(values, starts[param.ordinal()], Math.max(0, lengths[param.ordinal()]), text, ignoreCase);
    }

    /**
     * @param param  a parameter.
     * @param engine fed the parameter's value (nothing when absent).
     */
    void update(final Param param, final MessageDigest engine)
    {
        final int length = lengths[param.ordinal()];
        if (length > 0)
        {
            engine.update(values, starts[param.ordinal()], length);
        }
    }

    /**
     * @param param the parameter holding lower- or upper-case hex.
     * @param hex   lower-case hex digits.
     * @return whether they are the same digits, ignoring letter case.
     */
    boolean hexEquals(final Param param, final byte[] hex)
    {
        final int length = lengths[param.ordinal()];
        if (length != hex.length)
        {
            return false;
        }
        final int start = starts[param.ordinal()];
        for (int k = 0; k < length; k++)
        {
            if (lower(values[start + k]) != hex[k])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param param a parameter holding at most 8 hex digits (the nonce count).
     * @return its value, or -1 when absent, longer or not hex.
     */
    long hexValue(final Param param)
    {
        final int length = lengths[param.ordinal()];
        if (length <= 0 || length > 8)
        {
            return -1;
        }
        long value = 0;
        for (int k = starts[param.ordinal()], end = k + length; k < end; k++)
        {
            final int digit = Character.digit(values[k], 16);
            if (digit < 0)
            {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private int skip(final int from, final int n, final boolean commas)
    {
        int i = from;
        while (i < n && (isBlank(header[i]) || commas && header[i] == ','))
        {
            i++;
        }
        return i;
    }

    private static int trimStart(final byte[] bytes, final int start, final int end)
    {
        int s = start;
        while (s < end && isBlank(bytes[s]))
        {
            s++;
        }
        return s;
    }

    private static int trimEnd(final byte[] bytes, final int start, final int end)
    {
        int e = end;
        while (e > start && isBlank(bytes[e - 1]))
        {
            e--;
        }
        return e;
    }

    private static boolean isBlank(final byte b)
    {
        return b == ' ' || b == '\t';
    }

    private static boolean equalsIgnoreCase(final byte[] bytes, final int start, final int length, final String text)
    {
        return matches(bytes, start, length, text, true);
    }

    private static boolean matches(
        final byte[] bytes, final int start, final int length, final String text, final boolean ignoreCase)
    {
        if (length != text.length())
        {
            return false;
        }
        for (int k = 0; k < length; k++)
        {
            final byte b = bytes[start + k];
            final byte t = (byte)text.charAt(k);
            if (b != t && (!ignoreCase || lower(b) != lower(t)))
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
}
