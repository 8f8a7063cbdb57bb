package org.sipredundancy.core.dns.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DnsNameTest
{
    @Test
    @DisplayName("R-DNS-11 names compare ignoring case and a trailing dot, and hash alike when equal")
    void shouldCompareIgnoringCaseAndTrailingDot()
    {
        final DnsName name = new DnsName().set("Server1.Yealink.PBX.com.");
        assertThat(name.toString()).isEqualTo("server1.yealink.pbx.com");
        assertThat(name.contentEquals("SERVER1.yealink.pbx.COM")).isTrue();
        assertThat(name.contentEquals("server1.yealink.pbx.com.")).isTrue();
        assertThat(name.contentEquals("server1.yealink.pbx")).isFalse();
        assertThat(name.contentEquals("server2.yealink.pbx.com")).isFalse();
        assertThat(name.contentHash()).isEqualTo(new DnsName().set("server1.yealink.pbx.com").contentHash());
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[64]);
        assertThat(name.copyTo(copy, 3)).isEqualTo(23);
        assertThat(copy.getStringWithoutLengthAscii(3, 23)).isEqualTo("server1.yealink.pbx.com");
        assertThat(name.buffer().getByte(0)).isEqualTo((byte)'s');
        name.reset();
        assertThat(name.length()).isZero();
        assertThat(name.contentEquals(".")).isTrue();
        assertThat(name.contentEquals("")).isTrue();
    }

    @Test
    @DisplayName("R-DNS-11 R-BAD-2 odd octets in labels are escaped, so a dot inside a label is not a separator")
    void shouldEscapeOddOctets()
    {
        final byte[] wire = WireBuilder.header(1, 0, 0, 0).u8(5).u8('A').u8('.').u8(' ').u8(0xFF).u8('\\')
            .name("com").u16(1).u16(1).bytes();
        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        assertThat(decoder.wrap(new UnsafeBuffer(wire), 0, wire.length)).isEqualTo(DnsDecodeStatus.OK);
        final DnsName name = new DnsName();
        decoder.questionName(name);
        assertThat(name.toString()).isEqualTo("a\\.\\032\\255\\\\.com");
        assertThat(name.contentEquals("a.\\032\\255\\\\.com")).isFalse();
        assertThat(name.charAt(1)).isEqualTo('\\');
        assertThat(name.subSequence(0, 3).toString()).isEqualTo("a\\.");
    }

    @Test
    @DisplayName("R-DNS-11 type, class, section, rcode and status names are constants")
    void shouldNameConstants()
    {
        assertThat(DnsType.name(DnsType.NAPTR)).isEqualTo("NAPTR");
        assertThat(DnsType.name(DnsType.OPT)).isEqualTo("OPT");
        assertThat(DnsType.name(999)).isEqualTo("TYPE?");
        assertThat(DnsRcode.name(DnsRcode.NXDOMAIN)).isEqualTo("NXDOMAIN");
        assertThat(DnsRcode.name(DnsRcode.REFUSED)).isEqualTo("REFUSED");
        assertThat(DnsSection.name(DnsSection.AUTHORITY)).isEqualTo("AUTHORITY");
        for (int status = 0; status < DnsDecodeStatus.COUNT; status++)
        {
            assertThat(DnsDecodeStatus.name(status)).doesNotContain("?");
        }
        for (int status = DnsEncodeStatus.EMPTY_LABEL; status >= DnsEncodeStatus.NOT_WRAPPED; status--)
        {
            assertThat(DnsEncodeStatus.name(status)).doesNotContain("?");
        }
    }
}
