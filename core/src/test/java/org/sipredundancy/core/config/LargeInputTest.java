package org.sipredundancy.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.config.ConfigFixtures.HEADER;
import static org.sipredundancy.core.config.ConfigFixtures.T46G;

class LargeInputTest
{
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    /**
     * Produces about 50 MB of junk lines on the fly, never holding more than one line: distinct unknown keys, bad
     * values, bad indexes, lines without '=', invalid UTF-8 and, every thousandth line, a 10 KB line.
     */
    private static final class JunkStream extends InputStream
    {
        private final long limit;
        private long produced;
        private long lineNumber;
        private byte[] line = new byte[0];
        private int position;

        JunkStream(final long limit)
        {
            this.limit = limit;
        }

        long lines()
        {
            return lineNumber;
        }

        @Override
        public int read()
        {
            final byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length)
        {
            if (position == line.length)
            {
                if (produced >= limit)
                {
                    return -1;
                }
                line = nextLine();
                position = 0;
            }
            final int count = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, count);
            position += count;
            produced += count;
            return count;
        }

        private byte[] nextLine()
        {
            lineNumber++;
            final long n = lineNumber;
            final String text;
            switch ((int)(n % 7))
            {
                case 0:
                    text = "junk.key." + n + ".enable = " + n;
                    break;
                case 1:
                    text = "account.1.sip_server.1.port = not-a-port-" + n;
                    break;
                case 2:
                    text = "account." + (n % 40) + ".sip_server.Y.address = host" + n;
                    break;
                case 3:
                    text = "this line has no equals sign " + n;
                    break;
                case 4:
                    text = "account.2.label = \u00ff\u00fe" + n;
                    break;
                case 5:
                    text = n % 1000 == 5 ? "account.1.label = " + "z".repeat(10_000) : "# comment " + n;
                    break;
                default:
                    text = "dns_cache_a.1.ttl = 99999999999999999999" + n;
                    break;
            }
            final byte[] bytes = (text + "\n").getBytes(StandardCharsets.ISO_8859_1);
            return n == 1 ? (HEADER + "\n").getBytes(StandardCharsets.US_ASCII) : bytes;
        }
    }

    @Test
    @DisplayName("R-CFG-1 R-CFG-3 R-BAD-1 a 50 MB stream of junk parses in bounded memory with capped diagnostics")
    void shouldParseFiftyMegabytesOfJunkInBoundedMemory()
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        final long before = memory.getHeapMemoryUsage().getUsed();

        final JunkStream junk = new JunkStream(FIFTY_MB);
        final ParseResult result = ConfigLoader.parse(junk, "junk-50mb.cfg", T46G, 83);

        System.gc();
        final long retained = memory.getHeapMemoryUsage().getUsed() - before;
        assertThat(result.outcome()).isEqualTo(LoadOutcome.LOADED);
        assertThat(result.lineCount()).isEqualTo(junk.lines());
        assertThat(result.diagnostics().size()).isLessThanOrEqualTo(2 * ParseLimits.DEFAULT.maxDiagnostics() + 2);
        assertThat(result.unknownKeys()).hasSize(ParseLimits.DEFAULT.maxUnknownKeys());
        assertThat(result.unknownKeysNotKept()).isGreaterThan(0);
        assertThat(result.errorCount()).isGreaterThan(ParseLimits.DEFAULT.maxDiagnostics());
        assertThat(result.diagnostics().get(result.diagnostics().size() - 2).kind())
            .isEqualTo(DiagnosticKind.DIAGNOSTICS_TRUNCATED);
        assertThat(retained).as("bytes retained after parsing 50 MB").isLessThan(32L * 1024 * 1024);
        assertThat(result.config().account(1).sipServer(1).port()).isEqualTo(5060);
        assertThat(result.config().account(2).label()).as("invalid UTF-8 replaced").startsWith("\uFFFD\uFFFD");
    }

    @Test
    @DisplayName("R-CFG-1 a 10,000-line file loads in well under a second")
    void shouldLoadTenThousandLinesQuickly()
    {
        final List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int x = 1; x <= T46G.accountCount(); x++)
        {
            for (final SeedTable.Row row : SeedTable.ROWS)
            {
                if (!row.isDns() && row.gate() != SeedTable.Gate.LEGACY)
                {
                    for (int y = 1; y <= 2; y++)
                    {
                        lines.add(row.key(x, y) + " = " + (SeedTable.defaultText(row).isEmpty() ?
                            "value" + x : SeedTable.defaultText(row)));
                    }
                }
            }
        }
        for (int i = 0; lines.size() < 10_000; i++)
        {
            lines.add("account." + (i % 16 + 1) + ".codec." + i + ".enable = 1");
        }
        final String text = ConfigFixtures.file(lines);
        ConfigLoader.parseText(text, "warm-up.cfg", T46G, 83);

        final long startNs = System.nanoTime();
        final ParseResult result = ConfigLoader.parseText(text, "big.cfg", T46G, 83);
        final long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;

        assertThat(result.lineCount()).isEqualTo(10_000);
        assertThat(result.errorCount()).isZero();
        assertThat(result.config().account(16).sipServer(2).address()).isEqualTo("value16");
        assertThat(elapsedMs).as("milliseconds to load 10,000 lines").isLessThan(500);
    }
}
