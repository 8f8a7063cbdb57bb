package org.sipredundancy.bench;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sipredundancy.core.sip.wire.SipDecodeStatus;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;

import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;

/**
 * Parsing a registrar's 200 OK to REGISTER (SPEC R-SIP-5, R-RT-2): Via with branch, received and rport, From and
 * To with tags, Call-ID, CSeq, Contact with expires, Authentication-Info with nextnonce, qop, rspauth, cnonce and nc,
 * Server and Content-Length 0. The core's {@link SipMessageDecoder} (validate the message and index its headers,
 * then read what a registration needs) against JAIN-SIP RI's {@link StringMsgParser} plus reading the same fields
 * from its header objects. Both hand everything they read to the {@link Blackhole}.
 */
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED" }) // Agrona 2 reaches for Unsafe.
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SipParseBenchmark
{
    /** The response, as a registrar behind a NAT-aware proxy sends it. */
    static final String RESPONSE =
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bK-524287-1-7f3a9c2e41;received=203.0.113.7;rport=61734\r\n" +
        "From: \"Alice\" <sip:1001@yealink.pbx.com>;tag=9fxced76sl\r\n" +
        "To: <sip:1001@yealink.pbx.com>;tag=as6b1d0c4f\r\n" +
        "Call-ID: 843817637684230@192.168.1.20\r\n" +
        "CSeq: 1826 REGISTER\r\n" +
        "Contact: <sip:1001@192.168.1.20:5060;transport=udp>;expires=3600\r\n" +
        "Authentication-Info: nextnonce=\"47364c23432d2e131a5fb210812c\", qop=auth, " +
        "rspauth=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", nc=00000001\r\n" +
        "Server: Asterisk PBX 18.20.0\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    private final SipMessageDecoder decoder = new SipMessageDecoder();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private final StringMsgParser parser = new StringMsgParser();
    private byte[] bytes;
    private UnsafeBuffer buffer;

    /**
     * Keep the response's bytes once, and check that both parsers read it and agree on the fields measured.
     *
     * @throws ParseException if JAIN-SIP cannot parse it, which would make the comparison meaningless.
     */
    @Setup
    public void setUp() throws ParseException
    {
        bytes = RESPONSE.getBytes(StandardCharsets.US_ASCII);
        buffer = new UnsafeBuffer(bytes);
        if (decoder.wrap(buffer, 0, bytes.length) != SipDecodeStatus.OK)
        {
            throw new IllegalStateException("the benchmark's response does not decode");
        }
        final SIPResponse response = (SIPResponse)parser.parseSIPMessage(bytes, true, false, null);
        final boolean agree = decoder.statusCode() == response.getStatusCode() &&
            decoder.cseqNumber() == response.getCSeq().getSeqNumber() &&
            decoder.cseqMethod() == SipMethod.REGISTER &&
            decoder.contactExpiresS(view) == ((ContactHeader)response.getHeader(ContactHeader.NAME)).getExpires() &&
            decoder.topViaBranch(view) && view.toString().equals(response.getTopmostVia().getBranch()) &&
            decoder.toTag(view) && view.toString().equals(response.getTo().getTag()) &&
            decoder.callId(view) && view.toString().equals(response.getCallId().getCallId());
        if (!agree)
        {
            throw new IllegalStateException("the two parsers disagree on the benchmark's response");
        }
    }

    @Benchmark
    public void ours(final Blackhole blackhole)
    {
        blackhole.consume(decoder.wrap(buffer, 0, bytes.length));
        blackhole.consume(decoder.statusCode());
        blackhole.consume(decoder.cseqNumber());
        blackhole.consume(decoder.cseqMethod());
        blackhole.consume(decoder.topViaBranch(view));
        blackhole.consume(view.length());
        blackhole.consume(decoder.toTag(view));
        blackhole.consume(view.length());
        blackhole.consume(decoder.contactExpiresS(view));
        blackhole.consume(decoder.callId(view));
        blackhole.consume(view.length());
    }

    @Benchmark
    public void jainSip(final Blackhole blackhole) throws ParseException
    {
        final SIPMessage message = parser.parseSIPMessage(bytes, true, false, null);
        final SIPResponse response = (SIPResponse)message;
        blackhole.consume(response.getStatusCode());
        final CSeqHeader cseq = (CSeqHeader)response.getHeader(CSeqHeader.NAME);
        blackhole.consume(cseq.getSeqNumber());
        blackhole.consume(cseq.getMethod());
        blackhole.consume(((ViaHeader)response.getHeader(ViaHeader.NAME)).getBranch());
        blackhole.consume(((ToHeader)response.getHeader(ToHeader.NAME)).getTag());
        blackhole.consume(((ContactHeader)response.getHeader(ContactHeader.NAME)).getExpires());
        blackhole.consume(((CallIdHeader)response.getHeader(CallIdHeader.NAME)).getCallId());
    }
}
