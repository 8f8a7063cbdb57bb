package org.sipredundancy.core.config;

import org.sipredundancy.profiles.HardwareProfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lookups over the {@link Parameter} table: the parameters of a scope in table order, a key as written matched to
 * its parameter and indexes (R-CFG-5), and the table rendered as documentation. Immutable and thread safe.
 */
public final class ParameterTable
{
    private static final int MAX_INDEX_DIGITS = 9;

    private static final Map<Scope, List<Parameter>> DECLARED = new EnumMap<>(Scope.class);
    private static final Map<Scope, List<Parameter>> STORED = new EnumMap<>(Scope.class);
    private static final Map<Scope, Map<String, Parameter>> BY_SUFFIX = new EnumMap<>(Scope.class);

    static
    {
        for (final Scope scope : Scope.values())
        {
            final List<Parameter> declared = new ArrayList<>();
            final List<Parameter> stored = new ArrayList<>();
            final Map<String, Parameter> bySuffix = new HashMap<>();
            for (final Parameter parameter : Parameter.values())
            {
                if (parameter.scope() == scope)
                {
                    declared.add(parameter);
                    bySuffix.put(parameter.suffix(), parameter);
                    if (!parameter.isLegacyAlias())
                    {
                        stored.add(parameter);
                    }
                }
            }
            DECLARED.put(scope, Collections.unmodifiableList(declared));
            STORED.put(scope, Collections.unmodifiableList(stored));
            BY_SUFFIX.put(scope, Map.copyOf(bySuffix));
        }
    }

    private ParameterTable()
    {
    }

    /**
     * @return every parameter, in table order.
     */
    public static List<Parameter> all()
    {
        return List.of(Parameter.values());
    }

    /**
     * The parameters whose keys belong to a scope, in table order; for {@link Scope#ACCOUNT} this includes the
     * legacy outbound proxy keys.
     *
     * @param scope the scope.
     * @return the parameters, unmodifiable.
     */
    public static List<Parameter> declaredIn(final Scope scope)
    {
        return DECLARED.get(scope);
    }

    /**
     * The parameters whose values a scope holds once read: those declared in it, less the legacy keys, which are
     * stored as outbound proxy parameters.
     *
     * @param scope the scope.
     * @return the parameters, unmodifiable.
     */
    public static List<Parameter> storedIn(final Scope scope)
    {
        return STORED.get(scope);
    }

    /**
     * The parameter of a scope with a suffix.
     *
     * @param scope  the scope.
     * @param suffix the part of the key after the scope's prefix.
     * @return the parameter, or null when there is none.
     */
    public static Parameter find(final Scope scope, final String suffix)
    {
        return BY_SUFFIX.get(scope).get(suffix);
    }

    /**
     * The parameter a key pattern names, e.g. {@code account.X.sip_server.Y.port}.
     *
     * @param keyPattern the key with X and Y as the seed writes them.
     * @return the parameter, or null when there is none.
     */
    public static Parameter findByPattern(final String keyPattern)
    {
        for (final Parameter parameter : Parameter.values())
        {
            if (parameter.keyPattern().equals(keyPattern))
            {
                return parameter;
            }
        }
        return null;
    }

    /**
     * Match a key as written (keys are case-sensitive, as Yealink writes them all in lower case).
     *
     * @param key     the key, trimmed.
     * @param profile the model, which bounds X of {@code account.X}.
     * @return the match.
     */
    static KeyMatch match(final String key, final HardwareProfile profile)
    {
        final int firstDot = key.indexOf('.');
        if (firstDot <= 0)
        {
            return KeyMatch.UNKNOWN;
        }
        final String head = key.substring(0, firstDot);
        for (final Scope scope : Scope.values())
        {
            if (scope.hasSlot() && scope.head().equals(head))
            {
                final KeyMatch match = matchIn(scope, key, firstDot, profile);
                if (match.status() != KeyMatch.Status.UNKNOWN)
                {
                    return match;
                }
            }
        }
        for (final Scope scope : Scope.values())
        {
            if (!scope.hasSlot() && scope.head().equals(head))
            {
                return matchIn(scope, key, firstDot, profile);
            }
        }
        return KeyMatch.UNKNOWN;
    }

    /**
     * Whether a key that matches nothing would match a parameter if case were ignored, so that a diagnostic can
     * suggest the spelling.
     *
     * @param key     the key as written.
     * @param profile the model.
     * @return the key in lower case when that names a parameter, otherwise null.
     */
    static String caseInsensitiveSuggestion(final String key, final HardwareProfile profile)
    {
        final String lower = key.toLowerCase(Locale.ROOT);
        if (lower.equals(key))
        {
            return null;
        }
        return match(lower, profile).status() == KeyMatch.Status.UNKNOWN ? null : lower;
    }

    private static KeyMatch matchIn(
        final Scope scope, final String key, final int firstDot, final HardwareProfile profile)
    {
        final int xEnd = key.indexOf('.', firstDot + 1);
        if (xEnd < 0)
        {
            return KeyMatch.UNKNOWN;
        }
        final String xText = key.substring(firstDot + 1, xEnd);
        int suffixStart = xEnd + 1;
        String yText = null;
        if (scope.hasSlot())
        {
            final String slotHead = scope.slotName() + ".";
            if (!key.startsWith(slotHead, suffixStart))
            {
                return KeyMatch.UNKNOWN;
            }
            final int yStart = suffixStart + slotHead.length();
            final int yEnd = key.indexOf('.', yStart);
            if (yEnd < 0)
            {
                return KeyMatch.UNKNOWN;
            }
            yText = key.substring(yStart, yEnd);
            suffixStart = yEnd + 1;
        }

        final Parameter parameter = find(scope, key.substring(suffixStart));
        if (null == parameter)
        {
            return KeyMatch.UNKNOWN;
        }

        final int maxX = scope.maxIndex(profile);
        final int x = index(xText, maxX);
        if (x <= 0)
        {
            final String what = scope.isAccount() ? "account" : "record";
            return KeyMatch.badIndex(parameter, describeBadIndex(what, 'X', xText, maxX, scope, profile),
                "X from 1 to " + maxX);
        }
        final int y = null == yText ? 0 : index(yText, Scope.SLOTS);
        if (y < 0)
        {
            return KeyMatch.badIndex(parameter, describeBadIndex(scope.slotName(), 'Y', yText, Scope.SLOTS, scope,
                profile), "Y from 1 to " + Scope.SLOTS);
        }
        return KeyMatch.found(parameter, x, y);
    }

    /**
     * @return the index, or -1 when the text is not a plain decimal number from 1 to max.
     */
    private static int index(final String text, final int max)
    {
        if (text.isEmpty() || text.length() > MAX_INDEX_DIGITS)
        {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value >= 1 && value <= max ? value : -1;
    }

    private static String describeBadIndex(
        final String what,
        final char placeholder,
        final String text,
        final int max,
        final Scope scope,
        final HardwareProfile profile)
    {
        final String range = "1 to " + max;
        final String whose = scope.isAccount() && placeholder == 'X' ? " on " + profile.modelId() : "";
        if (text.length() == 1 && Character.toUpperCase(text.charAt(0)) == placeholder)
        {
            return "'" + text + "' is the documentation's placeholder for the " + what +
                " index; write a number from " + range;
        }
        if (isDigits(text))
        {
            return what + " index " + TextEscaper.shorten(text) + " is outside " + range + whose;
        }
        return what + " index '" + TextEscaper.shorten(text) + "' is not a number from " + range;
    }

    private static boolean isDigits(final String text)
    {
        if (text.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The table as Markdown, one row per parameter: key, permitted values, default, where it applies, meaning.
     * The documentation is generated from here so that it cannot drift from what the parser does.
     *
     * @return the Markdown table, ending with a newline.
     */
    public static String markdown()
    {
        final StringBuilder builder = new StringBuilder(16 * 1024);
        builder.append("| parameter | permitted values | default | applies to | meaning |\n");
        builder.append("| --- | --- | --- | --- | --- |\n");
        for (final Parameter parameter : Parameter.values())
        {
            builder.append("| `").append(parameter.keyPattern()).append("` | ")
                .append(parameter.rule().permitted()).append(" | ")
                .append(parameter.describeDefault()).append(" | ")
                .append(parameter.applicability().requirement()).append(" | ")
                .append(parameter.meaning()).append(" |\n");
        }
        return builder.toString();
    }
}
