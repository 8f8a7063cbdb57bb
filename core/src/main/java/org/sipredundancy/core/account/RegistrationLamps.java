package org.sipredundancy.core.account;

import org.sipredundancy.core.account.machine.SlotMachine;
import org.sipredundancy.hal.Indicators;
import org.sipredundancy.hal.LampState;

import java.util.Arrays;

/**
 * The event stream seen by a device's lamps and then passed on (R-RT-5): BLF keys' lamps follow their NOTIFYs; each
 * line's registration lamp is on while
 * any of its server slots holds a binding (a refresh in progress keeps it), flashes slowly while the line registers
 * with none held, and is off otherwise;
 * every event, lamp-worthy or not, then goes to the next listener unchanged (the console's text, a UI).
 * Allocation-free; the lamp is set only when its state changes. Duty cycle thread only.
 */
public final class RegistrationLamps implements AccountEvents
{
    private static final int MAX_LINES = 64;

    private final Indicators indicators;
    private final AccountEvents next;
    private final int[] registeredSlots = new int[MAX_LINES + 1];
    private final int[] lamps = new int[MAX_LINES + 1];

    /**
     * @param indicators the device's lamps.
     * @param next       where every event goes after the lamps have seen it.
     */
    public RegistrationLamps(final Indicators indicators, final AccountEvents next)
    {
        this.indicators = indicators;
        this.next = next;
        Arrays.fill(lamps, -1);
    }

    /**
     * {@inheritDoc}
     */
    public void onRegistrationState(
        final int account, final int slot, final int state, final int address, final int port, final long nowNs)
    {
        if (account > 0 && account <= MAX_LINES && slot > 0 && slot < Integer.SIZE)
        {
            final int bit = 1 << slot;
            final boolean walking = state == SlotMachine.REGISTERING || state == SlotMachine.RESOLVING;
            if (state == SlotMachine.REGISTERED)
            {
                registeredSlots[account] |= bit;
            }
            else if (!walking)
            {
                registeredSlots[account] &= ~bit;
            }
            final int lamp = registeredSlots[account] != 0 ? LampState.ON :
                walking ? LampState.FLASHING_SLOW : LampState.OFF;
            if (lamp != lamps[account])
            {
                lamps[account] = lamp;
                indicators.registrationLamp(account, lamp);
            }
        }
        next.onRegistrationState(account, slot, state, address, port, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onFailover(
        final int account, final int slot, final int fromAddress, final int toAddress, final int cause,
        final long nowNs)
    {
        next.onFailover(account, slot, fromAddress, toAddress, cause, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onFailback(final int account, final int slot, final int trigger, final int address, final long nowNs)
    {
        next.onFailback(account, slot, trigger, address, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onDnsResolved(
        final int account, final int slot, final int source, final int candidates, final long nowNs)
    {
        next.onDnsResolved(account, slot, source, candidates, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onFallbackState(final int account, final int state, final long nowNs)
    {
        next.onFallbackState(account, state, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onCallOutcome(
        final int account, final int outcome, final int statusCode, final int cause, final int address,
        final long nowNs)
    {
        next.onCallOutcome(account, outcome, statusCode, cause, address, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onIncomingCall(final int account, final int state, final int address, final long nowNs)
    {
        next.onIncomingCall(account, state, address, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onKeypad(final int account, final int outcome, final long nowNs)
    {
        next.onKeypad(account, outcome, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onSubscription(
        final int account, final int kind, final int key, final int state, final int address, final long nowNs)
    {
        next.onSubscription(account, kind, key, state, address, nowNs);
    }

    /**
     * The DSS key's lamp follows the NOTIFY.
     * {@inheritDoc}
     */
    public void onBlfLamp(final int account, final int key, final int lampState, final long nowNs)
    {
        indicators.blfLamp(key, lampState);
        next.onBlfLamp(account, key, lampState, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onMessageWaiting(final int account, final int messages, final long nowNs)
    {
        next.onMessageWaiting(account, messages, nowNs);
    }
}
