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
    @DisplayName("no arguments says plainly that the demo is not built yet")
    void shouldSayDemoIsMissing()
    {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("not implemented yet").contains("Usage: sip-redundancy");
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
