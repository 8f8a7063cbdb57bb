package org.sipredundancy.hal;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

/**
 * Everything the core needs from a device, in one place. A real device, the host ({@code hal.host.HostHal}) and
 * the simulator ({@code hal.sim.SimHal}) each provide one.
 */
public interface Hal
{
    /**
     * @return monotonic time in nanoseconds, the duty cycle's only notion of "now".
     */
    NanoClock nanoClock();

    /**
     * @return wall-clock time in milliseconds since 1970 (for Date headers and logs, never for deadlines).
     */
    EpochClock epochClock();

    /**
     * @return the seeded random source.
     */
    RandomSource random();

    /**
     * @return the network port.
     */
    Network network();

    /**
     * @return the lamps and status line.
     */
    Indicators indicators();

    /**
     * @return the queue through which network, key and command events reach the duty cycle.
     */
    InboundEventQueue inbound();

    /**
     * @return the keys, which publish into {@link #inbound()}.
     */
    KeyEventPublisher keys();
}
