package org.sipredundancy.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code sip-redundancy} command. Subcommands ({@code lint}, {@code config}, {@code resolve}, {@code simulate},
 * {@code run}, {@code demo}) are added by the capabilities that provide them; with no arguments the command runs the
 * built-in demo.
 */
@Command(
    name = "sip-redundancy",
    mixinStandardHelpOptions = true,
    subcommands = {DemoCommand.class, SimulateCommand.class, RunCommand.class, LintCommand.class, ConfigCommand.class,
        ResolveCommand.class, ProfilesCommand.class},
    versionProvider = SipRedundancyCli.Version.class,
    description = {
        "Shows what a Yealink phone does to keep its SIP service alive when its servers fail:",
        "DNS failover, fallback servers, outbound proxies and failback, in virtual time or live."
    })
public final class SipRedundancyCli implements Callable<Integer>
{
    /** Exit status when the command did what was asked. */
    public static final int EXIT_OK = 0;

    @Spec
    private CommandSpec spec;

    /**
     * Run the command line and exit with its status.
     *
     * @param args the arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Run the command line without exiting, writing to the given streams (what tests call).
     *
     * @param args the arguments.
     * @param out  standard output.
     * @param err  standard error.
     * @return the exit status: 0 done, 1 errors found under a strict option, 2 bad usage or unreadable input.
     */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        final CommandLine commandLine = new CommandLine(new SipRedundancyCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /**
     * With no subcommand: the built-in demo.
     *
     * @return the demo's exit status.
     */
    public Integer call()
    {
        return spec.commandLine().execute("demo");
    }

    /**
     * Reads the version Maven wrote into the jar.
     */
    public static final class Version implements CommandLine.IVersionProvider
    {
        /**
         * {@inheritDoc}
         */
        public String[] getVersion() throws IOException
        {
            final Properties properties = new Properties();
            try (InputStream in = SipRedundancyCli.class.getResourceAsStream("version.properties"))
            {
                if (in != null)
                {
                    properties.load(in);
                }
            }
            return new String[]
            {
                "sip-redundancy " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
