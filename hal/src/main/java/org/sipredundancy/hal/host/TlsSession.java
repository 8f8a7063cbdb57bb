package org.sipredundancy.hal.host;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The client side of one TLS connection over a non-blocking socket: an {@link SSLEngine} and the four buffers
 * it works between. It knows nothing of events or handles; the stream code feeds it bytes from the socket and
 * plaintext to send, calls {@link #advance(SocketChannel)}, and publishes what it decrypted.
 * <pre>
 *   socket --read--&gt;  netIn  --unwrap--&gt; appIn  --&gt; STREAM_DATA events
 *   socket &lt;--write-- netOut &lt;--wrap--  appOut &lt;-- send()
 * </pre>
 * All four buffers stay in write mode between calls. Handshake tasks run on the calling thread: a phone makes
 * few TLS connections, and a few milliseconds of certificate checking on the I/O thread is cheaper than another
 * thread. Not thread safe: I/O thread only.
 */
final class TlsSession
{
    private static final int WAIT = 0;
    private static final int MORE = 1;
    private static final int PLAINTEXT_FULL = 2;

    private final SSLEngine engine;
    private final ByteBuffer netIn;
    private final ByteBuffer netOut;
    private final ByteBuffer appIn;
    private final ByteBuffer appOut;
    private boolean started;
    private boolean established;
    private boolean inboundClosed;
    private boolean outboundClosed;

    private TlsSession(final SSLEngine engine, final int appOutCapacity)
    {
        this.engine = engine;
        final int packetSize = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocateDirect(packetSize);
        netOut = ByteBuffer.allocateDirect(packetSize);
        appIn = ByteBuffer.allocateDirect(engine.getSession().getApplicationBufferSize());
        appOut = ByteBuffer.allocateDirect(appOutCapacity);
    }

    /**
     * A client session that sends the server name as SNI and, when asked to verify, requires the server's
     * certificate to match it (the same check a browser makes).
     *
     * @param sslContext       whom to trust.
     * @param serverName       the server's name; null or empty for none (verification will then fail).
     * @param port             the server's port.
     * @param verifyServerName whether the certificate must match the name.
     * @param appOutCapacity   plaintext bytes the session may hold before encrypting them.
     * @return the session, not yet started.
     */
    static TlsSession client(
        final SSLContext sslContext,
        final CharSequence serverName,
        final int port,
        final boolean verifyServerName,
        final int appOutCapacity)
    {
        final String host = null == serverName || serverName.length() == 0 ? null : serverName.toString();
        final SSLEngine engine = sslContext.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        final SSLParameters parameters = engine.getSSLParameters();
        if (null != host)
        {
            try
            {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            catch (final IllegalArgumentException ex)
            {
                // Not a host name (an IP literal, say): SNI does not carry those, the handshake goes on without.
            }
        }
        if (verifyServerName)
        {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        engine.setSSLParameters(parameters);
        return new TlsSession(engine, appOutCapacity);
    }

    void begin() throws SSLException
    {
        started = true;
        engine.beginHandshake();
    }

    boolean isEstablished()
    {
        return established;
    }

    /**
     * @return whether the handshake has begun and not yet finished.
     */
    boolean isHandshaking()
    {
        return started && !established;
    }

    /**
     * @return whether the peer sent its close_notify.
     */
    boolean isInboundClosed()
    {
        return inboundClosed;
    }

    /**
     * @return whether encrypted bytes wait for the socket to take them (the caller should watch for writability).
     */
    boolean hasPendingOutput()
    {
        return netOut.position() > 0;
    }

    /**
     * @return plaintext waiting to be encrypted; the stream appends to it, in write mode.
     */
    ByteBuffer appOut()
    {
        return appOut;
    }

    /**
     * @return decrypted bytes, in write mode; the caller flips, publishes and clears it after each advance.
     */
    ByteBuffer appIn()
    {
        return appIn;
    }

    /**
     * Read what the socket has into the session.
     *
     * @param channel the socket.
     * @return bytes read, 0 when none (or no room until the session advances), -1 at end of stream.
     * @throws IOException when the socket fails.
     */
    int read(final SocketChannel channel) throws IOException
    {
        return channel.read(netIn);
    }

    /**
     * Do all the work that can be done now: write pending records, run handshake steps, encrypt pending
     * plaintext and decrypt received records.
     *
     * @param channel the socket.
     * @return true when it stopped because {@link #appIn()} is full: publish it and call again.
     * @throws IOException when the socket fails; an {@link SSLException} when the handshake or a record fails.
     */
    boolean advance(final SocketChannel channel) throws IOException
    {
        int step = MORE;
        while (step == MORE)
        {
            if (!flush(channel))
            {
                return false;
            }
            switch (engine.getHandshakeStatus())
            {
                case NEED_TASK:
                    runDelegatedTasks();
                    break;
                case NEED_WRAP:
                    step = wrap();
                    break;
                case NEED_UNWRAP:
                case NEED_UNWRAP_AGAIN:
                    step = unwrap();
                    break;
                default:
                    step = advanceEstablished();
                    break;
            }
        }
        return step == PLAINTEXT_FULL;
    }

    /**
     * Send close_notify if the session is up and the socket takes it at once; never fails.
     *
     * @param channel the socket, about to be closed.
     */
    void closeQuietly(final SocketChannel channel)
    {
        if (!established || outboundClosed)
        {
            return;
        }
        try
        {
            engine.closeOutbound();
            if (flush(channel))
            {
                wrap();
                flush(channel);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            // The socket is closed next whatever happens; a lost close_notify only costs the peer a log line.
        }
    }

    private int advanceEstablished() throws SSLException
    {
        if (appOut.position() > 0 && !outboundClosed)
        {
            return wrap();
        }
        if (netIn.position() > 0 && !inboundClosed)
        {
            return unwrap();
        }
        return WAIT;
    }

    private boolean flush(final SocketChannel channel) throws IOException
    {
        if (netOut.position() == 0)
        {
            return true;
        }
        netOut.flip();
        try
        {
            channel.write(netOut);
        }
        finally
        {
            netOut.compact();
        }
        return netOut.position() == 0;
    }

    private int wrap() throws SSLException
    {
        appOut.flip();
        final SSLEngineResult result;
        try
        {
            result = engine.wrap(appOut, netOut);
        }
        finally
        {
            appOut.compact();
        }
        noteHandshake(result);
        switch (result.getStatus())
        {
            case BUFFER_OVERFLOW:
                throw new SSLException("TLS record larger than the network buffer");
            case CLOSED:
                outboundClosed = true;
                return result.bytesProduced() > 0 ? MORE : WAIT;
            default:
                return result.bytesProduced() > 0 || result.bytesConsumed() > 0 ? MORE : WAIT;
        }
    }

    private int unwrap() throws SSLException
    {
        netIn.flip();
        final SSLEngineResult result;
        try
        {
            result = engine.unwrap(netIn, appIn);
        }
        finally
        {
            netIn.compact();
        }
        noteHandshake(result);
        switch (result.getStatus())
        {
            case BUFFER_UNDERFLOW:
                if (!netIn.hasRemaining())
                {
                    throw new SSLException("TLS record larger than the network buffer");
                }
                return WAIT;
            case BUFFER_OVERFLOW:
                if (appIn.position() == 0)
                {
                    throw new SSLException("TLS record larger than the application buffer");
                }
                return PLAINTEXT_FULL;
            case CLOSED:
                inboundClosed = true;
                return result.bytesConsumed() > 0 ? MORE : WAIT;
            default:
                return result.bytesProduced() > 0 || result.bytesConsumed() > 0 ? MORE : WAIT;
        }
    }

    private void noteHandshake(final SSLEngineResult result)
    {
        if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED)
        {
            established = true;
        }
    }

    private void runDelegatedTasks()
    {
        Runnable task;
        while (null != (task = engine.getDelegatedTask()))
        {
            task.run();
        }
    }
}
