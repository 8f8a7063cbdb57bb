package org.sipredundancy.core.sip.wire;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;

import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import java.text.ParseException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares what {@link SipMessageDecoder} reads from some bytes with what JAIN-SIP's parser reads from the same
 * bytes: JAIN-SIP is the oracle, used in tests only.
 */
final class SipOracle
{
    private SipOracle()
    {
    }

    static SIPMessage parse(final byte[] bytes) throws ParseException
    {
        return new StringMsgParser().parseSIPMessage(bytes, true, false, null);
    }

    static SipMessageDecoder decodeAndCompare(final byte[] bytes) throws ParseException
    {
        final SipMessageDecoder decoder = new SipMessageDecoder();
        final int status = decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
        assertThat(SipDecodeStatus.name(status)).isEqualTo("OK");
        final SIPMessage message = parse(bytes);
        final AsciiSequenceView view = new AsciiSequenceView();
        assertThat(decoder.isRequest()).isEqualTo(message instanceof SIPRequest);
        if (message instanceof SIPResponse)
        {
            final SIPResponse response = (SIPResponse)message;
            assertThat(decoder.statusCode()).isEqualTo(response.getStatusCode());
            decoder.reason(view);
            assertThat(view.toString()).isEqualTo(response.getReasonPhrase());
        }
        else
        {
            final SIPRequest request = (SIPRequest)message;
            decoder.method(view);
            assertThat(view.toString()).isEqualTo(request.getMethod());
            decoder.requestUri(view);
            assertThat(view.toString()).isEqualTo(request.getRequestURI().toString());
        }
        compareHeaders(decoder, message, view);
        assertThat(decoder.contentLength()).isEqualTo(message.getContentLength().getContentLength());
        final byte[] body = message.getRawContent() == null ? new byte[0] : message.getRawContent();
        assertThat(Arrays.copyOfRange(bytes, decoder.bodyOffset(), decoder.bodyOffset() + decoder.bodyLength()))
            .isEqualTo(body);
        return decoder;
    }

    private static void compareHeaders(
        final SipMessageDecoder decoder, final SIPMessage message, final AsciiSequenceView view)
    {
        assertThat(decoder.callId(view)).isTrue();
        assertThat(view.toString()).isEqualTo(((CallIdHeader)message.getHeader(CallIdHeader.NAME)).getCallId());
        final CSeqHeader cseq = (CSeqHeader)message.getHeader(CSeqHeader.NAME);
        assertThat(decoder.cseqNumber()).isEqualTo(cseq.getSeqNumber());
        assertThat(SipMethod.name(decoder.cseqMethod())).isEqualTo(cseq.getMethod());
        final ViaHeader via = (ViaHeader)message.getHeader(ViaHeader.NAME);
        assertThat(decoder.topViaBranch(view) ? view.toString() : null).isEqualTo(via.getBranch());
        assertThat(decoder.topViaReceived(view) ? view.toString() : null).isEqualTo(via.getReceived());
        final int rport = decoder.topViaRport(view);
        // JAIN-SIP reports a bare rport (no value) as -1, like an absent one; the decoder tells them apart.
        assertThat(rport == 0 ? -1 : rport).isEqualTo(via.getRPort());
        assertThat(decoder.fromTag(view) ? view.toString() : null)
            .isEqualTo(((FromHeader)message.getHeader(FromHeader.NAME)).getTag());
        assertThat(decoder.toTag(view) ? view.toString() : null)
            .isEqualTo(((ToHeader)message.getHeader(ToHeader.NAME)).getTag());
        final ContactHeader contact = (ContactHeader)message.getHeader(ContactHeader.NAME);
        assertThat(decoder.contactExpiresS(view)).isEqualTo(contact == null ? -1L : (long)contact.getExpires());
        final ExpiresHeader expires = (ExpiresHeader)message.getHeader(ExpiresHeader.NAME);
        assertThat(decoder.expiresS()).isEqualTo(expires == null ? -1L : (long)expires.getExpires());
        final MinExpiresHeader minExpires = (MinExpiresHeader)message.getHeader(MinExpiresHeader.NAME);
        assertThat(decoder.minExpiresS()).isEqualTo(minExpires == null ? -1L : (long)minExpires.getExpires());
        final RetryAfterHeader retryAfter = (RetryAfterHeader)message.getHeader(RetryAfterHeader.NAME);
        assertThat(decoder.retryAfterS()).isEqualTo(retryAfter == null ? -1L : (long)retryAfter.getRetryAfter());
    }
}
