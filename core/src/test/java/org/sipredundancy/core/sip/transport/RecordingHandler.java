package org.sipredundancy.core.sip.transport;

import org.agrona.AsciiSequenceView;
import org.agrona.DirectBuffer;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.TransportError;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes down, as lines of text, everything a transport hands up; optionally answers each message by handing it to
 * a reaction. Allocates freely: not for the allocation test.
 */
final class RecordingHandler implements SipMessageHandler
{
    final List<String> lines = new ArrayList<>();
    final List<String> bodies = new ArrayList<>();
    private final AsciiSequenceView view = new AsciiSequenceView();

    public void onSipMessage(
        final int flow, final int remoteAddress, final int remotePort, final SipMessageDecoder message,
        final long nowNs)
    {
        final String first;
        if (message.isRequest())
        {
            message.method(view);
            first = view.toString();
        }
        else
        {
            first = Integer.toString(message.statusCode());
        }
        message.callId(view);
        lines.add("message flow=" + flow + " from=" + Ipv4.toString(remoteAddress) + ":" + remotePort + " " + first +
            " call-id=" + view);
        final DirectBuffer buffer = view.buffer();
        bodies.add(buffer == null ? "" :
            buffer.getStringWithoutLengthAscii(message.bodyOffset(), message.bodyLength()));
    }

    public void onMalformed(
        final int flow, final int remoteAddress, final int remotePort, final DirectBuffer buffer, final int offset,
        final int length, final long nowNs)
    {
        lines.add("malformed flow=" + flow + " length=" + length);
    }

    public void onFlowFailure(final int flow, final int transportError, final long nowNs)
    {
        lines.add("failure flow=" + flow + " " + TransportError.name(transportError));
    }
}
