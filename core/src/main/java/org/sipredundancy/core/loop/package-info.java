/**
 * The duty cycle: one thread, an inbound queue drained with a limit, a timer wheel polled with a limit, and
 * components polled with the time read once per cycle (SPEC R-RT-1). Nothing here allocates once started.
 */
package org.sipredundancy.core.loop;
