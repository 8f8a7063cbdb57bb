package org.sipredundancy.core.dns.client;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.dns.DnsAnswerHandler;
import org.sipredundancy.core.dns.DnsFailure;
import org.sipredundancy.core.dns.wire.DnsType;
import org.sipredundancy.core.sim.SimDnsFault;
import org.sipredundancy.core.sim.SimDnsZone;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.NetworkStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions that join one in flight (R-DNS-9): a phone's accounts on one domain ask the same question at the same
 * moment; it goes out once and every asker gets the records and the outcome, in the order they asked.
 */
class DnsQueryJoinTest
{
    private static final String HOST = "sip.example.com";

    private final List<String> told = new ArrayList<>();

    private DnsAnswerHandler asker(final String name)
    {
        return new DnsAnswerHandler()
        {
            public void onAddressRecord(final long queryToken, final int address, final int ttlS)
            {
                told.add(name + " A " + Ipv4.toString(address));
            }

            public void onSrvRecord(
                final long queryToken, final int priority, final int weight, final int port,
                final CharSequence target, final int ttlS)
            {
                told.add(name + " SRV " + target);
            }

            public void onNaptrRecord(
                final long queryToken, final int order, final int preference, final CharSequence flags,
                final CharSequence service, final CharSequence regexp, final CharSequence replacement,
                final int ttlS)
            {
                told.add(name + " NAPTR " + replacement);
            }

            public void onAdditionalAddressRecord(
                final long queryToken, final CharSequence owner, final int address, final int ttlS)
            {
            }

            public void onAdditionalSrvRecord(
                final long queryToken, final CharSequence owner, final int priority, final int weight, final int port,
                final CharSequence target, final int ttlS)
            {
            }

            public void onAnswerEnd(final long queryToken, final long nowNs)
            {
                told.add(name + " end " + (queryToken & 0xFFFF));
            }

            public void onNoRecords(final long queryToken, final int negativeTtlS, final long nowNs)
            {
                told.add(name + " no records");
            }

            public void onFailure(final long queryToken, final int cause, final long nowNs)
            {
                told.add(name + " failure " + DnsFailure.name(cause));
            }
        };
    }

    private static DnsWorld world()
    {
        return new DnsWorld(5, new SimDnsZone().soa("example.com", 3600, 60).a(HOST, 60, "10.0.0.1")
            .a("other.example.com", 60, "10.0.0.2"));
    }

    @Test
    @DisplayName("R-DNS-9 the same question asked three times goes out once; each asker is answered, in order")
    void sameQuestionGoesOutOnce()
    {
        final DnsWorld world = world();
        for (int id = 100; id <= 103; id++)
        {
            world.client.handler(id, asker("asker" + id));
        }
        assertThat(world.client.query((100L << 32) | 1, HOST, DnsType.A)).isEqualTo(NetworkStatus.OK);
        assertThat(world.client.query((101L << 32) | 2, HOST, DnsType.A)).isEqualTo(NetworkStatus.OK);
        assertThat(world.client.query((102L << 32) | 3, "other.example.com", DnsType.A)).isEqualTo(NetworkStatus.OK);
        assertThat(world.client.query((103L << 32) | 4, HOST, DnsType.A)).isEqualTo(NetworkStatus.OK);
        world.sim.runFor(Duration.ofSeconds(1));

        assertThat(world.dns1.queryCount(HOST, DnsType.A)).isEqualTo(1);
        assertThat(world.dns1.queryCount("other.example.com", DnsType.A)).isEqualTo(1);
        assertThat(world.client.counters().joined()).isEqualTo(2);
        assertThat(world.client.counters().answers()).isEqualTo(4);
        assertThat(told).containsExactly(
            "asker100 A 10.0.0.1", "asker101 A 10.0.0.1", "asker103 A 10.0.0.1",
            "asker100 end 1", "asker101 end 2", "asker103 end 4",
            "asker102 A 10.0.0.2", "asker102 end 3");
        assertThat(world.client.inFlightCount()).isZero();

        told.clear();
        world.client.query((100L << 32) | 5, HOST, DnsType.A);
        world.sim.runFor(Duration.ofSeconds(1));
        assertThat(world.dns1.queryCount(HOST, DnsType.A)).as("a question after the answer goes out again")
            .isEqualTo(2);
    }

    @Test
    @DisplayName("R-DNS-9 a question that joined one whose servers are all silent gets the same time-out")
    void joinedQuestionsShareTheFailure()
    {
        final DnsWorld world = world();
        world.dns1.fault(SimDnsFault.SILENT);
        world.dns2.fault(SimDnsFault.SILENT);
        world.client.handler(100, asker("first"));
        world.client.handler(101, asker("second"));
        world.client.query((100L << 32) | 1, HOST, DnsType.A);
        world.sim.runFor(Duration.ofSeconds(1));
        world.client.query((101L << 32) | 2, HOST, DnsType.A);
        world.sim.runFor(Duration.ofSeconds(30));

        assertThat(told).containsExactly("first failure " + DnsFailure.name(DnsFailure.TIMEOUT),
            "second failure " + DnsFailure.name(DnsFailure.TIMEOUT));
        assertThat(world.dns1.queryCount(HOST, DnsType.A) + world.dns2.queryCount(HOST, DnsType.A))
            .as("two tries per server, for both askers").isEqualTo(4);
    }
}
