package org.sipredundancy.core.dns.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of the seed's Appendix A (NAPTR, then SRV, then A for yealink.pbx.com) go through both encoders and
 * both decoders exactly.
 */
class SeedAppendixATest
{
    static final List<String> NAPTR_ROWS = List.of(
        "ANSWER yealink.pbx.com 1 3600 35 90 50 \"s\" \"SIP+D2T\" \"\" _sip._tcp.yealink.pbx.com",
        "ANSWER yealink.pbx.com 1 3600 35 100 50 \"s\" \"SIP+D2U\" \"\" _sip._udp.yealink.pbx.com");
    static final List<String> SRV_ROWS = List.of(
        "ANSWER _sip._tcp.yealink.pbx.com 1 3600 33 0 1 5060 server1.yealink.pbx.com",
        "ANSWER _sip._tcp.yealink.pbx.com 1 3600 33 0 2 5060 server2.yealink.pbx.com",
        "ADDITIONAL server1.yealink.pbx.com 1 3600 1 192.168.1.13",
        "ADDITIONAL server2.yealink.pbx.com 1 3600 1 192.168.1.14");

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final DnsResponseEncoder encoder = new DnsResponseEncoder();
    private final DnsMessageDecoder decoder = new DnsMessageDecoder();

    /** The SRV answer with its targets' addresses in the additional section, as written by our encoder. */
    static int encodeSrvAnswer(final DnsResponseEncoder encoder, final UnsafeBuffer buffer, final int id)
    {
        return encoder.wrap(buffer, 0, 512)
            .header(id, DnsHeader.FLAG_QR | DnsHeader.FLAG_AA | DnsHeader.FLAG_RD | DnsRcode.NOERROR)
            .question("_sip._tcp.yealink.pbx.com", DnsType.SRV)
            .srv("_sip._tcp.yealink.pbx.com", 3600, 0, 1, 5060, "server1.yealink.pbx.com")
            .srv("_sip._tcp.yealink.pbx.com", 3600, 0, 2, 5060, "server2.yealink.pbx.com")
            .section(DnsSection.ADDITIONAL)
            .a("Server1.yealink.pbx.com", 3600, 0xC0A8010D)
            .a("Server2.yealink.pbx.com", 3600, 0xC0A8010E)
            .length();
    }

    @Test
    @DisplayName("R-DNS-11 R-DNS-3 the seed's NAPTR records encode and decode exactly")
    void shouldEncodeAndDecodeSeedNaptr() throws IOException
    {
        final int length = encoder.wrap(buffer, 0, 512)
            .header(0x0102, DnsHeader.FLAG_QR | DnsHeader.FLAG_RD | DnsHeader.FLAG_RA)
            .question("yealink.pbx.com", DnsType.NAPTR)
            .naptr("yealink.pbx.com", 3600, 90, 50, "s", "SIP+D2T", "", "_sip._tcp.yealink.pbx.com")
            .naptr("yealink.pbx.com", 3600, 100, 50, "s", "SIP+D2U", "", "_sip._udp.yealink.pbx.com")
            .length();
        assertThat(length).isPositive();

        final Message parsed = new Message(Arrays.copyOf(buffer.byteArray(), length));
        assertThat(parsed.getHeader().getID()).isEqualTo(0x0102);
        assertThat(WireRows.dnsjava(parsed)).isEqualTo(NAPTR_ROWS);
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(WireRows.ours(decoder)).isEqualTo(NAPTR_ROWS);
    }

    @Test
    @DisplayName("R-DNS-11 R-DNS-6 the seed's SRV and A records encode and decode exactly, names compressed")
    void shouldEncodeAndDecodeSeedSrvWithAddresses() throws IOException
    {
        final int length = encodeSrvAnswer(encoder, buffer, 7);
        assertThat(length).isPositive();

        final Message parsed = new Message(Arrays.copyOf(buffer.byteArray(), length));
        assertThat(parsed.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(WireRows.dnsjava(parsed)).isEqualTo(SRV_ROWS);
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(WireRows.ours(decoder)).isEqualTo(SRV_ROWS);

        // Question: 27 + 4. SRV owners point to the question; targets are written in full (RFC 2782); the A
        // owners point into the targets, ignoring case.
        final int uncompressedOwners = 2 * (27 + 10 + 6 + 25) + 2 * (25 + 10 + 4);
        assertThat(length).isLessThan(DnsHeader.LENGTH + 31 + uncompressedOwners);
        assertThat(length).isEqualTo(DnsHeader.LENGTH + 31 + 2 * (2 + 10 + 6 + 25) + 2 * (2 + 10 + 4));
    }

    @Test
    @DisplayName("R-DNS-11 the seed's records built by dnsjava decode exactly with ours")
    void shouldDecodeSeedRecordsBuiltByDnsjava() throws IOException
    {
        final Name domain = Name.fromString("yealink.pbx.com.");
        final Name tcp = Name.fromString("_sip._tcp.yealink.pbx.com.");
        final Message naptr = new Message(9);
        naptr.getHeader().setFlag(Flags.QR);
        naptr.addRecord(Record.newRecord(domain, Type.NAPTR, DClass.IN), Section.QUESTION);
        naptr.addRecord(new NAPTRRecord(domain, DClass.IN, 3600, 90, 50, "s", "SIP+D2T", "", tcp), Section.ANSWER);
        naptr.addRecord(new NAPTRRecord(domain, DClass.IN, 3600, 100, 50, "s", "SIP+D2U", "",
            Name.fromString("_sip._udp.yealink.pbx.com.")), Section.ANSWER);
        final byte[] naptrWire = naptr.toWire();
        assertThat(decoder.wrap(new UnsafeBuffer(naptrWire), 0, naptrWire.length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(WireRows.ours(decoder)).isEqualTo(NAPTR_ROWS);

        final Message srv = new Message(10);
        srv.getHeader().setFlag(Flags.QR);
        srv.addRecord(Record.newRecord(tcp, Type.SRV, DClass.IN), Section.QUESTION);
        final Name server1 = Name.fromString("Server1.yealink.pbx.com.");
        final Name server2 = Name.fromString("Server2.yealink.pbx.com.");
        srv.addRecord(new SRVRecord(tcp, DClass.IN, 3600, 0, 1, 5060, server1), Section.ANSWER);
        srv.addRecord(new SRVRecord(tcp, DClass.IN, 3600, 0, 2, 5060, server2), Section.ANSWER);
        srv.addRecord(new ARecord(server1, DClass.IN, 3600, InetAddress.getByName("192.168.1.13")), Section.ADDITIONAL);
        srv.addRecord(new ARecord(server2, DClass.IN, 3600, InetAddress.getByName("192.168.1.14")), Section.ADDITIONAL);
        final byte[] srvWire = srv.toWire();
        assertThat(decoder.wrap(new UnsafeBuffer(srvWire), 0, srvWire.length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(WireRows.ours(decoder)).isEqualTo(SRV_ROWS);
    }

    @Test
    @DisplayName("R-DNS-11 R-DNS-12 the seed's literal replacement _sip_tcp.yealink.pbx.com is carried as written")
    void shouldCarryLiteralSeedReplacement()
    {
        final int length = encoder.wrap(buffer, 0, 512).header(1, DnsHeader.FLAG_QR)
            .question("yealink.pbx.com", DnsType.NAPTR)
            .naptr("yealink.pbx.com", 3600, 90, 50, "s", "SIP+D2T", "", "_sip_tcp.yealink.pbx.com")
            .length();
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(DnsDecodeStatus.OK);
        assertThat(WireRows.ours(decoder)).containsExactly(
            "ANSWER yealink.pbx.com 1 3600 35 90 50 \"s\" \"SIP+D2T\" \"\" _sip_tcp.yealink.pbx.com");
    }
}
