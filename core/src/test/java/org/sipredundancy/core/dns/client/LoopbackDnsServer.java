package org.sipredundancy.core.dns.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A test DNS server on 127.0.0.1 for the real-host tests: a UDP socket and a TCP listener on the same port, each
 * served by its own thread, answering with whatever bytes the test's responder crafts (the responder is told the
 * query and whether it came over TCP, and returns the datagrams or TCP messages to send back, possibly none).
 */
final class LoopbackDnsServer implements AutoCloseable
{
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final BiFunction<byte[], Boolean, List<byte[]>> responder;
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final Thread udpThread;
    private final Thread tcpThread;

    LoopbackDnsServer(final BiFunction<byte[], Boolean, List<byte[]>> responder) throws IOException
    {
        this.responder = responder;
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        DatagramSocket boundUdp = null;
        ServerSocket boundTcp = null;
        for (int attempt = 0; attempt < 20 && boundTcp == null; attempt++)
        {
            boundUdp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try
            {
                boundTcp = new ServerSocket();
                boundTcp.bind(new InetSocketAddress(loopback, boundUdp.getLocalPort()));
            }
            catch (final IOException ex)
            {
                boundTcp = null;
                boundUdp.close();
            }
        }
        if (boundTcp == null)
        {
            throw new IOException("no free loopback port for both UDP and TCP");
        }
        udp = boundUdp;
        tcp = boundTcp;
        udpThread = new Thread(this::serveUdp, "loopback-dns-udp");
        tcpThread = new Thread(this::serveTcp, "loopback-dns-tcp");
        udpThread.setDaemon(true);
        tcpThread.setDaemon(true);
        udpThread.start();
        tcpThread.start();
    }

    int port()
    {
        return udp.getLocalPort();
    }

    int udpQueries()
    {
        return udpQueries.get();
    }

    int tcpQueries()
    {
        return tcpQueries.get();
    }

    private void serveUdp()
    {
        final byte[] buffer = new byte[4096];
        try
        {
            while (!udp.isClosed())
            {
                final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                udpQueries.incrementAndGet();
                final byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
                for (final byte[] reply : responder.apply(query, false))
                {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            }
        }
        catch (final IOException ex)
        {
            // closed
        }
    }

    private void serveTcp()
    {
        try
        {
            while (!tcp.isClosed())
            {
                try (Socket socket = tcp.accept())
                {
                    final DataInputStream in = new DataInputStream(socket.getInputStream());
                    final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    final byte[] query = new byte[in.readUnsignedShort()];
                    in.readFully(query);
                    tcpQueries.incrementAndGet();
                    for (final byte[] reply : responder.apply(query, true))
                    {
                        out.writeShort(reply.length);
                        out.write(reply);
                    }
                    out.flush();
                    socket.shutdownOutput();
                    in.read();
                }
                catch (final SocketException ex)
                {
                    // peer went away
                }
            }
        }
        catch (final IOException ex)
        {
            // closed
        }
    }

    @Override
    public void close() throws IOException
    {
        udp.close();
        tcp.close();
        try
        {
            udpThread.join(2000);
            tcpThread.join(2000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
