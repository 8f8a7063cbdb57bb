package org.sipredundancy.core.sip.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The bounded ASCII writer every encoder of this package writes through: once anything does not fit, nothing more
 * is written and {@link #finish} reports it, so an encoder can write its whole message without checking each step
 * and never writes past the capacity it was given.
 */
final class SipTextWriter
{
    /** What {@link #finish} returns when the message did not fit. */
    static final int DOES_NOT_FIT = -1;

    private MutableDirectBuffer buffer;
    private int start;
    private int position;
    private int limit;
    private boolean fits;

    SipTextWriter wrap(final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        this.buffer = buffer;
        start = offset;
        position = offset;
        limit = offset + Math.max(0, Math.min(capacity, buffer.capacity() - offset));
        fits = offset >= 0;
        return this;
    }

    int finish()
    {
        buffer = null;
        return fits ? position - start : DOES_NOT_FIT;
    }

    SipTextWriter text(final CharSequence value)
    {
        final int length = value.length();
        if (fits && length <= limit - position)
        {
            buffer.putStringWithoutLengthAscii(position, value);
            position += length;
        }
        else
        {
            fits = false;
        }
        return this;
    }

    SipTextWriter bytes(final DirectBuffer source, final int offset, final int length)
    {
        if (source == null || length <= 0)
        {
            return this;
        }
        if (fits && length <= limit - position)
        {
            buffer.putBytes(position, source, offset, length);
            position += length;
        }
        else
        {
            fits = false;
        }
        return this;
    }

    SipTextWriter number(final long value)
    {
        if (fits && value >= 0 && digits(value) <= limit - position)
        {
            position += buffer.putNaturalLongAscii(position, value);
        }
        else
        {
            fits = false;
        }
        return this;
    }

    private static int digits(final long value)
    {
        int count = 1;
        long rest = value / 10;
        while (rest > 0)
        {
            count++;
            rest /= 10;
        }
        return count;
    }
}
