/**
 * RFC 3261 transactions (SPEC R-SIP-2, R-SIP-3, R-BAD-4): fixed tables of client and server transactions that
 * retransmit over unreliable flows, time out with Timer B/F, and give up early on a candidate that is not the last
 * one (the Yealink retry budget). Every way a request can fail reaches its transaction user with a
 * {@link org.sipredundancy.core.sip.transaction.SipFailure} cause, which is what the redundancy layer acts on.
 * <p>
 * The tables know nothing about accounts or servers and nothing about sockets: requests leave through a
 * {@link org.sipredundancy.core.sip.transaction.SipSender} and responses are handed in by whoever reads the
 * network. Nothing here allocates once built.
 */
package org.sipredundancy.core.sip.transaction;
