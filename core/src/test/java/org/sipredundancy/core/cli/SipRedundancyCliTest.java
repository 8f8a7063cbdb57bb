package org.sipredundancy.core.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class SipRedundancyCliTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        return SipRedundancyCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    @DisplayName("--help prints the usage and exits 0")
    void shouldPrintHelp()
    {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: sip-redundancy").contains("--version");
    }

    @Test
    @DisplayName("--version names the build's version, not a placeholder")
    void shouldPrintVersion()
    {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("sip-redundancy \\d+\\.\\d+\\.\\d+").doesNotContain("${");
    }

    @Test
    @DisplayName("an unknown option is named, with the usage, exit 2 and no stack trace")
    void shouldNameUnknownOption()
    {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'").doesNotContain("Exception");
    }

    @Test
    @DisplayName("R-SCN-3 R-FO-3 R-FB-3 R-RT-4 no arguments runs the demo: the seed's deployment fails over, " +
        "carries a call, fails back after failback_timeout and moves to the fallback server when the cluster dies")
    void shouldRunTheDemo()
    {
        assertThat(run()).isZero();
        final String demo = out.toString();
        assertThat(demo)
            .contains("61.550 s  account 1 slot 1  FAILOVER 192.168.1.14 -> 192.168.1.13 (TIMEOUT)")
            .contains("71.010 s  account 1         CALL answered via 192.168.1.13 (200)")
            .contains("181.590 s  account 1 slot 1  FAILBACK to 192.168.1.14 (duration)")
            .contains("account 1         FALLBACK ON_FALLBACK")
            .contains("CALL answered via 192.168.1.15 (200)")
            .contains("phone -> 192.168.1.15:5060  REGISTER sip:192.168.1.15")
            .doesNotContain("Exception");
        out.getBuffer().setLength(0);
        assertThat(run("demo", "--seed", "1")).isZero();
        assertThat(out.toString()).as("same seed, same output byte for byte").isEqualTo(demo);
        out.getBuffer().setLength(0);
        assertThat(run("demo", "--model", "T99")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown model 'T99'");
    }

    @Test
    @DisplayName("R-PRO-1 R-PRO-2 R-PRO-3 profiles lists every model with accounts, firmware and kind")
    void shouldListProfiles()
    {
        assertThat(run("profiles")).isZero();
        final String text = out.toString();
        assertThat(text.lines()).hasSize(30);
        assertThat(text).containsPattern("SIP-T46G\\s+16\\s+80\\s+83\\s+desk phone")
            .containsPattern("W53P\\s+8\\s+83\\s+83\\s+DECT base station")
            .containsPattern("SIP-T21\\(P\\) E2\\s+2\\s+80\\s+83")
            .containsPattern("CP920\\s+1\\s+81\\s+83");
    }
}
