package org.sipredundancy.hal.host;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Set-up of a {@link HostNetwork}: how much it may hold at once and whom it trusts. Every size is fixed here,
 * because the network allocates all of its buffers at construction and nothing afterwards.
 * <p>
 * Fluent setters, then {@link #conclude()} checks the values and resolves the TLS context.
 * Not thread safe: fill it on one thread before handing it to the network.
 */
public final class HostNetworkContext
{
    /** Default number of endpoints that can be open at once. */
    public static final int ENDPOINT_CAPACITY_DEFAULT = 64;
    /** Default number of outbound frames in flight to the I/O thread. */
    public static final int FRAME_POOL_SIZE_DEFAULT = 128;
    /**
     * Default bytes per outbound frame: the largest message one send can carry. 8 KiB holds any SIP request a
     * phone sends (an INVITE with SDP is 1–4 KiB) while keeping the pool at 1 MiB for small devices.
     */
    public static final int FRAME_CAPACITY_DEFAULT = 8192;
    /** Default bytes a stream may have accepted but not yet written to its socket. */
    public static final int STREAM_BUFFER_CAPACITY_DEFAULT = 128 * 1024;
    /** Default time a TCP or TLS connect may take, handshake included, in milliseconds. */
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = 10_000;
    /** Default type of a trust store file. */
    public static final String TRUST_STORE_TYPE_DEFAULT = "PKCS12";

    private int endpointCapacity = ENDPOINT_CAPACITY_DEFAULT;
    private int framePoolSize = FRAME_POOL_SIZE_DEFAULT;
    private int frameCapacity = FRAME_CAPACITY_DEFAULT;
    private int streamBufferCapacity = STREAM_BUFFER_CAPACITY_DEFAULT;
    private long connectTimeoutMs = CONNECT_TIMEOUT_MS_DEFAULT;
    private SSLContext sslContext;
    private Path trustStorePath;
    private char[] trustStorePassword;
    private String trustStoreType = TRUST_STORE_TYPE_DEFAULT;
    private boolean verifyServerName = true;
    private boolean startIoThread = true;
    private boolean concluded;

    /**
     * Check the values and resolve the TLS context: the one set, else one trusting the trust store, else the
     * JDK's default. Calling it again does nothing.
     *
     * @return this.
     * @throws IllegalStateException when a value is out of range or the trust store cannot be loaded.
     */
    public HostNetworkContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        requireAtLeast("endpointCapacity", endpointCapacity, 1);
        requireAtLeast("framePoolSize", framePoolSize, 1);
        requireAtLeast("frameCapacity", frameCapacity, 1);
        requireAtLeast("streamBufferCapacity", streamBufferCapacity, frameCapacity);
        if (connectTimeoutMs < 1)
        {
            throw new IllegalStateException("connectTimeoutMs must be >= 1: " + connectTimeoutMs);
        }
        if (null == sslContext)
        {
            sslContext = null != trustStorePath ? loadTrustStore() : defaultSslContext();
        }
        concluded = true;
        return this;
    }

    /**
     * @return most endpoints (sockets of any kind) open at once; handles are {@code [0, endpointCapacity)}.
     */
    public int endpointCapacity()
    {
        return endpointCapacity;
    }

    /**
     * @param endpointCapacity most endpoints open at once.
     * @return this.
     */
    public HostNetworkContext endpointCapacity(final int endpointCapacity)
    {
        this.endpointCapacity = endpointCapacity;
        return this;
    }

    /**
     * @return number of outbound frames; when all are in flight, sends are refused as back-pressured.
     */
    public int framePoolSize()
    {
        return framePoolSize;
    }

    /**
     * @param framePoolSize number of outbound frames.
     * @return this.
     */
    public HostNetworkContext framePoolSize(final int framePoolSize)
    {
        this.framePoolSize = framePoolSize;
        return this;
    }

    /**
     * @return bytes per outbound frame, the longest message one send accepts.
     */
    public int frameCapacity()
    {
        return frameCapacity;
    }

    /**
     * @param frameCapacity bytes per outbound frame.
     * @return this.
     */
    public HostNetworkContext frameCapacity(final int frameCapacity)
    {
        this.frameCapacity = frameCapacity;
        return this;
    }

    /**
     * @return bytes a stream may hold accepted but unwritten (a slow peer), at least {@link #frameCapacity()};
     * past it sends on that stream are back-pressured.
     */
    public int streamBufferCapacity()
    {
        return streamBufferCapacity;
    }

    /**
     * @param streamBufferCapacity bytes a stream may hold accepted but unwritten.
     * @return this.
     */
    public HostNetworkContext streamBufferCapacity(final int streamBufferCapacity)
    {
        this.streamBufferCapacity = streamBufferCapacity;
        return this;
    }

    /**
     * @return time a connect may take, TLS handshake included, before it is reported as timed out, in ms.
     */
    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    /**
     * @param connectTimeoutMs connect time-out in milliseconds.
     * @return this.
     */
    public HostNetworkContext connectTimeoutMs(final long connectTimeoutMs)
    {
        this.connectTimeoutMs = connectTimeoutMs;
        return this;
    }

    /**
     * @return the TLS context of client connections; after {@link #conclude()} never null.
     */
    public SSLContext sslContext()
    {
        return sslContext;
    }

    /**
     * @param sslContext a ready TLS context; takes precedence over a trust store.
     * @return this.
     */
    public HostNetworkContext sslContext(final SSLContext sslContext)
    {
        this.sslContext = sslContext;
        return this;
    }

    /**
     * @return the trust store file, or null for the JDK's default trust.
     */
    public Path trustStorePath()
    {
        return trustStorePath;
    }

    /**
     * @param trustStorePath a key store holding the certificates (or CAs) of the servers to trust.
     * @return this.
     */
    public HostNetworkContext trustStorePath(final Path trustStorePath)
    {
        this.trustStorePath = trustStorePath;
        return this;
    }

    /**
     * @param trustStorePassword the trust store's password, or null when it has none.
     * @return this.
     */
    public HostNetworkContext trustStorePassword(final char[] trustStorePassword)
    {
        this.trustStorePassword = null == trustStorePassword ? null : trustStorePassword.clone();
        return this;
    }

    /**
     * @return the trust store's type, as {@link KeyStore#getInstance(String)} names it.
     */
    public String trustStoreType()
    {
        return trustStoreType;
    }

    /**
     * @param trustStoreType the trust store's type, e.g. "PKCS12" or "JKS".
     * @return this.
     */
    public HostNetworkContext trustStoreType(final String trustStoreType)
    {
        this.trustStoreType = trustStoreType;
        return this;
    }

    /**
     * @return whether a TLS server's certificate must match the server name asked for.
     */
    public boolean verifyServerName()
    {
        return verifyServerName;
    }

    /**
     * @param verifyServerName false only for lab servers whose certificates name something else; the chain is
     *                         still checked against the trust.
     * @return this.
     */
    public HostNetworkContext verifyServerName(final boolean verifyServerName)
    {
        this.verifyServerName = verifyServerName;
        return this;
    }

    /**
     * @return whether the network starts its I/O thread.
     */
    public boolean startIoThread()
    {
        return startIoThread;
    }

    /**
     * For tests only: with false the network accepts calls but nothing is ever sent or received, so what piles
     * up (frames in flight) can be observed deterministically.
     *
     * @param startIoThread false to leave the I/O thread unstarted.
     * @return this.
     */
    public HostNetworkContext startIoThread(final boolean startIoThread)
    {
        this.startIoThread = startIoThread;
        return this;
    }

    private static void requireAtLeast(final String name, final int value, final int minimum)
    {
        if (value < minimum)
        {
            throw new IllegalStateException(name + " must be >= " + minimum + ": " + value);
        }
    }

    private SSLContext loadTrustStore()
    {
        try (InputStream in = Files.newInputStream(trustStorePath))
        {
            final KeyStore trustStore = KeyStore.getInstance(trustStoreType);
            trustStore.load(in, trustStorePassword);
            final TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            throw new IllegalStateException("cannot load trust store " + trustStorePath + ": " + ex, ex);
        }
    }

    private static SSLContext defaultSslContext()
    {
        try
        {
            return SSLContext.getDefault();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("no default TLS context: " + ex, ex);
        }
    }
}
