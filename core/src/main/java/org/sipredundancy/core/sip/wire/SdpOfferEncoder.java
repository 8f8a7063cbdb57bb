package org.sipredundancy.core.sip.wire;

import org.agrona.MutableDirectBuffer;

/**
 * Writes the SDP offer an INVITE carries (SPEC R-SIP-7: media is out of scope, but a real peer rejects an INVITE
 * without a valid offer): one audio stream offering PCMU, PCMA and telephone-event, as a desk phone's minimal
 * offer looks. No RTP is ever sent to the port it names. No allocation. Not thread safe.
 */
public final class SdpOfferEncoder
{
    /** The body's Content-Type. */
    public static final String CONTENT_TYPE = "application/sdp";
    /** What {@link #encode} returns when the offer does not fit. */
    public static final int DOES_NOT_FIT = SipTextWriter.DOES_NOT_FIT;

    private final SipTextWriter out = new SipTextWriter();

    /**
     * @param localAddress the phone's IPv4 address, for the origin and connection lines.
     * @param rtpPort      the audio port offered.
     * @param sessionId    the origin's session id and version (the caller keeps it per call).
     * @param buffer       to write into.
     * @param offset       of the first octet.
     * @param capacity     octets available from offset.
     * @return the length written, or {@link #DOES_NOT_FIT}.
     */
    public int encode(
        final CharSequence localAddress,
        final int rtpPort,
        final long sessionId,
        final MutableDirectBuffer buffer,
        final int offset,
        final int capacity)
    {
        out.wrap(buffer, offset, capacity);
        out.text("v=0\r\no=- ").number(sessionId).text(" ").number(sessionId).text(" IN IP4 ").text(localAddress)
            .text("\r\ns=sip-redundancy\r\nc=IN IP4 ").text(localAddress).text("\r\nt=0 0\r\n");
        out.text("m=audio ").number(rtpPort).text(" RTP/AVP 0 8 101\r\n");
        out.text("a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n");
        out.text("a=fmtp:101 0-15\r\na=sendrecv\r\n");
        return out.finish();
    }
}
