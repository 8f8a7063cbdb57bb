package org.sipredundancy.core.sip.registration;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipResponseEncoder;
import org.sipredundancy.core.testing.AllocationWindows;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.SplitMix64Random;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2 for the registration: a whole refresh cycle with digest (encode the REGISTER with a fresh
 * Authorization, send it, decode the registrar's 200 OK, match it to its transaction, update the registration and
 * schedule the next refresh) allocates nothing once warm. Each cycle moves virtual time on by six seconds, so the
 * previous transaction has left Timer K and its row is free again.
 */
class RegistrationZeroAllocationTest implements SipSender, RegistrationListener
{
    private static final long SECOND_NS = 1_000_000_000L;

    /** Ticks of about a second: each cycle moves time on by a few ticks, never by thousands. */
    private final TimerService timers = new TimerService(0, 1 << 30, 512, 1024, 64);
    private final ClientTransactions transactions = new ClientTransactions(new ClientTransactionsContext()
        .timers(timers).sender(this).random(new SplitMix64Random(3)));
    private final SipMessageDecoder request = new SipMessageDecoder();
    private final SipMessageDecoder response = new SipMessageDecoder();
    private final SipResponseEncoder responder = new SipResponseEncoder();
    private final UnsafeBuffer requestCopy = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer responseBuffer = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer okHeaders = new UnsafeBuffer(
        "Contact: <sip:1001@10.0.0.2:5060>;expires=3600\r\n".getBytes(StandardCharsets.US_ASCII));
    private final UnsafeBuffer challenge = new UnsafeBuffer(("WWW-Authenticate: Digest realm=\"pbx.test\", " +
        "nonce=\"abc123\", qop=\"auth\", algorithm=MD5\r\n").getBytes(StandardCharsets.US_ASCII));
    private Registration registration;
    private int requestLength;
    private long registered;
    private long nowNs;

    @Test
    @DisplayName("R-RT-2 R-SIP-5 R-SIP-4 a REGISTER refresh cycle with digest allocates nothing once warm")
    void shouldNotAllocateOnceWarm()
    {
        registration = new Registration(new RegistrationContext().transactions(transactions).timers(timers)
            .random(new SplitMix64Random(5)).listener(this).credentials("1001", "", "pw")
            .server("pbx.test", 3600).local(0, "10.0.0.2", 5060));
        registration.register(1, 0x0A00000B, 5060, -1, nowNs);
        answer(401, challenge);
        answer(200, okHeaders);
        assertThat(registered).isEqualTo(1);

        final List<Long> windows = AllocationWindows.measure(this::cycles, 20_000, 50_000);

        assertThat(registered).isGreaterThan(AllocationWindows.interpreted() ? 5_000 : 50_000);
        assertThat(registration.nonceCount()).isEqualTo(registered);
        assertThat(windows).as("bytes allocated per window").contains(0L);
    }

    private void cycles(final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            nowNs += 6 * SECOND_NS;
            timers.poll(nowNs);
            registration.register(1, 0x0A00000B, 5060, -1, nowNs);
            answer(200, okHeaders);
        }
    }

    private void answer(final int status, final DirectBuffer headers)
    {
        request.wrap(requestCopy, 0, requestLength);
        responder.clearOptional().extraHeaders(headers, 0, headers.capacity());
        final int length = responder.encode(request, status, "Reason", "tag1", responseBuffer, 0, 4096);
        response.wrap(responseBuffer, 0, length);
        transactions.onResponse(response, nowNs);
    }

    public int send(
        final int flow,
        final int remoteAddress,
        final int remotePort,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        requestCopy.putBytes(0, buffer, offset, length);
        requestLength = length;
        return NetworkStatus.OK;
    }

    public boolean isReliable(final int flow)
    {
        return false;
    }

    public void onRegistered(final Registration registration, final long grantedExpiresS, final long nowNs)
    {
        registered++;
    }

    public void onRefreshDue(final Registration registration, final long nowNs)
    {
        registration.register(1, 0x0A00000B, 5060, -1, nowNs);
    }

    public void onRegistrationFailed(
        final Registration registration, final int cause, final int statusCode, final long retryAfterS,
        final long nowNs)
    {
        throw new AssertionError("failed: " + cause + " " + statusCode);
    }

    public void onUnregistered(final Registration registration, final long nowNs)
    {
        throw new AssertionError("unregistered");
    }
}
