/**
 * A simulated host and network (SPEC R-RT-4, R-RT-5): single-threaded, in virtual time, every random choice drawn
 * from one seeded {@link org.sipredundancy.hal.RandomSource}, so a run is a pure function of its seed and inputs.
 * <pre>
 *   SimClock (virtual ns) ------------------------------------------------------------+
 *                                                                                      |
 *   phone  SimHal -- SimHostNetwork --+                          +-- SimHostNetwork -- registrar code
 *                                     +-- SimNetwork ------------+
 *   phone  SimHal -- SimHostNetwork --+   links, partitions,     +-- SimHostNetwork -- DNS server code
 *                                         dead hosts, TLS faults,
 *                                         in-flight heap -------&gt; SimTrace (TextSimTrace | ChecksumSimTrace)
 * </pre>
 * A driver (the core's {@code Simulation}) moves the clock from one event to the next, calls
 * {@link org.sipredundancy.hal.sim.SimNetwork#deliverDue(long)} and lets every host drain its queue. Nothing here
 * reads the wall clock, starts a thread or allocates once warm.
 */
package org.sipredundancy.hal.sim;
