package org.sipredundancy.core.sip.registration;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.TimerService;
import org.sipredundancy.core.sip.transaction.ClientTransactions;
import org.sipredundancy.core.sip.transaction.ClientTransactionsContext;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.core.sip.transaction.SipSender;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.testing.VirtualTime;
import org.sipredundancy.hal.NetworkStatus;
import org.sipredundancy.hal.SplitMix64Random;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One registration over a client transaction table in virtual time, with a scripted registrar: the test reads
 * each REGISTER sent and answers it with a response built from that request's own headers. The owner re-registers
 * when the refresh falls due, as an account does.
 */
final class RegistrationHarness implements SipSender, RegistrationListener
{
    static final int FLOW = 1;
    static final int SERVER = 0x0A00000B;
    static final String PASSWORD = "s3cret-pw";

    final TimerService timers = new TimerService(0, 1 << 20, 512, 1024, 64);
    final ClientTransactions transactions = new ClientTransactions(new ClientTransactionsContext()
        .timers(timers).sender(this).random(new SplitMix64Random(7)).capacity(8).reservedForRegistration(2));
    final Registration registration;
    final List<String> sent = new ArrayList<>();
    final List<Long> sentMs = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final SipMessageDecoder decoder = new SipMessageDecoder();
    boolean refreshOnDue = true;
    long nowNs;

    RegistrationHarness(final long expiresS)
    {
        registration = new Registration(new RegistrationContext()
            .transactions(transactions).timers(timers).random(new SplitMix64Random(11)).listener(this).token(5)
            .credentials("1001", "auth1001", PASSWORD).server("pbx.test", expiresS)
            .local(0, "10.0.0.2", 5060).userAgent("test-phone"));
    }

    int register()
    {
        return registration.register(FLOW, SERVER, 5060, -1, nowNs);
    }

    String last()
    {
        return sent.get(sent.size() - 1);
    }

    static String header(final String request, final String name)
    {
        final Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": ([^\r\n]*)").matcher(request);
        return m.find() ? m.group(1) : null;
    }

    /** Answer the last REGISTER: echo Via, From, To (with a tag), Call-ID and CSeq, then the extra lines. */
    void answer(final int status, final String extraHeaders)
    {
        final String request = last();
        final String text = "SIP/2.0 " + status + " Whatever\r\n" +
            "Via: " + header(request, "Via") + ";received=10.0.0.2\r\n" +
            "From: " + header(request, "From") + "\r\n" +
            "To: " + header(request, "To") + ";tag=reg-tag\r\n" +
            "Call-ID: " + header(request, "Call-ID") + "\r\n" +
            "CSeq: " + header(request, "CSeq") + "\r\n" +
            extraHeaders + "Content-Length: 0\r\n\r\n";
        final UnsafeBuffer buffer = new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
        final int decoded = decoder.wrap(buffer, 0, buffer.capacity());
        if (decoded != 0 || !transactions.onResponse(decoder, nowNs))
        {
            throw new AssertionError("response not taken (decode status " + decoded + "):\n" + text);
        }
    }

    void ok(final long grantedS)
    {
        answer(200, "Contact: <sip:1001@10.0.0.2:5060>;expires=" + grantedS + "\r\n");
    }

    static String challenge(final String nonce, final String algorithm, final boolean stale)
    {
        return "Digest realm=\"pbx.test\", nonce=\"" + nonce + "\", qop=\"auth\", algorithm=" + algorithm +
            (stale ? ", stale=true" : "");
    }

    /** Advance virtual time from deadline to deadline, firing timers, up to and including {@code untilMs}. */
    void runUntilMs(final long untilMs)
    {
        nowNs = VirtualTime.runUntilMs(timers, nowNs, untilMs);
    }

    /** The Authorization parameters of a request, unquoted. */
    static Map<String, String> authParams(final String request, final String headerName)
    {
        final String value = header(request, headerName);
        final Map<String, String> params = new HashMap<>();
        final Matcher m = Pattern.compile("([a-z]+)=(\"([^\"]*)\"|[^, ]+)")
            .matcher(value.substring("Digest ".length()));
        while (m.find())
        {
            params.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    /** RFC 7616 section 3.4.1 computed independently of the code under test. */
    static String expectedResponse(final Map<String, String> p, final String method, final String password)
    {
        final String algorithm = p.getOrDefault("algorithm", "MD5");
        final String hash = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = h(hash, p.get("username") + ":" + p.get("realm") + ":" + password);
        if (algorithm.endsWith("-sess"))
        {
            ha1 = h(hash, ha1 + ":" + p.get("nonce") + ":" + p.get("cnonce"));
        }
        final String ha2 = h(hash, method + ":" + p.get("uri"));
        return h(hash, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") +
            ":" + ha2);
    }

    private static String h(final String algorithm, final String text)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new AssertionError(ex);
        }
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
        sent.add(buffer.getStringWithoutLengthAscii(offset, length));
        sentMs.add(TimeUnit.NANOSECONDS.toMillis(nowNs));
        return NetworkStatus.OK;
    }

    public boolean isReliable(final int flow)
    {
        return false;
    }

    public void onRegistered(final Registration registration, final long grantedExpiresS, final long nowNs)
    {
        events.add(ms(nowNs) + " registered " + grantedExpiresS);
    }

    public void onRefreshDue(final Registration registration, final long nowNs)
    {
        events.add(ms(nowNs) + " refresh-due");
        if (refreshOnDue)
        {
            registration.register(FLOW, SERVER, 5060, -1, nowNs);
        }
    }

    public void onRegistrationFailed(
        final Registration registration, final int cause, final int statusCode, final long retryAfterS,
        final long nowNs)
    {
        events.add(ms(nowNs) + " failed " + SipFailure.name(cause) + " " + statusCode + " " + retryAfterS);
    }

    public void onUnregistered(final Registration registration, final long nowNs)
    {
        events.add(ms(nowNs) + " unregistered");
    }

    private static long ms(final long ns)
    {
        return TimeUnit.NANOSECONDS.toMillis(ns);
    }
}
