package org.sipredundancy.hal.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pcap writer's bytes read back by hand: file header, one record per sent packet with a valid IPv4 header, the
 * UDP or TCP ports and the payload; control happenings and unsent packets are left out; an I/O error is kept.
 */
class PcapSimTraceTest
{
    private static final int PHONE = (int)Ipv4.parse("10.0.0.2");
    private static final int SERVER = (int)Ipv4.parse("192.168.1.14");

    private static void sent(final PcapSimTrace trace, final long timeNs, final int transport, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        trace.onHappening(SimHappening.SENT, timeNs, transport, PHONE, 5060, SERVER, 5060, new UnsafeBuffer(bytes),
            bytes.length);
    }

    @Test
    @DisplayName("R-RT-4 every sent or duplicated packet is a pcap record: virtual time, IPv4 with a valid checksum, "
        + "ports, payload")
    void recordsReadBack()
    {
        final ByteArrayOutputStream file = new ByteArrayOutputStream();
        final PcapSimTrace trace = new PcapSimTrace(file);
        sent(trace, 1_500_000_000L, Transport.UDP, "REGISTER sip:yealink.pbx.com SIP/2.0\r\n\r\n");
        trace.onHappening(SimHappening.DELIVERED, 1_505_000_000L, Transport.UDP, PHONE, 5060, SERVER, 5060,
            new UnsafeBuffer(new byte[4]), 4);
        trace.onHappening(SimHappening.CONNECT, 1_600_000_000L, Transport.TCP, PHONE, 40000, SERVER, 5060,
            new UnsafeBuffer(new byte[0]), 0);
        sent(trace, 2_000_250_000L, Transport.TCP, "OPTIONS");
        sent(trace, 2_000_500_000L, Transport.TCP, "ABC");
        final byte[] copy = "ABC".getBytes(StandardCharsets.US_ASCII);
        trace.onHappening(SimHappening.DUPLICATED, 2_000_500_000L, Transport.TCP, PHONE, 5060, SERVER, 5060,
            new UnsafeBuffer(copy), copy.length);
        assertThat(trace.flush()).isNull();
        assertThat(trace.packets()).isEqualTo(4);

        final ByteBuffer in = ByteBuffer.wrap(file.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt()).isEqualTo(PcapSimTrace.MAGIC);
        in.position(20);
        assertThat(in.getInt()).isEqualTo(PcapSimTrace.LINKTYPE_RAW);

        final String register = "REGISTER sip:yealink.pbx.com SIP/2.0\r\n\r\n";
        assertRecord(in, 1, 500_000, 17, 28 + register.length(), register);
        assertRecord(in, 2, 250, 6, 40 + 7, "OPTIONS");
        final int secondSegment = in.position();
        assertRecord(in, 2, 500, 6, 40 + 3, "ABC");
        assertThat(ByteBuffer.wrap(file.toByteArray()).order(ByteOrder.BIG_ENDIAN).getInt(secondSegment + 16 + 24))
            .as("the TCP sequence number runs on by the first segment's length").isEqualTo(1 + 7);
        final int duplicate = in.position();
        assertRecord(in, 2, 500, 6, 40 + 3, "ABC");
        assertThat(ByteBuffer.wrap(file.toByteArray()).order(ByteOrder.BIG_ENDIAN).getInt(duplicate + 16 + 24))
            .as("a duplicated segment repeats its original's sequence number").isEqualTo(1 + 7);
        assertThat(in.remaining()).isZero();
    }

    private static void assertRecord(
        final ByteBuffer in, final int seconds, final int micros, final int protocol, final int ipLength,
        final String payload)
    {
        in.order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt()).isEqualTo(seconds);
        assertThat(in.getInt()).isEqualTo(micros);
        assertThat(in.getInt()).isEqualTo(ipLength);
        assertThat(in.getInt()).isEqualTo(ipLength);
        in.order(ByteOrder.BIG_ENDIAN);
        final int ip = in.position();
        int sum = 0;
        for (int i = 0; i < 20; i += 2)
        {
            sum += in.getShort(ip + i) & 0xFFFF;
        }
        assertThat((sum & 0xFFFF) + (sum >>> 16)).as("IPv4 header checksum").isEqualTo(0xFFFF);
        assertThat(in.get(ip) & 0xFF).isEqualTo(0x45);
        assertThat(in.getShort(ip + 2) & 0xFFFF).isEqualTo(ipLength);
        assertThat(in.get(ip + 9) & 0xFF).isEqualTo(protocol);
        assertThat(in.getInt(ip + 12)).isEqualTo(PHONE);
        assertThat(in.getInt(ip + 16)).isEqualTo(SERVER);
        assertThat(in.getShort(ip + 20) & 0xFFFF).isEqualTo(5060);
        assertThat(in.getShort(ip + 22) & 0xFFFF).isEqualTo(5060);
        final byte[] body = new byte[payload.length()];
        in.position(ip + ipLength - payload.length());
        in.get(body);
        assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo(payload);
    }

    @Test
    @DisplayName("R-RT-4 an I/O error stops the writing and is kept, never thrown into the network")
    void ioErrorIsKept()
    {
        final IOException broken = new IOException("disk full");
        final PcapSimTrace trace = new PcapSimTrace(new OutputStream()
        {
            @Override
            public void write(final int b) throws IOException
            {
                throw broken;
            }
        });
        sent(trace, 1, Transport.UDP, "x");
        assertThat(trace.failure()).isSameAs(broken);
        assertThat(trace.flush()).isSameAs(broken);
        assertThat(trace.packets()).isZero();
    }
}
