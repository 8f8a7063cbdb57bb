package org.sipredundancy.core.account;

/**
 * The observable stream of what the accounts do (SPEC R-RT-6): registration state per (account, server slot),
 * failover with its cause, failback with its trigger, the source of each DNS answer, the fallback group in use and
 * each call's outcome. Tests, the CLI and a device UI all read this one stream. Every argument is a primitive so the
 * core can report without allocating; {@link AccountEventText} turns them into words. Duty cycle thread only.
 */
public interface AccountEvents
{
    /** Reports nothing. */
    AccountEvents NONE = new AccountEvents()
    {
    };

    /** Failback trigger: failback mode 0, a new request went to the primary and it answered. */
    int TRIGGER_NEW_REQUEST = 0;
    /** Failback trigger: mode 1, the DNS TTL of the current server's address ran out. */
    int TRIGGER_DNS_TTL = 1;
    /** Failback trigger: mode 2, the registration fell due for renewal. */
    int TRIGGER_REGISTRATION = 2;
    /** Failback trigger: mode 3, failback_timeout seconds passed since the failover. */
    int TRIGGER_DURATION = 3;
    /** Failback trigger: the back-off retry or a later refresh found the primary again. */
    int TRIGGER_RETRY = 4;
    /** Failback trigger: successive fallback's probe found the working server again (R-FB-3). */
    int TRIGGER_PROBE = 5;
    /** Failback trigger: outbound_proxy_fallback_interval passed and proxy 1 accepted again (R-OBP-2). */
    int TRIGGER_PROXY_INTERVAL = 6;

    /** {@link #onIncomingCall} state: an INVITE rings; a line key or lifting the handset answers it. */
    int INCOMING_RINGING = 0;
    /** {@link #onKeypad} outcome: the digits were dialled on the selected account. */
    int KEYPAD_DIALLED = 0;
    /** {@link #onKeypad} outcome: SEND with no digits typed. */
    int KEYPAD_NO_DIGITS = 1;
    /** {@link #onKeypad} outcome: the line key names no account in use; the selection is unchanged. */
    int KEYPAD_NO_SUCH_LINE = 2;
    /** {@link #onKeypad} outcome: the account already has a call; the digits are dropped. */
    int KEYPAD_BUSY = 3;
    /** {@link #onKeypad} outcome: the digits are not a number a Request-URI can carry; they are dropped. */
    int KEYPAD_BAD_NUMBER = 4;
    /** {@link #onKeypad} outcome: the line key selected this account for the next call. */
    int KEYPAD_LINE_SELECTED = 5;

    /** {@link #onSubscription} kind: BLF, the dialog package of a DSS key's extension. */
    int SUBSCRIPTION_BLF = 0;
    /** {@link #onSubscription} kind: MWI, the account's message summary. */
    int SUBSCRIPTION_MWI = 1;
    /** {@link #onSubscription} state: the server accepted the SUBSCRIBE. */
    int SUBSCRIPTION_ACTIVE = 0;
    /** {@link #onSubscription} state: the SUBSCRIBE failed; it is tried again later. */
    int SUBSCRIPTION_FAILED = 1;
    /** {@link #onSubscription} state: the subscription moves to another server (R-FO-6). */
    int SUBSCRIPTION_MOVING = 2;
    /** {@link #onSubscription} state: the account stopped and the server took the unsubscribe (or did not answer). */
    int SUBSCRIPTION_ENDED = 3;

    /** {@link #onDnsResolved} source: DNS could not be asked, the candidates found last time are used again. */
    int DNS_KEPT_LAST = -2;

    /** Call outcome: answered. */
    int CALL_ANSWERED = 0;
    /** Call outcome: the far end refused (busy, declined, not found). */
    int CALL_DECLINED = 1;
    /** Call outcome: every server of the call order failed. */
    int CALL_FAILED = 2;
    /** Call outcome: the user hung up before an answer. */
    int CALL_ABANDONED = 3;
    /** Call outcome: the call ended after it was answered. */
    int CALL_ENDED = 4;
    /** Call outcome: no server may carry it (only_signal_with_registered with no registration, or none known). */
    int CALL_NO_SERVER = 5;
    /** Call outcome: the far end hung up the answered call (its BYE was answered 200). */
    int CALL_ENDED_REMOTELY = 6;

    /**
     * A server slot's registration changed state.
     *
     * @param account   account number, 1-based.
     * @param slot      server slot, 1 (working) or 2 (fallback).
     * @param state     a {@link org.sipredundancy.core.account.machine.SlotMachine} state.
     * @param address   the candidate concerned, or 0.
     * @param port      its port, or 0.
     * @param nowNs     the duty cycle's time.
     */
    default void onRegistrationState(
        final int account, final int slot, final int state, final int address, final int port, final long nowNs)
    {
    }

    /**
     * Requests of a slot moved from one candidate to the next after a failure.
     *
     * @param account     account number.
     * @param slot        server slot.
     * @param fromAddress the candidate that failed.
     * @param toAddress   the candidate tried next, or 0 when none is left.
     * @param cause       a {@link org.sipredundancy.core.sip.transaction.SipFailure} constant.
     * @param nowNs       the duty cycle's time.
     */
    default void onFailover(
        final int account, final int slot, final int fromAddress, final int toAddress, final int cause,
        final long nowNs)
    {
    }

    /**
     * A slot is registered with its primary again after working on another candidate.
     *
     * @param account account number.
     * @param slot    server slot.
     * @param trigger one of the {@code TRIGGER_} constants.
     * @param address the primary.
     * @param nowNs   the duty cycle's time.
     */
    default void onFailback(final int account, final int slot, final int trigger, final int address, final long nowNs)
    {
    }

    /**
     * A slot's servers were located.
     *
     * @param account    account number.
     * @param slot       server slot.
     * @param source     the primary candidate's {@link org.sipredundancy.core.dns.CandidateSource} ordinal, or -1
     *                   when nothing was found, {@link #DNS_KEPT_LAST} when the lookup failed and the last
     *                   candidates are used again.
     * @param candidates how many candidates were found.
     * @param nowNs      the duty cycle's time.
     */
    default void onDnsResolved(
        final int account, final int slot, final int source, final int candidates, final long nowNs)
    {
    }

    /**
     * The account's fallback mode changed state (R-FB-3).
     *
     * @param account account number.
     * @param state   a {@link org.sipredundancy.core.account.machine.FallbackMachine} state.
     * @param nowNs   the duty cycle's time.
     */
    default void onFallbackState(final int account, final int state, final long nowNs)
    {
    }

    /**
     * A call attempt ended, or a call did.
     *
     * @param account    account number.
     * @param outcome    one of the {@code CALL_} constants.
     * @param statusCode the final status, or 0.
     * @param cause      for {@link #CALL_FAILED}, the last server's
     *                   {@link org.sipredundancy.core.sip.transaction.SipFailure}; else 0.
     * @param address    the server that carried or last tried the call, or 0.
     * @param nowNs      the duty cycle's time.
     */
    default void onCallOutcome(
        final int account, final int outcome, final int statusCode, final int cause, final int address,
        final long nowNs)
    {
    }

    /**
     * An incoming call rang or ended (R-SIP-6).
     *
     * @param account the account whose server sent it, or 0 when not known.
     * @param state   {@link #INCOMING_RINGING}, or the {@link org.sipredundancy.core.sip.uas.CallListener} reason
     *                the call ended with.
     * @param address the server it came from, or 0.
     * @param nowNs   the duty cycle's time.
     */
    default void onIncomingCall(final int account, final int state, final int address, final long nowNs)
    {
    }

    /**
     * What the keypad did with a key press that needs an answer (R-RT-5): a call dialled, a line selected, or why
     * nothing happened.
     *
     * @param account the selected account.
     * @param outcome one of the {@code KEYPAD_} constants.
     * @param nowNs   the duty cycle's time.
     */
    default void onKeypad(final int account, final int outcome, final long nowNs)
    {
    }

    /**
     * A subscription changed (R-FB-2, R-FO-6).
     *
     * @param account account number.
     * @param kind    {@link #SUBSCRIPTION_BLF} or {@link #SUBSCRIPTION_MWI}.
     * @param key     the DSS key of a BLF subscription, 0 for MWI.
     * @param state   one of the {@code SUBSCRIPTION_} states.
     * @param address the server it is (or is about to be) with, or 0.
     * @param nowNs   the duty cycle's time.
     */
    default void onSubscription(
        final int account, final int kind, final int key, final int state, final int address, final long nowNs)
    {
    }

    /**
     * A NOTIFY changed a BLF key's lamp.
     *
     * @param account   account number.
     * @param key       the DSS key.
     * @param lampState a {@link org.sipredundancy.hal.LampState}.
     * @param nowNs     the duty cycle's time.
     */
    default void onBlfLamp(final int account, final int key, final int lampState, final long nowNs)
    {
    }

    /**
     * A NOTIFY told the account's new voice messages (MWI).
     *
     * @param account  account number.
     * @param messages new messages; 0 for none.
     * @param nowNs    the duty cycle's time.
     */
    default void onMessageWaiting(final int account, final int messages, final long nowNs)
    {
    }
}
