package org.sipredundancy.core.cli;

/**
 * Just enough JSON for the command line's machine-readable output: strings quoted and escaped per RFC 8259.
 */
final class JsonText
{
    private JsonText()
    {
    }

    /**
     * Append a JSON string literal.
     *
     * @param text the text, any characters.
     * @param out  where to append.
     * @return {@code out}.
     */
    static StringBuilder quote(final String text, final StringBuilder out)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
            }
        }
        return out.append('"');
    }
}
