package org.sipredundancy.hal.host;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.CommandCode;
import org.sipredundancy.hal.InboundEvent;
import org.sipredundancy.hal.InboundEventQueue;
import org.sipredundancy.hal.KeyCode;
import org.sipredundancy.hal.KeyEventPublisher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleKeypadTest
{
    private record Press(int type, int code, int value)
    {
    }

    private final InboundEventQueue inbound = new InboundEventQueue(64, 16);
    private final KeyEventPublisher keys = new KeyEventPublisher(inbound);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    @DisplayName("R-RT-5 each command presses the keys a user would press")
    void shouldPressKeysForEachCommand()
    {
        final ConsoleKeypad keypad = new ConsoleKeypad(InputStream.nullInputStream(), keys, out);

        assertThat(keypad.perform(ConsoleCommand.parse("call 4#"))).isTrue();
        assertThat(keypad.perform(ConsoleCommand.parse("answer"))).isTrue();
        assertThat(keypad.perform(ConsoleCommand.parse("hangup"))).isTrue();
        assertThat(keypad.perform(ConsoleCommand.parse("line 2"))).isTrue();
        assertThat(keypad.perform(ConsoleCommand.parse("dss 5"))).isTrue();
        assertThat(keypad.perform(ConsoleCommand.parse(""))).isTrue();
        assertThat(keypad.perform(ConsoleCommand.parse("quit"))).isFalse();

        assertThat(presses()).containsExactly(
            new Press(InboundEvent.KEY, KeyCode.DIGIT, '4'),
            new Press(InboundEvent.KEY, KeyCode.DIGIT, '#'),
            new Press(InboundEvent.KEY, KeyCode.SEND, 0),
            new Press(InboundEvent.KEY, KeyCode.HOOK_OFF, 0),
            new Press(InboundEvent.KEY, KeyCode.HOOK_ON, 0),
            new Press(InboundEvent.KEY, KeyCode.LINE_KEY, 2),
            new Press(InboundEvent.KEY, KeyCode.DSS_KEY, 5),
            new Press(InboundEvent.COMMAND, CommandCode.QUIT, 0));
        assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("R-RT-5 the keypad thread reads lines, answers a bad one with one line, and stops at quit")
    void shouldReadLinesUntilQuit() throws Exception
    {
        final String typed = "line 1\nfrobnicate 7\n\ncall 12\nquit\nline 3\n";
        try (ConsoleKeypad keypad = new ConsoleKeypad(
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), keys, out).start())
        {
            assertThat(keypad.awaitStop(5000)).isTrue();
        }

        assertThat(presses()).containsExactly(
            new Press(InboundEvent.KEY, KeyCode.LINE_KEY, 1),
            new Press(InboundEvent.KEY, KeyCode.DIGIT, '1'),
            new Press(InboundEvent.KEY, KeyCode.DIGIT, '2'),
            new Press(InboundEvent.KEY, KeyCode.SEND, 0),
            new Press(InboundEvent.COMMAND, CommandCode.QUIT, 0));
        assertThat(output.toString(StandardCharsets.UTF_8).lines().toList())
            .containsExactly("not understood: \"frobnicate 7\"; " + ConsoleCommand.USAGE);
    }

    @Test
    @DisplayName("R-RT-5 R-BAD-4 a press that finds the inbound queue full is reported dropped, not waited for")
    void shouldReportDroppedPress()
    {
        final InboundEventQueue full = new InboundEventQueue(2, 16);
        final KeyEventPublisher fullKeys = new KeyEventPublisher(full);
        fullKeys.send();
        fullKeys.send();
        final ConsoleKeypad keypad = new ConsoleKeypad(InputStream.nullInputStream(), fullKeys, out);

        assertThat(keypad.perform(ConsoleCommand.parse("line 1"))).isTrue();

        assertThat(full.droppedCount()).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("dropped");
    }

    private List<Press> presses()
    {
        final List<Press> presses = new ArrayList<>();
        inbound.drain((e) -> presses.add(new Press(e.type(), e.code(), e.value())), Integer.MAX_VALUE);
        return presses;
    }
}
