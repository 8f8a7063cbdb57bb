package org.sipredundancy.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written by a {@link java.io.PrintStream} (the HAL's lamps and keypad answers want one) passed to the
 * command's {@link PrintWriter} a line at a time, so they interleave with the event lines by whole lines and land
 * wherever the CLI's output goes (a terminal, or a test's buffer). UTF-8. Thread safe.
 */
final class LineOutputStream extends OutputStream
{
    private final PrintWriter out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineOutputStream(final PrintWriter out)
    {
        this.out = out;
    }

    @Override
    public synchronized void write(final int b)
    {
        if (b == '\n')
        {
            out.println(pending.toString(StandardCharsets.UTF_8));
            out.flush();
            pending.reset();
        }
        else if (b != '\r')
        {
            pending.write(b);
        }
    }
}
