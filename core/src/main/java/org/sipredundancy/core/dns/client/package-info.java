/**
 * The live DNS client of the duty cycle (SPEC R-DNS-9): {@link org.sipredundancy.core.dns.client.DnsClient}, the
 * {@link org.sipredundancy.core.dns.DnsQueryPort} that asks configured DNS servers over UDP (and TCP after a
 * truncated answer) through the HAL {@link org.sipredundancy.hal.Network}, with time-outs on the duty cycle's timer
 * wheel. Set up with a {@link org.sipredundancy.core.dns.client.DnsClientContext}.
 * <p>
 * <b>Decisions</b> taken where the spec is silent:
 * <ul>
 *     <li>One id per server: a question gets a fresh random 16-bit id and a fresh endpoint (so a fresh source
 *     port) for each server; the retries to one server repeat the same datagram on the same endpoint. Answers from
 *     a server already left are not waited for (its endpoint is closed).</li>
 *     <li>Endpoints are connected UDP by default, so ICMP unreachable leaves a server at once and the host drops
 *     datagrams from other sources; the client still checks address and port itself (and with unconnected
 *     endpoints, {@code connectedUdp(false)}, that check is what counts wrong sources).</li>
 *     <li>A malformed datagram is counted and ignored: the try goes on waiting, as if nothing had arrived. A
 *     malformed TCP answer leaves the server. When every server is exhausted the failure cause is, in this
 *     order: SERVER_FAILURE if any server said SERVFAIL, REFUSED, MALFORMED, OTHER (FORMERR, NOTIMP, a CNAME loop
 *     or an unencodable name), else TIMEOUT (also for servers found unreachable).</li>
 *     <li>A server found down (ICMP unreachable, TCP refused or reset) is skipped for the rest of that question
 *     only; the next question tries it again.</li>
 *     <li>TC on a UDP answer: the same question over TCP to the same server, with one try time-out for connect
 *     and answer together; failure there moves to the next server, not back to UDP.</li>
 *     <li>CNAME: the answer section's chain is followed from the name asked; records of the type asked owned by
 *     the chain's end are the answer. A chain that ends without such records is a negative answer when the
 *     authority section has an SOA (or the RCODE is NXDOMAIN), else the chain's end is asked next, under the same
 *     token, from the server that answered. At most 8 CNAMEs per question; a name seen twice is a loop; both end
 *     with {@link org.sipredundancy.core.dns.DnsFailure#OTHER}.</li>
 *     <li>A TTL with the top bit set counts as 0 (RFC 2181 section 8). The negative TTL is the smallest
 *     min(SOA TTL, MINIMUM) of the authority section, -1 without SOA.</li>
 *     <li>Outcomes go to the handler registered for the token's top 32 bits, else to the context's default
 *     handler; with neither, {@code query} refuses.</li>
 * </ul>
 */
package org.sipredundancy.core.dns.client;
