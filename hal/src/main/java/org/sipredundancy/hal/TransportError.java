package org.sipredundancy.hal;

/**
 * Why a transport reported failure. These are the failure kinds the redundancy layer acts on
 * (SPEC R-SIP-3): a server has failed when a TCP/TLS connect or send fails, or a UDP request draws
 * an ICMP unreachable.
 */
public final class TransportError
{
    /** No error. */
    public static final int NONE = 0;
    /** A UDP datagram drew ICMP port or host unreachable (seen on connected UDP endpoints). */
    public static final int ICMP_UNREACHABLE = 1;
    /** A TCP or TLS connect was refused (RST in answer to SYN). */
    public static final int CONNECTION_REFUSED = 2;
    /** An established TCP or TLS connection was reset by the peer. */
    public static final int CONNECTION_RESET = 3;
    /** The TLS handshake failed or the server's certificate did not verify. */
    public static final int TLS_FAILURE = 4;
    /** A connect got no answer within the host's connect time-out. */
    public static final int CONNECT_TIMEOUT = 5;
    /** The peer closed the connection in an orderly way. */
    public static final int PEER_CLOSED = 6;
    /** Any other I/O failure of the host's socket layer. */
    public static final int IO_ERROR = 7;

    private TransportError()
    {
    }

    /**
     * The cause's name as it appears in traces and event streams.
     *
     * @param cause one of the constants of this class.
     * @return a short upper-case name.
     */
    public static String name(final int cause)
    {
        switch (cause)
        {
            case NONE:
                return "NONE";
            case ICMP_UNREACHABLE:
                return "ICMP_UNREACHABLE";
            case CONNECTION_REFUSED:
                return "CONNECTION_REFUSED";
            case CONNECTION_RESET:
                return "CONNECTION_RESET";
            case TLS_FAILURE:
                return "TLS_FAILURE";
            case CONNECT_TIMEOUT:
                return "CONNECT_TIMEOUT";
            case PEER_CLOSED:
                return "PEER_CLOSED";
            case IO_ERROR:
                return "IO_ERROR";
            default:
                return "UNKNOWN";
        }
    }
}
