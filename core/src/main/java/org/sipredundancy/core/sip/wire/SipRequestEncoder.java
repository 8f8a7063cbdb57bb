package org.sipredundancy.core.sip.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes a REGISTER (SPEC R-SIP-5) into a caller's buffer, so that a refresh costs no allocation: the fields are
 * set once per account and server slot as {@link CharSequence}s the caller owns (only the branch and CSeq change
 * per request), and {@link #encodeRegister} copies them in place:
 * <pre>
 *   REGISTER sip:{registrar} SIP/2.0
 *   Via: SIP/2.0/{transport} {localHost}:{localPort};branch=z9hG4bK{branch};rport
 *   Max-Forwards: 70
 *   From: &lt;sip:{user}@{registrar}&gt;;tag={fromTag}
 *   To: &lt;sip:{user}@{registrar}&gt;
 *   Call-ID: {callId}
 *   CSeq: {cseq} REGISTER
 *   Contact: &lt;sip:{user}@{localHost}:{localPort}&gt;;expires={expiresS}
 *   Expires: {expiresS}
 *   User-Agent: {userAgent}
 *   Content-Length: 0
 *   (blank line)
 * </pre>
 * The branch gets the RFC 3261 magic cookie {@code z9hG4bK} in front. Text is written as ASCII; the caller keeps
 * CR, LF and other characters that would break a header out of the fields. Not thread safe.
 */
public final class SipRequestEncoder
{
    /** The Max-Forwards a request starts with (RFC 3261 section 8.1.1.6). */
    public static final int MAX_FORWARDS = 70;
    /** What {@link #encodeRegister} returns when the request does not fit. */
    public static final int DOES_NOT_FIT = -1;

    private CharSequence transport = "UDP";
    private CharSequence localHost = "";
    private int localPort = 5060;
    private CharSequence registrarHost = "";
    private CharSequence user = "";
    private CharSequence fromTag = "";
    private CharSequence callId = "";
    private CharSequence branch = "";
    private long cseq = 1;
    private long expiresS;
    private CharSequence userAgent = "";
    private DirectBuffer extraHeaders;
    private int extraHeadersOffset;
    private int extraHeadersLength;

    private MutableDirectBuffer buffer;
    private int position;
    private int limit;
    private boolean fits;

    /**
     * @param transport as written in Via: UDP, TCP or TLS.
     * @return this.
     */
    public SipRequestEncoder transport(final CharSequence transport)
    {
        this.transport = transport;
        return this;
    }

    /**
     * @param host the phone's own address, for Via and Contact.
     * @param port the phone's own port.
     * @return this.
     */
    public SipRequestEncoder local(final CharSequence host, final int port)
    {
        this.localHost = host;
        this.localPort = port;
        return this;
    }

    /**
     * @param host the server host: Request-URI and the host part of From and To.
     * @return this.
     */
    public SipRequestEncoder registrarHost(final CharSequence host)
    {
        this.registrarHost = host;
        return this;
    }

    /**
     * @param user the user part of the address of record.
     * @return this.
     */
    public SipRequestEncoder user(final CharSequence user)
    {
        this.user = user;
        return this;
    }

    /**
     * @param tag the From tag, stable per account and server slot.
     * @return this.
     */
    public SipRequestEncoder fromTag(final CharSequence tag)
    {
        this.fromTag = tag;
        return this;
    }

    /**
     * @param callId stable per account and server slot.
     * @return this.
     */
    public SipRequestEncoder callId(final CharSequence callId)
    {
        this.callId = callId;
        return this;
    }

    /**
     * @param branch unique per request; written after the magic cookie {@code z9hG4bK}.
     * @return this.
     */
    public SipRequestEncoder branch(final CharSequence branch)
    {
        this.branch = branch;
        return this;
    }

    /**
     * @param cseq the sequence number, increasing per request.
     * @return this.
     */
    public SipRequestEncoder cseq(final long cseq)
    {
        this.cseq = cseq;
        return this;
    }

    /**
     * @param expiresS requested expiry, for Contact and Expires; 0 unregisters.
     * @return this.
     */
    public SipRequestEncoder expiresS(final long expiresS)
    {
        this.expiresS = expiresS;
        return this;
    }

    /**
     * @param userAgent the User-Agent value.
     * @return this.
     */
    public SipRequestEncoder userAgent(final CharSequence userAgent)
    {
        this.userAgent = userAgent;
        return this;
    }

    /**
     * Raw header lines, each ending in CRLF, copied verbatim before Content-Length: how an Authorization or
     * Proxy-Authorization line written by the digest authenticator gets into the request without a copy into a
     * String. The caller keeps the bytes unchanged until the request is encoded.
     *
     * @param buffer holding the lines.
     * @param offset of the first byte.
     * @param length in bytes; 0 for none.
     * @return this.
     */
    public SipRequestEncoder extraHeaders(final DirectBuffer buffer, final int offset, final int length)
    {
        this.extraHeaders = buffer;
        this.extraHeadersOffset = offset;
        this.extraHeadersLength = length;
        return this;
    }

    /**
     * Forget the settings that belong to one request only (the extra header lines), keeping the per-slot fields.
     *
     * @return this.
     */
    public SipRequestEncoder clearOptional()
    {
        extraHeaders = null;
        extraHeadersLength = 0;
        return this;
    }

    /**
     * Writes the REGISTER; nothing is written past {@code offset + capacity}.
     *
     * @param buffer   to write into.
     * @param offset   of the first octet.
     * @param capacity octets available from offset.
     * @return the length written, or {@link #DOES_NOT_FIT}.
     */
    public int encodeRegister(final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        this.buffer = buffer;
        position = offset;
        limit = offset + Math.max(0, Math.min(capacity, buffer.capacity() - offset));
        fits = offset >= 0;
        text("REGISTER sip:").text(registrarHost).text(" SIP/2.0\r\nVia: SIP/2.0/").text(transport).text(" ")
            .text(localHost).text(":").number(localPort).text(";branch=z9hG4bK").text(branch).text(";rport\r\n");
        text("Max-Forwards: ").number(MAX_FORWARDS).text("\r\n");
        text("From: <sip:").text(user).text("@").text(registrarHost).text(">;tag=").text(fromTag).text("\r\n");
        text("To: <sip:").text(user).text("@").text(registrarHost).text(">\r\n");
        text("Call-ID: ").text(callId).text("\r\n");
        text("CSeq: ").number(cseq).text(" REGISTER\r\n");
        text("Contact: <sip:").text(user).text("@").text(localHost).text(":").number(localPort)
            .text(">;expires=").number(expiresS).text("\r\n");
        text("Expires: ").number(expiresS).text("\r\n");
        text("User-Agent: ").text(userAgent).text("\r\n");
        raw(extraHeaders, extraHeadersOffset, extraHeadersLength);
        text("Content-Length: 0\r\n\r\n");
        this.buffer = null;
        return fits ? position - offset : DOES_NOT_FIT;
    }

    private SipRequestEncoder text(final CharSequence value)
    {
        final int length = value.length();
        if (fits && length <= limit - position)
        {
            buffer.putStringWithoutLengthAscii(position, value);
            position += length;
        }
        else
        {
            fits = false;
        }
        return this;
    }

    private void raw(final DirectBuffer source, final int offset, final int length)
    {
        if (source == null || length <= 0)
        {
            return;
        }
        if (fits && length <= limit - position)
        {
            buffer.putBytes(position, source, offset, length);
            position += length;
        }
        else
        {
            fits = false;
        }
    }

    private SipRequestEncoder number(final long value)
    {
        if (fits && value >= 0 && digits(value) <= limit - position)
        {
            position += buffer.putNaturalLongAscii(position, value);
        }
        else
        {
            fits = false;
        }
        return this;
    }

    private static int digits(final long value)
    {
        int count = 1;
        long rest = value / 10;
        while (rest > 0)
        {
            count++;
            rest /= 10;
        }
        return count;
    }
}
