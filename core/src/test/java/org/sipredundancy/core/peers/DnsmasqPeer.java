package org.sipredundancy.core.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real dnsmasq serving NAPTR, SRV and A records on a loopback address (INTEROP.md), started in the foreground so
 * this process owns it and stops it by its pid. Its query log is kept so tests can count the queries it received
 * (the TTL cache tests of R-DNS-8 read it).
 */
public final class DnsmasqPeer implements AutoCloseable
{
    private static final String BINARY = "/usr/sbin/dnsmasq";

    private final Process process;
    private final Path logFile;
    private final String address;
    private final int port;

    private DnsmasqPeer(final Process process, final Path logFile, final String address, final int port)
    {
        this.process = process;
        this.logFile = logFile;
        this.address = address;
        this.port = port;
    }

    /**
     * Start dnsmasq with the given record lines (dnsmasq's own option syntax, e.g. {@code srv-host=...}).
     */
    public static DnsmasqPeer start(final Path directory, final String address, final List<String> records)
        throws IOException
    {
        DebianPackages.ensureInstalled(BINARY, "dnsmasq-base");
        final int port = freeUdpPort(address);
        final Path config = directory.resolve("dnsmasq.conf");
        final Path logFile = directory.resolve("dnsmasq.log");
        final Path pidFile = directory.resolve("dnsmasq.pid");
        final List<String> lines = new ArrayList<>(List.of(
            "port=" + port,
            "listen-address=" + address,
            "bind-interfaces",
            "no-resolv",
            "no-hosts",
            "log-queries",
            "log-facility=" + logFile));
        lines.addAll(records);
        Files.write(config, lines, StandardCharsets.US_ASCII);
        final Process process = new ProcessBuilder(BINARY, "--keep-in-foreground", "-C", config.toString(),
            "--pid-file=" + pidFile, "--user=root")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("dnsmasq.out").toFile())
            .start();
        final DnsmasqPeer peer = new DnsmasqPeer(process, logFile, address, port);
        peer.awaitListening(pidFile);
        return peer;
    }

    public String address()
    {
        return address;
    }

    public int port()
    {
        return port;
    }

    public long pid()
    {
        return process.pid();
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    /** The names dnsmasq was asked for, one entry per query, from its log ("query[SRV] name from ..."). */
    public List<String> queries() throws IOException
    {
        final List<String> queries = new ArrayList<>();
        if (Files.exists(logFile))
        {
            for (final String line : Files.readAllLines(logFile, StandardCharsets.UTF_8))
            {
                final int at = line.indexOf("query[");
                if (at >= 0)
                {
                    final int from = line.indexOf(" from ", at);
                    queries.add(line.substring(at, from > 0 ? from : line.length()));
                }
            }
        }
        return queries;
    }

    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(5, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(final Path pidFile) throws IOException
    {
        for (int i = 0; i < 100; i++)
        {
            if (!process.isAlive())
            {
                throw new IOException("dnsmasq exited with " + process.exitValue() + " before listening; see " +
                    pidFile.resolveSibling("dnsmasq.out"));
            }
            if (Files.exists(pidFile) && !isPortFree())
            {
                return;
            }
            try
            {
                Thread.sleep(50);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for dnsmasq", ex);
            }
        }
        close();
        throw new IOException("dnsmasq did not start listening on " + address + ":" + port + " within 5 s");
    }

    private boolean isPortFree()
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port)))
        {
            return socket.getLocalPort() == port;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int freeUdpPort(final String address) throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0)))
        {
            return socket.getLocalPort();
        }
    }
}
