package org.sipredundancy.core.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.hal.Transport;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateWalkTest
{
    private static final long S = 1_000_000_000L;

    private final ServerHealthTable health = new ServerHealthTable(8);
    private final int[] candidates = {
        health.add(Transport.UDP, 0x0A00000E, 5060),
        health.add(Transport.UDP, 0x0A00000D, 5060),
        health.add(Transport.UDP, 0x0A00000F, 5060)};

    @Test
    @DisplayName("R-FO-1 R-SIP-3 the walk starts at the primary; every candidate but the last gets the retry budget")
    void order()
    {
        assertThat(CandidateWalk.next(health, candidates, 3, -1, 0)).isZero();
        assertThat(CandidateWalk.next(health, candidates, 3, 0, 0)).isEqualTo(1);
        assertThat(CandidateWalk.next(health, candidates, 3, 2, 0)).isEqualTo(CandidateWalk.NONE);
        assertThat(CandidateWalk.retryBudget(health, candidates, 3, 0, 3, 0)).isEqualTo(3);
        assertThat(CandidateWalk.retryBudget(health, candidates, 3, 1, 3, 0)).isEqualTo(3);
        assertThat(CandidateWalk.retryBudget(health, candidates, 3, 2, 3, 0)).isEqualTo(CandidateWalk.FULL_TIMERS);
        assertThat(CandidateWalk.retryBudget(health, candidates, 1, 0, 3, 0)).as("a single candidate is the last")
            .isEqualTo(CandidateWalk.FULL_TIMERS);
    }

    @Test
    @DisplayName("R-FO-1 R-SIP-3 a candidate inside its Retry-After is skipped, and does not count as a later one")
    void retryAfterSkipped()
    {
        health.onFailure(candidates[0], SipFailure.SERVICE_UNAVAILABLE, 60, 0);
        health.onFailure(candidates[2], SipFailure.SERVICE_UNAVAILABLE, 30, 0);
        assertThat(CandidateWalk.next(health, candidates, 3, -1, 10 * S)).isEqualTo(1);
        assertThat(CandidateWalk.retryBudget(health, candidates, 3, 1, 3, 10 * S))
            .as("the secondary is the last one open").isEqualTo(CandidateWalk.FULL_TIMERS);
        assertThat(CandidateWalk.retryBudget(health, candidates, 3, 1, 3, 30 * S)).isEqualTo(3);
        assertThat(CandidateWalk.next(health, candidates, 3, -1, 60 * S)).isZero();
        health.onFailure(candidates[1], SipFailure.SERVICE_UNAVAILABLE, 5, 10 * S);
        assertThat(CandidateWalk.next(health, candidates, 3, -1, 12 * S)).isEqualTo(CandidateWalk.NONE);
    }
}
