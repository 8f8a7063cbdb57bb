package org.sipredundancy.core.dns;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.dns.wire.DnsName;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name decoded from an answer ({@link DnsName}) goes into a {@link DomainName} by a block copy instead of character
 * by character: it must come out exactly as the general path makes it — same text, same case-insensitive hash, same
 * refusals.
 */
class DomainNameTest
{
    @Test
    @DisplayName("R-DNS-11 a decoded name is held with the same text and hash as the same name given as text")
    void shouldHoldADecodedNameAsItsText()
    {
        final DomainName decoded = new DomainName();
        final DomainName typed = new DomainName();

        assertThat(decoded.set(new DnsName().set("_sip._tcp.yealink.pbx.com"))).isTrue();
        assertThat(typed.set("_SIP._tcp.Yealink.PBX.com")).isTrue();

        assertThat(decoded.toString()).isEqualTo("_sip._tcp.yealink.pbx.com");
        assertThat(decoded.hashIgnoreCase()).isEqualTo(typed.hashIgnoreCase())
            .isEqualTo(DomainName.hashIgnoreCase("_sip._tcp.yealink.pbx.com"));
        assertThat(decoded.equalsIgnoreCase(typed)).isTrue();
    }

    @Test
    @DisplayName("R-DNS-11 a decoded name after a prefix is the prefix and the name, hashed as one text")
    void shouldAppendADecodedNameAfterAPrefix()
    {
        final DomainName name = new DomainName();

        assertThat(name.set("_sips._tcp.", new DnsName().set("example.com"))).isTrue();

        assertThat(name.toString()).isEqualTo("_sips._tcp.example.com");
        assertThat(name.hashIgnoreCase()).isEqualTo(DomainName.hashIgnoreCase("_sips._tcp.example.com"));
    }

    @Test
    @DisplayName("R-DNS-11 a decoded name with a blank, control or non-ASCII octet is refused, the holder left empty")
    void shouldRefuseDecodedNamesThatAreNotPrintableAscii()
    {
        assertEachRefused(bad -> new DnsName().set(bad),
            "a b.example.com", "a\tb.example.com", "caf\u00e9.example.com", "a\u007fb.example.com");
    }

    @Test
    @DisplayName("R-DNS-11 a typed name with a character past ~ is refused, even one whose low octet is a letter")
    void shouldRefuseTypedNamesThatAreNotPrintableAscii()
    {
        assertEachRefused(bad -> bad,
            "\u0161ip.example.com", "caf\u00e9.example.com", "a\u007fb.example.com", "a b.example.com");
        final DomainName name = new DomainName();
        assertThat(name.set("_sip._udp.", "Example.COM")).isTrue();
        assertThat(name.toString()).isEqualTo("_sip._udp.Example.COM");
        assertThat(name.hashIgnoreCase()).isEqualTo(DomainName.hashIgnoreCase("_sip._udp.example.com"));
    }

    @Test
    @DisplayName("R-DNS-11 a decoded name of 255 characters fits, one of 256 is refused")
    void shouldRefuseDecodedNamesLongerThan255()
    {
        final DomainName name = new DomainName();
        final String longest = "a".repeat(DomainName.MAX_LENGTH);

        assertThat(name.set(new DnsName().set(longest))).isTrue();
        assertThat(name.toString()).isEqualTo(longest);
        assertThat(name.set(new DnsName().set(longest + "b"))).isFalse();
        assertThat(name.length()).isZero();
    }

    /** Each name, given as {@code asGiven} makes it, is refused and leaves a holder that held a name empty. */
    private static void assertEachRefused(final Function<String, CharSequence> asGiven, final String... names)
    {
        final DomainName name = new DomainName();
        for (final String bad : names)
        {
            assertThat(name.set("kept.example.com")).isTrue();
            assertThat(name.set(asGiven.apply(bad))).as(bad).isFalse();
            assertThat(name.length()).as(bad).isZero();
            assertThat(name.hashIgnoreCase()).as(bad).isEqualTo(DomainName.hashIgnoreCase(""));
        }
    }
}
