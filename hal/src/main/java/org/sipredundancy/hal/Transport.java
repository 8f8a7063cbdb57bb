package org.sipredundancy.hal;

/**
 * Transport protocols of a network endpoint, numbered as Yealink's {@code transport_type} numbers them
 * (0 UDP, 1 TCP, 2 TLS; 3, DNS-NAPTR, is a configuration choice that resolves to one of these).
 */
public final class Transport
{
    /** Datagrams; failures show as ICMP unreachable or silence. */
    public static final int UDP = 0;
    /** A byte stream; failures show as refused or reset connections. */
    public static final int TCP = 1;
    /** A TCP stream under TLS; adds certificate and handshake failures. */
    public static final int TLS = 2;

    private Transport()
    {
    }

    /**
     * The protocol's name as it appears in traces, SIP Via headers and CLI output.
     *
     * @param transport one of the constants of this class.
     * @return "UDP", "TCP", "TLS" or "?" for anything else.
     */
    public static String name(final int transport)
    {
        switch (transport)
        {
            case UDP:
                return "UDP";
            case TCP:
                return "TCP";
            case TLS:
                return "TLS";
            default:
                return "?";
        }
    }

    /**
     * Whether the transport is a byte stream (TCP or TLS), which has no retransmissions and no datagram boundaries.
     *
     * @param transport one of the constants of this class.
     * @return true for TCP and TLS.
     */
    public static boolean isStream(final int transport)
    {
        return transport == TCP || transport == TLS;
    }
}
