package org.sipredundancy.core.cli;

import org.sipredundancy.core.sim.SimDeployment;

import java.io.PrintWriter;
import java.util.List;

/**
 * How {@code demo} and {@code simulate} show a run: what was done to the phone, what the phone did (the event
 * stream) and the SIP ladder on the wire, under the same headings so readers learn one layout.
 */
final class SimulationReport
{
    private SimulationReport()
    {
    }

    /**
     * @param out        where to print.
     * @param stepsTitle the heading of the steps, e.g. naming model and seed.
     * @param steps      the steps carried out, with their virtual times.
     * @param deployment the finished run.
     */
    static void print(
        final PrintWriter out, final String stepsTitle, final List<String> steps, final SimDeployment deployment)
    {
        out.println("== " + stepsTitle);
        steps.forEach(out::println);
        out.println();
        out.println("== What the phone does (which server each account uses, and why)");
        deployment.events().forEach(out::println);
        out.println();
        out.println("== SIP ladder on the wire");
        out.print(deployment.ladder().text());
        out.flush();
    }
}
