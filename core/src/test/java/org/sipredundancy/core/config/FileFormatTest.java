package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.config.ConfigFixtures.HEADER;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;
import static org.sipredundancy.core.config.ConfigFixtures.parse;
import static org.sipredundancy.core.config.ConfigFixtures.parseWithHeader;
import static org.sipredundancy.core.config.ConfigFixtures.summary;

class FileFormatTest
{
    private static ParseResult parseBytes(final byte[] bytes)
    {
        return ConfigLoader.parse(new ByteArrayInputStream(bytes), "bytes.cfg", T46G, 83);
    }

    @Test
    @DisplayName("R-CFG-1 a file with the version header, comments and key = value lines reads without diagnostics")
    void shouldReadPlainFile()
    {
        final ParseResult result = parse(T46G, 83,
            HEADER,
            "##Account1 Registration",
            "   # an indented comment = with an equals sign",
            "",
            "account.1.enable = 1",
            "account.1.label=Front desk",
            "account.1.display_name   =   Reception  ",
            "account.1.user_name\t=\t4605\t");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.usable()).isTrue();
        assertThat(result.lineCount()).isEqualTo(8);
        final AccountConfig account = result.config().account(1);
        assertThat(account.enabled()).isTrue();
        assertThat(account.label()).isEqualTo("Front desk");
        assertThat(account.displayName()).isEqualTo("Reception");
        assertThat(account.userName()).isEqualTo("4605");
    }

    @Test
    @DisplayName("R-CFG-1 a UTF-8 byte order mark and CRLF line endings are tolerated")
    void shouldTolerateBomAndCrlf()
    {
        final String text = HEADER + "\r\naccount.1.label = Zürich\r\naccount.1.sip_server.1.port = 5062\r\n";
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        final byte[] bytes = new byte[utf8.length + 3];
        bytes[0] = (byte)0xEF;
        bytes[1] = (byte)0xBB;
        bytes[2] = (byte)0xBF;
        System.arraycopy(utf8, 0, bytes, 3, utf8.length);

        final ParseResult result = parseBytes(bytes);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.config().account(1).label()).isEqualTo("Zürich");
        assertThat(result.config().account(1).sipServer(1).port()).isEqualTo(5062);
    }

    @Test
    @DisplayName("R-CFG-1 a file without #!version:1.0.0.1 first is read, with a warning that phones ignore it")
    void shouldWarnWithoutVersionHeader()
    {
        final ParseResult missing = parse(T46G, 83, "account.1.enable = 1");
        final ParseResult otherVersion = parse(T46G, 83, "#!version:1.0.0.2", "account.1.enable = 1");
        final ParseResult secondLine = parse(T46G, 83, "", HEADER, "account.1.enable = 1");
        final ParseResult empty = ConfigLoader.parseText("", "empty.cfg", T46G, 83);

        assertThat(summary(missing)).containsExactly("WARNING 1 ");
        assertThat(missing.diagnostics().get(0).kind()).isEqualTo(DiagnosticKind.MISSING_VERSION_HEADER);
        assertThat(missing.diagnostics().get(0).message()).contains("a real phone ignores such a file");
        assertThat(missing.config().account(1).enabled()).isTrue();
        assertThat(missing.usable()).isTrue();
        assertThat(summary(otherVersion)).containsExactly("WARNING 1 ");
        assertThat(summary(secondLine)).containsExactly("WARNING 1 ");
        assertThat(summary(empty)).containsExactly("WARNING 0 ");
        assertThat(empty.config()).isEqualTo(ConfigLoader.defaults(T46G, 83));
    }

    @Test
    @DisplayName("R-CFG-1 an empty value means the default, even after an earlier value")
    void shouldTakeEmptyValueAsDefault()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.1.sip_server.1.port = 5070",
            "account.1.sip_server.1.port =",
            "account.1.sip_server.2.expires = ");

        assertThat(result.config().account(1).sipServer(1).port()).isEqualTo(5060);
        assertThat(result.config().account(1).sipServer(2).expiresS()).isEqualTo(3600);
        assertThat(summary(result)).containsExactly("WARNING 3 account.1.sip_server.1.port");
    }

    @Test
    @DisplayName("R-CFG-1 a later duplicate key wins, with a warning naming both lines")
    void shouldLetLaterDuplicateWin()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.1.sip_server.1.address = first.example.com",
            "account.1.enable = 1",
            "account.1.sip_server.1.address = second.example.com",
            "account.1.sip_server.1.address = third.example.com");

        assertThat(result.config().account(1).sipServer(1).address()).isEqualTo("third.example.com");
        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsOnly(DiagnosticKind.DUPLICATE_KEY);
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
            "account.1.sip_server.1.address is set again on line 4 (first on line 2); line 4 wins",
            "account.1.sip_server.1.address is set again on line 5 (first on line 4); line 5 wins");
        assertThat(result.written("account.1.sip_server.1.address").orElseThrow().line()).isEqualTo(5);
    }

    @Test
    @DisplayName("R-CFG-1 R-CFG-3 a later duplicate with a bad value wins too: the default is used")
    void shouldUseDefaultWhenLaterDuplicateIsBad()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.1.sip_server.1.retry_counts = 7",
            "account.1.sip_server.1.retry_counts = lots");

        assertThat(result.config().account(1).sipServer(1).retryCounts()).isEqualTo(3);
        assertThat(summary(result)).containsExactly(
            "ERROR 3 account.1.sip_server.1.retry_counts", "WARNING 3 account.1.sip_server.1.retry_counts");
        assertThat(result.diagnostics().get(0).message()).isEqualTo(
            "account.1.sip_server.1.retry_counts = lots is not a number; using the default 3");
        assertThat(result.written("account.1.sip_server.1.retry_counts").orElseThrow().accepted()).isFalse();
    }

    @Test
    @DisplayName("R-CFG-1 a line without '=' or without a key is diagnosed and ignored")
    void shouldDiagnoseLinesWithoutKeyValue()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.1.enable 1",
            "= 5",
            "account.1.label = ok");

        assertThat(summary(result)).containsExactly("WARNING 2 ", "WARNING 3 ");
        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsOnly(DiagnosticKind.NOT_KEY_VALUE);
        assertThat(result.diagnostics().get(0).message())
            .isEqualTo("line 2 is neither a comment nor 'key = value'; ignored");
        assertThat(result.config().account(1).label()).isEqualTo("ok");
        assertThat(result.config().account(1).enabled()).isFalse();
    }

    @Test
    @DisplayName("R-CFG-1 invalid UTF-8 bytes are replaced and diagnosed once per line, never thrown")
    void shouldReplaceInvalidUtf8()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "\naccount.1.label = A").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{ (byte)0xC3, (byte)0x28, (byte)0xFF, 'B', (byte)0xED, (byte)0xA0, (byte)0x80 });
        bytes.writeBytes("\naccount.1.display_name = \u0000x\u0000\naccount.1.user_name = ok\n"
            .getBytes(StandardCharsets.UTF_8));

        final ParseResult result = parseBytes(bytes.toByteArray());

        assertThat(summary(result)).containsExactly("WARNING 2 ");
        assertThat(result.diagnostics().get(0).kind()).isEqualTo(DiagnosticKind.INVALID_UTF8);
        assertThat(result.config().account(1).label()).startsWith("A\uFFFD(").contains("B").endsWith("\uFFFD");
        assertThat(result.config().account(1).displayName()).isEqualTo("\u0000x\u0000".strip());
        assertThat(result.config().account(1).userName()).isEqualTo("ok");
    }

    @Test
    @DisplayName("R-CFG-1 a line longer than the limit is diagnosed and skipped; the lines after it are read")
    void shouldSkipOverlongLine()
    {
        final String megabyte = "account.1.label = " + "x".repeat(1024 * 1024);
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.1.enable = 1", megabyte, "account.1.user_name = after");

        assertThat(summary(result)).containsExactly("ERROR 3 ");
        assertThat(result.diagnostics().get(0).kind()).isEqualTo(DiagnosticKind.LINE_TOO_LONG);
        assertThat(result.diagnostics().get(0).message()).isEqualTo("line 3 longer than 4096 characters; ignored");
        assertThat(result.config().account(1).label()).isEmpty();
        assertThat(result.config().account(1).userName()).isEqualTo("after");
        assertThat(result.lineCount()).isEqualTo(4);
    }

    @Test
    @DisplayName("R-CFG-1 a line of exactly the limit is read; one character more is not")
    void shouldReadLineOfExactlyTheLimit()
    {
        final String prefix = "account.1.label = ";
        final String exact = prefix + "y".repeat(4096 - prefix.length());
        final String longer = "account.1.display_name = " + "y".repeat(4096 - "account.1.display_name = ".length() + 1);

        final ParseResult result = parseWithHeader(T46G, 83, exact, longer + "\r");

        assertThat(summary(result)).containsExactly("ERROR 3 ");
        assertThat(result.config().account(1).label()).hasSize(4096 - prefix.length());
    }

    @Test
    @DisplayName("R-CFG-1 keys this core does not implement are kept and reported once each as INFO")
    void shouldKeepUnknownKeys()
    {
        final ParseResult result = parseWithHeader(T46G, 83,
            "account.1.codec.1.enable = 1",
            "static.network.vlan.internet_port_enable = 0",
            "account.1.codec.1.enable = 0",
            "features.dnd.enable=1");

        assertThat(summary(result)).containsExactly(
            "INFO 2 account.1.codec.1.enable",
            "INFO 3 static.network.vlan.internet_port_enable",
            "WARNING 4 account.1.codec.1.enable",
            "INFO 5 features.dnd.enable");
        assertThat(result.diagnostics().get(0).message())
            .isEqualTo("account.1.codec.1.enable is not used by this core; kept and ignored");
        assertThat(result.unknownKeys()).containsExactly(
            new UnknownKey("account.1.codec.1.enable", 4, "0"),
            new UnknownKey("static.network.vlan.internet_port_enable", 3, "0"),
            new UnknownKey("features.dnd.enable", 5, "1"));
        assertThat(result.errorCount()).isZero();
        assertThat(result.noteCount()).isEqualTo(3);
        assertThat(result.config()).isEqualTo(ConfigLoader.defaults(T46G, 83));
    }

    @Test
    @DisplayName("R-CFG-1 keys are case-sensitive; a key that differs only in case is unknown, with a hint")
    void shouldHintAtCase()
    {
        final ParseResult result = parseWithHeader(T46G, 83, "Account.1.Enable = 1");

        assertThat(summary(result)).containsExactly("INFO 2 Account.1.Enable");
        assertThat(result.diagnostics().get(0).message()).endsWith("did you mean account.1.enable?)");
        assertThat(result.config().account(1).enabled()).isFalse();
    }

    @Test
    @DisplayName("R-CFG-3 a file that cannot be read is an outcome, not an exception")
    void shouldReportUnreadableFile(@TempDir final Path directory)
    {
        final ParseResult missing = ConfigLoader.parse(directory.resolve("missing.cfg"), T46G, 83);
        final ParseResult isDirectory = ConfigLoader.parse(directory, T46G, 83);

        for (final ParseResult result : new ParseResult[]{ missing, isDirectory })
        {
            assertThat(result.outcome()).isEqualTo(LoadOutcome.UNREADABLE);
            assertThat(result.usable()).isFalse();
            assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(DiagnosticKind.UNREADABLE);
            assertThat(result.config()).isEqualTo(ConfigLoader.defaults(T46G, 83));
        }
        assertThat(missing.diagnostics().get(0).message()).contains("missing.cfg");
    }

    @Test
    @DisplayName("R-CFG-3 a stream that fails part way is unreadable, keeping what was found before")
    void shouldReportFailingStream()
    {
        final byte[] start = (HEADER + "\naccount.1.enable = 1\naccount.1.label = x").getBytes(StandardCharsets.UTF_8);
        final InputStream failing = new InputStream()
        {
            private int position;

            @Override
            public int read() throws IOException
            {
                if (position < start.length)
                {
                    return start[position++];
                }
                throw new IOException("connection reset");
            }
        };

        final ParseResult result = ConfigLoader.parse(failing, "stream.cfg", T46G, 83);

        assertThat(result.outcome()).isEqualTo(LoadOutcome.UNREADABLE);
        assertThat(result.usable()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(DiagnosticKind.UNREADABLE);
        assertThat(result.diagnostics().get(0).message()).contains("connection reset");
        assertThat(result.config().account(1).enabled()).isTrue();
    }

    @Test
    @DisplayName("R-CFG-1 a file on disk is read by path, and the path names its diagnostics")
    void shouldReadFromPath(@TempDir final Path directory) throws IOException
    {
        final Path file = directory.resolve("y000000000028.cfg");
        Files.writeString(file, HEADER + "\naccount.1.sip_server.1.port = nope\n");

        final ParseResult result = ConfigLoader.parse(file, T46G);

        assertThat(result.config().firmware()).isEqualTo(T46G.defaultFirmware());
        assertThat(result.fileName()).isEqualTo(file.toString());
        assertThat(result.diagnostics()).extracting(Diagnostic::fileName).containsExactly(file.toString());
        assertThat(result.diagnostics().get(0).format())
            .isEqualTo(file + ":2: ERROR account.1.sip_server.1.port = nope is not a number; using the default 5060");
    }

    @Test
    @DisplayName("R-CFG-1 R-CFG-3 diagnostics and unknown keys are capped; a summary counts the rest, errors included")
    void shouldCapDiagnostics()
    {
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 30; i++)
        {
            text.append("account.1.sip_server.1.port = bad").append(i).append('\n');
            text.append("unknown.key.").append(i).append(" = 1\n");
        }

        final ParseResult result = ConfigLoader.parse(
            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "capped.cfg", T46G, 83,
            new ParseLimits(4096, 10, 5));

        assertThat(result.errorCount()).isEqualTo(30);
        assertThat(result.warningCount()).isEqualTo(29);
        assertThat(result.noteCount()).isEqualTo(30);
        assertThat(result.diagnostics()).hasSize(10 + 10 + 2);
        assertThat(result.diagnostics().get(20).kind()).isEqualTo(DiagnosticKind.DIAGNOSTICS_TRUNCATED);
        assertThat(result.diagnostics().get(20).severity()).isEqualTo(Severity.ERROR);
        assertThat(result.diagnostics().get(20).message())
            .isEqualTo("49 more errors and warnings were not kept (24 errors, 25 warnings)");
        assertThat(result.diagnostics().get(21).message()).isEqualTo("20 more notes were not kept");
        assertThat(result.unknownKeys()).hasSize(5);
        assertThat(result.unknownKeysNotKept()).isEqualTo(25);
    }
}
