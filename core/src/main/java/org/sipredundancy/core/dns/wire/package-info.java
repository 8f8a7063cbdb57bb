/**
 * The DNS wire codec (SPEC R-DNS-11, R-BAD-2, R-BAD-3): RFC 1035 messages with name compression and the record
 * types the RFC 3263 walk needs (A, AAAA, SRV, NAPTR, CNAME, SOA). Flyweights over Agrona buffers, as Aeron's
 * {@code HeaderFlyweight} and Netty's codec-dns split the work: the codec knows nothing about sockets, caches or
 * the walk. {@link org.sipredundancy.core.dns.wire.DnsMessageDecoder} checks a whole message once with bounded
 * work and then reads it in place; {@link org.sipredundancy.core.dns.wire.DnsQueryEncoder} and
 * {@link org.sipredundancy.core.dns.wire.DnsResponseEncoder} write into a caller's buffer. Nothing here
 * allocates once warm.
 */
package org.sipredundancy.core.dns.wire;
