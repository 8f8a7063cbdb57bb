/**
 * A real host for the core: NIO UDP, TCP and TLS on an I/O thread ({@link org.sipredundancy.hal.host.HostNetwork}),
 * the system clocks, a securely seeded random source, lamps printed to the console and keys typed at it
 * ({@link org.sipredundancy.hal.host.HostHal}). This is the only package where threads and wall-clock time are
 * allowed; the determinism ban of the build leaves it out on purpose.
 */
package org.sipredundancy.hal.host;
