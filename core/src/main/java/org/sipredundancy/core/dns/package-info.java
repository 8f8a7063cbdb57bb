/**
 * Locating SIP servers through DNS (SPEC section 3, R-DNS-1 to R-DNS-10, R-DNS-12): the RFC 3263 walker
 * {@link org.sipredundancy.core.dns.ServerLocator}, the static records of the provisioning file
 * ({@link org.sipredundancy.core.dns.StaticDnsRecords}), the TTL cache of live answers
 * ({@link org.sipredundancy.core.dns.DnsAnswerCache}) and the ordered result
 * ({@link org.sipredundancy.core.dns.CandidateList} of {@link org.sipredundancy.core.dns.Candidate}s). The wire
 * codec lives in the {@code wire} subpackage; the two meet only through plain calls: the locator asks a
 * {@link org.sipredundancy.core.dns.DnsQueryPort} and is told outcomes through
 * {@link org.sipredundancy.core.dns.DnsAnswerHandler}, with primitive values and dotted ASCII names.
 * <p>
 * Everything is sized at construction; resolving from static records or a warm cache allocates nothing (R-RT-2).
 * Time is only the {@code nowNs} passed in, randomness only the injected source (R-RT-3).
 * <p>
 * <b>Decisions</b> taken where the seed and the spec are silent:
 * <ul>
 *     <li>One live question at a time per locator, in walk order, so traces and simulations are deterministic.
 *     Query tokens are {@code locatorId << 32 | sequence}; answers for any other token are ignored.</li>
 *     <li>Answer-section records of the type asked are the answer, whatever their owner: the live client has
 *     matched the question and followed CNAMEs (R-DNS-9). Additional-section records are kept only with
 *     {@code dns_cache_type = 2} and only for names the answer points to (SRV targets, NAPTR replacements).</li>
 *     <li>The address fallback (R-DNS-3, R-DNS-4) happens when the SRV step found no SRV record at all (RFC 3263
 *     section 4.2; the seed: "if no port is found"). SRV records whose targets have no address, or whose only
 *     target is {@code .}, end the walk with an empty list ({@code NO_ADDRESS} / {@code NO_SERVICE}).</li>
 *     <li>The NAPTR step "yields nothing" when there are no records, none usable, or the usable ones lead to no
 *     candidate; then the {@code naptr_build} SRV step follows. The service filter applies to non-terminal records
 *     too; records with a regexp, flags {@code u}/{@code p} or several flags, or a replacement of {@code .} are
 *     skipped. Flags and services are read in either case.</li>
 *     <li>A non-terminal chain follows at most 5 records; a loop is a replacement equal (ignoring case) to any name
 *     already on the chain. Both are skipped and the next record tried.</li>
 *     <li>An SRV target that is an IPv4 literal is used as is, with the SRV record's TTL (the seed: "if the Target
 *     is not a numeric IP address, the IP phone performs an A query"). Equal endpoints are not merged.</li>
 *     <li>Candidate TTL (R-DNS-10): live, the address record's TTL; cached, the remaining TTL rounded up to whole
 *     seconds; static, the configured {@code ttl}; an IP literal, 0 with source {@code LITERAL}.</li>
 *     <li>Static records are never copied into the cache. With {@code static_cache_pri = 0} a cached negative
 *     answer counts as "no records", so the static records stand in again until it expires.</li>
 *     <li>Cache: an answer expires as a whole at its smallest TTL, at most 7 days; negative answers last the SOA
 *     minimum, at most 3 hours, and are not kept when the answer had no SOA (RFC 2308 section 5; configurable).
 *     Failures are not kept. When full, the entry expiring soonest makes room.</li>
 *     <li>A query the port refuses is asked again on the next {@code poll}; a port with no DNS server reports
 *     {@link org.sipredundancy.core.dns.DnsFailure#NO_SERVER} instead of refusing for ever.</li>
 *     <li>RFC 2782 mode draws {@code nextInt(sum + 1)} (0 to the sum inclusive, as the RFC says); when every
 *     remaining weight is 0 nothing is drawn and record order is kept.</li>
 *     <li>IPv6 literals and AAAA records are beyond the seed: a bracketed host is {@code INVALID_HOST}.</li>
 * </ul>
 */
package org.sipredundancy.core.dns;
