package org.sipredundancy.hal.host;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.LampState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleIndicatorsTest
{
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ConsoleIndicators indicators =
        new ConsoleIndicators(new PrintStream(output, true, StandardCharsets.UTF_8));

    @Test
    @DisplayName("R-RT-5 lamps and status print one line per change and nothing when the state repeats")
    void shouldPrintOnlyChanges()
    {
        indicators.registrationLamp(1, LampState.FLASHING_SLOW);
        indicators.registrationLamp(1, LampState.FLASHING_SLOW);
        indicators.registrationLamp(1, LampState.ON);
        indicators.registrationLamp(2, LampState.ON);
        indicators.blfLamp(3, LampState.ON);
        indicators.blfLamp(3, LampState.ON);
        indicators.statusText("Registered on 192.168.1.13");
        indicators.statusText(new StringBuilder("Registered on 192.168.1.13"));
        indicators.statusText("Registered on 192.168.1.14");
        indicators.registrationLamp(1, LampState.ON);

        assertThat(output.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
            "line 1 registration FLASHING_SLOW",
            "line 1 registration ON",
            "line 2 registration ON",
            "dss 3 blf ON",
            "status Registered on 192.168.1.13",
            "status Registered on 192.168.1.14");
    }

    @Test
    @DisplayName("R-RT-5 a lamp's first state is shown even when it is OFF")
    void shouldShowFirstStateEvenIfOff()
    {
        indicators.registrationLamp(1, LampState.OFF);
        indicators.statusText("");

        assertThat(output.toString(StandardCharsets.UTF_8).lines().toList())
            .containsExactly("line 1 registration OFF", "status ");
    }
}
