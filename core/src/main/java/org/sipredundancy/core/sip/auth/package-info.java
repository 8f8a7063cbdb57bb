/**
 * SIP digest authentication (SPEC R-SIP-4, R-BAD-5): {@link org.sipredundancy.core.sip.auth.DigestChallenge}
 * reads a 401/407 challenge in place, and {@link org.sipredundancy.core.sip.auth.DigestAuthenticator} answers it
 * with MD5, MD5-sess, SHA-256 or SHA-256-sess (RFC 7616, RFC 8760, RFC 2617) into a caller's buffer, with
 * preallocated digests and scratch space, and a masked rendering for logs that never shows the response or the
 * password.
 */
package org.sipredundancy.core.sip.auth;
