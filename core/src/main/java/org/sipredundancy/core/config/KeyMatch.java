package org.sipredundancy.core.config;

/**
 * What a key of a provisioning file stands for: a parameter with valid indexes, a parameter whose X or Y is bad,
 * or nothing this core implements. Immutable.
 *
 * @param status    which of the three.
 * @param parameter the parameter for FOUND and BAD_INDEX; null for UNKNOWN.
 * @param x         the account or record index when FOUND.
 * @param y         the server or proxy slot when FOUND and the scope has one; 0 otherwise.
 * @param problem   for BAD_INDEX, what is wrong with the index, e.g. {@code account index 17 is outside 1 to 16}.
 * @param permitted for BAD_INDEX, the permitted indexes, e.g. {@code X from 1 to 16}.
 */
record KeyMatch(Status status, Parameter parameter, int x, int y, String problem, String permitted)
{
    enum Status
    {
        FOUND,
        BAD_INDEX,
        UNKNOWN
    }

    static final KeyMatch UNKNOWN = new KeyMatch(Status.UNKNOWN, null, 0, 0, "", "");

    static KeyMatch found(final Parameter parameter, final int x, final int y)
    {
        return new KeyMatch(Status.FOUND, parameter, x, y, "", "");
    }

    static KeyMatch badIndex(final Parameter parameter, final String problem, final String permitted)
    {
        return new KeyMatch(Status.BAD_INDEX, parameter, 0, 0, problem, permitted);
    }
}
