package org.sipredundancy.core.scenario;

import org.agrona.DirectBuffer;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.SimHappening;
import org.sipredundancy.hal.sim.SimTrace;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests one host sends, as they are on the wire: time, destination, request line and the headers a routing
 * check needs (Route, To). For checks the ladder cannot make, such as the Route header of R-OBP-1.
 */
final class SentRequests implements SimTrace
{
    /**
     * One request.
     *
     * @param ms          virtual time in milliseconds.
     * @param destination where it went, {@code a.b.c.d:port}.
     * @param requestLine e.g. {@code REGISTER sip:yealink.pbx.com SIP/2.0}.
     * @param route       the Route header value, or empty.
     * @param to          the To header value.
     */
    record Request(long ms, String destination, String requestLine, String route, String to)
    {
        String method()
        {
            return requestLine.substring(0, requestLine.indexOf(' '));
        }
    }

    private final int host;
    private final List<Request> requests = new ArrayList<>();

    SentRequests(final int host)
    {
        this.host = host;
    }

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
        if (happening != SimHappening.SENT || sourceAddress != host || length == 0 || destinationPort == 53)
        {
            return;
        }
        final String text = payload.getStringWithoutLengthAscii(0, length);
        if (text.startsWith("SIP/2.0"))
        {
            return;
        }
        requests.add(new Request(timeNs / 1_000_000L, Ipv4.toString(destinationAddress) + ":" + destinationPort,
            text.substring(0, text.indexOf("\r\n")), header(text, "Route"), header(text, "To")));
    }

    private static String header(final String text, final String name)
    {
        final int at = text.indexOf("\r\n" + name + ": ");
        if (at < 0)
        {
            return "";
        }
        final int start = at + name.length() + 4;
        return text.substring(start, text.indexOf("\r\n", start));
    }

    /**
     * @param method a SIP method, e.g. {@code REGISTER}.
     * @return the requests of that method, in the order sent.
     */
    List<Request> of(final String method)
    {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    /**
     * @return every request, in the order sent.
     */
    List<Request> all()
    {
        return List.copyOf(requests);
    }
}
