package org.sipredundancy.core.scenario;

import org.agrona.DirectBuffer;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.SimHappening;
import org.sipredundancy.hal.sim.SimTrace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Properties of the phone's traffic checked packet by packet on the wire, independently of the phone's own state:
 * CSeq never goes down within a Call-ID, and no new request goes to a server inside the Retry-After of a 503 it
 * sent (R-SIP-3). Violations are collected with their time, for the fault run to report.
 */
final class WireChecks implements SimTrace
{
    private final int phone;
    private final Map<String, Long> lastCseq = new HashMap<>();
    private final Set<String> sent = new HashSet<>();
    private final Map<Integer, Long> retryAfterUntilNs = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long requests;

    WireChecks(final int phone)
    {
        this.phone = phone;
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
        if (happening != SimHappening.SENT || length == 0 || sourcePort == 53 || destinationPort == 53)
        {
            return;
        }
        final String text = payload.getStringWithoutLengthAscii(0, Math.min(length, 4096));
        final String callId = header(text, "Call-ID");
        final String[] cseq = header(text, "CSeq").split(" ");
        if (callId.isEmpty() || cseq.length != 2)
        {
            return;
        }
        final long number = Long.parseLong(cseq[0]);
        if (sourceAddress == phone && !text.startsWith("SIP/2.0"))
        {
            onRequest(timeNs, destinationAddress, callId, number, cseq[1]);
        }
        else if (destinationAddress == phone && text.startsWith("SIP/2.0 503"))
        {
            final String retryAfter = header(text, "Retry-After");
            if (!retryAfter.isEmpty())
            {
                final long seconds = Long.parseLong(retryAfter.split(" ")[0]);
                retryAfterUntilNs.put(sourceAddress, timeNs + seconds * 1_000_000_000L);
            }
        }
    }

    private void onRequest(
        final long timeNs, final int server, final String callId, final long cseq, final String method)
    {
        requests++;
        final Long previous = lastCseq.get(callId);
        if (previous != null && cseq < previous)
        {
            violations.add(at(timeNs) + "CSeq went down in " + callId + ": " + previous + " then " + cseq);
        }
        lastCseq.put(callId, Math.max(cseq, previous == null ? cseq : previous));
        final String key = callId + "/" + cseq + "/" + method + "/" + server;
        final boolean fresh = sent.add(key);
        final Long until = retryAfterUntilNs.get(server);
        if (fresh && !"ACK".equals(method) && until != null && timeNs < until)
        {
            violations.add(at(timeNs) + method + " to " + Ipv4.toString(server) + " inside its Retry-After");
        }
    }

    private static String at(final long timeNs)
    {
        return timeNs / 1_000_000 + " ms: ";
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

    List<String> violations()
    {
        return violations;
    }

    long requests()
    {
        return requests;
    }
}
