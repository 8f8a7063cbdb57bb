package org.sipredundancy.core.sim;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a client's {@code Authorization: Digest ...} header (RFC 7616 section 3.4), parsed leniently
 * for the simulated registrar: names are lower-cased, quotes and backslash escapes removed. Garbage yields an empty
 * or partial map, never an exception.
 */
final class SimDigestCredentials
{
    private final Map<String, String> params = new HashMap<>();
    private boolean digest;

    /**
     * Parse a header value.
     *
     * @param value the text after the colon.
     * @return this.
     */
    SimDigestCredentials parse(final String value)
    {
        params.clear();
        final String text = value.trim();
        digest = text.regionMatches(true, 0, "Digest", 0, 6) && (text.length() == 6 || text.charAt(6) == ' ');
        if (!digest)
        {
            return this;
        }
        int i = 6;
        final int n = text.length();
        while (i < n)
        {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\t'))
            {
                i++;
            }
            final int nameStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ',')
            {
                i++;
            }
            final String name = text.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || text.charAt(i) != '=')
            {
                continue;
            }
            i++;
            while (i < n && text.charAt(i) == ' ')
            {
                i++;
            }
            final StringBuilder v = new StringBuilder();
            if (i < n && text.charAt(i) == '"')
            {
                i++;
                while (i < n && text.charAt(i) != '"')
                {
                    if (text.charAt(i) == '\\' && i + 1 < n)
                    {
                        i++;
                    }
                    v.append(text.charAt(i++));
                }
                i++;
            }
            else
            {
                while (i < n && text.charAt(i) != ',')
                {
                    v.append(text.charAt(i++));
                }
            }
            params.put(name, v.toString().trim());
        }
        return this;
    }

    /**
     * @return whether the scheme was Digest.
     */
    boolean isDigest()
    {
        return digest;
    }

    /**
     * @param name a parameter name, lower case.
     * @return its value, or empty when absent.
     */
    String get(final String name)
    {
        return params.getOrDefault(name, "");
    }
}
