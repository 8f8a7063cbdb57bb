package org.sipredundancy.hal;

/**
 * The phone's visible outputs that the core drives: a registration lamp per line, a BLF lamp per DSS key and
 * a status text. Called on the duty cycle thread; implementations must return quickly and not allocate
 * in steady state (they are called on every change, not every cycle).
 */
public interface Indicators
{
    /**
     * Show a line's registration state.
     *
     * @param line      line (account) number from 1.
     * @param lampState a {@link LampState}.
     */
    void registrationLamp(int line, int lampState);

    /**
     * Show a monitored extension's state on a DSS key.
     *
     * @param dssKey    DSS key number from 1.
     * @param lampState a {@link LampState}.
     */
    void blfLamp(int dssKey, int lampState);

    /**
     * Show a line of status text (e.g. "Registered on 192.168.1.13").
     *
     * @param text the text; read during the call only.
     */
    void statusText(CharSequence text);
}
