package org.sipredundancy.hal;

/**
 * Codes of {@link InboundEvent#KEY} events: what the user did on the phone's keys.
 */
public final class KeyCode
{
    /** A line key; value = line number from 1. */
    public static final int LINE_KEY = 1;
    /** A DSS (programmable) key; value = key number from 1. */
    public static final int DSS_KEY = 2;
    /** A dial-pad key; value = the character '0'..'9', '*' or '#'. */
    public static final int DIGIT = 3;
    /** The handset lifted (or the speaker key pressed to go off hook). */
    public static final int HOOK_OFF = 4;
    /** The handset put down: ends the active call. */
    public static final int HOOK_ON = 5;
    /** The send key: dial what was entered. */
    public static final int SEND = 6;

    private KeyCode()
    {
    }

    /**
     * The key's name for traces and the console.
     *
     * @param code a constant of this class.
     * @return a short upper-case name.
     */
    public static String name(final int code)
    {
        switch (code)
        {
            case LINE_KEY:
                return "LINE_KEY";
            case DSS_KEY:
                return "DSS_KEY";
            case DIGIT:
                return "DIGIT";
            case HOOK_OFF:
                return "HOOK_OFF";
            case HOOK_ON:
                return "HOOK_ON";
            case SEND:
                return "SEND";
            default:
                return "UNKNOWN";
        }
    }
}
