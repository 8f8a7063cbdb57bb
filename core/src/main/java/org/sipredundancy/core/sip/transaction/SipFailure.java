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
    /**
     * The server answered with a final response that ends the attempt but says nothing about the server's
     * health (403, 404, 480…): not a reason to fail over (R-SIP-3), reported with its status code.
     */
    public static final int REJECTED = 9;
    /** The server challenged again after an answer to the same nonce: the credentials are wrong (R-SIP-4). */
    public static final int AUTH_REJECTED = 10;
    /** The transaction table was full, so the request was never sent (R-BAD-4). */
    public static final int NO_TRANSACTION = 11;

    private SipFailure()
    {
    }

    /**
     * Whether the cause says the server itself failed (R-SIP-3), so the redundancy layer moves on to the next
     * candidate; {@link #REJECTED}, {@link #AUTH_REJECTED} and {@link #NO_TRANSACTION} do not.
     *
     * @param cause a constant of this class.
     * @return true for timeouts, transport failures and 503.
     */
    public static boolean isServerFailure(final int cause)
    {
        return cause >= TIMEOUT && cause <= SEND_FAILED;
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
            case REJECTED:
                return "REJECTED";
            case AUTH_REJECTED:
                return "AUTH_REJECTED";
            case NO_TRANSACTION:
                return "NO_TRANSACTION";
            default:
                return "UNKNOWN(" + cause + ")";
        }
    }
}
