/**
 * Deterministic simulation (SPEC R-RT-4): phones and simulated servers as nodes of one simulated network, stepped
 * in virtual time by a {@link org.sipredundancy.core.sim.Simulation}. One seed decides every random choice, so the
 * same seed gives the same trace byte for byte.
 */
package org.sipredundancy.core.sim;
