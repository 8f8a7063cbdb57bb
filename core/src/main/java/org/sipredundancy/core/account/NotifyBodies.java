package org.sipredundancy.core.account;

import org.agrona.DirectBuffer;
import org.sipredundancy.hal.LampState;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a lamp needs from a NOTIFY body, in place and without allocating: the state of the first dialog of an
 * RFC 4235 dialog-info document (BLF), and the new-message count of an RFC 3842 message summary (MWI). Anything
 * unreadable reads as "nothing going on".
 */
final class NotifyBodies
{
    private static final byte[] STATE = "<state".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONFIRMED = "confirmed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EARLY = "early".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROCEEDING = "proceeding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRYING = "trying".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WAITING = "Messages-Waiting:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VOICE = "Voice-Message:".getBytes(StandardCharsets.US_ASCII);

    private NotifyBodies()
    {
    }

    /**
     * @return the BLF lamp for a dialog-info body: on while the extension is in a call, fast flashing while it rings
     *     or dials, off when it has no dialog.
     */
    static int blfLamp(final DirectBuffer buffer, final int offset, final int length)
    {
        final int state = find(buffer, offset, offset + length, STATE);
        if (state < 0)
        {
            return LampState.OFF;
        }
        int at = state + STATE.length;
        final int end = offset + length;
        while (at < end && buffer.getByte(at) != '>')
        {
            at++;
        }
        at++;
        while (at < end && buffer.getByte(at) == ' ')
        {
            at++;
        }
        if (startsWith(buffer, at, end, CONFIRMED))
        {
            return LampState.ON;
        }
        return startsWith(buffer, at, end, EARLY) || startsWith(buffer, at, end, PROCEEDING) ||
            startsWith(buffer, at, end, TRYING) ? LampState.FLASHING_FAST : LampState.OFF;
    }

    /**
     * @return the new voice messages of a message summary: the first number of {@code Voice-Message: new/old}, or
     *     1 when only {@code Messages-Waiting: yes} says there are some, 0 otherwise.
     */
    static int newMessages(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        final int waiting = find(buffer, offset, end, WAITING);
        if (waiting < 0)
        {
            return 0;
        }
        int at = waiting + WAITING.length;
        while (at < end && buffer.getByte(at) == ' ')
        {
            at++;
        }
        if (at >= end || (buffer.getByte(at) | 0x20) != 'y')
        {
            return 0;
        }
        final int voice = find(buffer, offset, end, VOICE);
        if (voice < 0)
        {
            return 1;
        }
        at = voice + VOICE.length;
        while (at < end && buffer.getByte(at) == ' ')
        {
            at++;
        }
        int count = 0;
        while (at < end && buffer.getByte(at) >= '0' && buffer.getByte(at) <= '9' && count < 100_000)
        {
            count = count * 10 + buffer.getByte(at) - '0';
            at++;
        }
        return Math.max(count, 1);
    }

    private static int find(final DirectBuffer buffer, final int from, final int end, final byte[] text)
    {
        for (int i = from; i <= end - text.length; i++)
        {
            if (startsWith(buffer, i, end, text))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(final DirectBuffer buffer, final int at, final int end, final byte[] text)
    {
        if (end - at < text.length)
        {
            return false;
        }
        for (int j = 0; j < text.length; j++)
        {
            if (buffer.getByte(at + j) != text[j])
            {
                return false;
            }
        }
        return true;
    }
}
