package org.sipredundancy.hal.host;

import java.util.Locale;

/**
 * One line typed at the console, understood: what {@link ConsoleKeypad} should press. Parsing is pure, so every
 * command and every mistake can be tested without a thread or a stream.
 *
 * @param kind   one of the constants of this type.
 * @param digits for {@link #CALL}, the number to dial ('0'..'9', '*', '#').
 * @param number for {@link #LINE} and {@link #DSS}, the key's number from 1.
 * @param error  for {@link #INVALID}, the line to print: what was wrong and which commands there are.
 */
record ConsoleCommand(int kind, String digits, int number, String error)
{
    /** A blank line: nothing to do. */
    static final int BLANK = 0;
    /** {@code call <digits>}: dial the digits, then press send. */
    static final int CALL = 1;
    /** {@code answer}: go off hook. */
    static final int ANSWER = 2;
    /** {@code hangup}: go on hook. */
    static final int HANGUP = 3;
    /** {@code line <n>}: press line key n. */
    static final int LINE = 4;
    /** {@code dss <n>}: press DSS key n. */
    static final int DSS = 5;
    /** {@code quit}: ask the phone to stop. */
    static final int QUIT = 6;
    /** Anything else. */
    static final int INVALID = 7;

    /** The commands, as a bad line's message lists them. */
    static final String USAGE = "commands: call <digits> | answer | hangup | line <n> | dss <n> | quit";

    /**
     * Understand one line. Words are separated by blanks and the command word may be in any case.
     *
     * @param line the line as typed, possibly null.
     * @return the command; never null.
     */
    static ConsoleCommand parse(final String line)
    {
        final String trimmed = null == line ? "" : line.strip();
        if (trimmed.isEmpty())
        {
            return new ConsoleCommand(BLANK, "", 0, null);
        }
        final String[] words = trimmed.split("\\s+");
        final String verb = words[0].toLowerCase(Locale.ROOT);
        if (words.length == 1)
        {
            switch (verb)
            {
                case "answer":
                    return new ConsoleCommand(ANSWER, "", 0, null);
                case "hangup":
                    return new ConsoleCommand(HANGUP, "", 0, null);
                case "quit":
                    return new ConsoleCommand(QUIT, "", 0, null);
                default:
                    return invalid(trimmed);
            }
        }
        if (words.length == 2)
        {
            switch (verb)
            {
                case "call":
                    return isDialString(words[1]) ? new ConsoleCommand(CALL, words[1], 0, null) : invalid(trimmed);
                case "line":
                    return keyCommand(LINE, words[1], trimmed);
                case "dss":
                    return keyCommand(DSS, words[1], trimmed);
                default:
                    return invalid(trimmed);
            }
        }
        return invalid(trimmed);
    }

    private static ConsoleCommand keyCommand(final int kind, final String word, final String trimmed)
    {
        try
        {
            final int number = Integer.parseInt(word);
            return number > 0 ? new ConsoleCommand(kind, "", number, null) : invalid(trimmed);
        }
        catch (final NumberFormatException ex)
        {
            return invalid(trimmed);
        }
    }

    private static boolean isDialString(final String word)
    {
        for (int i = 0; i < word.length(); i++)
        {
            final char c = word.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '*' || c == '#'))
            {
                return false;
            }
        }
        return true;
    }

    private static ConsoleCommand invalid(final String trimmed)
    {
        return new ConsoleCommand(INVALID, "", 0, "not understood: \"" + trimmed + "\"; " + USAGE);
    }
}
