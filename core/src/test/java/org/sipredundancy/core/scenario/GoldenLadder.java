package org.sipredundancy.core.scenario;

import org.sipredundancy.core.sim.SimDeployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a scenario's timeline and SIP ladder with the golden file committed under
 * {@code src/test/resources/scenarios/}. After a deliberate change of behaviour, rewrite the files with
 * {@code mvn -pl core test -Dtest='*ScenarioTest' -Dscenarios.write=true} and review the diff like code.
 */
final class GoldenLadder
{
    private static final Path DIRECTORY = Path.of("src/test/resources/scenarios");

    private GoldenLadder()
    {
    }

    /**
     * @param name       the golden file's name without extension.
     * @param deployment the finished scenario.
     */
    static void assertMatches(final String name, final SimDeployment deployment)
    {
        final String actual = "# timeline\n" + String.join("\n", deployment.events()) + "\n# ladder\n" +
            deployment.ladder().text();
        final Path file = DIRECTORY.resolve(name + ".txt");
        try
        {
            if (Boolean.getBoolean("scenarios.write"))
            {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden ladder %s (write with -Dscenarios.write=true)", file).exists();
            assertThat(actual).as("timeline and ladder of %s", name)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
