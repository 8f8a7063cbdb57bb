package org.sipredundancy.profiles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipredundancy.profiles.testplugin.FictitiousProfiles;
import org.sipredundancy.profiles.testplugin.JarOnlyProfiles;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profiles arrive through {@link java.util.ServiceLoader}: the built-in Yealink models, the test-only plugin named
 * in the test resources' services file, and a model from a jar put on a class loader during the test.
 */
class ProfileRegistryServiceLoaderTest
{
    private static final String SERVICES_FILE = "META-INF/services/" + HardwareProfileProvider.class.getName();

    @Test
    @DisplayName("R-PRO-4 R-PRO-1 ServiceLoader finds the 29 built-in models and the test plugin's SIP-T99X")
    void shouldFindBuiltInModelsAndTestPlugin()
    {
        final ProfileRegistry registry = ProfileRegistry.load();

        assertThat(registry.all()).hasSize(29 + 1);
        final HardwareProfile fictitious = registry.find("t99x").orElseThrow();
        assertThat(fictitious.modelId()).isEqualTo(FictitiousProfiles.MODEL_ID);
        assertThat(fictitious.accountCount()).isEqualTo(4);
        assertThat(registry.find("SIP-T46G").orElseThrow().accountCount()).isEqualTo(16);
    }

    @Test
    @DisplayName("R-PRO-4 a jar put on the class path adds its model")
    void shouldAddModelFromJarOnClassPath(@TempDir final Path directory) throws IOException
    {
        final Path jar = directory.resolve("jar-only-plugin.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file))
        {
            out.putNextEntry(new JarEntry(SERVICES_FILE));
            out.write((JarOnlyProfiles.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        final ClassLoader parent = getClass().getClassLoader();

        assertThat(ProfileRegistry.load(parent).find(JarOnlyProfiles.MODEL_ID).isFound()).isFalse();
        try (URLClassLoader withJar = new URLClassLoader(new URL[]{ jar.toUri().toURL() }, parent))
        {
            final ProfileRegistry registry = ProfileRegistry.load(withJar);

            assertThat(registry.find("t98j").orElseThrow().modelId()).isEqualTo(JarOnlyProfiles.MODEL_ID);
            assertThat(registry.all()).hasSize(29 + 2);
        }
    }
}
