package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;

/**
 * Receives one call per network happening of a {@link SimNetwork}: the SIP ladder of a run, and the thing two runs
 * with the same seed must agree on byte for byte (SPEC R-RT-3, R-RT-4). {@link TextSimTrace} writes readable
 * lines; {@link ChecksumSimTrace} folds everything into a running checksum without allocating, for long runs.
 * <p>
 * Called on the simulation's thread from inside network calls; an implementation must not call back into the
 * network.
 */
@FunctionalInterface
public interface SimTrace
{
    /** A trace that ignores everything; the network then skips the work of preparing the bytes. */
    SimTrace NONE = (happening, timeNs, transport, sourceAddress, sourcePort, destinationAddress, destinationPort,
        payload, length) ->
    {
    };

    /**
     * One happening.
     *
     * @param happening          a {@link SimHappening}.
     * @param timeNs             virtual time of the happening in nanoseconds.
     * @param transport          a {@link org.sipredundancy.hal.Transport}; ICMP is reported as UDP.
     * @param sourceAddress      IPv4 address of the packet's sender.
     * @param sourcePort         the sender's port.
     * @param destinationAddress IPv4 address of the packet's destination.
     * @param destinationPort    the destination's port.
     * @param payload            the packet's bytes in {@code [0, length)}; valid only during the call.
     * @param length             number of bytes; 0 for control packets.
     */
    void onHappening(
        int happening,
        long timeNs,
        int transport,
        int sourceAddress,
        int sourcePort,
        int destinationAddress,
        int destinationPort,
        DirectBuffer payload,
        int length);
}
