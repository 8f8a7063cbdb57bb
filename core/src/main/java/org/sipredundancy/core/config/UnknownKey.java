package org.sipredundancy.core.config;

/**
 * A key this core does not implement (R-CFG-1): real files hold hundreds, for codecs, VLANs, keys and more. It is
 * kept with its last value so that a tool can show or pass it on, and is otherwise ignored. Immutable;
 * {@link #toString()} leaves the value out, since such a value may be any secret.
 *
 * @param key   the key as written.
 * @param line  the last line it was written on.
 * @param value the last value written for it, trimmed.
 */
public record UnknownKey(String key, int line, String value)
{
    @Override
    public String toString()
    {
        return key + " (line " + line + ")";
    }
}
