package org.sipredundancy.core.dns.wire;

import java.io.ByteArrayOutputStream;

/**
 * Hand-crafts DNS messages byte by byte, malformed ones included: nothing here checks anything.
 */
final class WireBuilder
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static WireBuilder header(final int qd, final int an, final int ns, final int ar)
    {
        return new WireBuilder().u16(0x1234).u16(0x8180).u16(qd).u16(an).u16(ns).u16(ar);
    }

    WireBuilder u8(final int value)
    {
        out.write(value);
        return this;
    }

    WireBuilder u16(final int value)
    {
        return u8(value >>> 8).u8(value & 0xFF);
    }

    WireBuilder u32(final long value)
    {
        return u16((int)(value >>> 16) & 0xFFFF).u16((int)value & 0xFFFF);
    }

    /** Labels of a dotted name and the root. */
    WireBuilder name(final String dotted)
    {
        labels(dotted);
        return u8(0);
    }

    /** Labels of a dotted name without the root, to end with a pointer. */
    WireBuilder labels(final String dotted)
    {
        for (final String label : dotted.split("\\."))
        {
            u8(label.length());
            for (int i = 0; i < label.length(); i++)
            {
                u8(label.charAt(i));
            }
        }
        return this;
    }

    WireBuilder pointer(final int target)
    {
        return u16(0xC000 | target);
    }

    WireBuilder question(final String dotted, final int type)
    {
        return name(dotted).u16(type).u16(DnsClass.IN);
    }

    /** Type, class IN, TTL 300 and RDLENGTH, after an owner name written by the caller. */
    WireBuilder fixed(final int type, final int rdLength)
    {
        return u16(type).u16(DnsClass.IN).u32(300).u16(rdLength);
    }

    int length()
    {
        return out.size();
    }

    byte[] bytes()
    {
        return out.toByteArray();
    }
}
