package org.sipredundancy.core.config;

import java.util.Arrays;

/**
 * The effective values of one scope at one place (an account, one of its servers or proxies, or one static DNS
 * record): defaults applied, inheritance resolved. The typed views ({@link AccountConfig}, {@link SipServerConfig}
 * …) read it; the printer walks it by the parameter table. Indexed by {@link Parameter#ordinal()}; slots of other
 * scopes stay empty. Immutable once built: the arrays are owned.
 */
final class SettingBlock
{
    private static final int COUNT = Parameter.values().length;

    private final Scope scope;
    private final long[] numbers;
    private final String[] texts;

    private SettingBlock(final Scope scope, final long[] numbers, final String[] texts)
    {
        this.scope = scope;
        this.numbers = numbers;
        this.texts = texts;
    }

    /**
     * Build a block from a source of effective values.
     *
     * @param scope  the scope whose stored parameters the block holds.
     * @param values gives the effective value of each parameter.
     * @return the block.
     */
    static SettingBlock of(final Scope scope, final ValueSource values)
    {
        final long[] numbers = new long[COUNT];
        final String[] texts = new String[COUNT];
        for (final Parameter parameter : ParameterTable.storedIn(scope))
        {
            if (parameter.rule().isNumeric())
            {
                numbers[parameter.ordinal()] = values.number(parameter);
            }
            else
            {
                texts[parameter.ordinal()] = values.text(parameter);
            }
        }
        return new SettingBlock(scope, numbers, texts);
    }

    /**
     * Where a block's values come from while it is built.
     */
    interface ValueSource
    {
        long number(Parameter parameter);

        String text(Parameter parameter);
    }

    Scope scope()
    {
        return scope;
    }

    long number(final Parameter parameter)
    {
        return numbers[parameter.ordinal()];
    }

    int intValue(final Parameter parameter)
    {
        return (int)numbers[parameter.ordinal()];
    }

    boolean flag(final Parameter parameter)
    {
        return numbers[parameter.ordinal()] != 0;
    }

    String text(final Parameter parameter)
    {
        return texts[parameter.ordinal()];
    }

    /**
     * The value as a provisioning file writes it.
     *
     * @param parameter a parameter stored in this block's scope.
     * @return the number in decimal, or the text.
     */
    String valueText(final Parameter parameter)
    {
        return parameter.rule().isNumeric() ? Long.toString(number(parameter)) : text(parameter);
    }

    /**
     * @return {@code {suffix=value, …}} in table order, with secrets masked.
     */
    String describe()
    {
        final StringBuilder builder = new StringBuilder("{");
        for (final Parameter parameter : ParameterTable.storedIn(scope))
        {
            if (builder.length() > 1)
            {
                builder.append(", ");
            }
            final String value = valueText(parameter);
            builder.append(parameter.suffix()).append('=')
                .append(parameter.isSecret() && !value.isEmpty() ? ConfigPrinter.MASK : value);
        }
        return builder.append('}').toString();
    }

    @Override
    public boolean equals(final Object other)
    {
        if (this == other)
        {
            return true;
        }
        if (!(other instanceof SettingBlock))
        {
            return false;
        }
        final SettingBlock that = (SettingBlock)other;
        return scope == that.scope && Arrays.equals(numbers, that.numbers) && Arrays.equals(texts, that.texts);
    }

    @Override
    public int hashCode()
    {
        return 31 * (31 * scope.hashCode() + Arrays.hashCode(numbers)) + Arrays.hashCode(texts);
    }

    @Override
    public String toString()
    {
        return describe();
    }
}
