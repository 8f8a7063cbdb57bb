/**
 * The device boundary. The core talks to a phone only through these ports: bytes in and out of
 * {@link org.sipredundancy.hal.Network} endpoints, key presses arriving as {@link org.sipredundancy.hal.InboundEvent}s,
 * lamps and a status line through {@link org.sipredundancy.hal.Indicators}, time from Agrona's clocks and
 * randomness from a {@link org.sipredundancy.hal.RandomSource}. Addresses are IPv4 as {@code int} so that no port
 * allocates on the duty cycle.
 */
package org.sipredundancy.hal;
