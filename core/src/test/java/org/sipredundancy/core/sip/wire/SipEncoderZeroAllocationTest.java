package org.sipredundancy.core.sip.wire;

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.testing.AllocationWindows;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.wire.SipEncodersTest.INCOMING_INVITE;
import static org.sipredundancy.core.sip.wire.SipEncodersTest.decoded;
import static org.sipredundancy.core.sip.wire.SipEncodersTest.phone;

/**
 * SPEC R-RT-2 for the encoders: responses, derived requests, requests with a body and the SDP offer are written
 * without allocating once warm (also run under the interpreter).
 */
class SipEncoderZeroAllocationTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer bodyBuffer = new UnsafeBuffer(new byte[1024]);

    @Test
    @DisplayName("R-RT-2 answering a request and building ACK and CANCEL allocate nothing once warm")
    void shouldNotAllocateOnceWarm()
    {
        final SipMessageDecoder invite = decoded(INCOMING_INVITE);
        final SipResponseEncoder response = new SipResponseEncoder().server("sip-redundancy");
        final SipDerivedRequestEncoder derived = new SipDerivedRequestEncoder();
        final SipRequestEncoder request = phone().requestUri("sip:4606@pbx.test");
        final SdpOfferEncoder sdp = new SdpOfferEncoder();
        final AsciiSequenceView view = new AsciiSequenceView();
        final long[] sink = new long[1];
        final List<Long> windows = AllocationWindows.measure(rounds ->
        {
            for (int i = 0; i < rounds; i++)
            {
                response.clearOptional().source("10.0.0.11", 5060).contact("sip:1001@10.0.0.2:5060");
                sink[0] += response.encode(invite, 180, "Ringing", "ltag", buffer, 0, 4096);
                sink[0] += derived.encodeAck(invite, invite, buffer, 0, 4096);
                sink[0] += derived.encodeCancel(invite, buffer, 0, 4096);
                final int body = sdp.encode("10.0.0.2", 5004, i, bodyBuffer, 0, 1024);
                request.clearOptional().cseq(i).body(SdpOfferEncoder.CONTENT_TYPE, bodyBuffer, 0, body);
                sink[0] += request.encode(SipMethod.INVITE, buffer, 0, 4096);
                invite.callId(view);
                sink[0] += view.length();
            }
        }, 20_000, 50_000);
        assertThat(sink[0]).isPositive();
        assertThat(windows).as("bytes allocated per window").contains(0L);
    }
}
