package org.sipredundancy.hal;

/**
 * Results of {@link Network} calls. Zero or more means accepted (for opens, the new handle); a negative
 * value means refused, and the caller's state does not move, so the step is simply retried on a later
 * duty cycle.
 */
public final class NetworkStatus
{
    /** Accepted. */
    public static final int OK = 0;
    /** No room right now (send buffers or hand-off pool exhausted); try again on a later cycle. */
    public static final int BACK_PRESSURED = -1;
    /** The handle is not open. */
    public static final int UNKNOWN_HANDLE = -2;
    /** The message is longer than the endpoint can carry. */
    public static final int TOO_LONG = -3;
    /** A stream handle whose connection is not established (yet, or any more). */
    public static final int NOT_CONNECTED = -4;
    /** The host could not open or bind the endpoint. */
    public static final int OPEN_FAILED = -5;
    /** The fixed table of endpoints is full. */
    public static final int NO_CAPACITY = -6;
    /** The call does not apply to this kind of endpoint (e.g. a datagram to a listener). */
    public static final int WRONG_KIND = -7;

    private NetworkStatus()
    {
    }

    /**
     * The status's name for diagnostics.
     *
     * @param status a value returned by a {@link Network} call.
     * @return "OK" for any non-negative value, else the constant's name.
     */
    public static String name(final int status)
    {
        if (status >= 0)
        {
            return "OK";
        }
        switch (status)
        {
            case BACK_PRESSURED:
                return "BACK_PRESSURED";
            case UNKNOWN_HANDLE:
                return "UNKNOWN_HANDLE";
            case TOO_LONG:
                return "TOO_LONG";
            case NOT_CONNECTED:
                return "NOT_CONNECTED";
            case OPEN_FAILED:
                return "OPEN_FAILED";
            case NO_CAPACITY:
                return "NO_CAPACITY";
            case WRONG_KIND:
                return "WRONG_KIND";
            default:
                return "UNKNOWN_STATUS";
        }
    }
}
