package org.sipredundancy.core.scenario;

import org.sipredundancy.core.config.ConfigLoader;
import org.sipredundancy.core.config.ParseResult;
import org.sipredundancy.core.sim.SimDeployment;
import org.sipredundancy.core.sim.SeedDemo;
import org.sipredundancy.core.sim.SimDnsZone;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.sim.SimTrace;
import org.sipredundancy.profiles.ProfileRegistry;

/**
 * Shared pieces of the scenario tests: the seed's deployment (yealink.pbx.com resolving by NAPTR, SRV and A to
 * 192.168.1.14 first and 192.168.1.13 second, {@link SeedDemo#zone}; fallback server 192.168.1.15), and a way to
 * build a {@link SimDeployment} from provisioning text.
 */
final class Scenarios
{
    static final int PRIMARY = (int)Ipv4.parse("192.168.1.14");
    static final int SECONDARY = (int)Ipv4.parse("192.168.1.13");
    static final int FALLBACK = (int)Ipv4.parse("192.168.1.15");
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    /** Account 1's working server is yealink.pbx.com found by NAPTR, SRV and A; expiry 60 s (a refresh every 54 s). */
    static final String DOMAIN_SERVER = String.join("\n",
        "account.1.sip_server.1.address = yealink.pbx.com", "account.1.sip_server.1.port = 0",
        "account.1.sip_server.1.transport_type = 3", "account.1.sip_server.1.expires = 60");

    private Scenarios()
    {
    }

    /**
     * @param model    the hardware model, e.g. {@code T46U}.
     * @param text     provisioning text.
     * @param zone     the DNS zone.
     * @param seed     the simulation seed.
     * @return the deployment, not started.
     */
    static SimDeployment deployment(final String model, final String text, final SimDnsZone zone, final long seed)
    {
        return deployment(model, 86, text, zone, seed, SimTrace.NONE);
    }

    /**
     * @param model    the hardware model, e.g. {@code T46U}.
     * @param firmware the firmware version the file is read for (80 takes the legacy keys).
     * @param text     provisioning text.
     * @param zone     the DNS zone.
     * @param seed     the simulation seed.
     * @param extra    a trace that also sees every packet.
     * @return the deployment, not started.
     */
    static SimDeployment deployment(
        final String model, final int firmware, final String text, final SimDnsZone zone, final long seed,
        final SimTrace extra)
    {
        final ParseResult parsed = ConfigLoader.parseText(text, "scenario.cfg",
            ProfileRegistry.load().find(model).orElseThrow(), firmware);
        if (!parsed.usable())
        {
            throw new IllegalStateException("scenario configuration unusable: " + parsed);
        }
        return new SimDeployment(parsed.config(), zone, seed, extra);
    }

    /**
     * Account 1 of user 4605 with the given extra lines.
     *
     * @param lines provisioning lines.
     * @return the text.
     */
    static String account1(final String... lines)
    {
        final StringBuilder text = new StringBuilder("#!version:1.0.0.1\n")
            .append("account.1.enable = 1\naccount.1.user_name = 4605\naccount.1.auth_name = 4605\n")
            .append("account.1.password = 4605\n");
        for (final String line : lines)
        {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
