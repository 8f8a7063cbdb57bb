package org.sipredundancy.profiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Every phone model the process knows, gathered once at start from the {@link HardwareProfileProvider}s on the
 * class path (R-PRO-4), and looked up by whatever name an administrator writes (R-PRO-5). Two profiles claiming one
 * name after {@link ModelNames#normalise(CharSequence) normalisation} stop the start with a
 * {@link DuplicateModelException}, since a lookup could not say which was meant. Immutable and thread safe once
 * built.
 */
public final class ProfileRegistry
{
    /**
     * How many known model ids an unknown name is answered with.
     */
    public static final int SUGGESTION_COUNT = 3;

    private record Claim(HardwareProfile profile, String provider)
    {
    }

    private record Known(HardwareProfile profile, List<String> normalNames)
    {
    }

    private final Map<String, Claim> claimsByNormalName = new HashMap<>();
    private final List<Known> known = new ArrayList<>();
    private final List<HardwareProfile> all;

    /**
     * Gather the profiles of an explicit list of providers, e.g. in a test or an embedding without a class path.
     *
     * @param providers the providers, in the order their claims are made.
     * @throws DuplicateModelException when two profiles claim one name.
     * @throws IllegalArgumentException when a profile's id or alias is empty once normalised.
     */
    public ProfileRegistry(final List<? extends HardwareProfileProvider> providers)
    {
        for (final HardwareProfileProvider provider : providers)
        {
            final String providerName = provider.name();
            final List<HardwareProfile> profiles = Objects.requireNonNull(
                provider.profiles(), () -> providerName + " returned no profile list");
            for (final HardwareProfile profile : profiles)
            {
                Objects.requireNonNull(profile, () -> providerName + " listed a null profile");
                known.add(new Known(profile, claim(profile, providerName)));
            }
        }

        known.sort((a, b) -> compare(a.profile(), b.profile()));
        final List<HardwareProfile> ordered = new ArrayList<>(known.size());
        for (final Known entry : known)
        {
            ordered.add(entry.profile());
        }
        all = List.copyOf(ordered);
    }

    /**
     * Gather every provider the context class loader of the calling thread can see through
     * {@link ServiceLoader}: the built-in Yealink models and any a jar on the class path adds.
     *
     * @return the registry.
     * @throws DuplicateModelException when two profiles claim one name.
     * @throws java.util.ServiceConfigurationError when a provider named in a services file cannot be made.
     */
    public static ProfileRegistry load()
    {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Gather every provider a class loader can see through {@link ServiceLoader}.
     *
     * @param classLoader where to look for {@code META-INF/services} files; null for the system class loader.
     * @return the registry.
     * @throws DuplicateModelException when two profiles claim one name.
     * @throws java.util.ServiceConfigurationError when a provider named in a services file cannot be made.
     */
    public static ProfileRegistry load(final ClassLoader classLoader)
    {
        final List<HardwareProfileProvider> providers = new ArrayList<>();
        for (final HardwareProfileProvider provider : ServiceLoader.load(HardwareProfileProvider.class, classLoader))
        {
            providers.add(provider);
        }
        return new ProfileRegistry(providers);
    }

    /**
     * Every known profile in a stable order: most accounts first, then by model id, so listings and reports do not
     * change with class path order.
     *
     * @return the profiles, unmodifiable.
     */
    public List<HardwareProfile> all()
    {
        return all;
    }

    /**
     * Find a model by a name written by a person: case does not matter, nor does a {@code SIP-} or {@code SIP }
     * prefix, nor do parentheses, spaces or hyphens; aliases count as well as the canonical id. An unknown name is
     * answered with the {@link #SUGGESTION_COUNT} known model ids nearest to it by edit distance on the normal
     * form; ties go to the model listed first by {@link #all()}.
     *
     * @param name the model name.
     * @return the lookup, never null.
     */
    public ModelLookup find(final String name)
    {
        Objects.requireNonNull(name, "name");
        final String normalName = ModelNames.normalise(name);
        final Claim claim = claimsByNormalName.get(normalName);
        if (null != claim)
        {
            return ModelLookup.found(name, claim.profile());
        }
        return ModelLookup.unknown(name, closestModelIds(normalName));
    }

    private List<String> claim(final HardwareProfile profile, final String providerName)
    {
        final Map<String, String> writtenByNormal = new LinkedHashMap<>();
        writtenByNormal.put(normalNameOf(profile.modelId(), profile, providerName), profile.modelId());
        for (final String alias : profile.aliases())
        {
            writtenByNormal.putIfAbsent(normalNameOf(alias, profile, providerName), alias);
        }

        for (final Map.Entry<String, String> entry : writtenByNormal.entrySet())
        {
            final Claim earlier = claimsByNormalName.putIfAbsent(entry.getKey(), new Claim(profile, providerName));
            if (null != earlier)
            {
                throw new DuplicateModelException(
                    entry.getValue(), earlier.profile().modelId(), earlier.provider(), profile.modelId(), providerName);
            }
        }

        return List.copyOf(writtenByNormal.keySet());
    }

    private static String normalNameOf(final String name, final HardwareProfile profile, final String providerName)
    {
        final String normalName = ModelNames.normalise(name);
        if (normalName.isEmpty())
        {
            throw new IllegalArgumentException(
                "name '" + name + "' of " + profile.modelId() + " from " + providerName + " is empty once normalised");
        }
        return normalName;
    }

    private List<String> closestModelIds(final String normalName)
    {
        final List<int[]> distanceAndIndex = new ArrayList<>(known.size());
        for (int i = 0; i < known.size(); i++)
        {
            int distance = Integer.MAX_VALUE;
            for (final String candidate : known.get(i).normalNames())
            {
                distance = Math.min(distance, ModelNames.editDistance(normalName, candidate));
            }
            distanceAndIndex.add(new int[]{ distance, i });
        }

        distanceAndIndex.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        final int count = Math.min(SUGGESTION_COUNT, distanceAndIndex.size());
        final List<String> modelIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            modelIds.add(known.get(distanceAndIndex.get(i)[1]).profile().modelId());
        }
        return modelIds;
    }

    private static int compare(final HardwareProfile a, final HardwareProfile b)
    {
        final int byAccounts = Integer.compare(b.accountCount(), a.accountCount());
        return 0 != byAccounts ? byAccounts : a.modelId().compareTo(b.modelId());
    }
}
