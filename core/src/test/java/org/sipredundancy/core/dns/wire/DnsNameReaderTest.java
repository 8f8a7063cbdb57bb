package org.sipredundancy.core.dns.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsNameReaderTest
{
    private static final int RUN_LENGTH = 11;

    @Test
    @DisplayName("R-DNS-11 eight-at-a-time lower-casing agrees with the octet table for every octet at every place")
    void shouldLowerCaseRunsLikeTheOctetTable()
    {
        final byte[] text = new byte[DnsName.CAPACITY];
        for (int octet = 0; octet < 256; octet++)
        {
            for (int place = 0; place < RUN_LENGTH; place++)
            {
                final byte[] run = new byte[RUN_LENGTH + 16];
                java.util.Arrays.fill(run, (byte)0xFF);
                for (int i = 0; i < RUN_LENGTH; i++)
                {
                    run[1 + i] = (byte)"Ab-9_zZ0yY-".charAt(i);
                }
                run[1 + place] = (byte)octet;
                final int notHostName = DnsNameReader.lowerCaseRun(run, 1, RUN_LENGTH, text, 3);
                final boolean hostName = octet == '-' || octet == '_' || Character.isLetterOrDigit(octet) &&
                    octet < 0x80;
                assertThat(notHostName).as("octet %d at %d", octet, place).isEqualTo(hostName ? 0 : 1);
                for (int i = 0; i < RUN_LENGTH; i++)
                {
                    if (i != place || hostName)
                    {
                        assertThat(text[3 + i]).as("octet %d at %d", octet, place)
                            .isEqualTo(DnsName.PLAIN[run[1 + i] & 0xFF]);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("R-DNS-11 runs whose words would reach past the message are left to the octet-by-octet path")
    void shouldRefuseRunsNearTheEndOfTheArray()
    {
        final byte[] run = "xABC".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(DnsNameReader.lowerCaseRun(run, 1, 3, new byte[DnsName.CAPACITY], 0)).isEqualTo(-1);
    }

    @Test
    @DisplayName("R-DNS-11 names read through pointers to earlier names and suffixes give the same text every time")
    void shouldReadNamesThroughPointersAlike()
    {
        final byte[] first = message("_SIP._tcp.Example.COM", "Host-1", "a.B");
        final byte[] second = message("_sip._UDP.other.NET", "Mail", "q z");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[first.length + 32]);
        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        final List<String> expectedFirst = List.of(
            "_sip._tcp.example.com", "_sip._tcp.example.com", "host-1.example.com", "host-1.example.com",
            "a\\.b.example.com");
        final List<String> expectedSecond = List.of(
            "_sip._udp.other.net", "_sip._udp.other.net", "mail.other.net", "mail.other.net", "q\\032z.other.net");
        for (int round = 0; round < 3; round++)
        {
            buffer.putBytes(7, first);
            assertThat(decoder.wrap(buffer, 7, first.length)).isEqualTo(DnsDecodeStatus.OK);
            assertThat(readAll(decoder)).isEqualTo(expectedFirst);
            assertThat(readAll(decoder)).isEqualTo(expectedFirst);
            buffer.putBytes(7, second);
            assertThat(decoder.wrap(buffer, 7, second.length)).isEqualTo(DnsDecodeStatus.OK);
            assertThat(readAll(decoder)).isEqualTo(expectedSecond);
        }
        final UnsafeBuffer direct = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(first.length));
        direct.putBytes(0, first);
        assertThat(decoder.wrap(direct, 0, first.length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(readAll(decoder)).isEqualTo(expectedFirst);
    }

    /**
     * A question, a CNAME owned by a pointer to it whose target points at the question's suffix, an A owned by a
     * pointer to that target, and an A owned by one label needing an escape and a pointer to the suffix.
     */
    private static byte[] message(final String question, final String host, final String odd)
    {
        final int suffix = DnsHeader.LENGTH + question.indexOf('.', question.indexOf('.') + 1) + 1;
        final WireBuilder wire = WireBuilder.header(1, 3, 0, 0).question(question, DnsType.SRV);
        wire.pointer(DnsHeader.LENGTH).fixed(DnsType.CNAME, host.length() + 3);
        final int target = wire.length();
        wire.labels(host).pointer(suffix);
        wire.pointer(target).fixed(DnsType.A, 4).u32(0x0A000001L);
        wire.u8(odd.length());
        for (int i = 0; i < odd.length(); i++)
        {
            wire.u8(odd.charAt(i));
        }
        return wire.pointer(suffix).fixed(DnsType.A, 4).u32(0x0A000002L).bytes();
    }

    private static List<String> readAll(final DnsMessageDecoder decoder)
    {
        final DnsName name = new DnsName();
        final List<String> names = new ArrayList<>();
        decoder.rewindRecords();
        decoder.questionName(name);
        names.add(name.toString());
        while (decoder.nextRecord())
        {
            decoder.recordName(name);
            names.add(name.toString());
            if (decoder.recordType() == DnsType.CNAME)
            {
                decoder.cnameTarget(name);
                names.add(name.toString());
            }
        }
        return names;
    }
}
