package org.sipredundancy.core.sip.wire;

import org.agrona.MutableDirectBuffer;

/** TEMPORARY placeholder until the helper's encoder lands. */
public final class SipDerivedRequestEncoder
{
    /**
     * @param invite   x
     * @param response x
     * @param buffer   x
     * @param offset   x
     * @param capacity x
     * @return x
     */
    public int encodeAck(
        final SipMessageDecoder invite, final SipMessageDecoder response, final MutableDirectBuffer buffer,
        final int offset, final int capacity)
    {
        return -1;
    }
}
