package org.sipredundancy.core.peers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real Kamailio registrar with digest authentication and an in-memory location table on one loopback address
 * (INTEROP.md), so the failover tests can register against a real server, kill it by its pid to make it fail, and
 * start it again on the same address and port. Every request it receives is logged as one {@code SIPLOG} line
 * (method, source, transport, CSeq, expiries, user, the reply code it sent and the expiry it granted), which
 * {@link #requests()} parses.
 * The location table is read through {@code kamcmd} on a control socket private to this instance.
 *
 * <p>Kamailio forks worker processes that do not die with the main one, so {@link #kill()} kills the main process
 * and every descendant by pid. The liveness probe at start sends OPTIONS, which shows up in {@link #requests()}.
 */
public final class KamailioPeer implements AutoCloseable
{
    private static final long LOG_WAIT_NS = 5_000_000_000L;
    private static final String BINARY = "/usr/sbin/kamailio";
    private static final String KAMCMD = "/usr/sbin/kamcmd";
    private static final String MODULES = "/usr/lib/x86_64-linux-gnu/kamailio/modules/";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~!*+-]{1,64}");
    private static final long START_TIMEOUT_MS = 10_000;
    private static final long STOP_TIMEOUT_MS = 5_000;
    private static final int MAX_UNIX_PATH = 100;

    private final Path directory;
    private final Path config;
    private final Path logFile;
    private final Path pidFile;
    private final Path controlSocket;
    private final String address;
    private final int port;
    private Process process;
    private int probeSequence;

    /**
     * One request Kamailio received and the reply it sent, parsed from a {@code SIPLOG} line. Absent values are -1:
     * expiresS is the request's Expires header, contactExpiresS its Contact expires parameter, grantedExpiresS the
     * expires parameter of the reply's Contact (a 200 to a REGISTER).
     */
    public record LoggedRequest(
        String method, String source, String transport, long cseq, long expiresS, long contactExpiresS, String user,
        int reply, long grantedExpiresS)
    {
    }

    private KamailioPeer(final Path directory, final String address, final int port)
    {
        this.directory = directory;
        this.config = directory.resolve("kamailio.cfg");
        this.logFile = directory.resolve("kamailio.log");
        this.pidFile = directory.resolve("kamailio.pid");
        this.controlSocket = directory.resolve("kamailio.ctl");
        this.address = address;
        this.port = port;
    }

    /**
     * Write the configuration, check it with {@code kamailio -c}, start Kamailio and wait until it answers OPTIONS.
     *
     * @param directory   private directory for the configuration, log, pid file and control socket.
     * @param address     loopback address to listen on (UDP and TCP).
     * @param port        port to listen on, or 0 for a free one.
     * @param users       user → plain-text password; only these users can register.
     * @param minExpiresS the registrar's min_expires.
     * @param maxExpiresS the registrar's max_expires, also its default_expires.
     */
    public static KamailioPeer start(
        final Path directory,
        final String address,
        final int port,
        final Map<String, String> users,
        final int minExpiresS,
        final int maxExpiresS)
        throws IOException
    {
        return start(directory, address, port, users, minExpiresS, maxExpiresS, false);
    }

    /**
     * As {@link #start(Path, String, int, Map, int, int)}, choosing what the registrar does with an expiry below
     * min_expires.
     *
     * @param intervalTooBrief true: reply 423 with Min-Expires ({@code min_expires_mode} 1); false: raise the
     *                         expiry to min_expires and reply 200 (mode 0, Kamailio's default).
     */
    public static KamailioPeer start(
        final Path directory,
        final String address,
        final int port,
        final Map<String, String> users,
        final int minExpiresS,
        final int maxExpiresS,
        final boolean intervalTooBrief)
        throws IOException
    {
        DebianPackages.ensureInstalled(BINARY, "kamailio");
        if (!address.startsWith("127."))
        {
            throw new IllegalArgumentException("loopback addresses only: " + address);
        }
        final KamailioPeer peer = new KamailioPeer(directory, address, port == 0 ? freePort(address) : port);
        if (peer.controlSocket.toString().length() > MAX_UNIX_PATH)
        {
            throw new IllegalArgumentException("directory path too long for a unix socket: " + directory);
        }
        Files.writeString(peer.config, peer.configuration(users, minExpiresS, maxExpiresS, intervalTooBrief),
            StandardCharsets.US_ASCII);
        final String check = run(List.of(BINARY, "-c", "-f", peer.config.toString()));
        if (!check.contains("exited 0"))
        {
            throw new IOException("kamailio rejected its configuration " + peer.config + ":\n" + check);
        }
        peer.launch();
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

    /** The main process's pid (the workers are its children). */
    public long pid()
    {
        return process.pid();
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    /** SIGKILL the main process and every worker by pid, as a crashed server; waits until all are gone. */
    public void kill()
    {
        final List<ProcessHandle> workers = process.descendants().toList();
        process.destroyForcibly();
        for (final ProcessHandle worker : workers)
        {
            worker.destroyForcibly();
        }
        waitGone(process.toHandle());
        for (final ProcessHandle worker : workers)
        {
            waitGone(worker);
        }
    }

    /** Start again on the same address, port and configuration (killing the running instance first, if any). */
    public void restart() throws IOException
    {
        if (process.isAlive())
        {
            kill();
        }
        launch();
    }

    /** Every line Kamailio wrote to stderr so far, across restarts. */
    public List<String> log() throws IOException
    {
        return Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
    }

    /** Every request received so far, in order, across restarts. */
    public List<LoggedRequest> requests() throws IOException
    {
        final List<LoggedRequest> requests = new ArrayList<>();
        for (final String line : log())
        {
            final int at = line.indexOf("SIPLOG ");
            if (at >= 0)
            {
                requests.add(parse(line.substring(at + "SIPLOG ".length())));
            }
        }
        return requests;
    }

    /**
     * The request log once it satisfies a condition: Kamailio writes a line after it has sent the reply, so a test
     * that has just received a reply waits here (up to five seconds) instead of racing the log.
     *
     * @param done what the log must show, e.g. that a REGISTER with CSeq 3 has been logged.
     * @return the log when the condition first held, or the last one read when it never did.
     */
    public List<LoggedRequest> awaitRequests(final Predicate<List<LoggedRequest>> done)
        throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + LOG_WAIT_NS;
        List<LoggedRequest> requests = requests();
        while (!done.test(requests) && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
            requests = requests();
        }
        return requests;
    }

    /**
     * The request log once it holds at least {@code count} requests of a method.
     *
     * @param method a SIP method, e.g. REGISTER.
     * @param count  how many of them must be logged.
     * @return the whole log, every method.
     */
    public List<LoggedRequest> awaitRequests(final String method, final int count)
        throws IOException, InterruptedException
    {
        return awaitRequests(requests -> requests.stream().filter(r -> method.equals(r.method())).count() >= count);
    }

    /**
     * The contacts registered for a user right now, each as {@code <uri>;expires=N} with the seconds left, read
     * with {@code kamcmd ul.lookup} (the user passed as a string, {@code s:}, so a numeric user is not read as a
     * number); empty when the user has none.
     */
    public List<String> contacts(final String user) throws IOException
    {
        final String output = run(List.of(KAMCMD, "-s", "unix:" + controlSocket, "ul.lookup", "location", "s:" + user));
        final List<String> contacts = new ArrayList<>();
        if (output.contains("AOR not found"))
        {
            return contacts;
        }
        if (!output.contains("exited 0"))
        {
            throw new IOException("kamcmd failed: " + output);
        }
        String uri = null;
        for (final String raw : output.split("\n"))
        {
            final String line = raw.trim();
            if (line.startsWith("Address: "))
            {
                uri = line.substring("Address: ".length());
            }
            else if (line.startsWith("Expires: ") && uri != null)
            {
                contacts.add("<" + uri + ">;expires=" + line.substring("Expires: ".length()));
                uri = null;
            }
        }
        return contacts;
    }

    @Override
    public void close()
    {
        if (process != null)
        {
            kill();
        }
    }

    private String configuration(
        final Map<String, String> users, final int minExpiresS, final int maxExpiresS, final boolean tooBrief)
    {
        final StringBuilder passwords = new StringBuilder();
        for (final Map.Entry<String, String> user : new TreeMap<>(users).entrySet())
        {
            if (!SAFE.matcher(user.getKey()).matches() || !SAFE.matcher(user.getValue()).matches())
            {
                throw new IllegalArgumentException("user names and passwords must match " + SAFE);
            }
            passwords.append("    if ($au == \"").append(user.getKey()).append("\") { $var(pw) = \"")
                .append(user.getValue()).append("\"; }\n");
        }
        return "#!KAMAILIO\n" +
            "debug=2\nlog_stderror=yes\nfork=yes\nchildren=1\ntcp_children=1\nauto_aliases=no\n" +
            "listen=udp:" + address + ":" + port + "\n" +
            "listen=tcp:" + address + ":" + port + "\n" +
            "mpath=\"" + MODULES + "\"\n" +
            loadModules("tm", "sl", "pv", "maxfwd", "textops", "siputils", "xlog", "sanity", "usrloc", "registrar",
                "auth", "kex", "ctl") +
            "modparam(\"usrloc\", \"db_mode\", 0)\n" +
            "modparam(\"registrar\", \"min_expires\", " + minExpiresS + ")\n" +
            "modparam(\"registrar\", \"max_expires\", " + maxExpiresS + ")\n" +
            "modparam(\"registrar\", \"default_expires\", " + maxExpiresS + ")\n" +
            "modparam(\"registrar\", \"min_expires_mode\", " + (tooBrief ? 1 : 0) + ")\n" +
            "modparam(\"ctl\", \"binrpc\", \"unix:" + controlSocket + "\")\n" +
            "request_route {\n" +
            "    $var(src) = $si + \":\" + $sp;\n" +
            "    $var(proto) = $pr;\n" +
            "    $var(exp) = \"\";\n" +
            "    if (is_present_hf(\"Expires\")) { $var(exp) = $hdr(Expires); }\n" +
            "    $var(cexp) = \"\";\n" +
            "    if (is_present_hf(\"Contact\")) { $var(cexp) = $(ct{param.value,expires}); }\n" +
            "    if (!mf_process_maxfwd_header(\"10\")) {\n" +
            "        sl_send_reply(\"483\", \"Too Many Hops\");\n        exit;\n    }\n" +
            "    if (is_method(\"OPTIONS\")) {\n        sl_send_reply(\"200\", \"OK\");\n        exit;\n    }\n" +
            "    if (!is_method(\"REGISTER\")) {\n" +
            "        sl_send_reply(\"405\", \"Method Not Allowed\");\n        exit;\n    }\n" +
            "    $var(pw) = \"\";\n" + passwords +
            "    if (!is_present_hf(\"Authorization\") || $var(pw) == \"\" ||\n" +
            "        !pv_www_authenticate(\"$td\", \"$var(pw)\", \"0\")) {\n" +
            "        www_challenge(\"$td\", \"1\");\n        exit;\n    }\n" +
            "    consume_credentials();\n" +
            "    save(\"location\");\n" +
            "    exit;\n}\n" +
            // Every reply this server sends is stateless (sl, auth, registrar), so this one place logs them all with
            // the code actually sent. Here the current message is the reply: the request's fields come from $var,
            // and the reply's Contact expires is the expiry the registrar granted.
            "event_route[sl:local-response] {\n" +
            "    xlog(\"L_INFO\", \"SIPLOG method=$rm src=$var(src) proto=$var(proto) cseq=$cs " +
            "expires=$var(exp) cexpires=$var(cexp) user=$fU reply=$rs granted=$(ct{param.value,expires})\\n\");\n" +
            "}\n";
    }

    private static String loadModules(final String... modules)
    {
        final StringBuilder lines = new StringBuilder();
        for (final String module : modules)
        {
            lines.append("loadmodule \"").append(module).append(".so\"\n");
        }
        return lines.toString();
    }

    private void launch() throws IOException
    {
        Files.deleteIfExists(pidFile);
        Files.deleteIfExists(controlSocket);
        process = new ProcessBuilder(BINARY, "-f", config.toString(), "-P", pidFile.toString(), "-E", "-DD",
            "-Y", directory.toString(), "-m", "32", "-M", "4")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline)
        {
            if (!process.isAlive())
            {
                throw new IOException("kamailio exited with " + process.exitValue() + " before answering; " +
                    "see " + logFile + ":\n" + String.join("\n", tail()));
            }
            if (answersOptions())
            {
                return;
            }
        }
        kill();
        throw new IOException("kamailio did not answer OPTIONS on " + address + ":" + port + " within " +
            START_TIMEOUT_MS + " ms:\n" + String.join("\n", tail()));
    }

    private boolean answersOptions() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            socket.setSoTimeout(200);
            probeSequence++;
            final String request = "OPTIONS sip:" + address + ":" + port + " SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bKprobe" + probeSequence +
                ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:" + address +
                ">\r\nCall-ID: probe-" + probeSequence + "\r\nCSeq: " + probeSequence + " OPTIONS\r\n" +
                "Content-Length: 0\r\n\r\n";
            final byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(address), port));
            final DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII)
                .startsWith("SIP/2.0 200");
        }
        catch (final SocketTimeoutException | java.net.PortUnreachableException ex)
        {
            return false;
        }
    }

    private List<String> tail() throws IOException
    {
        final List<String> lines = log();
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }

    private static LoggedRequest parse(final String fields)
    {
        final Map<String, String> values = new HashMap<>();
        for (final String field : fields.trim().split(" "))
        {
            final int equals = field.indexOf('=');
            if (equals > 0)
            {
                values.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return new LoggedRequest(values.get("method"), values.get("src"), values.get("proto"),
            number(values.get("cseq")), number(values.get("expires")), number(values.get("cexpires")),
            values.get("user"), (int)number(values.get("reply")), number(values.get("granted")));
    }

    private static long number(final String value)
    {
        if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit))
        {
            return -1;
        }
        return Long.parseLong(value);
    }

    private static void waitGone(final ProcessHandle handle)
    {
        final long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MS;
        while (handle.isAlive() && !isZombie(handle.pid()) && System.currentTimeMillis() < deadline)
        {
            try
            {
                Thread.sleep(10);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (handle.isAlive() && !isZombie(handle.pid()))
        {
            throw new IllegalStateException("process " + handle.pid() + " still alive after SIGKILL");
        }
    }

    private static boolean isZombie(final long pid)
    {
        try
        {
            final String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            final int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    static int freePort(final String address) throws IOException
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0)))
            {
                final int candidate = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket())
                {
                    tcp.bind(new InetSocketAddress(InetAddress.getByName(address), candidate));
                    return candidate;
                }
                catch (final IOException ex)
                {
                    continue;
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on " + address);
    }

    static String run(final List<String> command) throws IOException
    {
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final byte[] output = child.getInputStream().readAllBytes();
        try
        {
            if (!child.waitFor(10, TimeUnit.SECONDS))
            {
                child.destroyForcibly();
                return String.join(" ", command) + ": timed out";
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        return String.join(" ", command) + " exited " + child.exitValue() + ":\n" +
            new String(output, StandardCharsets.UTF_8);
    }
}
