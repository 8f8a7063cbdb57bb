package org.sipredundancy.core.cli;

import org.sipredundancy.hal.Ipv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scenario script of {@code simulate}: one step per line, {@code at <time> <action> [arguments]}, e.g.
 * {@code at 60s kill 192.168.1.14}, {@code at 90s call 1 4606}, {@code at 5m revive 192.168.1.14},
 * {@code at 6m loss 30% 192.168.1.13}. Blank lines and {@code #} comments are ignored; times never go back. Every
 * error of a file is collected with its line number, so a user fixes a script in one go.
 */
public final class ScenarioScript
{
    /** The actions a step may take, with their argument forms. */
    public static final String ACTIONS = "kill ADDR [silent|reject], revive ADDR, loss PCT% ADDR, partition ADDR, " +
        "heal ADDR|all, dns down|up, reject503 ADDR SECONDS, call ACCOUNT NUMBER, hangup ACCOUNT, " +
        "incoming ACCOUNT FROM, answer, onhook, farhangup ADDR, end";

    private static final long NS_PER_MS = 1_000_000L;
    private static final long MAX_NS = 30L * 24 * 3600 * 1000 * NS_PER_MS;

    /**
     * One step.
     *
     * @param line   the line number in the script.
     * @param atNs   the virtual time.
     * @param action the action word.
     * @param args   its arguments, checked.
     */
    public record Step(int line, long atNs, String action, List<String> args)
    {
    }

    private final List<Step> steps;

    private ScenarioScript(final List<Step> steps)
    {
        this.steps = List.copyOf(steps);
    }

    /**
     * @param text the script.
     * @return the steps.
     * @throws IllegalArgumentException naming every faulty line, one per message line.
     */
    public static ScenarioScript parse(final String text)
    {
        final List<Step> steps = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final String[] lines = text.split("\r?\n", -1);
        long last = 0;
        for (int i = 0; i < lines.length; i++)
        {
            final int hash = lines[i].indexOf('#');
            final String line = (hash < 0 ? lines[i] : lines[i].substring(0, hash)).trim();
            if (line.isEmpty())
            {
                continue;
            }
            final String[] words = line.split("\\s+");
            final int number = i + 1;
            if (words.length < 3 || !"at".equals(words[0]))
            {
                errors.add("line " + number + ": '" + line + "' is not 'at <time> <action> ...' — e.g. at 60s kill " +
                    "192.168.1.14");
                continue;
            }
            final long atNs = time(words[1]);
            final String error = atNs < 0 ? "time '" + words[1] + "' is not like 90s, 5m, 1h, 1500ms or 1m30s" :
                atNs < last ? "time " + words[1] + " is before the previous step's" :
                checkArguments(words[2].toLowerCase(Locale.ROOT), List.of(words).subList(3, words.length));
            if (error != null)
            {
                errors.add("line " + number + ": " + error);
                continue;
            }
            last = atNs;
            steps.add(new Step(number, atNs, words[2].toLowerCase(Locale.ROOT), List.of(words).subList(3,
                words.length)));
        }
        if (!errors.isEmpty())
        {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        return new ScenarioScript(steps);
    }

    private static String checkArguments(final String action, final List<String> args)
    {
        return switch (action)
        {
            case "kill" -> args.isEmpty() || args.size() > 2 || !isAddress(args.get(0)) ||
                (args.size() == 2 && !List.of("silent", "reject").contains(args.get(1))) ?
                "kill needs ADDR [silent|reject]" : null;
            case "revive", "partition" -> args.size() != 1 || !isAddress(args.get(0)) ?
                action + " needs one IPv4 address" : null;
            case "heal" -> args.size() != 1 || !("all".equals(args.get(0)) || isAddress(args.get(0))) ?
                "heal needs an IPv4 address or 'all'" : null;
            case "loss" -> args.size() != 2 || !args.get(0).matches("\\d{1,3}%") ||
                Integer.parseInt(args.get(0).substring(0, args.get(0).length() - 1)) > 100 ||
                !isAddress(args.get(1)) ? "loss needs PCT% (0% to 100%) and an IPv4 address" : null;
            case "dns" -> args.size() != 1 || !List.of("down", "up").contains(args.get(0)) ?
                "dns needs 'down' or 'up'" : null;
            case "reject503" -> args.size() != 2 || !isAddress(args.get(0)) || !args.get(1).matches("\\d{1,6}") ?
                "reject503 needs ADDR and a Retry-After in seconds" : null;
            case "call" -> args.size() != 2 || !args.get(0).matches("\\d{1,2}") ||
                !args.get(1).matches("[0-9*#]{1,32}") ? "call needs ACCOUNT and a NUMBER of digits, * and #" : null;
            case "hangup" -> args.size() != 1 || !args.get(0).matches("\\d{1,2}") ? "hangup needs ACCOUNT" : null;
            case "incoming" -> args.size() != 2 || !args.get(0).matches("\\d{1,2}") ||
                !args.get(1).matches("[0-9*#]{1,32}") ? "incoming needs ACCOUNT and the calling NUMBER" : null;
            case "answer", "onhook" -> args.isEmpty() ? null : action + " takes no arguments";
            case "farhangup" -> args.size() != 1 || !isAddress(args.get(0)) ?
                "farhangup needs the IPv4 address of the server whose calls end" : null;
            case "end" -> args.isEmpty() ? null : "end takes no arguments";
            default -> "unknown action '" + action + "' — expected one of " + ACTIONS;
        };
    }

    private static boolean isAddress(final String text)
    {
        return Ipv4.parse(text) != Ipv4.INVALID;
    }

    /**
     * @param text e.g. {@code 90s}, {@code 5m}, {@code 1h}, {@code 1500ms}, {@code 1m30s}, {@code 0}.
     * @return nanoseconds, or -1 when not a time of at most 30 days.
     */
    static long time(final String text)
    {
        if ("0".equals(text))
        {
            return 0;
        }
        if (!text.matches("(\\d{1,9}(h|ms|m|s))+"))
        {
            return -1;
        }
        long totalMs = 0;
        int i = 0;
        while (i < text.length())
        {
            int j = i;
            while (Character.isDigit(text.charAt(j)))
            {
                j++;
            }
            final long value = Long.parseLong(text.substring(i, j));
            final boolean ms = text.startsWith("ms", j);
            final char unit = text.charAt(j);
            totalMs += ms ? value : value * (unit == 'h' ? 3_600_000L : unit == 'm' ? 60_000L : 1000L);
            i = j + (ms ? 2 : 1);
        }
        final long ns = totalMs * NS_PER_MS;
        return ns > MAX_NS ? -1 : ns;
    }

    /**
     * @return the steps in time order.
     */
    public List<Step> steps()
    {
        return steps;
    }
}
