package org.sipredundancy.core.account.machine;

import org.squirrelframework.foundation.fsm.ImmutableState;
import org.squirrelframework.foundation.fsm.ImmutableTransition;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.UntypedStateMachine;
import org.squirrelframework.foundation.fsm.UntypedStateMachineBuilder;
import org.squirrelframework.foundation.fsm.annotation.StateMachineParameters;
import org.squirrelframework.foundation.fsm.impl.AbstractUntypedStateMachine;

import java.util.Set;
import java.util.TreeSet;

/**
 * The account's state machines declared with squirrel-foundation's builder, by name, from what each state and event
 * means: the design the int tables of {@code core.account.machine} must equal. Also derives a declaration's
 * transitions as {@code "FROM --EVENT--> TO"} lines for comparison and drawing.
 */
final class MachineDeclarations
{
    /** Names only: states and events are strings, there is no context. */
    @StateMachineParameters(stateType = String.class, eventType = String.class, contextType = Void.class)
    static final class Named extends AbstractUntypedStateMachine
    {
    }

    private MachineDeclarations()
    {
    }

    static UntypedStateMachineBuilder builder()
    {
        return StateMachineBuilderFactory.create(Named.class);
    }

    static void on(final UntypedStateMachineBuilder builder, final String from, final String event, final String to)
    {
        builder.externalTransition().from(from).to(to).on(event);
    }

    /** R-FO-1 R-SIP-5: one account's registration with one server slot. */
    static UntypedStateMachineBuilder registrationSlot()
    {
        final UntypedStateMachineBuilder b = builder();
        on(b, "DISABLED", "ENABLE", "RESOLVING");
        on(b, "RESOLVING", "RESOLVED", "REGISTERING");
        on(b, "RESOLVING", "RESOLVE_FAILED", "BACKOFF");
        on(b, "RESOLVING", "DISABLE", "DISABLED");
        on(b, "REGISTERING", "ACCEPTED", "REGISTERED");
        on(b, "REGISTERING", "CANDIDATE_FAILED", "REGISTERING");
        on(b, "REGISTERING", "ALL_FAILED", "BACKOFF");
        on(b, "REGISTERING", "DISABLE", "UNREGISTERING");
        on(b, "REGISTERED", "REFRESH_DUE", "RESOLVING");
        on(b, "REGISTERED", "FAILBACK_DUE", "RESOLVING");
        on(b, "REGISTERED", "DISABLE", "UNREGISTERING");
        on(b, "BACKOFF", "RETRY_DUE", "RESOLVING");
        on(b, "BACKOFF", "DISABLE", "DISABLED");
        on(b, "UNREGISTERING", "UNREGISTERED", "DISABLED");
        on(b, "UNREGISTERING", "ALL_FAILED", "DISABLED");
        return b;
    }

    /** R-FO-2 R-FO-3: where in its failover list a slot is registered. */
    static UntypedStateMachineBuilder failoverList()
    {
        final UntypedStateMachineBuilder b = builder();
        on(b, "NOWHERE", "PRIMARY_ACCEPTED", "ON_PRIMARY");
        on(b, "NOWHERE", "ALTERNATE_ACCEPTED", "ON_ALTERNATE");
        on(b, "ON_PRIMARY", "PRIMARY_ACCEPTED", "ON_PRIMARY");
        on(b, "ON_PRIMARY", "ALTERNATE_ACCEPTED", "ON_ALTERNATE");
        on(b, "ON_PRIMARY", "LOST", "NOWHERE");
        on(b, "ON_ALTERNATE", "PRIMARY_ACCEPTED", "ON_PRIMARY");
        on(b, "ON_ALTERNATE", "ALTERNATE_ACCEPTED", "ON_ALTERNATE");
        on(b, "ON_ALTERNATE", "FAILBACK_DUE_IDLE", "ON_ALTERNATE");
        on(b, "ON_ALTERNATE", "FAILBACK_DUE_BUSY", "FAILBACK_PENDING");
        on(b, "ON_ALTERNATE", "LOST", "NOWHERE");
        on(b, "FAILBACK_PENDING", "ACCOUNT_IDLE", "ON_ALTERNATE");
        on(b, "FAILBACK_PENDING", "PRIMARY_ACCEPTED", "ON_PRIMARY");
        on(b, "FAILBACK_PENDING", "ALTERNATE_ACCEPTED", "FAILBACK_PENDING");
        on(b, "FAILBACK_PENDING", "LOST", "NOWHERE");
        return b;
    }

    /** R-FB-2 R-FB-3: which server group the account registers with. */
    static UntypedStateMachineBuilder fallbackMode()
    {
        final UntypedStateMachineBuilder b = builder();
        on(b, "ON_WORKING", "WORKING_FAILED_BOUND", "AWAITING_EXPIRY");
        on(b, "ON_WORKING", "WORKING_FAILED_UNBOUND", "ON_FALLBACK");
        on(b, "ON_WORKING", "WORKING_ACCEPTED", "ON_WORKING");
        on(b, "AWAITING_EXPIRY", "WORKING_FAILED_BOUND", "AWAITING_EXPIRY");
        on(b, "AWAITING_EXPIRY", "WORKING_FAILED_UNBOUND", "ON_FALLBACK");
        on(b, "AWAITING_EXPIRY", "WORKING_EXPIRED", "ON_FALLBACK");
        on(b, "AWAITING_EXPIRY", "WORKING_ACCEPTED", "ON_WORKING");
        on(b, "ON_FALLBACK", "WORKING_FAILED_BOUND", "ON_FALLBACK");
        on(b, "ON_FALLBACK", "WORKING_FAILED_UNBOUND", "ON_FALLBACK");
        on(b, "ON_FALLBACK", "WORKING_ACCEPTED", "ON_WORKING");
        for (final String event : new String[]{"WORKING_FAILED_BOUND", "WORKING_FAILED_UNBOUND", "WORKING_EXPIRED",
            "WORKING_ACCEPTED"})
        {
            on(b, "CONCURRENT", event, "CONCURRENT");
        }
        return b;
    }

    /** R-OBP-2: which outbound proxy a slot is registered through, and the fallback interval back to proxy 1. */
    static UntypedStateMachineBuilder proxyPair()
    {
        final UntypedStateMachineBuilder b = builder();
        for (final String from : new String[]{"NONE", "ON_PROXY_1", "ON_PROXY_2", "RETRYING_PROXY_1"})
        {
            on(b, from, "VIA_PROXY_1", "ON_PROXY_1");
            on(b, from, "VIA_PROXY_2", "ON_PROXY_2");
            if (!"NONE".equals(from))
            {
                on(b, from, "LOST", "NONE");
            }
        }
        on(b, "ON_PROXY_2", "INTERVAL_DUE", "RETRYING_PROXY_1");
        return b;
    }

    /** R-FB-4 R-FO-4: one outgoing call along the call order. */
    static UntypedStateMachineBuilder call()
    {
        final UntypedStateMachineBuilder b = builder();
        on(b, "IDLE", "DIAL", "INVITING");
        on(b, "INVITING", "MUST_REGISTER", "REGISTERING_FIRST");
        on(b, "REGISTERING_FIRST", "REGISTERED_THERE", "INVITING");
        on(b, "REGISTERING_FIRST", "CANDIDATE_FAILED", "INVITING");
        on(b, "REGISTERING_FIRST", "ALL_FAILED", "IDLE");
        on(b, "REGISTERING_FIRST", "HANG_UP", "IDLE");
        for (final String ringing : new String[]{"INVITING", "RINGING"})
        {
            on(b, ringing, "PROVISIONAL", "RINGING");
            on(b, ringing, "ANSWERED", "CONFIRMED");
            on(b, ringing, "CANDIDATE_FAILED", "INVITING");
            on(b, ringing, "ALL_FAILED", "IDLE");
            on(b, ringing, "DECLINED", "IDLE");
        }
        on(b, "INVITING", "HANG_UP", "IDLE");
        on(b, "RINGING", "HANG_UP", "CANCELLING");
        on(b, "CANCELLING", "DECLINED", "IDLE");
        on(b, "CANCELLING", "ANSWERED", "TERMINATING");
        on(b, "CANCELLING", "CANDIDATE_FAILED", "IDLE");
        on(b, "CANCELLING", "ALL_FAILED", "IDLE");
        on(b, "CONFIRMED", "HANG_UP", "TERMINATING");
        on(b, "CONFIRMED", "REMOTE_BYE", "IDLE");
        on(b, "TERMINATING", "ENDED", "IDLE");
        return b;
    }

    /**
     * @param builder a declaration.
     * @param initial its initial state.
     * @return every declared transition as {@code "FROM --EVENT--> TO"}, sorted.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Set<String> transitions(final UntypedStateMachineBuilder builder, final String initial)
    {
        final UntypedStateMachine machine = builder.newStateMachine(initial);
        final Set<String> lines = new TreeSet<>();
        for (final Object raw : machine.getAllRawStates())
        {
            final ImmutableState state = (ImmutableState)raw;
            for (final Object t : state.getAllTransitions())
            {
                final ImmutableTransition transition = (ImmutableTransition)t;
                lines.add(transition.getSourceState().getStateId() + " --" + transition.getEvent() + "--> " +
                    transition.getTargetState().getStateId());
            }
        }
        return lines;
    }

    /**
     * @param table an int table.
     * @return its transitions as {@code "FROM --EVENT--> TO"}, sorted.
     */
    static Set<String> transitions(final TransitionTable table)
    {
        final Set<String> lines = new TreeSet<>();
        for (final int[] t : table.transitions())
        {
            lines.add(table.stateName(t[0]) + " --" + table.eventName(t[1]) + "--> " + table.stateName(t[2]));
        }
        return lines;
    }
}
