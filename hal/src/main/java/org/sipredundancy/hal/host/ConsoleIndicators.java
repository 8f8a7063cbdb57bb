package org.sipredundancy.hal.host;

import org.agrona.collections.Int2IntHashMap;
import org.sipredundancy.hal.Indicators;
import org.sipredundancy.hal.LampState;

import java.io.PrintStream;

/**
 * {@link Indicators} for a phone run at a terminal: each change of a lamp or of the status text becomes one line,
 * such as {@code line 1 registration ON}, {@code dss 3 blf FLASHING_SLOW} or {@code status Registered}. The core
 * may set a lamp to the state it already has; only changes are printed, so the console reads as a log of what
 * a user would have seen happen.
 * <p>
 * Printing allocates, which is acceptable only because the core calls indicators on changes, not every cycle.
 * Not thread safe: duty cycle thread only.
 */
public final class ConsoleIndicators implements Indicators
{
    private static final int UNKNOWN = -1;

    private final PrintStream out;
    private final Int2IntHashMap registrationByLine = new Int2IntHashMap(UNKNOWN);
    private final Int2IntHashMap blfByKey = new Int2IntHashMap(UNKNOWN);
    private final StringBuilder statusText = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private boolean statusShown;

    /**
     * @param out where the lines go, usually {@link System#out}.
     */
    public ConsoleIndicators(final PrintStream out)
    {
        this.out = out;
    }

    /**
     * {@inheritDoc}
     */
    public void registrationLamp(final int lineNumber, final int lampState)
    {
        if (registrationByLine.put(lineNumber, lampState) != lampState)
        {
            print("line ", lineNumber, " registration ", lampState);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void blfLamp(final int dssKey, final int lampState)
    {
        if (blfByKey.put(dssKey, lampState) != lampState)
        {
            print("dss ", dssKey, " blf ", lampState);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void statusText(final CharSequence text)
    {
        final CharSequence shown = null == text ? "" : text;
        if (statusShown && CharSequence.compare(statusText, shown) == 0)
        {
            return;
        }
        statusShown = true;
        statusText.setLength(0);
        statusText.append(shown);
        line.setLength(0);
        line.append("status ").append(shown);
        out.println(line);
    }

    private void print(final String kind, final int number, final String what, final int lampState)
    {
        line.setLength(0);
        line.append(kind).append(number).append(what).append(LampState.name(lampState));
        out.println(line);
    }
}
