package org.sipredundancy.core.sip.transaction;

import org.sipredundancy.hal.TransportError;

/**
 * Why a request failed, as its transaction user is told (SPEC R-SIP-3). These are the causes on which the
 * redundancy layer moves to the next candidate and marks a server in its health table.
 */
public final class SipFailure
{
    /** No answer: Timer B/F ran out, or the retry budget of a non-last candidate was spent. */
    public static final int TIMEOUT = 1;
    /** A UDP request drew ICMP port or host unreachable. */
    public static final int ICMP_UNREACHABLE = 2;
    /** A TCP or TLS connect was refused. */
    public static final int CONNECTION_REFUSED = 3;
    /** A TCP or TLS connection was reset or closed by the server, or failed otherwise. */
    public static final int CONNECTION_RESET = 4;
    /** The TLS handshake failed or the server's certificate did not verify (R-SIP-1). */
    public static final int TLS_FAILURE = 5;
    /** A connect got no answer within the host's connect time-out. */
    public static final int CONNECT_TIMEOUT = 6;
    /** The server answered 503 Service Unavailable; its Retry-After comes with it (RFC 3263 section 4.3). */
    public static final int SERVICE_UNAVAILABLE = 7;
    /** The request could not be sent at all (the network refused it), so nothing reached the server. */
    public static final int SEND_FAILED = 8;

    private SipFailure()
    {
    }

    /**
     * The failure a transport error means for a request in flight.
     *
     * @param transportError a {@link TransportError} constant.
     * @return the matching cause of this class.
     */
    public static int fromTransportError(final int transportError)
    {
        switch (transportError)
        {
            case TransportError.ICMP_UNREACHABLE:
                return ICMP_UNREACHABLE;
            case TransportError.CONNECTION_REFUSED:
                return CONNECTION_REFUSED;
            case TransportError.TLS_FAILURE:
                return TLS_FAILURE;
            case TransportError.CONNECT_TIMEOUT:
                return CONNECT_TIMEOUT;
            default:
                return CONNECTION_RESET;
        }
    }

    /**
     * The cause's name as it appears in traces and the event stream.
     *
     * @param cause a constant of this class.
     * @return a short upper-case name.
     */
    public static String name(final int cause)
    {
        switch (cause)
        {
            case TIMEOUT:
                return "TIMEOUT";
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
            case SERVICE_UNAVAILABLE:
                return "SERVICE_UNAVAILABLE";
            case SEND_FAILED:
                return "SEND_FAILED";
            default:
                return "UNKNOWN(" + cause + ")";
        }
    }
}
