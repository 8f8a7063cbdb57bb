/**
 * The phone's user agent server core (SPEC R-SIP-6): what the phone does with the requests servers send it —
 * OPTIONS keep-alives, NOTIFYs, incoming calls with their CANCEL and BYE — on top of the server transactions of
 * {@link org.sipredundancy.core.sip.transaction.ServerTransactions}. Requests from outside the account's server set
 * are dropped (anti-spoofing). Nothing here allocates once built.
 */
package org.sipredundancy.core.sip.uas;
