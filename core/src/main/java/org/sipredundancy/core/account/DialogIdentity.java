package org.sipredundancy.core.account;

import org.sipredundancy.hal.RandomSource;

/**
 * A fresh Call-ID and From tag for a new dialog (RFC 3261 8.1.1.4, 19.3), written into the caller's builders from the
 * injected random source so that a simulation repeats them; shared by calls and subscriptions. Allocation-free.
 */
final class DialogIdentity
{
    private DialogIdentity()
    {
    }

    /**
     * @param random  the phone's random source.
     * @param host    the phone's address, the Call-ID's host part.
     * @param suffix  text between the random part and {@code @}, to tell dialog kinds apart in a trace; may be empty.
     * @param callId  receives the Call-ID.
     * @param fromTag receives the From tag.
     */
    static void fresh(
        final RandomSource random,
        final CharSequence host,
        final String suffix,
        final StringBuilder callId,
        final StringBuilder fromTag)
    {
        callId.setLength(0);
        appendHex(callId, random.nextLong());
        callId.append(suffix).append('@').append(host);
        fromTag.setLength(0);
        appendHex(fromTag, random.nextLong() >>> 32);
    }

    private static void appendHex(final StringBuilder out, final long value)
    {
        for (int shift = 60; shift >= 0; shift -= 4)
        {
            out.append(Character.forDigit((int)((value >>> shift) & 0xF), 16));
        }
    }
}
