package org.sipredundancy.core.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.sip.auth.DigestAuthenticator;
import org.sipredundancy.core.sip.auth.DigestChallenge;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventHandler;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Network;
import org.sipredundancy.hal.Transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny SIP client for {@link SimSipServerTest}: it sends hand-written requests over UDP (or one TCP connection)
 * and keeps every message received, and answers digest challenges with the project's own
 * {@link DigestAuthenticator}.
 */
final class SipTestClient implements SimNode, InboundEventHandler
{
    static final String HOST = "pbx.test";

    final List<String> received = new ArrayList<>();
    private final InboundEventQueue queue = new InboundEventQueue(256, 8192);
    private final Network network;
    private final int address;
    private final int port;
    private final int server;
    private final int serverPort;
    private final int udp;
    private final DigestAuthenticator authenticator;
    private final DigestChallenge challenge = new DigestChallenge();
    private final StringBuilder stream = new StringBuilder();
    private int tcp = -1;
    private boolean connected;
    private final List<String> pendingTcp = new ArrayList<>();

    SipTestClient(final Simulation simulation, final int address, final int port, final int server,
        final int serverPort)
    {
        this.network = simulation.network().attach(address, queue);
        this.address = address;
        this.port = port;
        this.server = server;
        this.serverPort = serverPort;
        udp = network.openUdp(address, port);
        authenticator = new DigestAuthenticator(simulation.randomFor(77));
        simulation.add(this);
    }

    void credentials(final String user, final String password)
    {
        authenticator.credentials(user, password);
    }

    void send(final String message)
    {
        final byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        network.send(udp, server, serverPort, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    void sendBytes(final byte[] bytes)
    {
        network.send(udp, server, serverPort, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    void sendTcp(final String message)
    {
        if (tcp < 0)
        {
            tcp = network.connect(Transport.TCP, server, serverPort, null);
        }
        if (!connected)
        {
            pendingTcp.add(message);
            return;
        }
        final byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        network.send(tcp, 0, 0, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    String register(final String user, final String branch, final long cseq, final long expires,
        final String authorization)
    {
        return "REGISTER sip:" + HOST + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP " + Ipv4.toString(address) + ":" + port + ";branch=" + branch + ";rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:" + user + "@" + HOST + ">;tag=ft1\r\n" +
            "To: <sip:" + user + "@" + HOST + ">\r\n" +
            "Call-ID: reg-" + user + "@test\r\n" +
            "CSeq: " + cseq + " REGISTER\r\n" +
            "Contact: <sip:" + user + "@" + Ipv4.toString(address) + ":" + port + ">;expires=" + expires + "\r\n" +
            (authorization == null ? "" : "Authorization: " + authorization + "\r\n") +
            "Content-Length: 0\r\n\r\n";
    }

    String request(final String method, final String branch, final long cseq, final String callId)
    {
        return method + " sip:1001@" + HOST + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP " + Ipv4.toString(address) + ":" + port + ";branch=" + branch + "\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:2002@" + HOST + ">;tag=ft2\r\n" +
            "To: <sip:1001@" + HOST + ">\r\n" +
            "Call-ID: " + callId + "\r\n" +
            "CSeq: " + cseq + " " + method + "\r\n" +
            "Content-Length: 0\r\n\r\n";
    }

    /** Take the challenge of a 401 and answer it for a REGISTER to sip:pbx.test. */
    String answer(final String response)
    {
        final String value = header(response, "WWW-Authenticate");
        final byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        challenge.parse(new UnsafeBuffer(bytes), 0, bytes.length);
        authenticator.onChallenge(challenge);
        return authorizationAgain();
    }

    /** Answer the current challenge again (the next nc). */
    String authorizationAgain()
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
        final int length = authenticator.writeAuthorization("REGISTER", "sip:" + HOST, out, 0, 1024);
        return out.getStringWithoutLengthAscii(0, length);
    }

    DigestChallenge challenge()
    {
        return challenge;
    }

    String last()
    {
        return received.isEmpty() ? "" : received.get(received.size() - 1);
    }

    static int status(final String response)
    {
        return Integer.parseInt(response.substring(8, 11));
    }

    static String header(final String message, final String name)
    {
        for (final String line : message.split("\r\n"))
        {
            final int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name))
            {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
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
                received.add(event.buffer().getStringWithoutLengthAscii(0, event.length()));
                break;
            case InboundEvent.CONNECTED:
                connected = true;
                for (final String message : pendingTcp)
                {
                    final byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
                    network.send(tcp, 0, 0, new UnsafeBuffer(bytes), 0, bytes.length);
                }
                pendingTcp.clear();
                break;
            case InboundEvent.STREAM_DATA:
                stream.append(event.buffer().getStringWithoutLengthAscii(0, event.length()));
                splitStream();
                break;
            default:
                break;
        }
    }

    private void splitStream()
    {
        while (true)
        {
            final int end = stream.indexOf("\r\n\r\n");
            if (end < 0)
            {
                return;
            }
            final int length = Integer.parseInt(header(stream.substring(0, end), "Content-Length"));
            if (stream.length() < end + 4 + length)
            {
                return;
            }
            received.add(stream.substring(0, end + 4 + length));
            stream.delete(0, end + 4 + length);
        }
    }
}
