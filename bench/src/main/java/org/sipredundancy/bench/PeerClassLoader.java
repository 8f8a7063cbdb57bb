package org.sipredundancy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads a second version of a library beside the one on the class path, so both can be measured in one JMH run.
 * <p>
 * Classes under the library's package come only from the peer jar, never from the parent, and so does one
 * driver class: a copy of a bench class compiled against the class-path version of the same API, defined again
 * here so that its references resolve to the peer. Everything else, including the interface the driver
 * implements, comes from the parent, so the benchmark can call the driver without reflection.
 * <p>
 * The peer jar travels inside the benchmarks jar as a resource (bench/pom.xml copies it into {@code peers/}) and
 * is extracted to a temporary file, since a class loader cannot read a jar inside a jar.
 */
public final class PeerClassLoader extends URLClassLoader
{
    static
    {
        registerAsParallelCapable();
    }

    private final String libraryPackagePrefix;
    private final String driverClassName;

    private PeerClassLoader(
        final URL peerJar, final ClassLoader parent, final String libraryPackagePrefix, final String driverClassName)
    {
        super(new URL[]{ peerJar }, parent);
        this.libraryPackagePrefix = libraryPackagePrefix;
        this.driverClassName = driverClassName;
    }

    /**
     * Create a driver bound to a peer version of its library.
     *
     * @param peerJarResource      class path resource of the peer jar, e.g. {@code /peers/netty-common-4.2.jar}.
     * @param libraryPackagePrefix package of the library, with its trailing dot, e.g. {@code io.netty.}.
     * @param driverClass          the driver, with a public no-argument constructor and no nested classes.
     * @param driverInterface      what the driver implements, loaded by the parent.
     * @param <T>                  the type of the driver interface.
     * @return a new driver whose library classes are the peer's.
     */
    public static <T> T newDriver(
        final String peerJarResource,
        final String libraryPackagePrefix,
        final Class<? extends T> driverClass,
        final Class<T> driverInterface)
    {
        final PeerClassLoader loader = new PeerClassLoader(
            extract(peerJarResource), driverClass.getClassLoader(), libraryPackagePrefix, driverClass.getName());
        try
        {
            return driverInterface.cast(
                loader.loadClass(driverClass.getName()).getDeclaredConstructor().newInstance());
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("cannot create " + driverClass.getName() + " over " + peerJarResource, ex);
        }
    }

    /**
     * Whether a class came from a peer jar rather than the class path.
     *
     * @param type the class to check.
     * @return true when a {@link PeerClassLoader} defined it.
     */
    public static boolean isFromPeer(final Class<?> type)
    {
        return type.getClassLoader() instanceof PeerClassLoader;
    }

    /**
     * Library and driver classes first from the peer, the rest from the parent.
     * {@inheritDoc}
     */
    protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException
    {
        final boolean isLibrary = name.startsWith(libraryPackagePrefix);
        if (!isLibrary && !name.equals(driverClassName))
        {
            return super.loadClass(name, resolve);
        }

        synchronized (getClassLoadingLock(name))
        {
            Class<?> type = findLoadedClass(name);
            if (null == type)
            {
                type = isLibrary ? findClass(name) : defineDriver(name);
            }

            if (resolve)
            {
                resolveClass(type);
            }

            return type;
        }
    }

    private Class<?> defineDriver(final String name) throws ClassNotFoundException
    {
        final String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource))
        {
            if (null == in)
            {
                throw new ClassNotFoundException(name);
            }

            final byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        }
        catch (final IOException ex)
        {
            throw new ClassNotFoundException(name, ex);
        }
    }

    private static URL extract(final String resource)
    {
        try (InputStream in = PeerClassLoader.class.getResourceAsStream(resource))
        {
            if (null == in)
            {
                throw new IllegalStateException("peer jar missing from the class path: " + resource +
                    " (build with 'mvn -pl bench package')");
            }

            final Path jar = Files.createTempFile("bench-peer-", ".jar");
            jar.toFile().deleteOnExit();
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            return jar.toUri().toURL();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
