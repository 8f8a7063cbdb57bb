package org.sipredundancy.core.sip.wire;

import org.agrona.DirectBuffer;

/**
 * The end every encoded message shares: raw extra header lines (an Authorization written by the digest code, a
 * Contact with parameters), then Content-Type and Content-Length, the blank line and the body. The bytes stay the
 * caller's; they are copied only when the message is written.
 */
final class SipMessageTail
{
    private DirectBuffer extraHeaders;
    private int extraHeadersOffset;
    private int extraHeadersLength;
    private CharSequence contentType = "";
    private DirectBuffer body;
    private int bodyOffset;
    private int bodyLength;

    void extraHeaders(final DirectBuffer buffer, final int offset, final int length)
    {
        extraHeaders = buffer;
        extraHeadersOffset = offset;
        extraHeadersLength = length;
    }

    void body(final CharSequence contentType, final DirectBuffer body, final int offset, final int length)
    {
        this.contentType = contentType;
        this.body = body;
        bodyOffset = offset;
        bodyLength = length;
    }

    void clear()
    {
        extraHeaders = null;
        extraHeadersLength = 0;
        contentType = "";
        body = null;
        bodyLength = 0;
    }

    void write(final SipTextWriter out)
    {
        out.bytes(extraHeaders, extraHeadersOffset, extraHeadersLength);
        if (body != null && bodyLength > 0)
        {
            out.text("Content-Type: ").text(contentType).text("\r\nContent-Length: ").number(bodyLength)
                .text("\r\n\r\n").bytes(body, bodyOffset, bodyLength);
        }
        else
        {
            out.text("Content-Length: 0\r\n\r\n");
        }
    }
}
