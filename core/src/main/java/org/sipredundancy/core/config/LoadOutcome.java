package org.sipredundancy.core.config;

/**
 * Whether a provisioning file could be read at all: a missing or unreadable file is an outcome the caller handles,
 * not an exception (R-CFG-3).
 */
public enum LoadOutcome
{
    /** The file was read to its end; its diagnostics say what was wrong in it. */
    LOADED,
    /** The file could not be opened or read; the configuration holds defaults only and is not usable. */
    UNREADABLE
}
