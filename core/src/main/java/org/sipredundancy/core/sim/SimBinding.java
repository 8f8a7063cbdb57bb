package org.sipredundancy.core.sim;

/**
 * One registration held by a {@link SimSipServer} (RFC 3261 section 10.3): what a test checks to see that the
 * phone registered where it should, until when, and with which Call-ID and CSeq.
 *
 * @param user          the user part of the address of record (the To URI).
 * @param contact       the Contact URI, without angle brackets or parameters.
 * @param expiresAtNs   the virtual time the binding runs out.
 * @param sourceAddress the IPv4 address the REGISTER came from.
 * @param sourcePort    its source port.
 * @param callId        the REGISTER's Call-ID.
 * @param cseq          the REGISTER's CSeq number.
 */
public record SimBinding(
    String user, String contact, long expiresAtNs, int sourceAddress, int sourcePort, String callId, long cseq)
{
}
