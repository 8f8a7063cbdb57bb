package org.sipredundancy.hal;

/**
 * States of the phone's lamps (line key LEDs showing registration, DSS key LEDs showing BLF).
 */
public final class LampState
{
    /** Dark. */
    public static final int OFF = 0;
    /** Steady on (registered; BLF: the monitored line is busy). */
    public static final int ON = 1;
    /** Slow flashing (registering; BLF: ringing). */
    public static final int FLASHING_SLOW = 2;
    /** Fast flashing (registration failed). */
    public static final int FLASHING_FAST = 3;

    private LampState()
    {
    }

    /**
     * The state's name for the console and traces.
     *
     * @param state a constant of this class.
     * @return a short upper-case name.
     */
    public static String name(final int state)
    {
        switch (state)
        {
            case OFF:
                return "OFF";
            case ON:
                return "ON";
            case FLASHING_SLOW:
                return "FLASHING_SLOW";
            case FLASHING_FAST:
                return "FLASHING_FAST";
            default:
                return "UNKNOWN";
        }
    }
}
