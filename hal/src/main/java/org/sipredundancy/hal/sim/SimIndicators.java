package org.sipredundancy.hal.sim;

import org.sipredundancy.hal.Indicators;
import org.sipredundancy.hal.LampState;

/**
 * The lamps and status line of a simulated phone: it remembers what the core last showed, so tests and the
 * simulation's invariants can read the phone's face as a user would.
 * <pre>
 *   registration lamps: line 1 .. maxLines        BLF lamps: DSS key 1 .. maxDssKeys        status text
 * </pre>
 * Lines and keys past the sizes given at construction are ignored and counted. Setting a lamp does not allocate;
 * setting the status text does not allocate once its buffer has grown to the longest text. Not thread safe.
 */
public final class SimIndicators implements Indicators
{
    /** Lines remembered by default: the most accounts a Yealink desk phone has. */
    public static final int DEFAULT_MAX_LINES = 16;
    /** DSS keys remembered by default: a large phone with three expansion modules. */
    public static final int DEFAULT_MAX_DSS_KEYS = 200;

    private final int[] registrationLamps;
    private final int[] blfLamps;
    private final StringBuilder statusText = new StringBuilder(128);
    private long changeCount;
    private long ignoredCount;

    /**
     * Indicators for {@link #DEFAULT_MAX_LINES} lines and {@link #DEFAULT_MAX_DSS_KEYS} DSS keys, all off.
     */
    public SimIndicators()
    {
        this(DEFAULT_MAX_LINES, DEFAULT_MAX_DSS_KEYS);
    }

    /**
     * Indicators of a given size, all off.
     *
     * @param maxLines   number of lines (accounts), from 1.
     * @param maxDssKeys number of DSS keys, from 1.
     */
    public SimIndicators(final int maxLines, final int maxDssKeys)
    {
        registrationLamps = new int[maxLines];
        blfLamps = new int[maxDssKeys];
    }

    /**
     * {@inheritDoc}
     */
    public void registrationLamp(final int line, final int lampState)
    {
        set(registrationLamps, line, lampState);
    }

    /**
     * {@inheritDoc}
     */
    public void blfLamp(final int dssKey, final int lampState)
    {
        set(blfLamps, dssKey, lampState);
    }

    /**
     * {@inheritDoc}
     */
    public void statusText(final CharSequence text)
    {
        statusText.setLength(0);
        if (text != null)
        {
            statusText.append(text);
        }
        changeCount++;
    }

    /**
     * @param line line number from 1.
     * @return the {@link LampState} last shown on the line's registration lamp; {@link LampState#OFF} if none.
     */
    public int registrationLamp(final int line)
    {
        return get(registrationLamps, line);
    }

    /**
     * @param dssKey DSS key number from 1.
     * @return the {@link LampState} last shown on the key's BLF lamp; {@link LampState#OFF} if none.
     */
    public int blfLamp(final int dssKey)
    {
        return get(blfLamps, dssKey);
    }

    /**
     * @return the status text last shown (allocates: for tests).
     */
    public String statusText()
    {
        return statusText.toString();
    }

    /**
     * @return how many times a lamp or the status text was set.
     */
    public long changeCount()
    {
        return changeCount;
    }

    /**
     * @return how many lamp updates named a line or key outside the indicators' size.
     */
    public long ignoredCount()
    {
        return ignoredCount;
    }

    private void set(final int[] lamps, final int number, final int lampState)
    {
        if (number < 1 || number > lamps.length)
        {
            ignoredCount++;
            return;
        }
        lamps[number - 1] = lampState;
        changeCount++;
    }

    private static int get(final int[] lamps, final int number)
    {
        return number < 1 || number > lamps.length ? LampState.OFF : lamps[number - 1];
    }
}
