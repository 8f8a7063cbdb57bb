package org.sipredundancy.core.sip.transport;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.sim.SimNode;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.TransportError;
import org.sipredundancy.hal.sim.SimNetwork;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated SIP server for the transport's tests: UDP and a TCP listener on one port. It answers every datagram
 * with a canned reply (or echoes it), echoes stream bytes when asked, and records what it got unless told not to
 * (the allocation test runs it silent, since it shares the measured thread).
 */
final class SipPeerNode implements SimNode, InboundEventHandler
{
    private final InboundEventQueue queue = new InboundEventQueue(256, 4096);
    private final UnsafeBuffer outbound = new UnsafeBuffer(new byte[65536]);
    private final Network network;
    private final int udpHandle;
    private final int listenerHandle;
    final List<String> datagrams = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream streamBytes = new ByteArrayOutputStream();
    boolean recording = true;
    boolean streamEcho;
    byte[] udpReply;
    int lastConnection = -1;
    int accepted;

    SipPeerNode(final SimNetwork simNetwork, final int address, final int port)
    {
        network = simNetwork.attach(address, queue);
        udpHandle = network.openUdp(address, port);
        listenerHandle = network.listenTcp(address, port);
    }

    public int doWork()
    {
        return queue.drain(this, Integer.MAX_VALUE);
    }

    public long nextDeadlineNs()
    {
        return Long.MAX_VALUE;
    }

    public void onInboundEvent(final InboundEvent event)
    {
        switch (event.type())
        {
            case InboundEvent.DATAGRAM:
                if (recording)
                {
                    datagrams.add(event.buffer().getStringWithoutLengthAscii(0, event.length()));
                }
                if (udpReply == null)
                {
                    network.send(udpHandle, event.remoteAddress(), event.remotePort(), event.buffer(), 0,
                        event.length());
                }
                else
                {
                    sendDatagram(event.remoteAddress(), event.remotePort(), udpReply);
                }
                break;
            case InboundEvent.CONNECTED:
                if (event.listenerHandle() == listenerHandle)
                {
                    accepted++;
                    lastConnection = event.handle();
                }
                record("connected");
                break;
            case InboundEvent.STREAM_DATA:
                if (recording)
                {
                    streamBytes.write(copy(event), 0, event.length());
                }
                if (streamEcho)
                {
                    network.send(event.handle(), 0, 0, event.buffer(), 0, event.length());
                }
                break;
            case InboundEvent.TRANSPORT_ERROR:
                record("error " + TransportError.name(event.cause()));
                break;
            default:
                break;
        }
    }

    int sendStream(final String text)
    {
        return sendStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    int sendStream(final byte[] bytes)
    {
        outbound.putBytes(0, bytes);
        return network.send(lastConnection, 0, 0, outbound, 0, bytes.length);
    }

    int sendDatagram(final int address, final int port, final byte[] bytes)
    {
        outbound.putBytes(0, bytes);
        return network.send(udpHandle, address, port, outbound, 0, bytes.length);
    }

    int connect(final int address, final int port)
    {
        lastConnection = network.connect(org.sipredundancy.hal.Transport.TCP, address, port, null);
        return lastConnection;
    }

    void closeConnection()
    {
        network.close(lastConnection);
    }

    String streamText()
    {
        return streamBytes.toString(StandardCharsets.US_ASCII);
    }

    private void record(final String event)
    {
        if (recording)
        {
            events.add(event);
        }
    }

    private static byte[] copy(final InboundEvent event)
    {
        final byte[] bytes = new byte[event.length()];
        event.buffer().getBytes(0, bytes);
        return bytes;
    }
}
