package org.sipredundancy.core.sip.uas;

/**
 * Anti-spoofing (SPEC R-SIP-6): whether a request's source address belongs to the account's current server set.
 * Anything else is dropped unanswered and counted, so a stranger can neither ring the phone nor learn it is there.
 */
@FunctionalInterface
public interface RequestSourceFilter
{
    /**
     * @param remoteAddress the request's source IPv4 address.
     * @return true when it is one of the account's current servers.
     */
    boolean isAllowed(int remoteAddress);
}
