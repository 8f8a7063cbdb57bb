package org.sipredundancy.core.sim;

/**
 * One server transaction of a {@link SimSipServer} (RFC 3261 section 17.2): the request's bytes, where it came
 * from, and the last response sent, which a retransmission of the request draws again instead of being handled
 * twice. Simulation only: it holds a copy of the request.
 */
final class SimSipTransaction
{
    final byte[] request;
    final int remoteAddress;
    final int remotePort;
    final int tcpHandle;
    final String toTag;
    byte[] lastResponse;
    /** The key {@link SimTransactions} keeps it under, and its hash. */
    byte[] key;
    long keyHash;
    boolean finalSent;

    SimSipTransaction(
        final byte[] request, final int remoteAddress, final int remotePort, final int tcpHandle, final String toTag)
    {
        this.request = request;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        this.tcpHandle = tcpHandle;
        this.toTag = toTag;
    }

    boolean tcp()
    {
        return tcpHandle >= 0;
    }
}
