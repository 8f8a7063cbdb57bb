package org.sipredundancy.core.config;

/**
 * Makes text from a provisioning file safe to show: control characters become {@code \\uXXXX} escapes and very
 * long text is shortened, so that a diagnostic stays one readable line and bounded in size whatever the file holds.
 */
final class TextEscaper
{
    /** The longest key or value a diagnostic carries as written; longer text is shortened. */
    static final int MAX_SHOWN_CHARS = 200;

    private TextEscaper()
    {
    }

    static String escape(final String text)
    {
        StringBuilder builder = null;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (Character.isISOControl(c))
            {
                if (null == builder)
                {
                    builder = new StringBuilder(text.length() + 16);
                    builder.append(text, 0, i);
                }
                builder.append(String.format("\\u%04x", (int)c));
            }
            else if (null != builder)
            {
                builder.append(c);
            }
        }
        return null == builder ? text : builder.toString();
    }

    static String shorten(final String text)
    {
        if (text.length() <= MAX_SHOWN_CHARS)
        {
            return text;
        }
        return text.substring(0, MAX_SHOWN_CHARS) + "... (" + text.length() + " characters)";
    }
}
