package org.sipredundancy.hal.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.Transport;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;
import static org.sipredundancy.hal.sim.SimWorld.send;

class SimTraceTest
{
    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("R-RT-4 a text trace line says when, what transport, who to whom, what happened and how many bytes")
    void shouldFormatLines()
    {
        final TextSimTrace trace = new TextSimTrace();

        trace.onHappening(SimHappening.DELIVERED, 12_345_678_901L, Transport.UDP, PHONE, 5060, SERVER, 5060,
            ascii("x".repeat(123)), 123);
        trace.onHappening(SimHappening.REFUSED, 1_000L, Transport.TCP, SERVER, 5060, PHONE, 49152, ascii(""), 0);

        assertThat(trace.toString()).isEqualTo(
            "000012.345678 UDP 10.0.0.1:5060 > 10.0.0.2:5060 DELIVERED 123 bytes\n" +
            "000000.000001 TCP 10.0.0.2:5060 > 10.0.0.1:49152 REFUSED\n");
        assertThat(trace.appendTo(new StringBuilder("> ")).toString()).startsWith("> 000012.345678 UDP");
        assertThat(trace.happeningCount()).isEqualTo(2);
        trace.clear();
        assertThat(trace.toString()).isEmpty();
    }

    @Test
    @DisplayName("R-RT-4 with payloads, each sent message is followed by its lines, indented, CR dropped")
    void shouldShowPayloadOfSentMessages()
    {
        final TextSimTrace trace = new TextSimTrace(true);
        final UnsafeBuffer message = ascii("REGISTER sip:a SIP/2.0\r\nCSeq: 1\r\n\r\nbody\u0001");

        trace.onHappening(SimHappening.SENT, 0, Transport.UDP, PHONE, 5060, SERVER, 5060, message, message.capacity());
        trace.onHappening(SimHappening.DELIVERED, 0, Transport.UDP, PHONE, 5060, SERVER, 5060, message,
            message.capacity());

        assertThat(trace.toString()).isEqualTo(
            "000000.000000 UDP 10.0.0.1:5060 > 10.0.0.2:5060 SENT 40 bytes\n" +
            "    REGISTER sip:a SIP/2.0\n" +
            "    CSeq: 1\n" +
            "\n" +
            "    body.\n" +
            "000000.000000 UDP 10.0.0.1:5060 > 10.0.0.2:5060 DELIVERED 40 bytes\n");
    }

    @Test
    @DisplayName("R-RT-4 a network reports one happening per send, delivery, loss and answer to its trace")
    void shouldTraceEveryHappening()
    {
        final TextSimTrace trace = new TextSimTrace();
        final SimWorld world = new SimWorld(1L, new SimNetworkContext().trace(trace));
        world.server.openUdp(SERVER, SIP_PORT);
        final int handle = world.phone.openConnectedUdp(PHONE, SERVER, SIP_PORT);
        final int closed = world.phone.openConnectedUdp(PHONE, SERVER, 5999);
        final int port = world.phone.localPort(handle);
        final int closedPort = world.phone.localPort(closed);

        send(world.phone, handle, 0, 0, "ping");
        send(world.phone, closed, 0, 0, "nobody");
        world.runFor(100 * MS);

        assertThat(trace.toString()).isEqualTo(
            "000000.000000 UDP 10.0.0.1:" + port + " > 10.0.0.2:5060 SENT 4 bytes\n" +
            "000000.000000 UDP 10.0.0.1:" + closedPort + " > 10.0.0.2:5999 SENT 6 bytes\n" +
            "000000.010000 UDP 10.0.0.1:" + port + " > 10.0.0.2:5060 DELIVERED 4 bytes\n" +
            "000000.010000 UDP 10.0.0.2:5999 > 10.0.0.1:" + closedPort + " ICMP_UNREACHABLE\n");
    }

    @Test
    @DisplayName("R-RT-3 R-RT-2 the checksum trace folds every field and byte: equal input, equal checksum")
    void shouldChecksumEveryField()
    {
        final ChecksumSimTrace first = new ChecksumSimTrace();
        final ChecksumSimTrace second = new ChecksumSimTrace();
        final ChecksumSimTrace other = new ChecksumSimTrace();
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[10_000]);

        first.onHappening(SimHappening.SENT, 1, Transport.UDP, PHONE, 1, SERVER, 2, payload, 10_000);
        second.onHappening(SimHappening.SENT, 1, Transport.UDP, PHONE, 1, SERVER, 2, payload, 10_000);
        payload.putByte(9_999, (byte)1);
        other.onHappening(SimHappening.SENT, 1, Transport.UDP, PHONE, 1, SERVER, 2, payload, 10_000);

        assertThat(first.checksum()).isEqualTo(second.checksum()).isNotEqualTo(other.checksum());
        assertThat(first.happeningCount()).isEqualTo(1);
        first.clear();
        assertThat(first.checksum()).isEqualTo(new ChecksumSimTrace().checksum());
    }

    @Test
    @DisplayName("R-RT-4 every happening has a name")
    void shouldNameHappenings()
    {
        for (int happening = SimHappening.SENT; happening <= SimHappening.ICMP_UNREACHABLE; happening++)
        {
            assertThat(SimHappening.name(happening)).isNotEqualTo("UNKNOWN");
        }
        assertThat(SimHappening.name(0)).isEqualTo("UNKNOWN");
    }
}
