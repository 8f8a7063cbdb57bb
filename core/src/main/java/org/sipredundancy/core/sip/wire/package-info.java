/**
 * The SIP wire codec (SPEC R-SIP-5, R-BAD-2): RFC 3261 messages read in place by a flyweight over an Agrona
 * buffer. {@link org.sipredundancy.core.sip.wire.SipMessageDecoder} checks the framing of a whole message once
 * with bounded work and then offers the fields a registration needs as index/length pairs or
 * {@link org.agrona.AsciiSequenceView}s. The codec knows nothing about sockets or transactions, and nothing here
 * allocates once warm.
 */
package org.sipredundancy.core.sip.wire;
