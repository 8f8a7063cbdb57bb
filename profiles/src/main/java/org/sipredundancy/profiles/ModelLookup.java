package org.sipredundancy.profiles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@link ProfileRegistry#find(String)}: either the profile a name stands for or, for an unknown name,
 * the known model ids closest to it, so that a command line can answer a typo with a suggestion rather than a stack
 * trace (R-PRO-5). Immutable.
 */
public final class ModelLookup
{
    private final String requestedName;
    private final Optional<HardwareProfile> profile;
    private final List<String> suggestions;

    private ModelLookup(
        final String requestedName, final Optional<HardwareProfile> profile, final List<String> suggestions)
    {
        this.requestedName = requestedName;
        this.profile = profile;
        this.suggestions = List.copyOf(suggestions);
    }

    static ModelLookup found(final String requestedName, final HardwareProfile profile)
    {
        return new ModelLookup(requestedName, Optional.of(profile), List.of());
    }

    static ModelLookup unknown(final String requestedName, final List<String> suggestions)
    {
        return new ModelLookup(requestedName, Optional.empty(), suggestions);
    }

    /**
     * @return the name as it was asked for.
     */
    public String requestedName()
    {
        return requestedName;
    }

    /**
     * @return whether the name stands for a known model.
     */
    public boolean isFound()
    {
        return profile.isPresent();
    }

    /**
     * @return the profile the name stands for, empty when the name is unknown.
     */
    public Optional<HardwareProfile> profile()
    {
        return profile;
    }

    /**
     * The known model ids closest to an unknown name, closest first.
     *
     * @return up to {@link ProfileRegistry#SUGGESTION_COUNT} model ids; empty when the name was found.
     */
    public List<String> suggestions()
    {
        return suggestions;
    }

    /**
     * The profile, for callers that cannot go on without one.
     *
     * @return the profile the name stands for.
     * @throws IllegalArgumentException carrying {@link #message()} when the name is unknown.
     */
    public HardwareProfile orElseThrow()
    {
        if (profile.isEmpty())
        {
            throw new IllegalArgumentException(message());
        }
        return profile.get();
    }

    /**
     * A line for a person, e.g. {@code unknown model 'T46X'; did you mean SIP-T46G, SIP-T46S, SIP-T48G?}.
     *
     * @return what the lookup found or suggests.
     */
    public String message()
    {
        if (profile.isPresent())
        {
            return "model '" + requestedName + "' is " + profile.get().modelId();
        }
        if (suggestions.isEmpty())
        {
            return "unknown model '" + requestedName + "'; no models are known";
        }
        return "unknown model '" + requestedName + "'; did you mean " + String.join(", ", suggestions) + "?";
    }

    @Override
    public boolean equals(final Object other)
    {
        if (this == other)
        {
            return true;
        }
        if (!(other instanceof ModelLookup))
        {
            return false;
        }
        final ModelLookup that = (ModelLookup)other;
        return requestedName.equals(that.requestedName) &&
            profile.equals(that.profile) &&
            suggestions.equals(that.suggestions);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(requestedName, profile, suggestions);
    }

    @Override
    public String toString()
    {
        return message();
    }
}
