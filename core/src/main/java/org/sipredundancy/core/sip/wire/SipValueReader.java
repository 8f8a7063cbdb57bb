package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;

/**
 * Reads inside one header value without copying: where a comma-separated element ends, a parameter's value,
 * a leading number. Quoted strings and angle brackets hide commas and semicolons, so a display name or a URI
 * parameter is not mistaken for a header parameter:
 * <pre>
 *   "Bob, Jr" &lt;sip:bob@pbx;transport=udp&gt;;tag=7a;expires=60 , &lt;sip:bob@10.0.0.2&gt;
 *   |------------ quoted / bracketed -------|-- params ------|   |-- next element --|
 * </pre>
 * CR and LF count as white space, since a folded value keeps its line ends. Package private: the decoder's
 * accessors are the public face.
 */
final class SipValueReader
{
    private static final int MAX_DIGITS = 10;
    /** RFC 3261 token characters, by octet: one load instead of a chain of comparisons on every header name. */
    private static final boolean[] TOKEN = new boolean[256];

    static
    {
        for (int c = 'a'; c <= 'z'; c++)
        {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (int c = '0'; c <= '9'; c++)
        {
            TOKEN[c] = true;
        }
        for (final char c : "-.!%*_+`'~".toCharArray())
        {
            TOKEN[c] = true;
        }
    }

    private DirectBuffer buffer;

    void wrap(final DirectBuffer buffer)
    {
        this.buffer = buffer;
    }

    static boolean isBlank(final byte b)
    {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    static boolean isToken(final byte b)
    {
        return TOKEN[b & 0xFF];
    }

    /**
     * Decimal digits filling a region exactly.
     *
     * @return the number, or -1 when the region is empty, holds a non-digit or more than ten digits.
     */
    /** Whether the bytes in [from, to) contain the text, compared exactly. */
    static boolean contains(final DirectBuffer buffer, final int from, final int to, final CharSequence text)
    {
        final int length = text.length();
        for (int i = from; i + length <= to; i++)
        {
            int k = 0;
            while (k < length && buffer.getByte(i + k) == text.charAt(k))
            {
                k++;
            }
            if (k == length)
            {
                return true;
            }
        }
        return false;
    }

    static long digits(final DirectBuffer buffer, final int from, final int to)
    {
        if (to <= from || to - from > MAX_DIGITS)
        {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    long leadingNumber(final int from, final int to)
    {
        int start = from;
        while (start < to && isBlank(buffer.getByte(start)))
        {
            start++;
        }
        int stop = start;
        while (stop < to && buffer.getByte(stop) >= '0' && buffer.getByte(stop) <= '9')
        {
            stop++;
        }
        return digits(buffer, start, stop);
    }

    int elementEnd(final int from, final int to)
    {
        return nextSeparator(from, to, (byte)',');
    }

    boolean param(final int from, final int to, final String name, final AsciiSequenceView view)
    {
        final int stop = elementEnd(from, to);
        int i = nextSemicolon(from, stop);
        while (i < stop)
        {
            final int nameStart = skipBlank(i + 1, stop);
            int nameEnd = nameStart;
            while (nameEnd < stop && isToken(buffer.getByte(nameEnd)))
            {
                nameEnd++;
            }
            if (SipHeaderName.equalsIgnoreCase(buffer, nameStart, nameEnd - nameStart, name))
            {
                final int after = skipBlank(nameEnd, stop);
                if (after < stop && buffer.getByte(after) == '=')
                {
                    wrapValue(skipBlank(after + 1, stop), stop, view);
                }
                else
                {
                    view.wrap(buffer, nameEnd, 0);
                }
                return true;
            }
            i = nextSemicolon(nameEnd, stop);
        }
        view.wrap(buffer, from, 0);
        return false;
    }

    private void wrapValue(final int start, final int stop, final AsciiSequenceView view)
    {
        if (start < stop && buffer.getByte(start) == '"')
        {
            int i = start + 1;
            while (i < stop && buffer.getByte(i) != '"')
            {
                i += buffer.getByte(i) == '\\' ? 2 : 1;
            }
            final int close = Math.min(i, stop);
            view.wrap(buffer, start + 1, close - start - 1);
            return;
        }
        int i = start;
        while (i < stop && buffer.getByte(i) != ';' && !isBlank(buffer.getByte(i)))
        {
            i++;
        }
        view.wrap(buffer, start, i - start);
    }

    private int nextSemicolon(final int from, final int stop)
    {
        return nextSeparator(from, stop, (byte)';');
    }

    /**
     * The index of the next separator outside quotes (with backslash escapes) and outside angle brackets, where a
     * URI may hold the same character; {@code stop} when there is none.
     */
    private int nextSeparator(final int from, final int stop, final byte separator)
    {
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = from; i < stop; i++)
        {
            final byte b = buffer.getByte(i);
            if (quoted)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    quoted = false;
                }
            }
            else if (b == '"')
            {
                quoted = true;
            }
            else if (b == '<')
            {
                bracketed = true;
            }
            else if (b == '>')
            {
                bracketed = false;
            }
            else if (b == separator && !bracketed)
            {
                return i;
            }
        }
        return stop;
    }

    private int skipBlank(final int from, final int stop)
    {
        int i = from;
        while (i < stop && isBlank(buffer.getByte(i)))
        {
            i++;
        }
        return i;
    }
}
