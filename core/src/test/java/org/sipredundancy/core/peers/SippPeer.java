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
 * A real SIPp running a scripted UAS scenario over UDP on one loopback address (INTEROP.md), for the failure kinds a
 * registrar cannot be told to produce: a server that answers every REGISTER with 503 and Retry-After, or one that
 * receives and never answers. Started in the foreground so this process owns it and stops it by its pid; its
 * message trace ({@code -trace_msg}) lets tests count what it received, retransmissions included.
 */
public final class SippPeer implements AutoCloseable
{
    private static final String BINARY = "/usr/bin/sipp";
    private static final String TRACE_SEPARATOR = "----------------------------------------------- ";
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final Path messageFile;
    private final String address;
    private final int port;

    /** One message from SIPp's trace: whether SIPp received or sent it, and its text (start line first). */
    public record TracedMessage(boolean received, String text)
    {
        /** The request method or "SIP/2.0" for a response: the first token of the start line. */
        public String method()
        {
            final int space = text.indexOf(' ');
            return space > 0 ? text.substring(0, space) : text;
        }
    }

    private SippPeer(final Process process, final Path messageFile, final String address, final int port)
    {
        this.process = process;
        this.messageFile = messageFile;
        this.address = address;
        this.port = port;
    }

    /**
     * Write the scenario to the directory and run it as a UAS over UDP.
     *
     * @param directory   private directory for the scenario, trace and output.
     * @param address     loopback address to listen on.
     * @param port        UDP port, or 0 for a free one.
     * @param scenarioXml the scenario, e.g. {@link #respond503(int)} or {@link #silent()}.
     */
    public static SippPeer start(final Path directory, final String address, final int port, final String scenarioXml)
        throws IOException
    {
        DebianPackages.ensureInstalled(BINARY, "sip-tester");
        if (!address.startsWith("127."))
        {
            throw new IllegalArgumentException("loopback addresses only: " + address);
        }
        final int chosen = port == 0 ? freeUdpPort(address) : port;
        final Path scenario = directory.resolve("scenario.xml");
        final Path messageFile = directory.resolve("sipp-messages.log");
        Files.writeString(scenario, scenarioXml, StandardCharsets.ISO_8859_1);
        final Process process = new ProcessBuilder(BINARY, "-sf", scenario.toString(), "-i", address,
            "-p", Integer.toString(chosen), "-t", "u1", "-nostdin", "-trace_msg", "-message_file",
            messageFile.toString(), "-trace_err", "-error_file", directory.resolve("sipp-errors.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("sipp.out").toFile())
            .start();
        final SippPeer peer = new SippPeer(process, messageFile, address, chosen);
        peer.awaitListening(directory);
        return peer;
    }

    /**
     * A UAS that answers every REGISTER (each Call-ID, every CSeq) with 503 and {@code Retry-After}, forever.
     *
     * @param retryAfterS the Retry-After value in seconds.
     */
    public static String respond503(final int retryAfterS)
    {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n" +
            "<scenario name=\"respond503\">\n" +
            "  <label id=\"top\"/>\n" +
            "  <recv request=\"REGISTER\"/>\n" +
            "  <send next=\"top\">\n" +
            "    <![CDATA[\n" +
            "SIP/2.0 503 Service Unavailable\n" +
            "[last_Via:]\n" +
            "[last_From:]\n" +
            "[last_To:];tag=sipp[call_number]\n" +
            "[last_Call-ID:]\n" +
            "[last_CSeq:]\n" +
            "Retry-After: " + retryAfterS + "\n" +
            "Content-Length: 0\n" +
            "\n" +
            "    ]]>\n" +
            "  </send>\n" +
            "</scenario>\n";
    }

    /** A UAS that receives every REGISTER and never answers (a silent, black-holed server). */
    public static String silent()
    {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n" +
            "<scenario name=\"silent\">\n" +
            "  <label id=\"top\"/>\n" +
            "  <recv request=\"REGISTER\" next=\"top\"/>\n" +
            "</scenario>\n";
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

    /** Every message SIPp received or sent so far, in order, from its trace. */
    public List<TracedMessage> messages() throws IOException
    {
        final List<TracedMessage> messages = new ArrayList<>();
        if (!Files.exists(messageFile))
        {
            return messages;
        }
        final String trace = Files.readString(messageFile, StandardCharsets.ISO_8859_1);
        for (final String entry : trace.split(TRACE_SEPARATOR))
        {
            final int headerEnd = entry.indexOf("\n\n");
            if (headerEnd < 0)
            {
                continue;
            }
            final String heading = entry.substring(0, headerEnd);
            final boolean received = heading.contains("message received");
            if (received || heading.contains("message sent"))
            {
                messages.add(new TracedMessage(received, entry.substring(headerEnd + 2).strip()));
            }
        }
        return messages;
    }

    /**
     * The message trace once it holds at least {@code count} messages: SIPp writes a message to its trace file after
     * sending it, so a test that has just received an answer waits here (up to five seconds) instead of racing it.
     *
     * @param count how many messages, received and sent, must be traced.
     * @return the trace when it first held that many, or the last one read.
     */
    public List<TracedMessage> awaitMessages(final int count) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        List<TracedMessage> messages = messages();
        while (messages.size() < count && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
            messages = messages();
        }
        return messages;
    }

    /** How many requests with this method SIPp received, retransmissions included. */
    public long receivedCount(final String method) throws IOException
    {
        return messages().stream().filter(message -> message.received() && message.method().equals(method)).count();
    }

    /** SIGKILL by pid, as a crashed server; waits until it is gone. */
    public void kill()
    {
        process.destroyForcibly();
        try
        {
            process.waitFor(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close()
    {
        kill();
    }

    private void awaitListening(final Path directory) throws IOException
    {
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline)
        {
            if (!process.isAlive())
            {
                throw new IOException("sipp exited with " + process.exitValue() + " before listening; see " +
                    directory.resolve("sipp.out") + ":\n" + tail(directory.resolve("sipp.out")));
            }
            if (!isPortFree())
            {
                return;
            }
            try
            {
                Thread.sleep(20);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for sipp", ex);
            }
        }
        close();
        throw new IOException("sipp did not start listening on " + address + ":" + port + " within " +
            START_TIMEOUT_MS + " ms");
    }

    private static String tail(final Path file) throws IOException
    {
        if (!Files.exists(file))
        {
            return "";
        }
        final String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return text.substring(Math.max(0, text.length() - 2000));
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
