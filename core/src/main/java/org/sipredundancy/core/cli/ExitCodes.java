package org.sipredundancy.core.cli;

/**
 * Exit statuses shared by every command, so provisioning pipelines can act on them.
 */
public final class ExitCodes
{
    /** Done; the file is usable (warnings allowed). */
    public static final int OK = 0;
    /** The file has errors that matter: not usable, or any error under {@code --strict}. */
    public static final int ERRORS = 1;
    /** Bad usage, an unknown model, or a file that cannot be read. */
    public static final int USAGE = 2;

    private ExitCodes()
    {
    }
}
