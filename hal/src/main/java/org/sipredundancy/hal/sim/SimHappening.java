package org.sipredundancy.hal.sim;

/**
 * What a {@link SimNetwork} reports to its {@link SimTrace}: one constant per kind of network happening. The first
 * group concerns messages with bytes (UDP datagrams, TCP/TLS stream chunks); the second, the control packets of
 * connections and the answers a network sends back by itself.
 * <pre>
 *   message:  SENT -+-> DELIVERED                (into the destination's inbound queue)
 *                   +-> LOST                     (link loss, partition, dead or absent host)
 *                   +-> DROPPED_QUEUE_FULL       (the destination's queue had no room)
 *             DUPLICATED                         (the link made an extra copy, which then travels on its own)
 *             POOL_EXHAUSTED                     (refused at the sender: no room in flight)
 *   control:  CONNECT -> CONNECTED | REFUSED | TLS_FAILURE | LOST
 *             CLOSE, RESET, ICMP_UNREACHABLE
 * </pre>
 */
public final class SimHappening
{
    /** A host sent a datagram or a stream chunk. */
    public static final int SENT = 1;
    /** The link duplicated a datagram; the copy was scheduled. */
    public static final int DUPLICATED = 2;
    /** A datagram or stream chunk reached the destination's inbound queue. */
    public static final int DELIVERED = 3;
    /** A packet vanished: link loss, a partition, a dead or absent host. */
    public static final int LOST = 4;
    /** An event was dropped because the destination's inbound queue was full. */
    public static final int DROPPED_QUEUE_FULL = 5;
    /** A send was refused because the network's in-flight pool was exhausted. */
    public static final int POOL_EXHAUSTED = 6;
    /** A host started a TCP or TLS connection (SYN). */
    public static final int CONNECT = 7;
    /** A listener accepted a connection. */
    public static final int CONNECTED = 8;
    /** A connect was refused: no listener, or the host is dead with {@link DeadHostBehaviour#REJECT}. */
    public static final int REFUSED = 9;
    /** A TLS handshake failed (see {@link SimNetwork#failTls(int, boolean)}). */
    public static final int TLS_FAILURE = 10;
    /** A host closed a connection in an orderly way (FIN). */
    public static final int CLOSE = 11;
    /** A connection was reset (RST). */
    public static final int RESET = 12;
    /** A UDP datagram drew ICMP unreachable back to its sender. */
    public static final int ICMP_UNREACHABLE = 13;

    private SimHappening()
    {
    }

    /**
     * Whether a happening concerns a message with bytes, as opposed to a control packet.
     *
     * @param happening a constant of this class.
     * @return true for {@link #SENT} to {@link #POOL_EXHAUSTED}.
     */
    public static boolean isMessage(final int happening)
    {
        return happening >= SENT && happening <= POOL_EXHAUSTED;
    }

    /**
     * The happening's name as it appears in text traces.
     *
     * @param happening a constant of this class.
     * @return a short upper-case name.
     */
    public static String name(final int happening)
    {
        switch (happening)
        {
            case SENT:
                return "SENT";
            case DUPLICATED:
                return "DUPLICATED";
            case DELIVERED:
                return "DELIVERED";
            case LOST:
                return "LOST";
            case DROPPED_QUEUE_FULL:
                return "DROPPED_QUEUE_FULL";
            case POOL_EXHAUSTED:
                return "POOL_EXHAUSTED";
            case CONNECT:
                return "CONNECT";
            case CONNECTED:
                return "CONNECTED";
            case REFUSED:
                return "REFUSED";
            case TLS_FAILURE:
                return "TLS_FAILURE";
            case CLOSE:
                return "CLOSE";
            case RESET:
                return "RESET";
            case ICMP_UNREACHABLE:
                return "ICMP_UNREACHABLE";
            default:
                return "UNKNOWN";
        }
    }
}
