package org.sipredundancy.core.dns.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A reusable holder for a domain name in text form: lower-case, dotted, no trailing dot, the root as the empty
 * text. The decoder fills it from the wire (following compression pointers) so that the walker and the caches
 * can compare names with {@link #contentEquals(CharSequence)} and copy them without creating a {@code String}.
 * <p>
 * Octets that are not plain printable ASCII, and the characters that have a meaning in master files, are escaped
 * as master files (RFC 1035 section 5.1) and dnsjava do: {@code \DDD} for an octet at or below 0x20 or at or
 * above 0x7F, and a backslash before {@code . \ " ( ) ; @ $}. So a label holding a dot never reads as two labels.
 * <pre>
 *   wire:  | 7 | S I P - P B X | 7 | e x a m p l e | 3 | c o m | 0 |
 *   text:  "sip-pbx.example.com"                       length() = 19
 * </pre>
 * Not thread safe.
 */
public final class DnsName implements CharSequence
{
    /** Capacity in characters: every octet of the longest name escaped as {@code \DDD}. */
    public static final int CAPACITY = 4 * DnsHeader.MAX_NAME_OCTETS;

    /** Each octet as it appears in the text when it needs no escape (lower-cased), or 0 when it needs one. */
    static final byte[] PLAIN = new byte[256];

    static
    {
        for (int octet = 0x21; octet < 0x7F; octet++)
        {
            PLAIN[octet] = isSpecial(octet) ? 0 : (byte)lowerCase(octet);
        }
    }

    private final byte[] text = new byte[CAPACITY];
    private final UnsafeBuffer view = new UnsafeBuffer(text);
    private int length;

    /**
     * Empty the holder: the root name.
     */
    public void reset()
    {
        length = 0;
    }

    /**
     * Fill the holder from text, lower-cased, without a trailing dot. For set-up and tests: the text is taken as
     * it is (no escaping), and cut at {@link #CAPACITY}.
     *
     * @param name dotted text; characters above 0xFF keep their low eight bits.
     * @return this holder.
     */
    public DnsName set(final CharSequence name)
    {
        int end = name.length();
        if (end > 0 && name.charAt(end - 1) == '.')
        {
            end--;
        }
        end = Math.min(end, CAPACITY);
        for (int i = 0; i < end; i++)
        {
            text[i] = (byte)lowerCase(name.charAt(i) & 0xFF);
        }
        length = end;
        return this;
    }

    /**
     * The holder's characters, for {@link DnsNameReader} to fill in place: it writes every label of a name in one
     * pass, then sets {@link #length(int)}. The decoder has checked the name's length, so the text always fits.
     *
     * @return the backing array, {@link #CAPACITY} long.
     */
    byte[] text()
    {
        return text;
    }

    /**
     * Set the length once {@link DnsNameReader} has filled the text.
     *
     * @param length characters in the text.
     */
    void length(final int length)
    {
        this.length = length;
    }

    /**
     * Append one octet of a label as text: lower-cased when it is plain printable ASCII (one look-up in
     * {@link #PLAIN}), escaped as the class comment says otherwise.
     *
     * @param text  where to write.
     * @param at    where the character goes.
     * @param octet the octet, 0 to 255.
     * @return where the next character goes.
     */
    static int append(final byte[] text, final int at, final int octet)
    {
        final byte plain = PLAIN[octet];
        if (plain != 0)
        {
            text[at] = plain;
            return at + 1;
        }
        return appendEscaped(text, at, octet);
    }

    /**
     * Compare with dotted text, ignoring ASCII case and one trailing dot on the other side, without allocating.
     *
     * @param other a name such as {@code "_sip._tcp.Example.com."}.
     * @return whether both name the same text.
     */
    public boolean contentEquals(final CharSequence other)
    {
        int otherLength = other.length();
        if (otherLength > 0 && other.charAt(otherLength - 1) == '.')
        {
            otherLength--;
        }
        if (otherLength != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if ((text[i] & 0xFF) != lowerCase(other.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Copy the text into a buffer, for a cache entry that outlives this holder.
     *
     * @param buffer where to copy.
     * @param index  where the first character goes.
     * @return the number of octets copied, {@link #length()}.
     */
    public int copyTo(final MutableDirectBuffer buffer, final int index)
    {
        buffer.putBytes(index, text, 0, length);
        return length;
    }

    /**
     * The text as a buffer, valid until the holder is filled again: a zero-copy view for hashing or comparing
     * with text kept elsewhere.
     *
     * @return a view over {@link #length()} octets from index 0.
     */
    public DirectBuffer buffer()
    {
        return view;
    }

    /**
     * A hash of the text that does not allocate, for open-addressing caches keyed by name.
     *
     * @return a hash that is equal for holders of equal text.
     */
    public int contentHash()
    {
        int hash = 0x811C9DC5;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ text[i]) * 0x01000193;
        }
        return hash;
    }

    /**
     * {@inheritDoc}
     */
    public int length()
    {
        return length;
    }

    /**
     * {@inheritDoc}
     */
    public char charAt(final int index)
    {
        if (index < 0 || index >= length)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return (char)(text[index] & 0xFF);
    }

    /**
     * Allocates: for tests and diagnostics, not the duty cycle.
     * {@inheritDoc}
     */
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().subSequence(start, end);
    }

    /**
     * Allocates: for tests and diagnostics, not the duty cycle.
     *
     * @return the text.
     */
    public String toString()
    {
        return new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static int lowerCase(final int c)
    {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static int appendEscaped(final byte[] text, final int from, final int octet)
    {
        int at = from;
        text[at++] = '\\';
        if (octet <= 0x20 || octet >= 0x7F)
        {
            text[at++] = (byte)('0' + octet / 100);
            text[at++] = (byte)('0' + (octet / 10) % 10);
            text[at++] = (byte)('0' + octet % 10);
        }
        else
        {
            text[at++] = (byte)octet;
        }
        return at;
    }

    private static boolean isSpecial(final int octet)
    {
        switch (octet)
        {
            case '.':
            case '\\':
            case '"':
            case '(':
            case ')':
            case ';':
            case '@':
            case '$':
                return true;
            default:
                return false;
        }
    }
}
