package org.sipredundancy.core.peers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipredundancy.core.cli.RunCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} against a real Kamailio on loopback: the phone registers and prints the event stream and its lamp,
 * answers OPTIONS from its server but not from a stranger, places a call typed on the keypad, and {@code quit}
 * removes the binding before the command ends.
 */
class RunCommandTest
{
    private static final String USER = "4605";
    private static final String SERVER = "127.0.0.61";

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private KamailioPeer kamailio;

    @AfterEach
    void tearDown()
    {
        if (kamailio != null)
        {
            kamailio.close();
        }
    }

    @Test
    @DisplayName("R-RT-5 R-RT-6 R-SIP-5 R-SIP-6 run: live registration with Kamailio, events and lamp printed, " +
        "OPTIONS answered only for the server, a keypad call, and quit unregisters")
    void runsLive() throws Exception
    {
        kamailio = KamailioPeer.start(Files.createDirectories(directory.resolve("k")), SERVER, 0,
            Map.of(USER, "secret"), 5, 60);
        final Path config = Files.writeString(directory.resolve("phone.cfg"), String.join("\n",
            "account.1.enable = 1", "account.1.user_name = " + USER, "account.1.auth_name = " + USER,
            "account.1.password = secret", "account.1.sip_server.1.address = " + SERVER,
            "account.1.sip_server.1.port = " + kamailio.port(), "account.1.sip_server.1.expires = 30", ""));
        final PipedOutputStream typing = new PipedOutputStream();
        final PipedInputStream keypad = new PipedInputStream(typing);
        final PrintWriter writer = new PrintWriter(out, true);
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
            new CommandLine(new RunCommand(keypad)).setOut(writer).setErr(writer)
                .execute(config.toString(), "--model", "T46S", "--port", "0", "--dns", "127.0.0.1:9"));

        assertThat(await(() -> out.toString().contains("REGISTERED with " + SERVER))).as("%s", out).isTrue();
        assertThat(out.toString()).contains("line 1 registration ON");
        assertThat(kamailio.contacts(USER)).isNotEmpty();

        final Matcher phone = Pattern.compile("phone 127\\.0\\.0\\.1:(\\d+)").matcher(out.toString());
        assertThat(phone.find()).isTrue();
        final int phonePort = Integer.parseInt(phone.group(1));
        assertThat(options(SERVER, phonePort)).as("OPTIONS from the server").startsWith("SIP/2.0 200");
        assertThat(options("127.0.0.62", phonePort)).as("OPTIONS from a stranger is dropped").isEmpty();

        type(typing, "call 4606");
        assertThat(await(() -> out.toString().contains("CALL "))).as("%s", out).isTrue();
        assertThat(out.toString()).contains("account 1         KEYPAD dialling")
            .containsPattern("CALL declined via " + SERVER.replace(".", "\\.") + " \\(4\\d\\d\\)");

        type(typing, "quit");
        assertThat(exit.get(20, TimeUnit.SECONDS)).as("%s", out).isZero();
        assertThat(out.toString()).contains("account 1 slot 1  DISABLED", "stopped: every account unregistered");
        assertThat(kamailio.contacts(USER)).as("expires = 0 removed the binding").isEmpty();
    }

    private static void type(final PipedOutputStream typing, final String line) throws IOException
    {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    private static String options(final String from, final int phonePort) throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0)))
        {
            socket.setSoTimeout(1_000);
            final String request = "OPTIONS sip:" + USER + "@127.0.0.1:" + phonePort + " SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP " + from + ":" + socket.getLocalPort() + ";branch=z9hG4bKrun" + from.hashCode() +
                "\r\nMax-Forwards: 70\r\nFrom: <sip:ping@" + from + ">;tag=t1\r\nTo: <sip:" + USER + "@127.0.0.1>\r\n" +
                "Call-ID: run-options-" + from + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            final byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("127.0.0.1"), phonePort));
            final DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            try
            {
                socket.receive(answer);
                return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
            }
            catch (final SocketTimeoutException ex)
            {
                return "";
            }
        }
    }

    private static boolean await(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            if (condition.getAsBoolean())
            {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
