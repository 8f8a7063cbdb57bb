package org.sipredundancy.core.sim;

import org.sipredundancy.hal.Ipv4;

import java.util.Locale;

/**
 * One SIP message in or out of a {@link SimSipServer}: a line of the ladder a test or the CLI's {@code demo}
 * prints to show what happened in virtual time.
 *
 * @param timeNs        the virtual time.
 * @param direction     in to the server or out of it.
 * @param localAddress  the server's address.
 * @param localPort     the server's port.
 * @param remoteAddress the peer's address.
 * @param remotePort    the peer's port.
 * @param transport     a {@link org.sipredundancy.hal.Transport} constant.
 * @param firstLine     the request line without its SIP version, or the status code and reason
 * @param cseq          the CSeq number, -1 when missing.
 * @param callId        the Call-ID, empty when missing.
 */
public record SimSipEvent(
    long timeNs,
    Direction direction,
    int localAddress,
    int localPort,
    int remoteAddress,
    int remotePort,
    int transport,
    String firstLine,
    long cseq,
    String callId)
{
    /**
     * Which way a message went, seen from the server.
     */
    public enum Direction
    {
        /** Received by the server. */
        IN,
        /** Sent by the server. */
        OUT
    }

    /**
     * Render the event as one ladder line, e.g.
     * {@code    12.500s  192.168.1.14 <- 10.0.0.2:5060  REGISTER sip:pbx.test (CSeq 2)}; deterministic (no
     * default locale).
     *
     * @return the line, without a line end.
     */
    public String line()
    {
        final long millis = timeNs / 1_000_000L;
        final String time = String.format(Locale.ROOT, "%5d.%03ds", millis / 1000, millis % 1000);
        return time + "  " + Ipv4.toString(localAddress) + (direction == Direction.IN ? " <- " : " -> ") +
            Ipv4.toString(remoteAddress) + ":" + remotePort + "  " + firstLine +
            (cseq >= 0 ? " (CSeq " + cseq + ")" : "");
    }
}
