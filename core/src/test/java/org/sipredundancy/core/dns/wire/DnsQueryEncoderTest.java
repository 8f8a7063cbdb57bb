package org.sipredundancy.core.dns.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DnsQueryEncoderTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[600]);

    @Provide
    Arbitrary<String> hostNames()
    {
        final Arbitrary<String> label = Arbitraries.strings().withChars("abcdefXYZ0189-_").ofMinLength(1)
            .ofMaxLength(20);
        return label.list().ofMinSize(1).ofMaxSize(6).map(labels -> String.join(".", labels));
    }

    @Property(tries = 300)
    @Label("R-DNS-11 a query encoded by us reads back the same in dnsjava and in our decoder")
    void shouldRoundTripQuery(
        @ForAll("hostNames") final String name,
        @ForAll @IntRange(max = 0xFFFF) final int id,
        @ForAll("queryTypes") final int type) throws IOException
    {
        final int length = DnsQueryEncoder.encode(buffer, 7, 512, id, true, name, type);
        assertThat(length).isPositive();

        final byte[] wire = Arrays.copyOfRange(buffer.byteArray(), 7, 7 + length);
        final Message parsed = new Message(wire);
        assertThat(parsed.getHeader().getID()).isEqualTo(id);
        assertThat(parsed.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(parsed.getHeader().getFlag(Flags.QR)).isFalse();
        final Record question = parsed.getQuestion();
        assertThat(question.getName().toString(true)).isEqualTo(name);
        assertThat(question.getType()).isEqualTo(type);
        assertThat(question.getDClass()).isEqualTo(DClass.IN);

        final DnsMessageDecoder decoder = new DnsMessageDecoder();
        assertThat(decoder.wrap(buffer, 7, length)).isEqualTo(DnsDecodeStatus.OK);
        final DnsName decoded = new DnsName();
        assertThat(decoder.questionName(decoded)).isTrue();
        assertThat(decoded.contentEquals(name)).isTrue();
        assertThat(decoded.toString()).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
        assertThat(decoder.questionType()).isEqualTo(type);
        assertThat(decoder.questionClass()).isEqualTo(DnsClass.IN);
        assertThat(decoder.id()).isEqualTo(id);
        assertThat(decoder.isResponse()).isFalse();
        assertThat(decoder.questionCount()).isEqualTo(1);
        assertThat(decoder.answerCount() + decoder.authorityCount() + decoder.additionalCount()).isZero();
        assertThat(decoder.trailingBytes()).isZero();
    }

    @Provide
    Arbitrary<Integer> queryTypes()
    {
        return Arbitraries.of(DnsType.A, DnsType.AAAA, DnsType.SRV, DnsType.NAPTR, DnsType.CNAME, DnsType.SOA);
    }

    @Test
    @DisplayName("R-DNS-11 a query is laid out exactly as RFC 1035 says")
    void shouldLayOutQueryBytes()
    {
        final int length = DnsQueryEncoder.encode(buffer, 0, 512, 0xBEEF, true, "_sip._tcp.Example.com.", DnsType.SRV);

        final byte[] expected = WireBuilder.header(1, 0, 0, 0).question("_sip._tcp.Example.com", DnsType.SRV).bytes();
        expected[2] = 0x01;
        expected[3] = 0x00;
        expected[0] = (byte)0xBE;
        expected[1] = (byte)0xEF;
        assertThat(Arrays.copyOf(buffer.byteArray(), length)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R-DNS-11 R-BAD-2 invalid names are refused with their own code, nothing thrown")
    void shouldRefuseInvalidNames()
    {
        assertThat(encode("")).isEqualTo(DnsEncodeStatus.EMPTY_LABEL);
        assertThat(encode("a..b")).isEqualTo(DnsEncodeStatus.EMPTY_LABEL);
        assertThat(encode(".a")).isEqualTo(DnsEncodeStatus.EMPTY_LABEL);
        assertThat(encode("a..")).isEqualTo(DnsEncodeStatus.EMPTY_LABEL);
        assertThat(encode("x".repeat(64) + ".com")).isEqualTo(DnsEncodeStatus.LABEL_TOO_LONG);
        assertThat(encode("x".repeat(63) + ".com")).isPositive();
        assertThat(encode("a b.com")).isEqualTo(DnsEncodeStatus.BAD_CHARACTER);
        assertThat(encode("caf\u00e9.com")).isEqualTo(DnsEncodeStatus.BAD_CHARACTER);
        assertThat(encode("a\\.b")).isEqualTo(DnsEncodeStatus.BAD_CHARACTER);

        // 4 labels of 63 = 256 octets with their length octets, plus the root: over 255.
        final String label = "y".repeat(63);
        assertThat(encode(String.join(".", label, label, label, label))).isEqualTo(DnsEncodeStatus.NAME_TOO_LONG);
        // 3 labels of 63 and one of 61: 253 characters, 255 octets, the most allowed.
        final String longest = String.join(".", label, label, label, "z".repeat(61));
        assertThat(longest).hasSize(253);
        assertThat(encode(longest)).isEqualTo(DnsHeader.LENGTH + 255 + DnsHeader.QUESTION_FIXED_LENGTH);
        assertThat(encode(longest + ".")).isEqualTo(DnsHeader.LENGTH + 255 + DnsHeader.QUESTION_FIXED_LENGTH);
    }

    @Test
    @DisplayName("R-DNS-11 a query that does not fit or has fields over 16 bits is refused")
    void shouldRefuseWhatDoesNotFit()
    {
        assertThat(DnsQueryEncoder.encode(buffer, 0, 11, 1, true, "a.com", DnsType.A))
            .isEqualTo(DnsEncodeStatus.BUFFER_TOO_SMALL);
        // 12 + 7 ("a.com" on the wire) + 4 = 23.
        assertThat(DnsQueryEncoder.encode(buffer, 0, 22, 1, true, "a.com", DnsType.A))
            .isEqualTo(DnsEncodeStatus.BUFFER_TOO_SMALL);
        assertThat(DnsQueryEncoder.encode(buffer, 0, 23, 1, true, "a.com", DnsType.A)).isEqualTo(23);
        assertThat(DnsQueryEncoder.encode(buffer, 0, 18, 1, true, "a.com", DnsType.A))
            .isEqualTo(DnsEncodeStatus.BUFFER_TOO_SMALL);
        assertThat(DnsQueryEncoder.encode(buffer, 0, 512, 0x10000, true, "a.com", DnsType.A))
            .isEqualTo(DnsEncodeStatus.VALUE_OUT_OF_RANGE);
        assertThat(DnsQueryEncoder.encode(buffer, 0, 512, 1, true, "a.com", -1))
            .isEqualTo(DnsEncodeStatus.VALUE_OUT_OF_RANGE);
    }

    @Test
    @DisplayName("R-DNS-11 the root and one trailing dot are accepted")
    void shouldAcceptRootAndTrailingDot()
    {
        assertThat(encode(".")).isEqualTo(DnsHeader.LENGTH + 1 + DnsHeader.QUESTION_FIXED_LENGTH);
        assertThat(encode("a.com.")).isEqualTo(encode("a.com"));
    }

    private int encode(final String name)
    {
        return DnsQueryEncoder.encode(buffer, 0, 512, 1, true, name, DnsType.A);
    }
}
