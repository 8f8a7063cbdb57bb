package org.sipredundancy.core.account.machine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.squirrelframework.foundation.fsm.UntypedStateMachineBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each int table the duty cycle runs equals its squirrel-foundation declaration, the DOT diagram committed under
 * docs/machines/ is the one the declaration draws (rewrite with {@code -Dmachines.write=true}), and squirrel stays
 * in test scope.
 */
class StateMachineDeclarationTest
{
    private static final Path DOCS = Path.of("..", "docs", "machines");

    @Test
    @DisplayName("R-FO-1 the registration slot table equals its squirrel declaration")
    void registrationSlot() throws IOException
    {
        check(SlotMachine.TABLE, MachineDeclarations.registrationSlot());
    }

    @Test
    @DisplayName("R-FO-3 the failover list table equals its squirrel declaration")
    void failoverList() throws IOException
    {
        check(FailoverMachine.TABLE, MachineDeclarations.failoverList());
    }

    @Test
    @DisplayName("R-FB-3 the fallback mode table equals its squirrel declaration")
    void fallbackMode() throws IOException
    {
        check(FallbackMachine.TABLE, MachineDeclarations.fallbackMode());
    }

    @Test
    @DisplayName("R-OBP-2 the proxy pair table equals its squirrel declaration")
    void proxyPair() throws IOException
    {
        check(ProxyPairMachine.TABLE, MachineDeclarations.proxyPair());
    }

    @Test
    @DisplayName("R-FB-4 the call table equals its squirrel declaration")
    void call() throws IOException
    {
        check(CallMachine.TABLE, MachineDeclarations.call());
    }

    @Test
    @DisplayName("R-FO-1 a declaration that differs from its table is caught, naming the transition")
    void differenceIsCaught()
    {
        final UntypedStateMachineBuilder altered = MachineDeclarations.registrationSlot();
        MachineDeclarations.on(altered, "BACKOFF", "ACCEPTED", "REGISTERED");
        final Set<String> extra = new TreeSet<>(MachineDeclarations.transitions(altered, "DISABLED"));
        extra.removeAll(MachineDeclarations.transitions(SlotMachine.TABLE));
        assertThat(extra).containsExactly("BACKOFF --ACCEPTED--> REGISTERED");
    }

    @Test
    @DisplayName("R-RT-2 squirrel-foundation is a test dependency only: the phone never loads it")
    void squirrelStaysInTests() throws IOException
    {
        final String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        final int at = pom.indexOf("<artifactId>squirrel-foundation</artifactId>");
        assertThat(at).isPositive();
        assertThat(pom.substring(at, pom.indexOf("</dependency>", at))).contains("<scope>test</scope>");
    }

    private static void check(final TransitionTable table, final UntypedStateMachineBuilder declaration)
        throws IOException
    {
        final String initial = table.states().get(0);
        final Set<String> declared = MachineDeclarations.transitions(declaration, initial);
        final Set<String> run = MachineDeclarations.transitions(table);
        final Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(run);
        final Set<String> unexpected = new TreeSet<>(run);
        unexpected.removeAll(declared);
        assertThat(missing).as("declared but not in the int table of %s", table.name()).isEmpty();
        assertThat(unexpected).as("in the int table of %s but not declared", table.name()).isEmpty();
        final String dot = dot(table.name(), initial, declared);
        final Path file = DOCS.resolve(table.name() + ".dot");
        if (Boolean.getBoolean("machines.write"))
        {
            Files.createDirectories(DOCS);
            Files.writeString(file, dot, StandardCharsets.UTF_8);
        }
        assertThat(file).as("diagram (write with -Dmachines.write=true)").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("committed diagram of %s", table.name())
            .isEqualTo(dot);
    }

    private static String dot(final String name, final String initial, final Set<String> transitions)
    {
        final StringBuilder out = new StringBuilder("// generated from the squirrel declaration in ")
            .append("core/src/test/java/org/sipredundancy/core/account/machine/MachineDeclarations.java\n")
            .append("digraph \"").append(name).append("\" {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n")
            .append("  start [shape=point];\n  start -> ").append(initial).append(";\n");
        for (final String line : transitions)
        {
            final int arrow = line.indexOf(" --");
            final int end = line.indexOf("--> ");
            out.append("  ").append(line, 0, arrow).append(" -> ").append(line.substring(end + 4))
                .append(" [label=\"").append(line, arrow + 3, end).append("\"];\n");
        }
        return out.append("}\n").toString();
    }
}
