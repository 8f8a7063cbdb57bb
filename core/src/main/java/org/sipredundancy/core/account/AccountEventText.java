package org.sipredundancy.core.account;

import org.sipredundancy.core.account.machine.FallbackMachine;
import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.core.dns.CandidateSource;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.LampState;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The event stream in words, one line per event with its virtual time: the timeline the CLI prints and the
 * scenario tests compare. Formatting allocates, so this is for tools and tests, not for a device's steady state.
 */
public final class AccountEventText implements AccountEvents
{
    private static final String[] TRIGGERS = {"new request", "DNS TTL", "registration renewal", "duration",
        "retry", "fallback probe", "proxy fallback interval"};
    private static final String[] OUTCOMES = {"answered", "declined", "failed on every server", "abandoned",
        "ended", "no server may carry it", "ended by the far end (BYE)"};

    private static final String[] INCOMING = {"ringing (line key or off hook answers)", "ended by the caller (BYE)",
        "cancelled by the caller", "rejected (603)", "hung up here"};
    private static final String[] SUBSCRIPTION_STATES = {"active with ", "failed at ", "moving to ",
        "ended with "};
    private static final String[] KEYPAD = {"dialling", "SEND with no digits typed: nothing dialled",
        "no such line: selection unchanged", "busy with a call: digits dropped",
        "not a dialable number: digits dropped", "line selected for the next call"};

    private final Consumer<String> out;
    private final boolean registrationAttempts;

    /**
     * @param out                  receives each line.
     * @param registrationAttempts whether each REGISTER attempt is a line too (else only state changes).
     */
    public AccountEventText(final Consumer<String> out, final boolean registrationAttempts)
    {
        this.out = out;
        this.registrationAttempts = registrationAttempts;
    }

    /**
     * {@inheritDoc}
     */
    public void onRegistrationState(
        final int account, final int slot, final int state, final int address, final int port, final long nowNs)
    {
        if (state == SlotMachine.REGISTERING && !registrationAttempts)
        {
            return;
        }
        final String where = address == 0 ? "" :
            (state == SlotMachine.REGISTERING ? " to " : " with ") + Ipv4.toString(address) + ":" + port;
        line(nowNs, account, slot, SlotMachine.TABLE.stateName(state) + where);
    }

    /**
     * {@inheritDoc}
     */
    public void onFailover(
        final int account, final int slot, final int fromAddress, final int toAddress, final int cause,
        final long nowNs)
    {
        line(nowNs, account, slot, "FAILOVER " + Ipv4.toString(fromAddress) + " -> " +
            (toAddress == 0 ? "none left" : Ipv4.toString(toAddress)) + " (" + SipFailure.name(cause) + ")");
    }

    /**
     * {@inheritDoc}
     */
    public void onFailback(final int account, final int slot, final int trigger, final int address, final long nowNs)
    {
        line(nowNs, account, slot, "FAILBACK to " + Ipv4.toString(address) + " (" + TRIGGERS[trigger] + ")");
    }

    /**
     * {@inheritDoc}
     */
    public void onDnsResolved(
        final int account, final int slot, final int source, final int candidates, final long nowNs)
    {
        line(nowNs, account, slot, source == DNS_KEPT_LAST ? "DNS lookup failed; using the " + candidates +
            " candidates found before" : source < 0 ? "DNS found no server" :
            "DNS " + candidates + " candidate" + (candidates == 1 ? "" : "s") + " (" +
            CandidateSource.values()[source].label() + ")");
    }

    /**
     * {@inheritDoc}
     */
    public void onFallbackState(final int account, final int state, final long nowNs)
    {
        line(nowNs, account, 0, "FALLBACK " + FallbackMachine.TABLE.stateName(state));
    }

    /**
     * {@inheritDoc}
     */
    public void onCallOutcome(
        final int account, final int outcome, final int statusCode, final int cause, final int address,
        final long nowNs)
    {
        final StringBuilder text = new StringBuilder("CALL ").append(OUTCOMES[outcome]);
        if (address != 0)
        {
            text.append(outcome == CALL_FAILED ? ", last tried " : " via ").append(Ipv4.toString(address));
        }
        if (statusCode != 0)
        {
            text.append(" (").append(statusCode).append(')');
        }
        if (cause != 0)
        {
            text.append(" (").append(SipFailure.name(cause)).append(')');
        }
        line(nowNs, account, 0, text.toString());
    }

    /**
     * {@inheritDoc}
     */
    public void onIncomingCall(final int account, final int state, final int address, final long nowNs)
    {
        line(nowNs, account, 0, "INCOMING CALL " + INCOMING[state] +
            (address == 0 ? "" : " via " + Ipv4.toString(address)));
    }

    /**
     * {@inheritDoc}
     */
    public void onKeypad(final int account, final int outcome, final long nowNs)
    {
        line(nowNs, account, 0, "KEYPAD " + KEYPAD[outcome]);
    }

    /**
     * {@inheritDoc}
     */
    public void onSubscription(
        final int account, final int kind, final int key, final int state, final int address, final long nowNs)
    {
        line(nowNs, account, 0, "SUBSCRIPTION " + (kind == SUBSCRIPTION_BLF ? "BLF key " + key : "MWI") + " " +
            SUBSCRIPTION_STATES[state] + Ipv4.toString(address));
    }

    /**
     * {@inheritDoc}
     */
    public void onBlfLamp(final int account, final int key, final int lampState, final long nowNs)
    {
        line(nowNs, account, 0, "BLF key " + key + " lamp " + LampState.name(lampState));
    }

    /**
     * {@inheritDoc}
     */
    public void onMessageWaiting(final int account, final int messages, final long nowNs)
    {
        line(nowNs, account, 0, "MWI " + messages + " new message" + (messages == 1 ? "" : "s"));
    }

    private void line(final long nowNs, final int account, final int slot, final String what)
    {
        out.accept(String.format(Locale.ROOT, "%10.3f s  account %d%s  %s", nowNs / 1e9, account,
            slot == 0 ? "       " : " slot " + slot, what));
    }
}
