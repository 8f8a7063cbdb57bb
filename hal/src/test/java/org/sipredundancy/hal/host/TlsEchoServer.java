package org.sipredundancy.hal.host;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking JSSE echo server on 127.0.0.1: the TLS peer the host network's own engine code must interoperate with.
 * Records the server names clients asked for (SNI) and how many handshakes failed.
 */
final class TlsEchoServer implements AutoCloseable
{
    final List<String> requestedServerNames = new CopyOnWriteArrayList<>();
    final AtomicInteger failedHandshakes = new AtomicInteger();
    private final SSLServerSocket server;
    private final List<SSLSocket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    TlsEchoServer(final SSLContext context) throws IOException
    {
        server = (SSLServerSocket)context.getServerSocketFactory().createServerSocket(0, 50, EchoPeer.LOOPBACK);
        acceptor = new Thread(this::acceptConnections, "tls-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port()
    {
        return server.getLocalPort();
    }

    public void close() throws IOException
    {
        server.close();
        for (final SSLSocket socket : sockets)
        {
            socket.close();
        }
    }

    private void acceptConnections()
    {
        while (!server.isClosed())
        {
            try
            {
                final SSLSocket socket = (SSLSocket)server.accept();
                sockets.add(socket);
                final Thread thread = new Thread(() -> serve(socket), "tls-echo");
                thread.setDaemon(true);
                thread.start();
            }
            catch (final IOException ex)
            {
                // Closed at the end of the test.
            }
        }
    }

    private void serve(final SSLSocket socket)
    {
        try
        {
            socket.startHandshake();
        }
        catch (final IOException ex)
        {
            failedHandshakes.incrementAndGet();
            closeQuietly(socket);
            return;
        }
        final SSLSession session = socket.getSession();
        if (session instanceof ExtendedSSLSession)
        {
            for (final SNIServerName name : ((ExtendedSSLSession)session).getRequestedServerNames())
            {
                if (name instanceof SNIHostName)
                {
                    requestedServerNames.add(((SNIHostName)name).getAsciiName());
                }
            }
        }
        EchoPeer.echoStream(socket);
    }

    private static void closeQuietly(final SSLSocket socket)
    {
        try
        {
            socket.close();
        }
        catch (final IOException ex)
        {
            // Already failed; nothing to add.
        }
    }
}
