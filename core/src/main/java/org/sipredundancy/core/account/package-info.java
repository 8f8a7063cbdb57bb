/**
 * Accounts and their servers (SPEC sections 5–8). So far the parts every request path of an account shares: the
 * health table of its server candidates (R-FO-7) and the registration back-off after every candidate failed
 * (R-FO-1). The failover list, fallback, outbound proxies and failback modes build on them.
 */
package org.sipredundancy.core.account;
