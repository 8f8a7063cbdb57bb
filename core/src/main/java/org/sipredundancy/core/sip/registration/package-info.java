/**
 * REGISTER per (account, server slot) (SPEC R-SIP-5): a stable Call-ID and From tag, an increasing CSeq, digest
 * answers that reuse the nonce with a growing nc (R-SIP-4), 423 handled with Min-Expires, a refresh due at 90 % of
 * the granted expiry, and expires = 0 to leave. Where each REGISTER goes is the owner's choice (the redundancy
 * layer picks the candidate), so a {@link org.sipredundancy.core.sip.registration.Registration} only says when a
 * refresh is due and what became of each attempt, with the failure cause the owner acts on.
 */
package org.sipredundancy.core.sip.registration;
