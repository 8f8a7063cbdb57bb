package org.sipredundancy.core.scenario;

import org.sipredundancy.core.sim.SimDeployment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reading a scenario's ladder: the lines that match, and the virtual time of a line in milliseconds.
 */
final class Ladders
{
    private Ladders()
    {
    }

    /**
     * @param deployment the scenario.
     * @param contains   text every returned line contains, e.g. {@code "-> 192.168.1.13:5060  REGISTER"}.
     * @return the matching lines in order.
     */
    static List<String> lines(final SimDeployment deployment, final String contains)
    {
        return deployment.ladder().lines().stream().filter(l -> l.contains(contains)).collect(Collectors.toList());
    }

    /**
     * @param deployment the scenario.
     * @param contains   text the line contains.
     * @return the virtual time of the first matching line in milliseconds, or -1 when none matches.
     */
    static long firstMs(final SimDeployment deployment, final String contains)
    {
        final List<String> lines = lines(deployment, contains);
        return lines.isEmpty() ? -1 : ms(lines.get(0));
    }

    /**
     * @param line a ladder line.
     * @return its virtual time in milliseconds.
     */
    static long ms(final String line)
    {
        final String time = line.trim().substring(0, line.trim().indexOf('s'));
        final int dot = time.indexOf('.');
        return Long.parseLong(time.substring(0, dot)) * 1000 + Long.parseLong(time.substring(dot + 1));
    }

    /**
     * @param deployment the scenario.
     * @param contains   text the event line contains.
     * @return the virtual time of the first matching event in milliseconds, or -1.
     */
    static long eventMs(final SimDeployment deployment, final String contains)
    {
        for (final String event : deployment.events())
        {
            if (event.contains(contains))
            {
                return Math.round(Double.parseDouble(event.trim().substring(0, event.trim().indexOf(' '))) * 1000);
            }
        }
        return -1;
    }
}
