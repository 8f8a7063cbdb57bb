package org.sipredundancy.core.config;

/**
 * How much a {@link Diagnostic} matters to whoever provisions the phone: an error means a setting of the file was
 * not taken (a default or nothing is used instead), a warning means the file works but not quite as written or not
 * as a real phone would take it, a note (INFO) only says what the core left aside.
 */
public enum Severity
{
    /** A setting of the file was rejected; the default is used or the line is ignored. */
    ERROR,
    /** The file is read, but not exactly as written, or a real phone would treat it differently. */
    WARNING,
    /** Information only, e.g. a key this core does not implement. */
    INFO
}
