package org.sipredundancy.hal.host;

import org.sipredundancy.hal.CommandCode;
import org.sipredundancy.hal.KeyEventPublisher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The phone's keys for a phone run at a terminal: a daemon thread ("sip-console") reads lines and presses keys
 * through a {@link KeyEventPublisher}, so what the user types reaches the core as the same events a keypad would
 * make.
 * <pre>
 *   call 4606   digits 4 6 0 6, then send      line 2   line key 2
 *   answer      off hook                       dss 5    DSS key 5
 *   hangup      on hook                        quit     the QUIT command; the keypad stops reading
 * </pre>
 * A line that is not understood is answered with one line naming it and listing the commands; reading goes on.
 * Blank lines are ignored. Thread safe: {@link #close()} may be called from any thread.
 */
public final class ConsoleKeypad implements AutoCloseable
{
    private final InputStream in;
    private final KeyEventPublisher keys;
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param in   where lines are typed, usually {@link System#in}; read, never closed.
     * @param keys where presses go.
     * @param out  where answers to bad lines go.
     */
    public ConsoleKeypad(final InputStream in, final KeyEventPublisher keys, final PrintStream out)
    {
        this.in = in;
        this.keys = keys;
        this.out = out;
        thread = new Thread(this::readLines, "sip-console");
        thread.setDaemon(true);
    }

    /**
     * Start reading.
     *
     * @return this.
     */
    public ConsoleKeypad start()
    {
        thread.start();
        return this;
    }

    /**
     * Wait until the keypad has stopped reading (end of input, quit, or close).
     *
     * @param timeoutMs longest wait in milliseconds.
     * @return whether it has stopped.
     * @throws InterruptedException when the waiting thread is interrupted.
     */
    public boolean awaitStop(final long timeoutMs) throws InterruptedException
    {
        thread.join(timeoutMs);
        return !thread.isAlive();
    }

    /**
     * Stop reading after the current line. A read blocked on a terminal cannot be cut short; the thread is a
     * daemon, so it never keeps the process alive.
     */
    public void close()
    {
        running = false;
        thread.interrupt();
    }

    /**
     * Press the keys a command stands for.
     *
     * @param command a parsed line.
     * @return false when reading should stop (quit).
     */
    boolean perform(final ConsoleCommand command)
    {
        boolean accepted = true;
        switch (command.kind())
        {
            case ConsoleCommand.BLANK:
                break;
            case ConsoleCommand.CALL:
                for (int i = 0; i < command.digits().length(); i++)
                {
                    accepted &= keys.digit(command.digits().charAt(i));
                }
                accepted &= keys.send();
                break;
            case ConsoleCommand.ANSWER:
                accepted = keys.hook(true);
                break;
            case ConsoleCommand.HANGUP:
                accepted = keys.hook(false);
                break;
            case ConsoleCommand.LINE:
                accepted = keys.lineKey(command.number());
                break;
            case ConsoleCommand.DSS:
                accepted = keys.dssKey(command.number());
                break;
            case ConsoleCommand.QUIT:
                accepted = keys.command(CommandCode.QUIT, 0);
                break;
            default:
                out.println(command.error());
                break;
        }
        if (!accepted)
        {
            out.println("dropped: the phone's inbound queue is full");
        }
        return ConsoleCommand.QUIT != command.kind();
    }

    private void readLines()
    {
        final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try
        {
            String line;
            while (running && null != (line = reader.readLine()))
            {
                if (!perform(ConsoleCommand.parse(line)))
                {
                    break;
                }
            }
        }
        catch (final IOException ex)
        {
            out.println("console input failed: " + ex.getMessage());
        }
    }
}
