package org.sipredundancy.core.config;

import java.util.List;

/**
 * How requests return to the primary server after a failover ({@code failback_mode}, R-FO-3), in the seed's
 * numbering.
 */
public enum FailbackMode
{
    /** 0, newRequests: every new request tries the primary server first. */
    NEW_REQUESTS("newRequests"),
    /** 1, DNSTTL: the current server until the DNS TTL of its address runs out. */
    DNS_TTL("DNSTTL"),
    /** 2, registration: the current server until its registration is due for renewal. */
    REGISTRATION("registration"),
    /** 3, duration: the current server for {@code failback_timeout} seconds. */
    DURATION("duration");

    private static final FailbackMode[] BY_CODE = values();

    private final String label;

    FailbackMode(final String label)
    {
        this.label = label;
    }

    /**
     * @return the number a provisioning file writes for this mode.
     */
    public int code()
    {
        return ordinal();
    }

    /**
     * @return the name the seed uses, e.g. {@code newRequests}.
     */
    public String label()
    {
        return label;
    }

    /**
     * The mode a provisioning file's number stands for.
     *
     * @param code the number, 0 to 3.
     * @return the mode.
     * @throws IllegalArgumentException when the number stands for none.
     */
    public static FailbackMode fromCode(final long code)
    {
        if (code < 0 || code >= BY_CODE.length)
        {
            throw new IllegalArgumentException("no failback mode " + code);
        }
        return BY_CODE[(int)code];
    }

    /**
     * @return the labels in code order, for the parameter table's permitted values.
     */
    public static List<String> labels()
    {
        return List.of(NEW_REQUESTS.label, DNS_TTL.label, REGISTRATION.label, DURATION.label);
    }
}
