package org.sipredundancy.core.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sipredundancy.core.peers.DebianPackages;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code simulate}: a provisioning file against simulated servers, following a scenario script (or the default
 * story), printing steps, timeline and ladder; script errors name their lines.
 */
class SimulateCommandTest
{
    private static final String CONFIG = String.join("\n", "account.1.enable = 1", "account.1.user_name = 4605",
        "account.1.password = 4605", "account.1.sip_server.1.address = pbx.example.com",
        "account.1.sip_server.1.port = 0", "account.1.sip_server.1.transport_type = 3",
        "account.1.sip_server.1.expires = 120", "");
    private static final String HOSTS = "pbx.example.com=192.168.1.14,192.168.1.13";

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        return SipRedundancyCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private String file(final String name, final String text) throws IOException
    {
        return Files.writeString(directory.resolve(name), text).toString();
    }

    @Test
    @DisplayName("R-RT-4 R-SCN-4 R-FO-1 simulate follows the script: the kill makes the refresh fail over, the call " +
        "tries the primary then the secondary, the revival brings the primary back")
    void script() throws IOException
    {
        final String script = file("s.script", "# primary dies\nat 30s kill 192.168.1.14\nat 2m call 1 4606\n" +
            "at 2m20s hangup 1   # done\nat 4m revive 192.168.1.14\nat 6m end\n");
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--host", HOSTS, "--script", script))
            .isZero();
        assertThat(out.toString())
            .contains("    30.000 s  kill 192.168.1.14")
            .contains("115.560 s  account 1 slot 1  FAILOVER 192.168.1.14 -> 192.168.1.13 (TIMEOUT)")
            .contains("CALL answered via 192.168.1.13 (200)")
            .contains("FAILBACK to 192.168.1.14 (new request)")
            .contains("phone -> 192.168.1.13:5060  INVITE sip:4606@pbx.example.com");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @DisplayName("R-RT-4 R-SIP-6 a script delivers a call to the phone, answers it, and has each side hang up")
    void incomingCallsInAScript() throws IOException
    {
        final String script = file("in.script", "at 10s incoming 1 4606\nat 12s answer\nat 20s onhook\n" +
            "at 30s incoming 1 4607\nat 32s answer\nat 40s farhangup 192.168.1.14\nat 50s farhangup 192.168.1.14\n");
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--host", HOSTS, "--script", script))
            .as(err.toString()).isEqualTo(2);
        assertThat(out.toString())
            .contains("INCOMING CALL ringing (line key or off hook answers) via 192.168.1.14")
            .contains("phone -> 192.168.1.14:5060  200 OK (CSeq 1 INVITE)")
            .contains("INCOMING CALL hung up here via 192.168.1.14")
            .contains("phone -> 192.168.1.14:5060  BYE sip:4606@192.168.1.14:5060")
            .contains("phone <- 192.168.1.14:5060  BYE sip:")
            .contains("INCOMING CALL ended by the caller (BYE) via 192.168.1.14");
        assertThat(err.toString()).contains("line 7: no call is up through 192.168.1.14; nothing to hang up");
    }

    @Test
    @DisplayName("R-RT-4 without a script the server account 1 uses dies at 60 s and comes back at 5 min")
    void defaultStory() throws IOException
    {
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--host", HOSTS)).isZero();
        assertThat(out.toString()).contains("60.000 s  kill 192.168.1.14 (the server account 1 is registered with)")
            .contains("300.000 s  revive 192.168.1.14").contains("REGISTERED with 192.168.1.13:5060");
    }

    @Test
    @DisplayName("R-BAD-1 a script with errors names every faulty line, exits 2 and prints no stack trace")
    void scriptErrors() throws IOException
    {
        final String script = file("bad.script", "at 30s kil 1.2.3.4\n\nat 20s revive 1.2.3\nhello\n" +
            "at 1m loss 130% 192.168.1.14\nat 2m call 1 46a6\nat 3m incoming 1\nat 4m answer now\n");
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--script", script)).isEqualTo(2);
        assertThat(err.toString()).contains("line 1: unknown action 'kil'").contains("line 3: revive needs one IPv4")
            .contains("line 4: 'hello' is not 'at <time> <action> ...'").contains("line 5: loss needs PCT%")
            .contains("line 6: call needs ACCOUNT and a NUMBER")
            .contains("line 7: incoming needs ACCOUNT and the calling").contains("line 8: answer takes no arguments")
            .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @DisplayName("R-BAD-1 a bad --host and a call on an account that is not in use are named")
    void badHostAndAccount() throws IOException
    {
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--host", "pbx.example.com=10.0.0"))
            .isEqualTo(2);
        assertThat(err.toString()).contains("--host pbx.example.com=10.0.0: '10.0.0' is not an IPv4 address");
        err.getBuffer().setLength(0);
        final String script = file("c.script", "at 10s call 2 4606\n");
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--host", HOSTS, "--script", script))
            .isEqualTo(2);
        assertThat(err.toString()).contains("line 1: account 2 is not enabled or has no sip_server.1")
            .contains("the run stopped there");
    }

    @Test
    @DisplayName("R-RT-4 script times: s, m, h, ms and combinations; never backwards")
    void times()
    {
        assertThat(ScenarioScript.time("90s")).isEqualTo(90_000_000_000L);
        assertThat(ScenarioScript.time("1m30s")).isEqualTo(90_000_000_000L);
        assertThat(ScenarioScript.time("1500ms")).isEqualTo(1_500_000_000L);
        assertThat(ScenarioScript.time("2h5m")).isEqualTo(7_500_000_000_000L);
        assertThat(ScenarioScript.time("5x")).isEqualTo(-1);
        assertThat(ScenarioScript.time("31d")).isEqualTo(-1);
        assertThatThrownBy(() -> ScenarioScript.parse("at 2m dns down\nat 1m dns up\n"))
            .hasMessage("line 2: time 1m is before the previous step's");
        assertThat(ScenarioScript.parse("at 0 dns down\nat 0 heal all\n").steps()).hasSize(2);
    }

    @Test
    @DisplayName("R-RT-4 --pcap writes every simulated packet; tshark reads the REGISTERs, their addresses and the " +
        "failover from the capture")
    void pcapReadByTshark() throws Exception
    {
        final Path capture = directory.resolve("run.pcap");
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--host", HOSTS, "--pcap",
            capture.toString())).isZero();
        assertThat(out.toString()).containsPattern("pcap: \\d+ packets written to .*run\\.pcap");
        final byte[] bytes = Files.readAllBytes(capture);
        assertThat(bytes).startsWith((byte)0xd4, (byte)0xc3, (byte)0xb2, (byte)0xa1);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("a REGISTER payload in the capture")
            .contains("REGISTER sip:pbx.example.com SIP/2.0\r\n");

        final Path tshark = DebianPackages.ensureInstalled("/usr/bin/tshark", "tshark");
        final Process process = new ProcessBuilder(tshark.toString(), "-r", capture.toString(), "-Y", "sip.Method",
            "-T", "fields", "-e", "ip.src", "-e", "ip.dst", "-e", "sip.Method").redirectErrorStream(true).start();
        final String fields = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fields).as(fields).contains("10.0.0.2\t192.168.1.14\tREGISTER")
            .contains("10.0.0.2\t192.168.1.13\tREGISTER");
    }

    @Test
    @DisplayName("R-BAD-1 a --pcap file that cannot be written is named, and nothing is simulated")
    void pcapUnwritable() throws IOException
    {
        final String missing = directory.resolve("no/such/dir/run.pcap").toString();
        assertThat(run("simulate", file("p.cfg", CONFIG), "--model", "T46S", "--pcap", missing)).isEqualTo(2);
        assertThat(err.toString()).contains("--pcap " + missing + ": cannot be written (no such directory)")
            .contains("nothing was simulated").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }
}
