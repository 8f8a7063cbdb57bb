package org.sipredundancy.core.sip.transport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.core.sip.transport.TransportWorld.MS;
import static org.sipredundancy.core.sip.transport.TransportWorld.request;
import static org.sipredundancy.core.sip.transport.TransportWorld.response;

/**
 * Stream framing under arbitrary read boundaries: whatever points a TCP stream is cut at, the same messages come out,
 * in order, with their bodies, and nothing is called malformed.
 */
class SipTransportFramingPropertyTest
{
    private static final String STREAM = "\r\n" + request("MESSAGE", "f1", "first body") +
        response(180, "f2") + "\r\n\r\n" + request("NOTIFY", "f3", "a\r\n\r\nb") + request("OPTIONS", "f4", "");

    @Property(tries = 60)
    @Label("R-SIP-1 R-BAD-2 TCP framing: four messages cut at random points arrive whole and in order")
    void shouldFrameAcrossRandomCuts(@ForAll("cuts") final List<Integer> cuts)
    {
        final RecordingHandler handler = new RecordingHandler();
        final TransportWorld world = SipTransportSimulationTest.connectedTcp(handler);
        int from = 0;
        for (final int cut : new TreeSet<>(cuts))
        {
            world.peer.sendStream(STREAM.substring(from, cut));
            world.run(MS);
            from = cut;
        }
        world.peer.sendStream(STREAM.substring(from));
        world.run(20 * MS);

        final String at = "message flow=1 from=192.0.2.20:5060 ";
        assertThat(handler.lines).as("cuts %s", cuts).containsExactly(at + "MESSAGE call-id=f1", at + "180 call-id=f2",
            at + "NOTIFY call-id=f3", at + "OPTIONS call-id=f4");
        assertThat(handler.bodies).containsExactly("first body", "", "a\r\n\r\nb", "");
        assertThat(world.transport.counters().malformed()).isZero();
        assertThat(world.transport.isOpen(1)).isTrue();
    }

    @Provide
    Arbitrary<List<Integer>> cuts()
    {
        return Arbitraries.integers().between(1, STREAM.length() - 1).list().ofMinSize(0).ofMaxSize(12);
    }
}
