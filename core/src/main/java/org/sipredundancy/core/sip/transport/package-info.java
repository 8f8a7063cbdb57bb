/**
 * The SIP transport layer (SPEC R-SIP-1, R-SIP-3, R-BAD-2): SIP messages over the HAL
 * {@link org.sipredundancy.hal.Network} port. {@link org.sipredundancy.core.sip.transport.SipTransport} keeps a fixed
 * table of flows (the phone's UDP listener, a connected UDP endpoint per server, TCP and TLS connections made or
 * accepted), frames stream bytes by Content-Length, hands whole messages to a
 * {@link org.sipredundancy.core.sip.transport.SipMessageHandler} and turns every transport failure into one
 * flow failure, so the redundancy layer can move to the next server at once. Nothing here allocates once built.
 */
package org.sipredundancy.core.sip.transport;
