package org.sipredundancy.core.config;

import java.util.List;

/**
 * How an account uses its working and fallback servers ({@code account.X.fallback.redundancy_type}, R-FB-2,
 * R-FB-3).
 */
public enum RedundancyType
{
    /** 0: registered with both servers at once. */
    CONCURRENT("concurrent registration"),
    /** 1: registered with one server at a time, the fallback only when the working server fails. */
    SUCCESSIVE("successive registration");

    private static final RedundancyType[] BY_CODE = values();

    private final String label;

    RedundancyType(final String label)
    {
        this.label = label;
    }

    /**
     * @return the number a provisioning file writes for this type.
     */
    public int code()
    {
        return ordinal();
    }

    /**
     * @return the seed's name for the type.
     */
    public String label()
    {
        return label;
    }

    /**
     * The type a provisioning file's number stands for.
     *
     * @param code the number, 0 or 1.
     * @return the type.
     * @throws IllegalArgumentException when the number stands for none.
     */
    public static RedundancyType fromCode(final long code)
    {
        if (code < 0 || code >= BY_CODE.length)
        {
            throw new IllegalArgumentException("no redundancy type " + code);
        }
        return BY_CODE[(int)code];
    }

    /**
     * @return the labels in code order, for the parameter table's permitted values.
     */
    public static List<String> labels()
    {
        return List.of(CONCURRENT.label, SUCCESSIVE.label);
    }
}
