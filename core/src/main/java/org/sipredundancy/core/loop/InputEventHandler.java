package org.sipredundancy.core.loop;

import org.sipredundancy.hal.InboundEvent;

/**
 * Receives key presses and operator commands from the device.
 */
@FunctionalInterface
public interface InputEventHandler
{
    /**
     * Handle one key or command event.
     *
     * @param type  {@link InboundEvent#KEY} or {@link InboundEvent#COMMAND}.
     * @param code  a {@link org.sipredundancy.hal.KeyCode} or {@link org.sipredundancy.hal.CommandCode}.
     * @param value the key's index or digit, or the command's argument.
     * @param nowNs the duty cycle's time.
     */
    void onInput(int type, int code, int value, long nowNs);
}
