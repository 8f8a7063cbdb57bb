package org.sipredundancy.core.account.machine;

import java.util.Arrays;
import java.util.List;

/**
 * A state machine reduced to what the duty cycle needs: {@code next(state, event)} from a dense {@code byte} table.
 * The transitions are written once as {@code {from, event, to}} triples next to their names; the squirrel-foundation
 * declaration of the same machine lives in the tests, where a test derives its table and fails when the two differ,
 * and writes the DOT diagram under {@code docs/}. So the machine is designed with squirrel's builder while the phone
 * runs a lookup that neither allocates nor reflects, and squirrel never reaches the runtime class path.
 */
public final class TransitionTable
{
    /** {@link #next} when the event is not declared for the state. */
    public static final int NO_TRANSITION = -1;

    private final String name;
    private final List<String> states;
    private final List<String> events;
    private final int[][] transitions;
    private final byte[] table;

    /**
     * @param name        the machine's name, as in the DOT file name.
     * @param states      state names, indexed by state number; the first is the initial state.
     * @param events      event names, indexed by event number.
     * @param transitions {@code {from, event, to}} triples.
     * @throws IllegalArgumentException when a triple is out of range or a (state, event) pair appears twice.
     */
    public TransitionTable(final String name, final String[] states, final String[] events, final int[][] transitions)
    {
        if (states.length > Byte.MAX_VALUE)
        {
            throw new IllegalArgumentException(name + ": too many states");
        }
        this.name = name;
        this.states = List.of(states);
        this.events = List.of(events);
        this.transitions = new int[transitions.length][];
        this.table = new byte[states.length * events.length];
        Arrays.fill(table, (byte)NO_TRANSITION);
        for (int i = 0; i < transitions.length; i++)
        {
            final int[] t = transitions[i];
            if (t.length != 3 || !inRange(t[0], states.length) || !inRange(t[1], events.length) ||
                !inRange(t[2], states.length))
            {
                throw new IllegalArgumentException(name + ": transition " + i + " is not {from, event, to}");
            }
            final int cell = t[0] * events.length + t[1];
            if (table[cell] != NO_TRANSITION)
            {
                throw new IllegalArgumentException(
                    name + ": " + states[t[0]] + " has two transitions on " + events[t[1]]);
            }
            table[cell] = (byte)t[2];
            this.transitions[i] = t.clone();
        }
    }

    /**
     * The state after {@code event} in {@code state}.
     *
     * @param state a state number.
     * @param event an event number.
     * @return the next state, or {@link #NO_TRANSITION} when the declaration has none.
     */
    public int next(final int state, final int event)
    {
        return table[state * events.size() + event];
    }

    /**
     * @return the machine's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return state names by number; the first is the initial state.
     */
    public List<String> states()
    {
        return states;
    }

    /**
     * @return event names by number.
     */
    public List<String> events()
    {
        return events;
    }

    /**
     * @return a copy of the declared {@code {from, event, to}} triples.
     */
    public int[][] transitions()
    {
        final int[][] copy = new int[transitions.length][];
        for (int i = 0; i < transitions.length; i++)
        {
            copy[i] = transitions[i].clone();
        }
        return copy;
    }

    /**
     * @param state a state number.
     * @return its name, or its number in brackets when out of range.
     */
    public String stateName(final int state)
    {
        return inRange(state, states.size()) ? states.get(state) : "[" + state + "]";
    }

    /**
     * @param event an event number.
     * @return its name, or its number in brackets when out of range.
     */
    public String eventName(final int event)
    {
        return inRange(event, events.size()) ? events.get(event) : "[" + event + "]";
    }

    private static boolean inRange(final int value, final int size)
    {
        return value >= 0 && value < size;
    }
}
