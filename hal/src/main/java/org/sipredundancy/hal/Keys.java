package org.sipredundancy.hal;

/**
 * The phone's keys, as the device drives them. Each press becomes an {@link InboundEvent#KEY} event for the duty
 * cycle; a method returns false when the press could not be queued (the inbound queue was full) and was dropped.
 * <p>
 * Called from the device's input thread (a keypad driver, the console, a test).
 */
public interface Keys
{
    /**
     * Press a line key.
     *
     * @param line line number from 1.
     * @return false when the press was dropped.
     */
    boolean lineKey(int line);

    /**
     * Press a DSS key.
     *
     * @param key key number from 1.
     * @return false when the press was dropped.
     */
    boolean dssKey(int key);

    /**
     * Press a dial-pad key.
     *
     * @param digit '0'..'9', '*' or '#'.
     * @return false when the press was dropped or the character is not a dial-pad key.
     */
    boolean digit(char digit);

    /**
     * Lift or replace the handset.
     *
     * @param offHook true to go off hook, false to hang up.
     * @return false when the event was dropped.
     */
    boolean hook(boolean offHook);

    /**
     * Press send: dial the digits entered.
     *
     * @return false when the press was dropped.
     */
    boolean send();
}
