package org.sipredundancy.core.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.sipredundancy.core.loop.DutyCycle;
import org.sipredundancy.core.loop.NetworkEventHandler;
import org.sipredundancy.core.loop.Timer;
import org.sipredundancy.core.loop.TimerExpiryHandler;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.Network;

import java.nio.ByteBuffer;

/**
 * Test traffic on a phone's duty cycle, shaped like registration traffic: a periodic timer sends a numbered
 * datagram to a peer and arms a reply timer per message; a reply cancels it, silence lets it fire. So timers are
 * scheduled, cancelled and fired and datagrams flow both ways, all without allocating.
 */
final class PingAgent implements NetworkEventHandler, TimerExpiryHandler
{
    private static final long SEND_TOKEN = -1;
    private static final int WINDOW = 64;

    private final DutyCycle dutyCycle;
    private final Network network;
    private final Timer sendTimer;
    private final Timer[] replyTimers = new Timer[WINDOW];
    private final int handle;
    private final long periodNs;
    private final long replyTimeoutNs;
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
    private long sequence;
    private long replies;
    private long timeouts;

    PingAgent(
        final DutyCycle dutyCycle,
        final Network network,
        final int localAddress,
        final int peerAddress,
        final int peerPort,
        final long periodNs,
        final long replyTimeoutNs)
    {
        this.dutyCycle = dutyCycle;
        this.network = network;
        this.periodNs = periodNs;
        this.replyTimeoutNs = replyTimeoutNs;
        sendTimer = dutyCycle.timers().newTimer(this, SEND_TOKEN);
        for (int i = 0; i < WINDOW; i++)
        {
            replyTimers[i] = dutyCycle.timers().newTimer(this, i);
        }
        handle = network.openConnectedUdp(localAddress, peerAddress, peerPort);
        if (handle < 0)
        {
            throw new IllegalStateException("could not open the ping endpoint: " + handle);
        }
        dutyCycle.router().route(handle, this);
        dutyCycle.timers().schedule(sendTimer, dutyCycle.nowNs() + periodNs);
    }

    public void onTimerExpiry(final long token, final long nowNs)
    {
        if (token == SEND_TOKEN)
        {
            final long number = sequence++;
            sendBuffer.putLong(0, number);
            network.send(handle, 0, 0, sendBuffer, 0, 8);
            dutyCycle.timers().schedule(replyTimers[(int)(number % WINDOW)], nowNs + replyTimeoutNs);
            dutyCycle.timers().schedule(sendTimer, nowNs + periodNs);
        }
        else
        {
            timeouts++;
        }
    }

    public void onNetworkEvent(final InboundEvent event, final long nowNs)
    {
        if (event.type() == InboundEvent.DATAGRAM && event.length() == 8)
        {
            final long number = event.buffer().getLong(0);
            if (number >= 0 && dutyCycle.timers().cancel(replyTimers[(int)(number % WINDOW)]))
            {
                replies++;
            }
        }
    }

    long sent()
    {
        return sequence;
    }

    long replies()
    {
        return replies;
    }

    long timeouts()
    {
        return timeouts;
    }
}
