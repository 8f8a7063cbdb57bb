package org.sipredundancy.hal.sim;

/**
 * How a killed host looks from the rest of a {@link SimNetwork}. These are the two ways a real server dies, and the
 * phone notices them very differently (SPEC R-SIP-3): at once from an answer, or only from its own timers.
 */
public enum DeadHostBehaviour
{
    /**
     * The server process died but its machine still answers: a UDP datagram draws ICMP unreachable back to a
     * connected sender ({@link org.sipredundancy.hal.TransportError#ICMP_UNREACHABLE}), a TCP or TLS connect is
     * refused ({@link org.sipredundancy.hal.TransportError#CONNECTION_REFUSED}) and every open connection is
     * reset ({@link org.sipredundancy.hal.TransportError#CONNECTION_RESET} at the peer).
     */
    REJECT,

    /**
     * The machine is off or unplugged: everything sent to it vanishes and nothing ever comes back; open
     * connections stay open at the peer and their bytes are black-holed.
     */
    SILENT
}
