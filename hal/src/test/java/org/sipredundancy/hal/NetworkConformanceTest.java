package org.sipredundancy.hal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link Network} implementation keeps (JCTools' QueueSanityTest pattern): one abstract test,
 * one thin subclass per HAL host. A subclass provides the network under test, its inbound queue, an echo peer
 * (UDP and TCP on one port, answering every datagram and every stream chunk with the same bytes) and a way to let
 * the world move on.
 */
public abstract class NetworkConformanceTest
{
    /** What a test saw, copied out of the reused {@link InboundEvent}. */
    protected record Seen(int type, int handle, int remoteAddress, int remotePort, int cause, String payload)
    {
    }

    protected final List<Seen> seen = new ArrayList<>();

    /**
     * @return the network under test, opened fresh for each test.
     */
    protected abstract Network network();

    /**
     * @return the queue into which the network under test delivers its events.
     */
    protected abstract InboundEventQueue inbound();

    /**
     * @return the address of the echo peer (and of the closed port).
     */
    protected abstract int echoAddress();

    /**
     * @return the echo peer's UDP and TCP port.
     */
    protected abstract int echoPort();

    /**
     * @return a port on {@link #echoAddress()} where nothing listens, neither UDP nor TCP.
     */
    protected abstract int closedPort();

    /**
     * @return the local address the device binds.
     */
    protected abstract int localAddress();

    /**
     * Let the world run (real time or virtual time) until the condition holds or a bound passes. Must call
     * {@link #drainInbound()} while it waits.
     *
     * @param condition what to wait for.
     * @return whether the condition came true.
     */
    protected abstract boolean pumpUntil(BooleanSupplier condition);

    @BeforeEach
    void clearSeen()
    {
        seen.clear();
    }

    @AfterEach
    void drainLeftovers()
    {
        drainInbound();
    }

    /** Copy every queued event into {@link #seen}. */
    protected final void drainInbound()
    {
        inbound().drain(
            (event) -> seen.add(new Seen(
                event.type(),
                event.handle(),
                event.remoteAddress(),
                event.remotePort(),
                event.cause(),
                event.buffer().getStringWithoutLengthAscii(0, event.length()))),
            Integer.MAX_VALUE);
    }

    protected final boolean sawEvent(final int type, final int handle)
    {
        return seen.stream().anyMatch((s) -> s.type() == type && s.handle() == handle);
    }

    protected final String streamBytes(final int handle)
    {
        final StringBuilder sb = new StringBuilder();
        seen.stream().filter((s) -> s.type() == InboundEvent.STREAM_DATA && s.handle() == handle)
            .forEach((s) -> sb.append(s.payload()));
        return sb.toString();
    }

    protected static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("R-RT-5 a UDP datagram goes out and the echo comes back with its source")
    void shouldRoundTripUnconnectedUdp()
    {
        final int handle = network().openUdp(localAddress(), 0);
        assertThat(handle).isGreaterThanOrEqualTo(0);
        assertThat(network().localPort(handle)).isPositive();

        final UnsafeBuffer message = ascii("OPTIONS sip:echo SIP/2.0\r\n\r\n");
        assertThat(network().send(handle, echoAddress(), echoPort(), message, 0, message.capacity()))
            .isEqualTo(NetworkStatus.OK);

        assertThat(pumpUntil(() -> sawEvent(InboundEvent.DATAGRAM, handle))).isTrue();
        final Seen echo = seen.stream().filter((s) -> s.type() == InboundEvent.DATAGRAM).findFirst().orElseThrow();
        assertThat(echo.payload()).isEqualTo("OPTIONS sip:echo SIP/2.0\r\n\r\n");
        assertThat(echo.remoteAddress()).isEqualTo(echoAddress());
        assertThat(echo.remotePort()).isEqualTo(echoPort());
        network().close(handle);
    }

    @Test
    @DisplayName("R-RT-5 a connected UDP endpoint round-trips without naming the destination")
    void shouldRoundTripConnectedUdp()
    {
        final int handle = network().openConnectedUdp(localAddress(), echoAddress(), echoPort());
        assertThat(handle).isGreaterThanOrEqualTo(0);

        final UnsafeBuffer message = ascii("ping");
        assertThat(network().send(handle, 0, 0, message, 0, message.capacity())).isEqualTo(NetworkStatus.OK);

        assertThat(pumpUntil(() -> sawEvent(InboundEvent.DATAGRAM, handle))).isTrue();
        network().close(handle);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 UDP to a closed port reports ICMP unreachable on the connected endpoint")
    void shouldReportIcmpUnreachable()
    {
        final int handle = network().openConnectedUdp(localAddress(), echoAddress(), closedPort());
        assertThat(handle).isGreaterThanOrEqualTo(0);

        final UnsafeBuffer message = ascii("REGISTER");
        network().send(handle, 0, 0, message, 0, message.capacity());

        assertThat(pumpUntil(() -> sawEvent(InboundEvent.TRANSPORT_ERROR, handle))).isTrue();
        assertThat(seen).anySatisfy((s) ->
        {
            assertThat(s.type()).isEqualTo(InboundEvent.TRANSPORT_ERROR);
            assertThat(s.cause()).isEqualTo(TransportError.ICMP_UNREACHABLE);
        });
        network().close(handle);
    }

    @Test
    @DisplayName("R-RT-5 a TCP connection is reported connected and carries bytes both ways in order")
    void shouldRoundTripTcp()
    {
        final int handle = network().connect(Transport.TCP, echoAddress(), echoPort(), null);
        assertThat(handle).isGreaterThanOrEqualTo(0);
        assertThat(pumpUntil(() -> sawEvent(InboundEvent.CONNECTED, handle))).isTrue();

        final UnsafeBuffer first = ascii("REGISTER sip:a SIP/2.0\r\n");
        final UnsafeBuffer second = ascii("Content-Length: 0\r\n\r\n");
        assertThat(network().send(handle, 0, 0, first, 0, first.capacity())).isEqualTo(NetworkStatus.OK);
        assertThat(network().send(handle, 0, 0, second, 0, second.capacity())).isEqualTo(NetworkStatus.OK);

        final String expected = "REGISTER sip:a SIP/2.0\r\nContent-Length: 0\r\n\r\n";
        assertThat(pumpUntil(() -> streamBytes(handle).length() >= expected.length())).isTrue();
        assertThat(streamBytes(handle)).isEqualTo(expected);
        network().close(handle);
    }

    @Test
    @DisplayName("R-RT-5 R-SIP-3 a TCP connect to a closed port is reported refused")
    void shouldReportRefusedConnection()
    {
        final int handle = network().connect(Transport.TCP, echoAddress(), closedPort(), null);
        assertThat(handle).isGreaterThanOrEqualTo(0);

        assertThat(pumpUntil(() -> sawEvent(InboundEvent.TRANSPORT_ERROR, handle))).isTrue();
        assertThat(seen).anySatisfy((s) ->
        {
            assertThat(s.handle()).isEqualTo(handle);
            assertThat(s.cause()).isEqualTo(TransportError.CONNECTION_REFUSED);
        });
        network().close(handle);
    }

    @Test
    @DisplayName("R-RT-5 calls on a handle that is not open are refused with a status, not an exception")
    void shouldRefuseUnknownHandle()
    {
        final UnsafeBuffer message = ascii("x");
        assertThat(network().send(12345, echoAddress(), echoPort(), message, 0, 1))
            .isEqualTo(NetworkStatus.UNKNOWN_HANDLE);
        assertThat(network().localPort(12345)).isEqualTo(NetworkStatus.UNKNOWN_HANDLE);
        network().close(12345);
    }

    @Test
    @DisplayName("R-RT-5 a closed handle is refused afterwards")
    void shouldRefuseClosedHandle()
    {
        final int handle = network().openUdp(localAddress(), 0);
        network().close(handle);
        final UnsafeBuffer message = ascii("x");
        assertThat(network().send(handle, echoAddress(), echoPort(), message, 0, 1)).isNegative();
    }
}
