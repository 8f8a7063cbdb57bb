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
    private CharSequence requestUri = "";
    private CharSequence fromUri = "";
    private CharSequence toUri = "";
    private CharSequence toTag = "";
    private CharSequence route = "";
    private CharSequence event = "";
    private CharSequence accept = "";

    private static final String[] LOWER_CASE_LETTERS = new String[128];

    static
    {
        for (int c = 0; c < LOWER_CASE_LETTERS.length; c++)
        {
            LOWER_CASE_LETTERS[c] = String.valueOf((char)c);
        }
    }

    private final SipTextWriter out = new SipTextWriter();
    private final SipMessageTail tail = new SipMessageTail();

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
        tail.extraHeaders(buffer, offset, length);
        return this;
    }

    /**
     * Forget the settings that belong to one request only (the extra header lines), keeping the per-slot fields.
     *
     * @return this.
     */
    public SipRequestEncoder clearOptional()
    {
        tail.clear();
        toTag = "";
        route = "";
        event = "";
        accept = "";
        return this;
    }

    /**
     * @param requestUri the Request-URI of requests other than REGISTER (a REGISTER always goes to
     *                   {@code sip:{registrarHost}}), e.g. {@code sip:4606@yealink.pbx.com}.
     * @return this.
     */
    public SipRequestEncoder requestUri(final CharSequence requestUri)
    {
        this.requestUri = requestUri;
        return this;
    }

    /**
     * @param fromUri the From URI; empty for the address of record {@code sip:{user}@{registrarHost}}.
     * @return this.
     */
    public SipRequestEncoder fromUri(final CharSequence fromUri)
    {
        this.fromUri = fromUri;
        return this;
    }

    /**
     * @param toUri the To URI; empty for the address of record (as a REGISTER needs).
     * @param toTag the remote tag inside a dialog (BYE, re-SUBSCRIBE, ACK of a 2xx); empty outside one.
     * @return this.
     */
    public SipRequestEncoder to(final CharSequence toUri, final CharSequence toTag)
    {
        this.toUri = toUri;
        this.toTag = toTag;
        return this;
    }

    /**
     * @param route a Route value such as {@code <sip:proxy.example.com;lr>} for an outbound proxy; empty for none.
     * @return this.
     */
    public SipRequestEncoder route(final CharSequence route)
    {
        this.route = route;
        return this;
    }

    /**
     * @param event  the Event package of a SUBSCRIBE, e.g. {@code dialog} or {@code message-summary}.
     * @param accept the body type the subscriber accepts, e.g. {@code application/dialog-info+xml}.
     * @return this.
     */
    public SipRequestEncoder subscription(final CharSequence event, final CharSequence accept)
    {
        this.event = event;
        this.accept = accept;
        return this;
    }

    /**
     * @param contentType the body's type, e.g. {@code application/sdp}.
     * @param body        the bytes, kept unchanged by the caller until the request is encoded.
     * @param offset      of the first byte.
     * @param length      in bytes.
     * @return this.
     */
    public SipRequestEncoder body(
        final CharSequence contentType, final DirectBuffer body, final int offset, final int length)
    {
        tail.body(contentType, body, offset, length);
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
        return encode(SipMethod.REGISTER, buffer, offset, capacity);
    }

    /**
     * Writes a request of any method the phone sends (REGISTER, INVITE, ACK, CANCEL, BYE, OPTIONS, SUBSCRIBE,
     * NOTIFY) from the fields set: Contact for REGISTER, INVITE and SUBSCRIBE; Expires for REGISTER and SUBSCRIBE;
     * Route, Event/Accept, extra header lines and a body when set. Nothing is written past
     * {@code offset + capacity}.
     *
     * @param method   a {@link SipMethod} constant.
     * @param buffer   to write into.
     * @param offset   of the first octet.
     * @param capacity octets available from offset.
     * @return the length written, or {@link #DOES_NOT_FIT} (also for a value that names no method).
     */
    public int encode(final int method, final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        if (method <= SipMethod.UNKNOWN || method > SipMethod.NOTIFY)
        {
            return DOES_NOT_FIT;
        }
        final boolean register = method == SipMethod.REGISTER;
        final String name = SipMethod.name(method);
        final SipTextWriter out = this.out.wrap(buffer, offset, capacity);
        out.text(name).text(" ");
        if (register || requestUri.length() == 0)
        {
            out.text("sip:").text(registrarHost);
        }
        else
        {
            out.text(requestUri);
        }
        out.text(" SIP/2.0\r\nVia: SIP/2.0/").text(transport).text(" ").text(localHost).text(":").number(localPort)
            .text(";branch=z9hG4bK").text(branch).text(";rport\r\n");
        out.text("Max-Forwards: ").number(MAX_FORWARDS).text("\r\n");
        optional(out, "Route: ", route);
        out.text("From: <");
        addressOfRecord(out, fromUri).text(">;tag=").text(fromTag).text("\r\n");
        out.text("To: <");
        addressOfRecord(out, register ? "" : toUri).text(">");
        if (toTag.length() > 0)
        {
            out.text(";tag=").text(toTag);
        }
        out.text("\r\nCall-ID: ").text(callId).text("\r\n");
        out.text("CSeq: ").number(cseq).text(" ").text(name).text("\r\n");
        if (register || method == SipMethod.INVITE || method == SipMethod.SUBSCRIBE)
        {
            out.text("Contact: <sip:").text(user).text("@").text(localHost).text(":").number(localPort);
            contactTransport(out);
            out.text(">");
            if (register)
            {
                out.text(";expires=").number(expiresS);
            }
            out.text("\r\n");
        }
        if (register || method == SipMethod.SUBSCRIBE)
        {
            out.text("Expires: ").number(expiresS).text("\r\n");
        }
        optional(out, "Event: ", event);
        optional(out, "Accept: ", accept);
        out.text("User-Agent: ").text(userAgent).text("\r\n");
        tail.write(out);
        return out.finish();
    }

    /**
     * A phone on TCP or TLS says so in its Contact ({@code ;transport=tcp}), so that the server reaches it over the
     * same transport (RFC 3261 section 19.1.4); UDP, the default, adds nothing.
     */
    private void contactTransport(final SipTextWriter out)
    {
        if (transport.length() == 3 && (transport.charAt(0) | 0x20) == 'u')
        {
            return;
        }
        out.text(";transport=");
        for (int i = 0; i < transport.length(); i++)
        {
            out.text(LOWER_CASE_LETTERS[Character.toLowerCase(transport.charAt(i)) & 0x7F]);
        }
    }

    private SipTextWriter addressOfRecord(final SipTextWriter out, final CharSequence uri)
    {
        return uri.length() > 0 ? out.text(uri) : out.text("sip:").text(user).text("@").text(registrarHost);
    }

    private static void optional(final SipTextWriter out, final CharSequence name, final CharSequence value)
    {
        if (value.length() > 0)
        {
            out.text(name).text(value).text("\r\n");
        }
    }
}
