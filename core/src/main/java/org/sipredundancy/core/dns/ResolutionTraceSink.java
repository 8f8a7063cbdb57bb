package org.sipredundancy.core.dns;

/**
 * Receives a human-readable line for each query of a resolution, where its answer came from (live, static,
 * cached) and each decision the locator takes: what the {@code resolve} command prints. Optional: with no sink the
 * locator formats nothing and allocates nothing.
 */
@FunctionalInterface
public interface ResolutionTraceSink
{
    /**
     * One line of the trace.
     *
     * @param line the text, valid during the call only.
     */
    void onTrace(CharSequence line);
}
