package org.sipredundancy.hal.host;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleCommandTest
{
    @Test
    @DisplayName("R-RT-5 'call 4606' dials the digits, '*' and '#' included")
    void shouldParseCall()
    {
        final ConsoleCommand command = ConsoleCommand.parse("call 4606");
        assertThat(command.kind()).isEqualTo(ConsoleCommand.CALL);
        assertThat(command.digits()).isEqualTo("4606");
        assertThat(ConsoleCommand.parse("  CALL   *72#  ").digits()).isEqualTo("*72#");
    }

    @Test
    @DisplayName("R-RT-5 'answer', 'hangup' and 'quit' need no argument")
    void shouldParseWordCommands()
    {
        assertThat(ConsoleCommand.parse("answer").kind()).isEqualTo(ConsoleCommand.ANSWER);
        assertThat(ConsoleCommand.parse("hangup").kind()).isEqualTo(ConsoleCommand.HANGUP);
        assertThat(ConsoleCommand.parse("Quit").kind()).isEqualTo(ConsoleCommand.QUIT);
    }

    @Test
    @DisplayName("R-RT-5 'line N' and 'dss N' press the numbered key")
    void shouldParseKeys()
    {
        final ConsoleCommand line = ConsoleCommand.parse("line 2");
        assertThat(line.kind()).isEqualTo(ConsoleCommand.LINE);
        assertThat(line.number()).isEqualTo(2);
        final ConsoleCommand dss = ConsoleCommand.parse("dss 12");
        assertThat(dss.kind()).isEqualTo(ConsoleCommand.DSS);
        assertThat(dss.number()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "\t" })
    @DisplayName("R-RT-5 blank lines are ignored")
    void shouldIgnoreBlankLines(final String text)
    {
        assertThat(ConsoleCommand.parse(text).kind()).isEqualTo(ConsoleCommand.BLANK);
        assertThat(ConsoleCommand.parse(null).kind()).isEqualTo(ConsoleCommand.BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dial 4606", "call", "call 46a6", "call 46 06", "line", "line two", "line 0", "line -1", "dss 99999999999",
        "answer now", "quit please", "hang up" })
    @DisplayName("R-RT-5 anything else is one clear line naming the input and listing the commands")
    void shouldExplainBadInput(final String text)
    {
        final ConsoleCommand command = ConsoleCommand.parse(text);
        assertThat(command.kind()).isEqualTo(ConsoleCommand.INVALID);
        assertThat(command.error())
            .contains("\"" + text.strip() + "\"")
            .contains(ConsoleCommand.USAGE)
            .doesNotContain("\n");
    }
}
