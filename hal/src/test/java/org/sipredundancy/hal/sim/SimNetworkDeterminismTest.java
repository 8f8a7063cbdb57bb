package org.sipredundancy.hal.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.Transport;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipredundancy.hal.sim.SimWorld.MS;
import static org.sipredundancy.hal.sim.SimWorld.PHONE;
import static org.sipredundancy.hal.sim.SimWorld.SERVER;
import static org.sipredundancy.hal.sim.SimWorld.SIP_PORT;
import static org.sipredundancy.hal.sim.SimWorld.send;

class SimNetworkDeterminismTest
{
    private static final long SEED = SimWorld.seedOr(20261124L);

    /**
     * A busy little run: datagrams both ways over a jittery, lossy, duplicating link, a TLS connection with bytes,
     * a partition, a rejecting dead server and a revival.
     */
    private static void exercise(final SimWorld world)
    {
        world.network.defaultLink(new LinkProfile(5 * MS, 3 * MS, 0.2, 0.1));
        final int serverUdp = world.server.openUdp(SERVER, SIP_PORT);
        final int phoneUdp = world.phone.openConnectedUdp(PHONE, SERVER, SIP_PORT);
        final int[] handles = world.connectTcp(Transport.TLS);
        for (int i = 0; i < 200; i++)
        {
            send(world.phone, phoneUdp, 0, 0, "REGISTER " + i + "\r\nCSeq: " + i + "\r\n\r\n");
            send(world.server, serverUdp, PHONE, world.phone.localPort(phoneUdp), "SIP/2.0 200 OK " + i);
            send(world.phone, handles[0], 0, 0, "OPTIONS " + i + ";");
            if (i == 50)
            {
                world.network.partition(PHONE, SERVER);
            }
            if (i == 70)
            {
                world.network.heal(PHONE, SERVER);
            }
            if (i == 120)
            {
                world.network.kill(SERVER, DeadHostBehaviour.REJECT);
            }
            if (i == 150)
            {
                world.network.revive(SERVER);
            }
            world.runFor(7 * MS);
        }
        world.runFor(100 * MS);
    }

    private static String textTrace(final long seed)
    {
        final TextSimTrace trace = new TextSimTrace(true);
        exercise(new SimWorld(seed, new SimNetworkContext().trace(trace)));
        return trace.toString();
    }

    private static long checksum(final long seed)
    {
        final ChecksumSimTrace trace = new ChecksumSimTrace();
        exercise(new SimWorld(seed, new SimNetworkContext().trace(trace)));
        return trace.checksum();
    }

    private static List<String> lostLines(final String trace)
    {
        return Arrays.stream(trace.split("\n")).filter((line) -> line.contains(" LOST")).collect(Collectors.toList());
    }

    @Test
    @DisplayName("R-RT-3 R-RT-4 the same seed gives a byte-identical text trace")
    void shouldReproduceTextTrace()
    {
        final String first = textTrace(SEED);
        final String second = textTrace(SEED);

        final String hint = "seed " + SEED + " (reproduce with -Dsim.seed=" + SEED + ")";
        assertThat(lostLines(first)).as(hint).isNotEmpty();
        assertThat(first).as(hint)
            .contains(" ICMP_UNREACHABLE\n")
            .contains(" DUPLICATED ")
            .contains(" RESET\n")
            .contains("    REGISTER 0\n    CSeq: 0\n");
        assertThat(second).as(hint).isEqualTo(first);
    }

    @Test
    @DisplayName("R-RT-3 R-RT-4 a different seed gives a different loss pattern")
    void shouldChangeLossPatternWithSeed()
    {
        assertThat(lostLines(textTrace(SEED + 1))).as("seeds %d and %d", SEED, SEED + 1)
            .isNotEqualTo(lostLines(textTrace(SEED)));
    }

    @Test
    @DisplayName("R-RT-3 the checksum trace agrees for the same seed and differs for another")
    void shouldReproduceChecksum()
    {
        assertThat(checksum(SEED)).as("seed %d", SEED).isEqualTo(checksum(SEED));
        assertThat(checksum(SEED + 1)).as("seeds %d and %d", SEED, SEED + 1).isNotEqualTo(checksum(SEED));
    }
}
