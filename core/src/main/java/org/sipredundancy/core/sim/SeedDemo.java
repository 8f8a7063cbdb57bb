package org.sipredundancy.core.sim;

import org.sipredundancy.hal.Ipv4;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in demo: the seed's example deployment in virtual time — boot and register, the primary dies, the
 * phone fails over, a call is placed, the primary recovers and the phone fails back (failback mode 3, 120 s), then
 * the whole working cluster dies and the fallback server takes over. The steps are fixed; the seed only moves the
 * random parts (Call-IDs, tags, back-off jitter).
 */
public final class SeedDemo
{
    /** The working server's domain in the seed's Appendix A. */
    public static final String DOMAIN = "yealink.pbx.com";
    /** The TTL of the demo's DNS records. */
    public static final long TTL_S = 3600;
    /** The provisioning file of the demo, on the class path. */
    public static final String CONFIG_RESOURCE = "/demo/seed-example.cfg";

    private static final int PRIMARY = (int)Ipv4.parse("192.168.1.14");
    private static final int SECONDARY = (int)Ipv4.parse("192.168.1.13");

    private final SimDeployment deployment;
    private final List<String> script = new ArrayList<>();

    /**
     * @param deployment a deployment of the demo's configuration and {@link #zone(long)}, not started.
     */
    public SeedDemo(final SimDeployment deployment)
    {
        this.deployment = deployment;
    }

    /**
     * A provisioning file of {@code accounts} accounts, each on the seed's domain found by NAPTR (transport_type 3,
     * port 0) with the user name and password {@code firstUser + x} for account x: what the many-account tests
     * and the fleet benchmark give a phone. The simulated servers must know the same users.
     *
     * @param accounts  how many accounts, 1 to the model's limit.
     * @param firstUser the user of account 1 minus 1.
     * @param expiresS  every account's sip_server.1.expires.
     * @return the file's text, with the version header.
     */
    public static String domainAccounts(final int accounts, final long firstUser, final long expiresS)
    {
        final StringBuilder text = new StringBuilder("#!version:1.0.0.1\n");
        for (int x = 1; x <= accounts; x++)
        {
            final String user = String.valueOf(firstUser + x);
            final String account = "account." + x + ".";
            text.append(account).append("enable = 1\n")
                .append(account).append("user_name = ").append(user).append('\n')
                .append(account).append("password = ").append(user).append('\n')
                .append(account).append("sip_server.1.address = ").append(DOMAIN).append('\n')
                .append(account).append("sip_server.1.port = 0\n")
                .append(account).append("sip_server.1.transport_type = 3\n")
                .append(account).append("sip_server.1.expires = ").append(expiresS).append('\n');
        }
        return text.toString();
    }

    /**
     * The seed's Appendix A over UDP: one NAPTR, one SRV of two targets (weight 2, 192.168.1.14, before weight 1,
     * 192.168.1.13) and their A records; the scenario tests use it too.
     *
     * @param ttlS the TTL of every record.
     * @return the zone.
     */
    public static SimDnsZone zone(final long ttlS)
    {
        return new SimDnsZone()
            .soa(DOMAIN, ttlS, 300)
            .naptr(DOMAIN, ttlS, 100, 50, "s", "SIP+D2U", "", "_sip._udp." + DOMAIN)
            .srv("_sip._udp." + DOMAIN, ttlS, 0, 1, 5060, "server1." + DOMAIN)
            .srv("_sip._udp." + DOMAIN, ttlS, 0, 2, 5060, "server2." + DOMAIN)
            .a("server1." + DOMAIN, ttlS, "192.168.1.13")
            .a("server2." + DOMAIN, ttlS, "192.168.1.14");
    }

    /**
     * Run the whole story.
     */
    public void run()
    {
        step(0, "boot: account 1 (4605) registers", deployment::start);
        step(30, "kill 192.168.1.14 (the primary stops answering)", () -> deployment.kill(PRIMARY));
        step(70, "call 1 4606", () -> deployment.dial(1, "4606"));
        step(90, "hangup 1", () -> deployment.hangUp(1));
        step(100, "revive 192.168.1.14", () -> deployment.revive(PRIMARY));
        step(250, "kill 192.168.1.14 and 192.168.1.13 (the working cluster dies)", () ->
        {
            deployment.kill(PRIMARY);
            deployment.kill(SECONDARY);
        });
        step(420, "call 1 4606", () -> deployment.dial(1, "4606"));
        step(440, "hangup 1", () -> deployment.hangUp(1));
        step(450, "end", SeedDemo::nothing);
    }

    private static void nothing()
    {
    }

    private void step(final long atS, final String what, final Runnable action)
    {
        final long atNs = atS * 1_000_000_000L;
        deployment.runFor(Duration.ofNanos(Math.max(0, atNs - deployment.nowNs())));
        script.add(String.format(Locale.ROOT, "%10.3f s  %s", atS * 1.0, what));
        action.run();
    }

    /**
     * @return the steps as they were carried out, with their virtual times.
     */
    public List<String> script()
    {
        return List.copyOf(script);
    }
}
