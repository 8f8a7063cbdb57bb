package org.sipredundancy.core.account;

import org.sipredundancy.core.loop.InputEventHandler;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.NetworkStatus;

import java.util.List;

/**
 * The keys of outgoing calls (R-RT-5): dial-pad digits collect into a number, SEND dials it on the selected account,
 * a line key selects account N for the next call (the first account in use until then), and putting the handset
 * down ends the selected account's call. The phone hands a ringing or answered incoming call's keys (line key, hook)
 * to {@link org.sipredundancy.core.sip.uas.IncomingRequests} instead. Every press that needs an answer is reported
 * on the event stream ({@link AccountEvents#onKeypad}), so a user at a console sees why nothing happened.
 * Allocation-free. Duty cycle thread only.
 */
public final class PhoneKeys implements InputEventHandler
{
    /** Most digits kept; further digits are ignored until SEND or on-hook. */
    public static final int MAX_DIGITS = 32;

    private final Account[] accounts;
    private final AccountEvents events;
    private final StringBuilder digits = new StringBuilder(MAX_DIGITS);
    private Account selected;

    /**
     * @param accounts the phone's accounts in use, in account order; may be empty.
     * @param events   where the keypad's answers go.
     */
    public PhoneKeys(final List<Account> accounts, final AccountEvents events)
    {
        this.accounts = accounts.toArray(new Account[0]);
        this.events = events;
        selected = this.accounts.length == 0 ? null : this.accounts[0];
    }

    /**
     * {@inheritDoc}
     */
    public void onInput(final int type, final int code, final int value, final long nowNs)
    {
        if (type != InboundEvent.KEY)
        {
            return;
        }
        switch (code)
        {
            case KeyCode.DIGIT:
                if (digits.length() < MAX_DIGITS)
                {
                    digits.append((char)value);
                }
                break;
            case KeyCode.LINE_KEY:
                selectLine(value, nowNs);
                break;
            case KeyCode.SEND:
                send(nowNs);
                break;
            case KeyCode.HOOK_ON:
                digits.setLength(0);
                if (selected != null && selected.call().isActive())
                {
                    selected.hangUp(nowNs);
                }
                break;
            default:
                break;
        }
    }

    private void selectLine(final int line, final long nowNs)
    {
        for (final Account account : accounts)
        {
            if (account.number() == line)
            {
                selected = account;
                events.onKeypad(line, AccountEvents.KEYPAD_LINE_SELECTED, nowNs);
                return;
            }
        }
        events.onKeypad(line, AccountEvents.KEYPAD_NO_SUCH_LINE, nowNs);
    }

    private void send(final long nowNs)
    {
        if (selected == null)
        {
            events.onKeypad(0, AccountEvents.KEYPAD_NO_SUCH_LINE, nowNs);
        }
        else if (digits.length() == 0)
        {
            events.onKeypad(selected.number(), AccountEvents.KEYPAD_NO_DIGITS, nowNs);
        }
        else
        {
            final int status = selected.dial(digits, nowNs);
            events.onKeypad(selected.number(), status == NetworkStatus.OK ? AccountEvents.KEYPAD_DIALLED :
                status == OutgoingCall.BUSY ? AccountEvents.KEYPAD_BUSY : AccountEvents.KEYPAD_BAD_NUMBER, nowNs);
        }
        digits.setLength(0);
    }

    /**
     * @return the account the next call goes out on, or null when the phone has none.
     */
    public Account selected()
    {
        return selected;
    }
}
