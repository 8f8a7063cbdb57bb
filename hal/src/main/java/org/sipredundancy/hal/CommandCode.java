package org.sipredundancy.hal;

/**
 * Codes of {@link InboundEvent#COMMAND} events: instructions that come from an operator or a test rather than
 * from the phone's keys.
 */
public final class CommandCode
{
    /** Stop the phone: unregister and end the duty cycle. */
    public static final int QUIT = 1;
    /** Free text for components that understand it; the text is the event's payload. */
    public static final int TEXT = 2;

    private CommandCode()
    {
    }
}
