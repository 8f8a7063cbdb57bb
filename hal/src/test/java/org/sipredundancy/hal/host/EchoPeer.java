package org.sipredundancy.hal.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP and TCP echo server on one port of 127.0.0.1, made of plain blocking java.net sockets on threads, so the
 * network under test meets a peer that shares none of its code.
 */
final class EchoPeer implements AutoCloseable
{
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private EchoPeer(final ServerSocket tcp, final DatagramSocket udp)
    {
        this.tcp = tcp;
        this.udp = udp;
        startThread("echo-udp", this::echoDatagrams);
        startThread("echo-accept", this::acceptConnections);
    }

    static EchoPeer start() throws IOException
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            final ServerSocket tcp = new ServerSocket(0, 50, LOOPBACK);
            try
            {
                final DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()));
                return new EchoPeer(tcp, udp);
            }
            catch (final SocketException ex)
            {
                tcp.close();
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    /**
     * @return a port of 127.0.0.1 on which nothing listened a moment ago, neither UDP nor TCP.
     */
    static int closedPort() throws IOException
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, LOOPBACK))
            {
                return tcp.getLocalPort();
            }
            catch (final IOException ex)
            {
                // The TCP side of that port was taken; try another.
            }
        }
        throw new IOException("no closed port found");
    }

    int port()
    {
        return tcp.getLocalPort();
    }

    public void close() throws IOException
    {
        running = false;
        tcp.close();
        udp.close();
        for (final Socket socket : connections)
        {
            socket.close();
        }
        try
        {
            for (final Thread thread : threads)
            {
                thread.join(2000);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void startThread(final String name, final Runnable body)
    {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void echoDatagrams()
    {
        final byte[] bytes = new byte[65535];
        while (running)
        {
            try
            {
                final DatagramPacket packet = new DatagramPacket(bytes, bytes.length);
                udp.receive(packet);
                udp.send(new DatagramPacket(bytes, packet.getLength(), packet.getSocketAddress()));
            }
            catch (final IOException ex)
            {
                // Closed at the end of the test, or one send failed; either way go round.
            }
        }
    }

    private void acceptConnections()
    {
        while (running)
        {
            try
            {
                final Socket socket = tcp.accept();
                connections.add(socket);
                startThread("echo-tcp", () -> echoStream(socket));
            }
            catch (final IOException ex)
            {
                // Closed at the end of the test.
            }
        }
    }

    static void echoStream(final Socket socket)
    {
        try (socket)
        {
            final InputStream in = socket.getInputStream();
            final OutputStream out = socket.getOutputStream();
            final byte[] bytes = new byte[8192];
            int read;
            while ((read = in.read(bytes)) > 0)
            {
                out.write(bytes, 0, read);
                out.flush();
            }
        }
        catch (final IOException ex)
        {
            // The network under test closed or reset the connection.
        }
    }
}
