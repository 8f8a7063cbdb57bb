package org.sipredundancy.core.config;

import java.util.List;

/**
 * The transport of a SIP server ({@code account.X.sip_server.Y.transport_type}), as the seed numbers it. DNS-NAPTR
 * lets the NAPTR records of the server's domain choose (R-CFG-4, R-DNS-3).
 */
public enum TransportType
{
    /** 0: SIP over UDP. */
    UDP("UDP"),
    /** 1: SIP over TCP. */
    TCP("TCP"),
    /** 2: SIP over TLS. */
    TLS("TLS"),
    /** 3: the transport is found by a NAPTR query (RFC 3263). */
    DNS_NAPTR("DNS-NAPTR");

    private static final TransportType[] BY_CODE = values();

    private final String label;

    TransportType(final String label)
    {
        this.label = label;
    }

    /**
     * @return the number a provisioning file writes for this transport.
     */
    public int code()
    {
        return ordinal();
    }

    /**
     * @return the name the seed and the web interface use, e.g. {@code DNS-NAPTR}.
     */
    public String label()
    {
        return label;
    }

    /**
     * The transport a provisioning file's number stands for.
     *
     * @param code the number, 0 to 3.
     * @return the transport.
     * @throws IllegalArgumentException when the number stands for none.
     */
    public static TransportType fromCode(final long code)
    {
        if (code < 0 || code >= BY_CODE.length)
        {
            throw new IllegalArgumentException("no transport type " + code);
        }
        return BY_CODE[(int)code];
    }

    /**
     * @return the labels in code order, for the parameter table's permitted values.
     */
    public static List<String> labels()
    {
        return List.of(UDP.label, TCP.label, TLS.label, DNS_NAPTR.label);
    }
}
