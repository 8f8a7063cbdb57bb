package org.sipredundancy.core.dns;

/**
 * Where the {@link ServerLocator} sends the live DNS questions it cannot answer from the static records or the
 * cache: the outbound port of the resolver (the live UDP/TCP client on a device, a simulated DNS server in a
 * simulation, a fake zone in a unit test). The locator never blocks and never times out a query itself.
 * <p>
 * Contract:
 * <ul>
 *     <li>{@code name} is dotted ASCII without a trailing dot, to be asked exactly as given (R-DNS-12); it is only
 *     valid during the call, so the port copies what it keeps.</li>
 *     <li>A return value of 0 or more means the question was accepted: exactly one outcome then follows for that
 *     token through the {@link DnsAnswerHandler} — records then {@link DnsAnswerHandler#onAnswerEnd},
 *     {@link DnsAnswerHandler#onNoRecords} or {@link DnsAnswerHandler#onFailure} — possibly before this method
 *     returns. Time-outs, retries and the choice of server are the port's business (R-DNS-9).</li>
 *     <li>A negative return means "not now" (back-pressure): nothing follows, the locator stays where it is and
 *     asks again on its next {@link ServerLocator#poll(long)}. A port that has no DNS server at all accepts the
 *     question and reports {@link DnsFailure#NO_SERVER}, so that static records can stand in.</li>
 *     <li>The token's top 32 bits are the locator's id, so one port can serve many locators and route the
 *     outcome back; answers with a token the locator no longer waits for are ignored.</li>
 * </ul>
 */
public interface DnsQueryPort
{
    /**
     * Ask one question.
     *
     * @param queryToken identifies the question in the outcome.
     * @param name       the name asked, valid during the call only.
     * @param type       the RFC 1035 TYPE number: 1 (A), 33 (SRV) or 35 (NAPTR).
     * @return 0 or more when accepted, negative when refused for now.
     */
    int query(long queryToken, CharSequence name, int type);
}
