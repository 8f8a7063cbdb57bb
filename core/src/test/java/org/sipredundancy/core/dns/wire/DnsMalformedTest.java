package org.sipredundancy.core.dns.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One hand-crafted message per cause of rejection (SPEC R-BAD-3): each gives its own status, is counted under it,
 * and leaves nothing to read.
 */
class DnsMalformedTest
{
    private final DnsDecodeCounters counters = new DnsDecodeCounters();
    private final DnsMessageDecoder decoder = new DnsMessageDecoder(counters);

    private int decode(final WireBuilder message)
    {
        final byte[] bytes = message.bytes();
        return decoder.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private void assertRejected(final WireBuilder message, final int status)
    {
        final long before = counters.count(status);
        assertThat(DnsDecodeStatus.name(decode(message))).isEqualTo(DnsDecodeStatus.name(status));
        assertThat(counters.count(status)).isEqualTo(before + 1);
        assertThat(decoder.nextRecord()).isFalse();
        assertThat(decoder.questionName(new DnsName())).isFalse();
    }

    @Test
    @DisplayName("R-BAD-3 R-BAD-2 fewer than 12 octets: no header")
    void shouldRejectShortHeader()
    {
        assertRejected(new WireBuilder().u16(1).u16(0x8180).u16(1), DnsDecodeStatus.HEADER_TOO_SHORT);
        assertRejected(new WireBuilder(), DnsDecodeStatus.HEADER_TOO_SHORT);
        assertThat(decoder.id()).isZero();
    }

    @Test
    @DisplayName("R-BAD-3 a count past the end: more records announced than sent, header still readable")
    void shouldRejectCountPastEnd()
    {
        final WireBuilder message = WireBuilder.header(1, 2, 0, 0).question("a.com", DnsType.A)
            .pointer(12).fixed(DnsType.A, 4).u32(0x01020304L);
        assertRejected(message, DnsDecodeStatus.COUNT_PAST_END);
        assertThat(decoder.id()).isEqualTo(0x1234);
        assertThat(decoder.answerCount()).isEqualTo(2);
        assertRejected(WireBuilder.header(2, 0, 0, 0).question("a.com", DnsType.A), DnsDecodeStatus.COUNT_PAST_END);
        assertRejected(WireBuilder.header(0, 0xFFFF, 0xFFFF, 0xFFFF), DnsDecodeStatus.COUNT_PAST_END);
    }

    @Test
    @DisplayName("R-BAD-3 a question cut short after its name")
    void shouldRejectTruncatedQuestion()
    {
        assertRejected(WireBuilder.header(1, 0, 0, 0).name("a.com").u16(DnsType.A), DnsDecodeStatus.TRUNCATED_QUESTION);
    }

    @Test
    @DisplayName("R-BAD-3 a record cut short in its fixed part")
    void shouldRejectTruncatedRecord()
    {
        assertRejected(WireBuilder.header(1, 1, 0, 0).question("a.com", DnsType.A).pointer(12).u16(DnsType.A)
            .u16(DnsClass.IN).u16(0), DnsDecodeStatus.TRUNCATED_RECORD);
    }

    @Test
    @DisplayName("R-BAD-3 an RDLENGTH past the end")
    void shouldRejectRdataPastEnd()
    {
        assertRejected(WireBuilder.header(1, 1, 0, 0).question("a.com", DnsType.A).pointer(12)
            .fixed(DnsType.A, 4).u16(0x0102), DnsDecodeStatus.RDATA_PAST_END);
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(99, 0xFFFF).u32(0),
            DnsDecodeStatus.RDATA_PAST_END);
    }

    @Test
    @DisplayName("R-BAD-3 an RDLENGTH that does not fit the type: A, AAAA, SRV, NAPTR, CNAME, SOA")
    void shouldRejectRdlengthInconsistentWithType()
    {
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.A, 5).u32(1).u8(0),
            DnsDecodeStatus.RDLENGTH_MISMATCH);
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.AAAA, 4).u32(1),
            DnsDecodeStatus.RDLENGTH_MISMATCH);
        // SRV whose target runs past its RDATA into the next octets.
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.SRV, 8).u16(0).u16(1).u16(5060)
            .name("b.com"), DnsDecodeStatus.RDLENGTH_MISMATCH);
        // SRV with RDATA longer than its target.
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.SRV, 14).u16(0).u16(1).u16(5060)
            .name("b.com").u8(0), DnsDecodeStatus.RDLENGTH_MISMATCH);
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.SRV, 5).u16(0).u16(1).u8(0),
            DnsDecodeStatus.RDLENGTH_MISMATCH);
        // NAPTR whose service string claims more octets than the RDATA holds.
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.NAPTR, 9).u16(90).u16(50)
            .u8(1).u8('s').u8(40).u8('S').u8(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0)
            .u32(0), DnsDecodeStatus.RDLENGTH_MISMATCH);
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.CNAME, 0),
            DnsDecodeStatus.RDLENGTH_MISMATCH);
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.CNAME, 8).name("b.com").u8(0),
            DnsDecodeStatus.RDLENGTH_MISMATCH);
        // SOA with 16 octets of numbers instead of 20.
        assertRejected(WireBuilder.header(0, 1, 0, 0).name("a.com").fixed(DnsType.SOA, 2 + 16).u8(0).u8(0).u32(1)
            .u32(2).u32(3).u32(4), DnsDecodeStatus.RDLENGTH_MISMATCH);
    }

    @Test
    @DisplayName("R-BAD-3 a name whose labels run past the end")
    void shouldRejectNamePastEnd()
    {
        assertRejected(WireBuilder.header(1, 0, 0, 0).u8(5).u8('a'), DnsDecodeStatus.NAME_PAST_END);
        assertRejected(WireBuilder.header(1, 0, 0, 0).u8(1).u8('a'), DnsDecodeStatus.NAME_PAST_END);
        assertRejected(WireBuilder.header(1, 0, 0, 0).u8(0xC0), DnsDecodeStatus.NAME_PAST_END);
    }

    @Test
    @DisplayName("R-BAD-3 a label over 63 octets (length octets 64 to 191, the reserved label types)")
    void shouldRejectLabelOver63()
    {
        final WireBuilder message = WireBuilder.header(1, 0, 0, 0).u8(64);
        for (int i = 0; i < 64; i++)
        {
            message.u8('x');
        }
        assertRejected(message.u8(0).u16(1).u16(1), DnsDecodeStatus.LABEL_TOO_LONG);
        assertRejected(WireBuilder.header(1, 0, 0, 0).u8(0x80).u8(0).u16(1).u16(1), DnsDecodeStatus.LABEL_TOO_LONG);
    }

    @Test
    @DisplayName("R-BAD-3 a name over 255 octets, written out or reached through pointers")
    void shouldRejectNameOver255()
    {
        final String label = "y".repeat(63);
        // 4 labels of 63: 256 octets with their length octets, before the root.
        assertRejected(WireBuilder.header(1, 0, 0, 0).question(String.join(".", label, label, label, label),
            DnsType.A), DnsDecodeStatus.NAME_TOO_LONG);
        // The question holds 3 labels of 63 (193 octets); the answer's owner adds 2 more through a pointer.
        assertRejected(WireBuilder.header(1, 1, 0, 0).question(String.join(".", label, label, label), DnsType.A)
            .labels(label).pointer(12).fixed(DnsType.A, 4).u32(1), DnsDecodeStatus.NAME_TOO_LONG);
        // 255 octets exactly is fine.
        final String longest = String.join(".", label, label, label, "z".repeat(61));
        assertThat(decode(WireBuilder.header(1, 0, 0, 0).question(longest, DnsType.A))).isEqualTo(DnsDecodeStatus.OK);
        final DnsName name = new DnsName();
        decoder.questionName(name);
        assertThat(name.toString()).isEqualTo(longest);
    }

    @Test
    @DisplayName("R-BAD-3 compression loops: to itself, back into its own labels, and two names pointing at each other")
    void shouldRejectPointerLoops()
    {
        assertRejected(WireBuilder.header(1, 0, 0, 0).pointer(12).u16(1).u16(1), DnsDecodeStatus.POINTER_LOOP);
        // "a" then a pointer back to the start of the same name.
        assertRejected(WireBuilder.header(1, 0, 0, 0).u8(1).u8('a').pointer(12).u16(1).u16(1),
            DnsDecodeStatus.POINTER_LOOP);
        // A loop reached through a good pointer: opaque RDATA at 23 holds "x" + pointer to 23; the next owner
        // points to 23.
        assertRejected(WireBuilder.header(0, 2, 0, 0).u8(0).fixed(99, 4).u8(1).u8('x').pointer(23)
            .pointer(23).fixed(99, 0), DnsDecodeStatus.POINTER_LOOP);
        // The question "b" + pointer to the answer's owner, which is "c" + pointer to the question: the question
        // is checked first and its pointer goes forward, which no loop can do without.
        assertRejected(WireBuilder.header(1, 1, 0, 0).u8(1).u8('b').pointer(20).u16(1).u16(1)
            .u8(1).u8('c').pointer(12).fixed(99, 0), DnsDecodeStatus.POINTER_FORWARD);
    }

    @Test
    @DisplayName("R-BAD-3 a pointer forward, or into the header, or past the end")
    void shouldRejectPointersForwardAndOutOfRange()
    {
        assertRejected(WireBuilder.header(1, 0, 0, 0).pointer(16).u16(1).u16(1).u8(0), DnsDecodeStatus.POINTER_FORWARD);
        assertRejected(WireBuilder.header(1, 0, 0, 0).pointer(2).u16(1).u16(1), DnsDecodeStatus.POINTER_OUT_OF_RANGE);
        assertRejected(WireBuilder.header(1, 0, 0, 0).pointer(0x3FFF).u16(1).u16(1),
            DnsDecodeStatus.POINTER_OUT_OF_RANGE);
    }

    @Test
    @DisplayName("R-BAD-3 a chain of more pointers than any name can need")
    void shouldRejectLongPointerChains()
    {
        assertThat(decode(pointerChain(DnsNameReader.MAX_POINTER_HOPS))).isEqualTo(DnsDecodeStatus.OK);
        final DnsName name = new DnsName();
        assertThat(decoder.nextRecord()).isTrue();
        assertThat(decoder.nextRecord()).isTrue();
        decoder.recordName(name);
        assertThat(name.length()).isZero();
        assertRejected(pointerChain(DnsNameReader.MAX_POINTER_HOPS + 1), DnsDecodeStatus.POINTER_CHAIN_TOO_LONG);
    }

    /**
     * A record whose owner is the root at 12 and whose opaque RDATA (from 23) holds pointers, each to the one
     * before (the first to 12), then a record whose owner points to the last: a name of {@code hops} pointers.
     */
    private static WireBuilder pointerChain(final int hops)
    {
        final int inRdata = hops - 1;
        final WireBuilder message = WireBuilder.header(0, 2, 0, 0).u8(0).fixed(99, 2 * inRdata);
        int previous = 12;
        for (int i = 0; i < inRdata; i++)
        {
            final int at = message.length();
            message.pointer(previous);
            previous = at;
        }
        return message.pointer(previous).fixed(99, 0);
    }

    @Test
    @DisplayName("R-BAD-2 trailing octets after the last record are allowed, reported and counted")
    void shouldAllowTrailingOctets()
    {
        final long before = counters.trailingBytesMessages();
        assertThat(decode(WireBuilder.header(1, 1, 0, 0).question("a.com", DnsType.A).pointer(12)
            .fixed(DnsType.A, 4).u32(0x0A000001L).u8(0xFF).u8(0xEE).u8(0xDD))).isEqualTo(DnsDecodeStatus.OK);
        assertThat(decoder.trailingBytes()).isEqualTo(3);
        assertThat(counters.trailingBytesMessages()).isEqualTo(before + 1);
        assertThat(decoder.nextRecord()).isTrue();
        assertThat(decoder.aAddress()).isEqualTo(0x0A000001);
        assertThat(counters.rejected()).isZero();
    }
}
