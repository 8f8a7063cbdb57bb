package org.sipredundancy.core.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliCommandsTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tempDir;

    private int run(final String... args)
    {
        return SipRedundancyCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static String fixture(final String name)
    {
        try
        {
            return Path.of(CliCommandsTest.class.getResource("/config/" + name).toURI()).toString();
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private Path write(final String text) throws IOException
    {
        final Path file = tempDir.resolve("phone.cfg");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    @DisplayName("R-CFG-9 R-CFG-3 lint on the seed's failover example names each literal-Y key and stays usable")
    void shouldLintSeedFailoverExample()
    {
        assertThat(run("lint", fixture("seed-failover-example.cfg"), "--model", "T46G")).isZero();

        final String text = out.toString();
        assertThat(text).contains("account 1 (4605): sip_server.1 yealink.pbx.com (port from DNS, DNS-NAPTR);");
        for (final String key : new String[]{"retry_counts", "register_on_enable", "only_signal_with_registered",
            "invite_retry_counts", "failback_mode", "failback_timeout", "failback_subscribe.enable"})
        {
            assertThat(text).contains("ERROR account.1.outbound_proxy.Y." + key + ": 'Y' is the documentation's " +
                "placeholder");
        }
        assertThat(text).contains("7 error(s), 1 warning(s), 0 note(s) — usable");
    }

    @Test
    @DisplayName("R-CFG-3 lint --strict turns errors into exit 1 for provisioning pipelines")
    void shouldFailStrictLintOnErrors()
    {
        assertThat(run("lint", fixture("seed-failover-example.cfg"), "--model", "T46G", "--strict")).isEqualTo(1);
        assertThat(out.toString()).contains("usable, but errors fail --strict");
    }

    @Test
    @DisplayName("R-CFG-3 lint --json gives one object with every diagnostic's fields")
    void shouldPrintJson()
    {
        assertThat(run("lint", fixture("seed-failover-example.cfg"), "--model", "T46G", "--json")).isZero();

        final String json = out.toString().trim();
        assertThat(json).startsWith("{\"file\":").endsWith("]}")
            .contains("\"model\":\"SIP-T46G\"", "\"firmware\":83", "\"usable\":true", "\"exitStatus\":0")
            .contains("{\"severity\":\"ERROR\",\"kind\":\"BAD_INDEX\",\"line\":16,\"key\":" +
                "\"account.1.outbound_proxy.Y.retry_counts\",\"value\":\"3\"");
        assertThat(json.split("\\{\"severity\"", -1)).hasSize(9);
    }

    @Test
    @DisplayName("R-CFG-8 R-DNS-12 lint hints at SRV owners written _sip_tcp. instead of _sip._tcp.")
    void shouldHintAtUnderscoreOwner()
    {
        assertThat(run("lint", fixture("seed-static-dns-example-2.cfg"), "--model", "T46G")).isZero();
        assertThat(out.toString()).contains(":5: WARNING dns_cache_srv.1.name = _sip_tcp.yealink.pbx.com is " +
            "probably meant as _sip._tcp.yealink.pbx.com");
    }

    @Test
    @DisplayName("R-CFG-3 a file that cannot be read exits 2 with a reason in words")
    void shouldExplainUnreadableFile()
    {
        assertThat(run("lint", tempDir.resolve("missing.cfg").toString(), "--model", "T46G")).isEqualTo(2);
        assertThat(out.toString()).contains("cannot read").contains("no such file").doesNotContain("Exception");
    }

    @Test
    @DisplayName("R-PRO-5 an unknown model exits 2 and names the closest known ones")
    void shouldSuggestModels()
    {
        assertThat(run("lint", fixture("seed-failover-example.cfg"), "--model", "T46X")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown model 'T46X'; did you mean SIP-T46G, SIP-T46S, SIP-T48G?");
    }

    @Test
    @DisplayName("R-PRO-2 a firmware below the model's minimum makes the file not usable: exit 1")
    void shouldRejectOldFirmware() throws IOException
    {
        final Path file = write("#!version:1.0.0.1\naccount.1.enable = 1\n");
        assertThat(run("lint", file.toString(), "--model", "T46S", "--firmware", "80")).isEqualTo(1);
        assertThat(out.toString()).contains("not usable").contains("81");
    }

    @Test
    @DisplayName("R-CFG-6 lint reports a parameter the model and firmware do not apply")
    void shouldReportInapplicableParameter() throws IOException
    {
        final Path file = write("#!version:1.0.0.1\naccount.1.outbound_host = proxy.example.com\n");
        assertThat(run("lint", file.toString(), "--model", "T46G", "--firmware", "82")).isZero();
        assertThat(out.toString()).contains(":2: WARNING").contains("account.1.outbound_host");
    }

    @Test
    @DisplayName("R-CFG-7 R-BAD-5 config prints the effective file with the password masked")
    void shouldPrintEffectiveConfigMasked() throws IOException
    {
        final Path file = write("#!version:1.0.0.1\naccount.1.enable = 1\naccount.1.password = s3cret\n" +
            "account.1.sip_server.1.address = pbx.example.com\naccount.1.sip_server.1.failback_timeout = 30\n");

        assertThat(run("config", file.toString(), "--model", "T19P E2")).isZero();

        assertThat(out.toString()).startsWith("#!version:1.0.0.1")
            .contains("account.1.password = ********")
            .contains("account.1.sip_server.1.failback_timeout = 60")
            .contains("account.1.sip_server.1.expires = 3600")
            .doesNotContain("s3cret")
            .doesNotContain("account.2.");
        assertThat(err.toString()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("R-CFG-7 config --show-passwords prints a file that lints clean and prints the same again")
    void shouldRoundTripThroughConfigCommand() throws IOException
    {
        final Path file = write("#!version:1.0.0.1\naccount.1.enable = 1\naccount.1.password = s3cret\n" +
            "account.1.outbound_proxy_enable = 1\naccount.1.outbound_proxy.1.address = proxy.example.com\n" +
            "account.1.sip_server.1.address = pbx.example.com\naccount.1.sip_server.1.retry_counts = 7\n");
        assertThat(run("config", file.toString(), "--model", "T46G", "--show-passwords")).isZero();
        final String first = out.toString();
        assertThat(first).contains("account.1.password = s3cret")
            .contains("account.1.outbound_proxy.1.retry_counts = 7");

        final Path printed = tempDir.resolve("printed.cfg");
        Files.writeString(printed, first, StandardCharsets.UTF_8);
        out.getBuffer().setLength(0);
        assertThat(run("lint", printed.toString(), "--model", "T46G")).isZero();
        assertThat(out.toString()).contains("0 error(s), 0 warning(s)");
        out.getBuffer().setLength(0);
        assertThat(run("config", printed.toString(), "--model", "T46G", "--show-passwords")).isZero();
        assertThat(out.toString()).isEqualTo(first);
    }
}
