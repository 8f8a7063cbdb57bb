package org.sipredundancy.hal.sim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimNetworkContextTest
{
    @Test
    @DisplayName("R-RT-4 R-BAD-4 the defaults: 4096 packets in flight, 64 KiB payloads, 10 ms links without jitter")
    void shouldHaveDocumentedDefaults()
    {
        final SimNetworkContext context = new SimNetworkContext().conclude();

        assertThat(context.inFlightCapacity()).isEqualTo(4096);
        assertThat(context.maxPayloadLength()).isEqualTo(65535);
        assertThat(context.defaultLatencyNs()).isEqualTo(10_000_000L);
        assertThat(context.defaultJitterNs()).isZero();
        assertThat(context.defaultLink()).isEqualTo(new LinkProfile(10_000_000L, 0, 0.0, 0.0));
        assertThat(context.trace()).isSameAs(SimTrace.NONE);
    }

    @Test
    @DisplayName("R-RT-4 latency and jitter can be set alone, keeping the default link's loss and duplication")
    void shouldSetLatencyAndJitterAlone()
    {
        final SimNetworkContext context = new SimNetworkContext()
            .defaultLink(new LinkProfile(1, 2, 0.25, 0.5))
            .defaultLatencyNs(7)
            .defaultJitterNs(3);

        assertThat(context.defaultLink()).isEqualTo(new LinkProfile(7, 3, 0.25, 0.5));
    }

    @Test
    @DisplayName("R-BAD-4 capacities that cannot work are refused at start, not discovered in the middle of a run")
    void shouldRefuseUnworkableCapacities()
    {
        assertThatThrownBy(() -> new SimNetworkContext().inFlightCapacity(0).conclude())
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimNetworkContext().endpointCapacity(0).conclude())
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimNetworkContext().maxPayloadLength(2000).payloadArenaLength(1000).conclude())
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimNetworkContext().streamBackoffNs(0).conclude())
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimNetworkContext().trace(null).conclude())
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-RT-4 a link profile refuses negative delays and probabilities outside [0, 1]")
    void shouldValidateLinkProfiles()
    {
        assertThatThrownBy(() -> new LinkProfile(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkProfile(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkProfile(0, 0, 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkProfile(0, 0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LinkProfile.latency(5).withJitter(2).withLoss(0.1).withDuplication(0.2))
            .isEqualTo(new LinkProfile(5, 2, 0.1, 0.2));
    }
}
