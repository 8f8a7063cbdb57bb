package org.sipredundancy.core.account;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sipredundancy.core.sip.transaction.SipFailure;
import org.sipredundancy.hal.Ipv4;
import org.sipredundancy.hal.Transport;

import static org.assertj.core.api.Assertions.assertThat;

class ServerHealthTableTest
{
    private static final int PRIMARY = (int)Ipv4.parse("192.168.1.14");
    private static final int SECONDARY = (int)Ipv4.parse("192.168.1.13");
    private static final long S = 1_000_000_000L;

    @Test
    @DisplayName("R-FO-7 one row per (transport, address, port); past the capacity new candidates are refused")
    void rows()
    {
        final ServerHealthTable table = new ServerHealthTable(2);
        final int primary = table.add(Transport.UDP, PRIMARY, 5060);
        assertThat(table.add(Transport.UDP, PRIMARY, 5060)).isEqualTo(primary);
        final int tcp = table.add(Transport.TCP, PRIMARY, 5060);
        assertThat(tcp).isNotEqualTo(primary);
        assertThat(table.add(Transport.UDP, SECONDARY, 5060)).isEqualTo(ServerHealthTable.FULL);
        assertThat(table.indexOf(Transport.UDP, SECONDARY, 5060)).isEqualTo(ServerHealthTable.NOT_FOUND);
        assertThat(table.indexOf(Transport.UDP, PRIMARY, 5061)).isEqualTo(ServerHealthTable.NOT_FOUND);
        assertThat(table.state(primary)).isEqualTo(ServerHealthTable.UP);
        assertThat(table.size()).isEqualTo(2);
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.add(Transport.UDP, SECONDARY, 5060)).isZero();
    }

    @Test
    @DisplayName("R-FO-7 R-SIP-3 one time-out makes a candidate suspect, a second down; a success makes it up")
    void timeouts()
    {
        final ServerHealthTable table = new ServerHealthTable(4);
        final int row = table.add(Transport.UDP, PRIMARY, 5060);
        assertThat(table.onFailure(row, SipFailure.TIMEOUT, -1, 7 * S)).isTrue();
        assertThat(table.state(row)).isEqualTo(ServerHealthTable.SUSPECT);
        assertThat(table.lastChangeNs(row)).isEqualTo(7 * S);
        table.onFailure(row, SipFailure.TIMEOUT, -1, 20 * S);
        assertThat(table.state(row)).isEqualTo(ServerHealthTable.DOWN);
        assertThat(table.consecutiveFailures(row)).isEqualTo(2);
        assertThat(table.lastCause(row)).isEqualTo(SipFailure.TIMEOUT);
        table.onSuccess(row, 60 * S);
        assertThat(table.state(row)).isEqualTo(ServerHealthTable.UP);
        assertThat(table.consecutiveFailures(row)).isZero();
        assertThat(table.lastChangeNs(row)).isEqualTo(60 * S);
        assertThat(table.lastCause(row)).as("history kept").isEqualTo(SipFailure.TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(ints = {SipFailure.ICMP_UNREACHABLE, SipFailure.CONNECTION_REFUSED, SipFailure.CONNECTION_RESET,
        SipFailure.TLS_FAILURE, SipFailure.CONNECT_TIMEOUT, SipFailure.SEND_FAILED, SipFailure.SERVICE_UNAVAILABLE})
    @DisplayName("R-FO-7 R-SIP-3 a hard failure makes a candidate down at once")
    void hardFailures(final int cause)
    {
        final ServerHealthTable table = new ServerHealthTable(1);
        final int row = table.add(Transport.TCP, PRIMARY, 5060);
        table.onFailure(row, cause, -1, S);
        assertThat(ServerHealthTable.stateName(table.state(row))).isEqualTo("DOWN");
        assertThat(table.lastCause(row)).isEqualTo(cause);
        assertThat(table.isAvailable(row, S)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {SipFailure.REJECTED, SipFailure.AUTH_REJECTED, SipFailure.NO_TRANSACTION})
    @DisplayName("R-FO-7 R-SIP-3 failures that say nothing of the server's health leave its row alone")
    void notServerFailures(final int cause)
    {
        final ServerHealthTable table = new ServerHealthTable(1);
        final int row = table.add(Transport.UDP, PRIMARY, 5060);
        assertThat(table.onFailure(row, cause, -1, S)).isFalse();
        assertThat(table.state(row)).isEqualTo(ServerHealthTable.UP);
        assertThat(table.consecutiveFailures(row)).isZero();
        assertThat(table.lastCause(row)).isZero();
    }

    @Test
    @DisplayName("R-FO-7 R-SIP-3 a 503 keeps its server out of every choice until its Retry-After has passed")
    void retryAfter()
    {
        final ServerHealthTable table = new ServerHealthTable(1);
        final int row = table.add(Transport.UDP, PRIMARY, 5060);
        table.onFailure(row, SipFailure.SERVICE_UNAVAILABLE, 30, 10 * S);
        assertThat(table.retryAfterDeadlineNs(row)).isEqualTo(40 * S);
        assertThat(table.isAvailable(row, 10 * S)).isFalse();
        assertThat(table.isAvailable(row, 40 * S - 1)).isFalse();
        assertThat(table.isAvailable(row, 40 * S)).isTrue();
        table.onFailure(row, SipFailure.SERVICE_UNAVAILABLE, 30, 41 * S);
        table.onSuccess(row, 42 * S);
        assertThat(table.isAvailable(row, 42 * S)).as("a success ends the Retry-After").isTrue();
        assertThat(table.retryAfterDeadlineNs(row)).isEqualTo(Long.MIN_VALUE);
    }
}
