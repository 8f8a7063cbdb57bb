package org.sipredundancy.profiles;

import java.util.List;

/**
 * The plugin point for phone models (R-PRO-4): a jar on the class path adds models by implementing this interface
 * and naming the class in {@code META-INF/services/org.sipredundancy.profiles.HardwareProfileProvider}; the
 * {@link ProfileRegistry} finds it through {@link java.util.ServiceLoader}. An implementation needs a public
 * no-argument constructor.
 */
public interface HardwareProfileProvider
{
    /**
     * The models this provider contributes. Called once when a registry is built.
     *
     * @return the profiles, never null.
     */
    List<HardwareProfile> profiles();

    /**
     * The name a startup error uses to say where a model came from, so an administrator knows which jar to remove.
     *
     * @return the provider's name; its class name unless overridden.
     */
    default String name()
    {
        return getClass().getName();
    }
}
