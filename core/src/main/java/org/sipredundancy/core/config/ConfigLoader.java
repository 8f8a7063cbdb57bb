package org.sipredundancy.core.config;

import org.sipredundancy.profiles.HardwareProfile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The entry point for reading a Yealink provisioning file (R-CFG-1 to R-CFG-6) for a model and firmware: the
 * {@code lint} and {@code config} commands and the phone's start-up call it. It never throws on any content and
 * reports a file that cannot be read as {@link LoadOutcome#UNREADABLE}, so a phone always starts from what it can
 * read. Start-up code: it allocates, and reads a 10,000-line file in milliseconds. Thread safe (no shared state).
 */
public final class ConfigLoader
{
    private ConfigLoader()
    {
    }

    /**
     * Read a file for a model at the model's default firmware ({@link HardwareProfile#defaultFirmware()}).
     *
     * @param path    the file.
     * @param profile the model.
     * @return the result; {@link LoadOutcome#UNREADABLE} when the file cannot be read.
     */
    public static ParseResult parse(final Path path, final HardwareProfile profile)
    {
        return parse(path, profile, profile.defaultFirmware());
    }

    /**
     * Read a file for a model and firmware.
     *
     * @param path     the file; its name as given is the file name of the diagnostics.
     * @param profile  the model, which bounds {@code account.X} and decides what applies.
     * @param firmware the firmware major version, e.g. 82; below the model's minimum is a fatal diagnostic.
     * @return the result; {@link LoadOutcome#UNREADABLE} when the file cannot be read.
     */
    public static ParseResult parse(final Path path, final HardwareProfile profile, final int firmware)
    {
        return parse(path, profile, firmware, ParseLimits.DEFAULT);
    }

    /**
     * Read a file for a model and firmware with explicit limits.
     *
     * @param path     the file.
     * @param profile  the model.
     * @param firmware the firmware major version.
     * @param limits   the bounds on line length and kept diagnostics.
     * @return the result; {@link LoadOutcome#UNREADABLE} when the file cannot be read.
     */
    public static ParseResult parse(
        final Path path, final HardwareProfile profile, final int firmware, final ParseLimits limits)
    {
        Objects.requireNonNull(path, "path");
        final ConfigParser parser = new ConfigParser(path.toString(), profile, firmware, limits);
        final InputStream in;
        try
        {
            in = Files.newInputStream(path);
        }
        catch (final IOException | RuntimeException ex)
        {
            return parser.unreadable(ex instanceof IOException ? (IOException)ex : new IOException(ex));
        }
        final ParseResult result = parser.parse(in);
        try
        {
            in.close();
        }
        catch (final IOException ex)
        {
            // The file has been read to its end; a failure to close it changes nothing read.
        }
        return result;
    }

    /**
     * Read a stream for a model and firmware; the stream is read to its end and not closed.
     *
     * @param in       the file's bytes.
     * @param fileName the name diagnostics carry.
     * @param profile  the model.
     * @param firmware the firmware major version.
     * @return the result; {@link LoadOutcome#UNREADABLE} when the stream fails.
     */
    public static ParseResult parse(
        final InputStream in, final String fileName, final HardwareProfile profile, final int firmware)
    {
        return parse(in, fileName, profile, firmware, ParseLimits.DEFAULT);
    }

    /**
     * Read a stream for a model and firmware with explicit limits; the stream is read to its end and not closed.
     *
     * @param in       the file's bytes.
     * @param fileName the name diagnostics carry.
     * @param profile  the model.
     * @param firmware the firmware major version.
     * @param limits   the bounds on line length and kept diagnostics.
     * @return the result; {@link LoadOutcome#UNREADABLE} when the stream fails.
     */
    public static ParseResult parse(
        final InputStream in,
        final String fileName,
        final HardwareProfile profile,
        final int firmware,
        final ParseLimits limits)
    {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(profile, "profile");
        return new ConfigParser(Objects.requireNonNull(fileName, "fileName"), profile, firmware, limits).parse(in);
    }

    /**
     * Read text already in memory, e.g. a file a provisioning server sent or a test wrote.
     *
     * @param text     the file's text.
     * @param fileName the name diagnostics carry.
     * @param profile  the model.
     * @param firmware the firmware major version.
     * @return the result.
     */
    public static ParseResult parseText(
        final String text, final String fileName, final HardwareProfile profile, final int firmware)
    {
        return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fileName, profile, firmware);
    }

    /**
     * The configuration of a phone with no file: every account of the model with every default.
     *
     * @param profile  the model.
     * @param firmware the firmware major version.
     * @return the default configuration.
     */
    public static ProvisioningConfig defaults(final HardwareProfile profile, final int firmware)
    {
        return parseText(ConfigParser.VERSION_HEADER + "\n", "defaults", profile, firmware).config();
    }
}
