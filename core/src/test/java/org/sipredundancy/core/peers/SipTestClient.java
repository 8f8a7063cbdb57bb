package org.sipredundancy.core.peers;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.sip.auth.DigestAuthenticator;
import org.sipredundancy.core.sip.auth.DigestChallenge;
import org.sipredundancy.core.sip.wire.SipRequestEncoder;
import org.sipredundancy.hal.SplitMix64Random;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking test client built from the project's own REGISTER encoder and digest classes, over a plain UDP or TCP
 * socket on 127.0.0.1, used to prove the real-peer harness (it is not the SIP core under test).
 */
final class SipTestClient implements AutoCloseable
{
    private final String serverAddress;
    private final int serverPort;
    private final boolean tcp;
    private final DatagramSocket udpSocket;
    private final Socket tcpSocket;
    private final SipRequestEncoder encoder = new SipRequestEncoder();
    private final DigestAuthenticator authenticator = new DigestAuthenticator(new SplitMix64Random(42));
    private final DigestChallenge challenge = new DigestChallenge();
    private long cseq;
    private int branch;

    SipTestClient(final String serverAddress, final int serverPort, final boolean tcp, final String user)
        throws IOException
    {
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
        this.tcp = tcp;
        if (tcp)
        {
            udpSocket = null;
            tcpSocket = new Socket();
            tcpSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            tcpSocket.connect(new InetSocketAddress(InetAddress.getByName(serverAddress), serverPort), 2000);
            tcpSocket.setSoTimeout(3000);
        }
        else
        {
            tcpSocket = null;
            udpSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            udpSocket.setSoTimeout(3000);
        }
        encoder.transport(tcp ? "TCP" : "UDP").local("127.0.0.1", localPort()).registrarHost(serverAddress)
            .user(user).fromTag("tag" + localPort()).callId("call-" + localPort() + "@127.0.0.1")
            .userAgent("peer-harness-test");
    }

    int localPort()
    {
        return tcp ? tcpSocket.getLocalPort() : udpSocket.getLocalPort();
    }

    void timeoutMs(final int timeoutMs) throws IOException
    {
        if (tcp)
        {
            tcpSocket.setSoTimeout(timeoutMs);
        }
        else
        {
            udpSocket.setSoTimeout(timeoutMs);
        }
    }

    DigestChallenge challenge()
    {
        return challenge;
    }

    void credentials(final String authName, final String password)
    {
        authenticator.credentials(authName, password);
    }

    /** Send a REGISTER with the next CSeq, with an Authorization answering the last challenge when asked. */
    String register(final long expiresS, final boolean authorize) throws IOException
    {
        cseq++;
        branch++;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final int length = encoder.cseq(cseq).branch("b" + localPort() + "x" + branch).expiresS(expiresS)
            .encodeRegister(buffer, 0, buffer.capacity());
        String request = buffer.getStringWithoutLengthAscii(0, length);
        if (authorize)
        {
            final UnsafeBuffer value = new UnsafeBuffer(new byte[1024]);
            final int valueLength = authenticator.writeAuthorization("REGISTER", "sip:" + serverAddress, value, 0,
                value.capacity());
            if (valueLength <= 0)
            {
                throw new IllegalStateException("no Authorization written: " + valueLength);
            }
            final int at = request.indexOf("Content-Length:");
            request = request.substring(0, at) + "Authorization: " +
                value.getStringWithoutLengthAscii(0, valueLength) + "\r\n" + request.substring(at);
        }
        return exchange(request);
    }

    /** Parse the WWW-Authenticate of a 401 and hand it to the authenticator; returns the parse status. */
    int takeChallenge(final String response)
    {
        final String value = header(response, "WWW-Authenticate");
        final UnsafeBuffer buffer = new UnsafeBuffer(value.getBytes(StandardCharsets.US_ASCII));
        final int status = challenge.parse(buffer, 0, buffer.capacity());
        authenticator.onChallenge(challenge);
        return status;
    }

    /** Register with a challenge round: unauthenticated REGISTER, 401, answered REGISTER; returns both replies. */
    String[] registerWithChallenge(final long expiresS) throws IOException
    {
        final String first = register(expiresS, false);
        if (!first.startsWith("SIP/2.0 401"))
        {
            return new String[]{first, ""};
        }
        takeChallenge(first);
        return new String[]{first, register(expiresS, true)};
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

    String exchange(final String request) throws IOException
    {
        final byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        if (tcp)
        {
            tcpSocket.getOutputStream().write(bytes);
            tcpSocket.getOutputStream().flush();
            return readHeaders(tcpSocket.getInputStream());
        }
        udpSocket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(serverAddress), serverPort));
        return receive();
    }

    String receive() throws IOException
    {
        final DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
        udpSocket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    private static String readHeaders(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4)
        {
            final int octet = in.read();
            if (octet < 0)
            {
                throw new IOException("connection closed after " + out.size() + " bytes");
            }
            out.write(octet);
            matched = (octet == '\r' && (matched == 0 || matched == 2)) || (octet == '\n' && (matched == 1 ||
                matched == 3)) ? matched + 1 : (octet == '\r' ? 1 : 0);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException
    {
        if (tcp)
        {
            tcpSocket.close();
        }
        else
        {
            udpSocket.close();
        }
    }
}
