package org.sipredundancy.core.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs a real peer (dnsmasq, Kamailio, SIPp) with apt-get when its binary is missing, so the real-peer tests
 * run on a fresh machine as part of the ordinary test command (INTEROP.md). Tries a plain install first and runs
 * {@code apt-get update} only if that fails. Fails the test with the installer's own words when it cannot.
 */
public final class DebianPackages
{
    private static final long INSTALL_TIMEOUT_S = 600;

    private DebianPackages()
    {
    }

    public static synchronized Path ensureInstalled(final String binary, final String debianPackage)
    {
        final Path path = Path.of(binary);
        if (Files.isExecutable(path))
        {
            return path;
        }
        final String install = run(List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage));
        if (!Files.isExecutable(path))
        {
            final String update = run(List.of("apt-get", "update"));
            final String retry = run(List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage));
            if (!Files.isExecutable(path))
            {
                throw new IllegalStateException("could not install " + debianPackage + " (for " + binary + "):\n" +
                    install + "\n" + update + "\n" + retry);
            }
        }
        return path;
    }

    private static String run(final List<String> command)
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try
        {
            final Process process = builder.start();
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(INSTALL_TIMEOUT_S, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                return String.join(" ", command) + ": timed out";
            }
            final String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
            return String.join(" ", command) + " exited " + process.exitValue() + ":\n" +
                text.substring(Math.max(0, text.length() - 2000));
        }
        catch (final IOException ex)
        {
            return String.join(" ", command) + ": " + ex.getMessage();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }
}
