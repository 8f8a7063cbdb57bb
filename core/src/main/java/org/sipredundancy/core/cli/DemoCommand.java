package org.sipredundancy.core.cli;

import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.hal.sim.SimTrace;
import org.sipredundancy.profiles.HardwareProfile;
import org.sipredundancy.profiles.ProfileRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the seed's example deployment in virtual time (what the command does with no arguments). Prints
 * the steps, the timeline of which server the account uses and why, and the SIP ladder seen on the wire.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "The seed's example in virtual time: yealink.pbx.com (192.168.1.14, then 192.168.1.13 by NAPTR/SRV/A)",
        "and fallback server 192.168.1.15; the primary dies, the phone fails over, places a call, fails back",
        "when the primary recovers, then the working cluster dies and the fallback server takes over."
    })
public final class DemoCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Simulation seed (default ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(names = "--model", paramLabel = "MODEL", description = "Phone model (default ${DEFAULT-VALUE}).")
    private String model = "T46S";

    /**
     * Run the demo.
     *
     * @return 0, or 2 when the model is unknown.
     * @throws IOException when the built-in configuration cannot be read (a broken build).
     */
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final var lookup = ProfileRegistry.load().find(model);
        if (!lookup.isFound())
        {
            err.println("sip-redundancy: " + lookup.message());
            return ExitCodes.USAGE;
        }
        final HardwareProfile profile = lookup.profile().orElseThrow();
        final String text;
        try (InputStream in = DemoCommand.class.getResourceAsStream(SeedDemo.CONFIG_RESOURCE))
        {
            if (in == null)
            {
                throw new IOException("the demo's configuration " + SeedDemo.CONFIG_RESOURCE + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        final ParseResult parsed = ConfigLoader.parseText(text, "seed-example.cfg", profile,
            profile.defaultFirmware());
        final SimDeployment deployment =
            new SimDeployment(parsed.config(), SeedDemo.zone(SeedDemo.TTL_S), seed, SimTrace.NONE);
        final SeedDemo demo = new SeedDemo(deployment);
        demo.run();
        out.println("sip-redundancy demo: the seed's example deployment on a " + profile.modelId() +
            ", virtual time, seed " + seed);
        out.println();
        out.println("== Configuration (built in)");
        out.print(text);
        out.println();
        SimulationReport.print(out, "What is done to the phone", demo.script(), deployment);
        return ExitCodes.OK;
    }
}
