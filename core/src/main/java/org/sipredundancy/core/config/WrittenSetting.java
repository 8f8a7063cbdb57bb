package org.sipredundancy.core.config;

/**
 * A parameter as the file wrote it (R-CFG-4: the value as written is kept beside the effective one): the line that
 * took effect for a key, after duplicates, and its value before defaults, inheritance and the 1-to-59 rule. Only
 * lines that applied to the model and firmware are kept. Immutable; {@link #toString()} masks a secret.
 *
 * @param parameter the parameter.
 * @param x         the account or record index.
 * @param y         the server or proxy slot, or 0 when the scope has none.
 * @param key       the key as written.
 * @param line      the line it was written on.
 * @param value     the value as written, trimmed; empty means "default". A password in clear: do not log it.
 * @param accepted  whether the value was accepted (possibly adjusted); false when it was rejected for the default.
 */
public record WrittenSetting(Parameter parameter, int x, int y, String key, int line, String value, boolean accepted)
{
    @Override
    public String toString()
    {
        final String shown = parameter.isSecret() && !value.isEmpty() ? ConfigPrinter.MASK : value;
        return key + " = " + shown + " (line " + line + (accepted ? ")" : ", rejected)");
    }
}
