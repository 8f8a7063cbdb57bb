package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Transport;

/**
 * A {@link SimTrace} that writes one readable line per happening, optionally followed by the bytes of each sent
 * message: the raw material of SIP ladders and of determinism tests, which compare two runs' text byte for byte.
 * <pre>
 *   000012.345678 UDP 10.0.0.1:5060 &gt; 10.0.0.2:5060 SENT 123 bytes
 *       REGISTER sip:example.com SIP/2.0
 *       ...
 *   000012.355678 UDP 10.0.0.1:5060 &gt; 10.0.0.2:5060 DELIVERED 123 bytes
 *   seconds.micros transport source &gt; destination happening [length]
 * </pre>
 * Payload lines are indented by four spaces (empty ones stay empty); CR is dropped and other bytes outside
 * printable ASCII show as '.'.
 * Allocates as its text grows: for tests and tools, not for long runs. Not thread safe.
 */
public final class TextSimTrace implements SimTrace
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final String PAYLOAD_INDENT = "    ";

    private final StringBuilder text = new StringBuilder(4096);
    private final boolean withPayload;
    private long happeningCount;

    /**
     * A trace of header lines only.
     */
    public TextSimTrace()
    {
        this(false);
    }

    /**
     * @param withPayload whether each {@link SimHappening#SENT} line is followed by the message's bytes.
     */
    public TextSimTrace(final boolean withPayload)
    {
        this.withPayload = withPayload;
    }

    /**
     * {@inheritDoc}
     */
    public void onHappening(
        final int happening,
        final long timeNs,
        final int transport,
        final int sourceAddress,
        final int sourcePort,
        final int destinationAddress,
        final int destinationPort,
        final DirectBuffer payload,
        final int length)
    {
        happeningCount++;
        appendTime(timeNs);
        text.append(' ').append(Transport.name(transport)).append(' ');
        Ipv4.append(sourceAddress, text).append(':').append(sourcePort).append(" > ");
        Ipv4.append(destinationAddress, text).append(':').append(destinationPort).append(' ');
        text.append(SimHappening.name(happening));
        if (SimHappening.isMessage(happening))
        {
            text.append(' ').append(length).append(" bytes");
        }
        text.append('\n');
        if (withPayload && happening == SimHappening.SENT && length > 0)
        {
            appendPayload(payload, length);
        }
    }

    /**
     * Append the whole trace so far.
     *
     * @param out where to append.
     * @return {@code out}.
     */
    public StringBuilder appendTo(final StringBuilder out)
    {
        return out.append(text);
    }

    /**
     * @return the number of happenings traced.
     */
    public long happeningCount()
    {
        return happeningCount;
    }

    /**
     * Forget everything traced so far.
     */
    public void clear()
    {
        text.setLength(0);
        happeningCount = 0;
    }

    /**
     * @return the whole trace so far, one line per happening, each ending in a newline.
     */
    public String toString()
    {
        return text.toString();
    }

    private void appendTime(final long timeNs)
    {
        appendPadded(timeNs / NANOS_PER_SECOND, 6);
        text.append('.');
        appendPadded((timeNs % NANOS_PER_SECOND) / NANOS_PER_MICRO, 6);
    }

    private void appendPadded(final long value, final int width)
    {
        long limit = 10;
        for (int digits = 1; digits < width; digits++)
        {
            if (value < limit)
            {
                text.append('0');
            }
            limit *= 10;
        }
        text.append(value);
    }

    private void appendPayload(final DirectBuffer payload, final int length)
    {
        boolean lineOpen = false;
        for (int i = 0; i < length; i++)
        {
            final byte b = payload.getByte(i);
            if (b == '\n')
            {
                text.append('\n');
                lineOpen = false;
            }
            else if (b != '\r')
            {
                if (!lineOpen)
                {
                    text.append(PAYLOAD_INDENT);
                    lineOpen = true;
                }
                text.append(b >= 0x20 && b < 0x7F ? (char)b : '.');
            }
        }
        if (lineOpen)
        {
            text.append('\n');
        }
    }
}
