/**
 * The phone's SIP stack (SPEC section 4): {@link org.sipredundancy.core.sip.SipStack} wires the transport
 * ({@code transport}), the client transaction table ({@code transaction}) and the handler of incoming requests on
 * one duty cycle; the codec ({@code wire}), digest ({@code auth}) and REGISTER per server slot
 * ({@code registration}) live in the sub-packages.
 */
package org.sipredundancy.core.sip;
