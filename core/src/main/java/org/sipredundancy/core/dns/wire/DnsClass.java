package org.sipredundancy.core.dns.wire;

/**
 * Record classes (RFC 1035 section 3.2.4). The phone only ever asks in the Internet class; the decoder reports
 * whatever class an answer carries and leaves it to the caller to ignore records of other classes.
 */
public final class DnsClass
{
    /** The Internet. */
    public static final int IN = 1;

    private DnsClass()
    {
    }
}
