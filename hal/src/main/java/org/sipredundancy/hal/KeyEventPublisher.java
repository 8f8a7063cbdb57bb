package org.sipredundancy.hal;

/**
 * {@link Keys} that publish each press into an {@link InboundEventQueue}; also publishes operator commands.
 * Any device, the console keypad and simulation tests drive the core through this one class.
 * Thread safe as the queue is.
 */
public final class KeyEventPublisher implements Keys
{
    private final InboundEventQueue queue;

    /**
     * @param queue the core's inbound queue.
     */
    public KeyEventPublisher(final InboundEventQueue queue)
    {
        this.queue = queue;
    }

    /**
     * {@inheritDoc}
     */
    public boolean lineKey(final int line)
    {
        return publish(InboundEvent.KEY, KeyCode.LINE_KEY, line);
    }

    /**
     * {@inheritDoc}
     */
    public boolean dssKey(final int key)
    {
        return publish(InboundEvent.KEY, KeyCode.DSS_KEY, key);
    }

    /**
     * {@inheritDoc}
     */
    public boolean digit(final char digit)
    {
        final boolean dialPad = (digit >= '0' && digit <= '9') || digit == '*' || digit == '#';
        return dialPad && publish(InboundEvent.KEY, KeyCode.DIGIT, digit);
    }

    /**
     * {@inheritDoc}
     */
    public boolean hook(final boolean offHook)
    {
        return publish(InboundEvent.KEY, offHook ? KeyCode.HOOK_OFF : KeyCode.HOOK_ON, 0);
    }

    /**
     * {@inheritDoc}
     */
    public boolean send()
    {
        return publish(InboundEvent.KEY, KeyCode.SEND, 0);
    }

    /**
     * Publish an operator command.
     *
     * @param commandCode a {@link CommandCode}.
     * @param argument    the command's argument.
     * @return false when the command was dropped.
     */
    public boolean command(final int commandCode, final int argument)
    {
        return publish(InboundEvent.COMMAND, commandCode, argument);
    }

    private boolean publish(final int type, final int code, final int value)
    {
        final InboundEvent event = queue.claim();
        if (event == null)
        {
            return false;
        }
        event.input(type, code, value);
        queue.publish(event);
        return true;
    }
}
