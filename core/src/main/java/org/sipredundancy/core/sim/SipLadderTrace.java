package org.sipredundancy.core.sim;

import org.agrona.DirectBuffer;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.SimHappening;
import org.sipredundancy.hal.sim.SimTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SIP ladder of one phone, seen on the wire: every SIP message the phone sends or a server sends it, every
 * connection refused and every ICMP unreachable, one line each with its virtual time. Unlike a server's own
 * {@link SimSipServer#ladderText()} it shows what went to a dead server too — the retransmissions that make a
 * failover. DNS traffic is left to the event stream. Formatting allocates: for tests and the CLI. Another trace
 * (a pcap file) may be chained behind it.
 */
public final class SipLadderTrace implements SimTrace
{
    private static final int DNS_PORT = 53;

    private final int phone;
    private final SimTrace next;
    private final List<String> lines = new ArrayList<>();

    /**
     * @param phone the phone's IPv4 address.
     * @param next  a trace that also receives every happening; {@link SimTrace#NONE} for none.
     */
    public SipLadderTrace(final int phone, final SimTrace next)
    {
        this.phone = phone;
        this.next = next;
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
        next.onHappening(happening, timeNs, transport, sourceAddress, sourcePort, destinationAddress,
            destinationPort, payload, length);
        if (sourcePort == DNS_PORT || destinationPort == DNS_PORT ||
            (sourceAddress != phone && destinationAddress != phone))
        {
            return;
        }
        final String what;
        if (happening == SimHappening.SENT && length > 0)
        {
            what = describe(payload, length);
        }
        else if (happening == SimHappening.ICMP_UNREACHABLE)
        {
            what = "ICMP port unreachable";
        }
        else if (happening == SimHappening.REFUSED)
        {
            what = "connection refused";
        }
        else
        {
            return;
        }
        final boolean out = sourceAddress == phone;
        final int peer = out ? destinationAddress : sourceAddress;
        final int peerPort = out ? destinationPort : sourcePort;
        final long millis = timeNs / 1_000_000L;
        lines.add(String.format(Locale.ROOT, "%6d.%03ds  phone %s %s:%d  %s", millis / 1000, millis % 1000,
            out ? "->" : "<-", Ipv4.toString(peer), peerPort, what));
    }

    private static String describe(final DirectBuffer payload, final int length)
    {
        final String text = payload.getStringWithoutLengthAscii(0, Math.min(length, 2048));
        final int end = text.indexOf("\r\n");
        String first = end < 0 ? text : text.substring(0, end);
        if (first.startsWith("SIP/2.0 "))
        {
            first = first.substring("SIP/2.0 ".length());
        }
        else if (first.endsWith(" SIP/2.0"))
        {
            first = first.substring(0, first.length() - " SIP/2.0".length());
        }
        final String cseq = header(text, "CSeq");
        return cseq.isEmpty() ? first : first + " (CSeq " + cseq + ")";
    }

    private static String header(final String text, final String name)
    {
        final int at = text.indexOf("\r\n" + name + ":");
        if (at < 0)
        {
            return "";
        }
        final int start = at + name.length() + 3;
        final int end = text.indexOf("\r\n", start);
        return text.substring(start, end < 0 ? text.length() : end).trim();
    }

    /**
     * @return the ladder so far, one line per message.
     */
    public List<String> lines()
    {
        return List.copyOf(lines);
    }

    /**
     * @return the ladder so far, each line ending in a line feed.
     */
    public String text()
    {
        final StringBuilder out = new StringBuilder();
        for (final String line : lines)
        {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
