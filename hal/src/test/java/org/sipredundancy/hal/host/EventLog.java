package org.sipredundancy.hal.host;

import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Copies events out of an inbound queue (they are reused) and waits in real time for the ones a test expects.
 */
final class EventLog
{
    static final long WAIT_LIMIT_MS = 5000;

    record Event(int type, int handle, int listenerHandle, int remoteAddress, int remotePort, int cause, String payload)
    {
    }

    final List<Event> events = new ArrayList<>();
    private final InboundEventQueue inbound;

    EventLog(final InboundEventQueue inbound)
    {
        this.inbound = inbound;
    }

    void drain()
    {
        inbound.drain(
            (event) -> events.add(new Event(
                event.type(),
                event.handle(),
                event.listenerHandle(),
                event.remoteAddress(),
                event.remotePort(),
                event.cause(),
                event.buffer().getStringWithoutLengthAscii(0, event.length()))),
            Integer.MAX_VALUE);
    }

    /**
     * @return the first event matching, after waiting for it; the test fails with the events seen if none came.
     */
    Event await(final String what, final Predicate<Event> match)
    {
        if (!waitFor(() ->
        {
            drain();
            return events.stream().anyMatch(match);
        }))
        {
            throw new AssertionError("no " + what + " within " + WAIT_LIMIT_MS + " ms; saw " + events);
        }
        return events.stream().filter(match).findFirst().orElseThrow();
    }

    Event await(final int type, final int handle)
    {
        return await(
            "event " + type + " on handle " + handle, (e) -> e.type() == type && e.handle() == handle);
    }

    String awaitStream(final int handle, final int length)
    {
        await("" + length + " stream bytes on handle " + handle, (e) -> streamBytes(handle).length() >= length);
        return streamBytes(handle);
    }

    String streamBytes(final int handle)
    {
        final StringBuilder sb = new StringBuilder();
        events.stream()
            .filter((e) -> e.type() == InboundEvent.STREAM_DATA && e.handle() == handle)
            .forEach((e) -> sb.append(e.payload()));
        return sb.toString();
    }

    boolean any(final Predicate<Event> match)
    {
        return events.stream().anyMatch(match);
    }

    /**
     * Wait in real time, in short sleeps, until the condition holds or {@link #WAIT_LIMIT_MS} passes.
     */
    static boolean waitFor(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            try
            {
                Thread.sleep(2);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
