package org.sipredundancy.core.dns;

import org.sipredundancy.core.dns.wire.DnsName;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable holder for one domain name in dotted ASCII without a trailing dot, e.g. {@code _sip._tcp.example.com},
 * so that names pass through the locator, the caches and the query port without allocation. Names are compared
 * case-insensitively (RFC 4343) and never otherwise changed: R-DNS-12 asks for names exactly as written. The
 * case-insensitive hash is kept up to date as the name is written, so a name is hashed once, not at every lookup,
 * and copying one holder into another is an array copy. Not thread safe.
 */
final class DomainName implements CharSequence
{
    /** Longest name kept, in characters. */
    static final int MAX_LENGTH = 255;

    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    /** Room a holder starts with: the names a phone meets ({@code _sip._udp.yealink.pbx.com}) fit many times. */
    static final int INITIAL_CAPACITY = 64;

    private byte[] chars = new byte[INITIAL_CAPACITY];
    private int length;
    private int hash = FNV_OFFSET;

    /**
     * Replace the name.
     *
     * @param name the new name: printable ASCII, at most {@link #MAX_LENGTH} characters.
     * @return false, leaving the name empty, when it is too long or holds another character.
     */
    boolean set(final CharSequence name)
    {
        if (name instanceof DomainName && name != this)
        {
            copyFrom((DomainName)name);
            return true;
        }
        clear();
        return append(name);
    }

    /**
     * Replace the name by a copy of another holder's, which is always valid.
     *
     * @param name the name to copy.
     */
    void copyFrom(final DomainName name)
    {
        ensureCapacity(name.length);
        System.arraycopy(name.chars, 0, chars, 0, name.length);
        length = name.length;
        hash = name.hash;
    }

    /**
     * Replace the name by a prefix and a name, e.g. {@code _sip._udp.} and a domain.
     *
     * @param prefix the first part.
     * @param name   the second part.
     * @return false, leaving the name empty, when the result would not fit or holds a bad character.
     */
    boolean set(final String prefix, final CharSequence name)
    {
        clear();
        return append(prefix) && append(name);
    }

    /**
     * A name longer than {@link #INITIAL_CAPACITY} makes the holder take room for the longest name at once: it grows
     * once in its life, so a phone's steady state, which meets the same names again, allocates nothing.
     */
    private void ensureCapacity(final int needed)
    {
        if (needed > chars.length)
        {
            chars = Arrays.copyOf(chars, MAX_LENGTH);
        }
    }

    private void clear()
    {
        length = 0;
        hash = FNV_OFFSET;
    }

    /**
     * Copy the text after what is held, then check and hash it from the array. A decoded name ({@link DnsName}) is
     * copied in one block: a per-character interface call was most of the cost of filling record sets from every DNS
     * answer. Other text is copied character by character, anything above {@code ~} as 0 so the check refuses it.
     */
    private boolean append(final CharSequence text)
    {
        final int count = text == null ? 0 : text.length();
        if (length + count > MAX_LENGTH)
        {
            clear();
            return false;
        }
        ensureCapacity(length + count);
        final byte[] into = chars;
        final int from = length;
        if (text instanceof DnsName)
        {
            ((DnsName)text).buffer().getBytes(0, into, from, count);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                final char c = text.charAt(i);
                into[from + i] = c > '~' ? 0 : (byte)c;
            }
        }
        return takeAppended(from, count);
    }

    /** Keep the {@code count} octets written at {@code from} when each is printable ASCII, hashing them in. */
    private boolean takeAppended(final int from, final int count)
    {
        final byte[] held = chars;
        int h = hash;
        for (int i = from, end = from + count; i < end; i++)
        {
            final byte c = held[i];
            if (c <= ' ' || c > '~')
            {
                clear();
                return false;
            }
            h = (h ^ lower((char)c)) * FNV_PRIME;
        }
        length = from + count;
        hash = h;
        return true;
    }

    /**
     * @return whether the name is the root, {@code .}, which SRV and NAPTR use for "nothing here".
     */
    boolean isRoot()
    {
        return length == 1 && chars[0] == '.';
    }

    /**
     * @return the same value as {@link #hashIgnoreCase(CharSequence)} of this name, without reading the name.
     */
    int hashIgnoreCase()
    {
        return hash;
    }

    /**
     * @param other another name.
     * @return whether the two are equal, ignoring ASCII case.
     */
    boolean equalsIgnoreCase(final CharSequence other)
    {
        if (other instanceof DomainName)
        {
            return equalsIgnoreCase((DomainName)other);
        }
        return equalsIgnoreCase(this, other);
    }

    /**
     * @param other another name, possibly null.
     * @return whether the two are equal, ignoring ASCII case.
     */
    boolean equalsIgnoreCase(final DomainName other)
    {
        if (other == null || other.length != length || other.hash != hash)
        {
            return false;
        }
        final byte[] left = chars;
        final byte[] right = other.chars;
        if (Arrays.equals(left, 0, length, right, 0, length))
        {
            return true;
        }
        for (int i = 0, n = length; i < n; i++)
        {
            final byte l = left[i];
            final byte r = right[i];
            if (l != r && lower((char)l) != lower((char)r))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param left  one name, possibly null.
     * @param right another name, possibly null.
     * @return whether both are present and equal, ignoring ASCII case.
     */
    static boolean equalsIgnoreCase(final CharSequence left, final CharSequence right)
    {
        if (left == null || right == null || left.length() != right.length())
        {
            return false;
        }
        for (int i = 0, n = left.length(); i < n; i++)
        {
            if (lower(left.charAt(i)) != lower(right.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param name a name.
     * @return a hash that equal names (ignoring ASCII case) share.
     */
    static int hashIgnoreCase(final CharSequence name)
    {
        if (name instanceof DomainName)
        {
            return ((DomainName)name).hash;
        }
        int h = FNV_OFFSET;
        for (int i = 0, n = name.length(); i < n; i++)
        {
            h = (h ^ lower(name.charAt(i))) * FNV_PRIME;
        }
        return h;
    }

    private static char lower(final char c)
    {
        return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
    }

    @Override
    public int length()
    {
        return length;
    }

    @Override
    public char charAt(final int index)
    {
        if (index < 0 || index >= length)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return (char)chars[index];
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString()
    {
        return new String(chars, 0, length, StandardCharsets.US_ASCII);
    }
}
