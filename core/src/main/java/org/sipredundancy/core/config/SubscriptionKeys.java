package org.sipredundancy.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the subscription keys of a file ({@link SubscriptionSettings}) while it is parsed: keys outside the seed's
 * parameter table, so the parser offers them here before calling them "not used". A bad value is reported with what
 * is done instead, like any parameter's.
 */
final class SubscriptionKeys
{
    /** Highest DSS key number read. */
    static final int MAX_KEYS = 200;
    /** Yealink's line key type for BLF. */
    static final int TYPE_BLF = 16;
    private static final int MAX_EXTENSION = 32;
    private static final int MIN_EXPIRES_S = 60;
    private static final int MAX_EXPIRES_S = 84600;
    private static final Pattern LINE_KEY = Pattern.compile("linekey\\.([1-9]\\d{0,2})\\.(type|value|line)");
    private static final Pattern ACCOUNT = Pattern.compile(
        "account\\.([1-9]\\d?)\\.(subscribe_mwi|subscribe_mwi_expires|blf\\.subscribe_period)");

    private final int accountCount;
    private final DiagnosticCollector diagnostics;
    private final Map<Integer, Integer> types = new TreeMap<>();
    private final Map<Integer, Integer> typeLines = new TreeMap<>();
    private final Set<Integer> valueGiven = new TreeSet<>();
    private final Map<Integer, String> values = new TreeMap<>();
    private final Map<Integer, Integer> lines = new TreeMap<>();
    private final Map<Integer, Integer> mwi = new TreeMap<>();
    private final Map<Integer, Integer> mwiExpiresS = new TreeMap<>();
    private final Map<Integer, Integer> blfPeriodS = new TreeMap<>();

    SubscriptionKeys(final int accountCount, final DiagnosticCollector diagnostics)
    {
        this.accountCount = accountCount;
        this.diagnostics = diagnostics;
    }

    /**
     * @param line  the file line.
     * @param key   a key the seed's table does not know.
     * @param value its value, trimmed.
     * @return whether the key is a subscription key (then it is handled here, bad values reported).
     */
    boolean accept(final int line, final String key, final String value)
    {
        final Matcher lineKey = LINE_KEY.matcher(key);
        if (lineKey.matches())
        {
            final int n = Integer.parseInt(lineKey.group(1));
            if (n > MAX_KEYS)
            {
                return false;
            }
            switch (lineKey.group(2))
            {
                case "type" ->
                {
                    number(line, key, value, 0, Integer.MAX_VALUE, "0 or more", types, n);
                    typeLines.put(n, line);
                }
                case "line" -> number(line, key, value, 1, accountCount, "1 to " + accountCount, lines, n);
                default ->
                {
                    extension(line, key, value, n);
                    valueGiven.add(n);
                }
            }
            return true;
        }
        final Matcher account = ACCOUNT.matcher(key);
        if (!account.matches())
        {
            return false;
        }
        final int x = Integer.parseInt(account.group(1));
        if (x > accountCount)
        {
            diagnostics.add(DiagnosticKind.BAD_INDEX, line, key, value, "account 1 to " + accountCount, "ignored",
                key + ": this model has " + accountCount + " accounts; the line is ignored");
            return true;
        }
        final String range = MIN_EXPIRES_S + " to " + MAX_EXPIRES_S;
        switch (account.group(2))
        {
            case "subscribe_mwi" -> number(line, key, value, 0, 1, "0 or 1", mwi, x);
            case "subscribe_mwi_expires" ->
                number(line, key, value, MIN_EXPIRES_S, MAX_EXPIRES_S, range, mwiExpiresS, x);
            default -> number(line, key, value, MIN_EXPIRES_S, MAX_EXPIRES_S, range, blfPeriodS, x);
        }
        return true;
    }

    private void number(
        final int line,
        final String key,
        final String value,
        final int min,
        final int max,
        final String permitted,
        final Map<Integer, Integer> into,
        final int index)
    {
        if (value.isEmpty())
        {
            into.remove(index);
            return;
        }
        final NumberText number = NumberText.parse(value);
        if (number.status() == NumberText.Status.NUMBER && number.value() >= min && number.value() <= max)
        {
            into.put(index, (int)number.value());
            return;
        }
        diagnostics.add(number.status() == NumberText.Status.NUMBER ? DiagnosticKind.OUT_OF_RANGE :
            DiagnosticKind.NOT_A_NUMBER, line, key, value, permitted, "the default",
            key + " = " + TextEscaper.shorten(value) + " is not " + permitted + "; the default is used");
    }

    private void extension(final int line, final String key, final String value, final int n)
    {
        if (value.length() > MAX_EXTENSION || !value.chars().allMatch(c -> Character.isLetterOrDigit(c) ||
            c == '*' || c == '#' || c == '+' || c == '.' || c == '-' || c == '_'))
        {
            diagnostics.add(DiagnosticKind.UNKNOWN_VALUE, line, key, value, "an extension of at most " +
                MAX_EXTENSION + " characters", "no BLF on key " + n, key + " = " + TextEscaper.shorten(value) +
                " is not an extension a SIP URI can carry; DSS key " + n + " monitors nothing");
            values.remove(n);
            return;
        }
        values.put(n, value);
    }

    /**
     * The settings the file makes: a BLF key for every {@code linekey.N} of type 16 with an extension. A line key of
     * another type (speed dial, line, ...) is noted as not used here (0 is "no function" and says nothing), and a
     * BLF key without an extension is reported: it monitors nothing.
     *
     * @return the settings.
     */
    SubscriptionSettings build()
    {
        final List<BlfKey> keys = new ArrayList<>();
        for (final Map.Entry<Integer, Integer> type : types.entrySet())
        {
            final int n = type.getKey();
            final String extension = values.get(n);
            final String key = "linekey." + n + ".type";
            if (type.getValue() == TYPE_BLF && extension != null && !extension.isEmpty())
            {
                keys.add(new BlfKey(n, lines.getOrDefault(n, 1), extension));
            }
            else if (type.getValue() == TYPE_BLF && !valueGiven.contains(n))
            {
                diagnostics.add(DiagnosticKind.NOT_APPLICABLE, typeLines.get(n), key, String.valueOf(TYPE_BLF),
                    "a BLF key with linekey." + n + ".value", "no BLF on key " + n,
                    key + " = 16 (BLF) but no linekey." + n + ".value names an extension; DSS key " + n +
                    " monitors nothing");
            }
            else if (type.getValue() != TYPE_BLF && type.getValue() != 0)
            {
                diagnostics.add(DiagnosticKind.UNKNOWN_KEY, typeLines.get(n), key, String.valueOf(type.getValue()),
                    "16 (BLF)", "ignored", key + " = " + type.getValue() + " is not used by this core (only BLF " +
                    "keys, type 16, act here); kept and ignored");
            }
        }
        final Map<Integer, Integer> mwiAccounts = new TreeMap<>();
        mwi.forEach((x, on) ->
        {
            if (on == 1)
            {
                mwiAccounts.put(x, mwiExpiresS.getOrDefault(x, SubscriptionSettings.DEFAULT_MWI_EXPIRES_S));
            }
        });
        return new SubscriptionSettings(keys, mwiAccounts, blfPeriodS);
    }
}
