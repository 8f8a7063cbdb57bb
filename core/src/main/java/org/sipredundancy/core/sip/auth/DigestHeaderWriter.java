package org.sipredundancy.core.sip.auth;

import org.agrona.MutableDirectBuffer;

/** Writes ASCII into a bounded region and remembers whether everything fitted: the digest header's writer. */
final class DigestHeaderWriter
{
    private MutableDirectBuffer buffer;
    int position;
    private int limit;
    boolean fits;

    DigestHeaderWriter wrap(final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        this.buffer = buffer;
        position = offset;
        limit = offset + capacity;
        fits = true;
        return this;
    }

    DigestHeaderWriter text(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            put((byte)text.charAt(i));
        }
        return this;
    }

    DigestHeaderWriter raw(final byte[] source, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            put(source[i]);
        }
        return this;
    }

    DigestHeaderWriter quoted(final byte[] source, final int length)
    {
        put((byte)'"');
        for (int i = 0; i < length; i++)
        {
            final byte b = source[i];
            if (b == '"' || b == '\\')
            {
                put((byte)'\\');
            }
            put(b);
        }
        put((byte)'"');
        return this;
    }

    private void put(final byte b)
    {
        if (position < limit && position < buffer.capacity())
        {
            buffer.putByte(position, b);
            position++;
        }
        else
        {
            fits = false;
        }
    }
}
