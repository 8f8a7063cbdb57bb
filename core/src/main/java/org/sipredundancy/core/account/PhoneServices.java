package org.sipredundancy.core.account;

import org.agrona.concurrent.NanoClock;
import org.sipredundancy.core.dns.DnsAnswerCache;
import org.sipredundancy.core.dns.DnsQueryPort;
import org.sipredundancy.core.dns.SrvSelection;
import org.sipredundancy.core.dns.StaticDnsRecords;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.auth.DigestWorkspace;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transport.SipTransport;
import org.sipredundancy.hal.RandomSource;

/**
 * The parts of one phone that every account shares: the duty cycle's clock and timers, the SIP transport and its
 * client transaction table, the digest workspace, the DNS port and answer cache with the static records, the seeded
 * random source, the event stream, and how the phone names itself. Built once at start-up.
 *
 * @param clock        the duty cycle's clock (the HAL's or a simulation's).
 * @param timers       the duty cycle's timers.
 * @param transport    the SIP transport.
 * @param transactions the client transaction table.
 * @param digest       the digest workspace every account's registrations compute in, one at a time.
 * @param dnsPort      where live DNS questions go.
 * @param dnsCache     the answer cache shared by every locator.
 * @param statics      the static DNS records.
 * @param random       the injected seeded random source.
 * @param srvSelection how SRV records of equal priority are ordered.
 * @param events       the event stream (R-RT-6).
 * @param localHost    the phone's address as text, for Via and Contact.
 * @param localPort    the phone's SIP port.
 * @param userAgent    the User-Agent header value.
 */
public record PhoneServices(
    NanoClock clock,
    TimerService timers,
    SipTransport transport,
    ClientTransactions transactions,
    DigestWorkspace digest,
    DnsQueryPort dnsPort,
    DnsAnswerCache dnsCache,
    StaticDnsRecords statics,
    RandomSource random,
    SrvSelection srvSelection,
    AccountEvents events,
    String localHost,
    int localPort,
    String userAgent)
{
}
