package org.sipredundancy.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark once, in this JVM and briefly, to prove it compiles, sets up, runs and tears down.
 * It checks that each one produced a score, never what the score is: timings belong to bench/run.sh.
 */
class BenchmarkSmokeTest
{
    @Test
    @DisplayName("R-RT-1 R-RT-2 benchmarks compile and run once")
    void shouldRunEveryBenchmarkOnceAndScoreIt() throws RunnerException, IOException
    {
        final Set<String> listed = listedBenchmarks();
        assertThat(listed).contains(
            TimerBenchmark.class.getName() + ".timerServiceScheduleAndExpire",
            InboundHandoffBenchmark.class.getName() + ".inboundEventQueue",
            SipParseBenchmark.class.getName() + ".ours",
            SipParseBenchmark.class.getName() + ".jainSip",
            RegisterRefreshBenchmark.class.getName() + ".refreshCycle");

        final Options options = new OptionsBuilder()
            .include("^" + getClass().getPackageName().replace(".", "\\.") + "\\.")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .param("phones", "10")
            .param("accounts", "1000")
            .shouldFailOnError(true)
            .verbosity(VerboseMode.NORMAL)
            .build();
        final Collection<RunResult> results = new Runner(options).run();

        final Set<String> ran = new TreeSet<>();
        for (final RunResult result : results)
        {
            final String benchmark = result.getParams().getBenchmark();
            ran.add(benchmark);
            assertThat(result.getPrimaryResult().getScore()).as(benchmark).isPositive();
        }
        assertThat(ran).isEqualTo(listed);
    }

    private static Set<String> listedBenchmarks() throws IOException
    {
        final Set<String> names = new TreeSet<>();
        try (InputStream in = BenchmarkSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST))
        {
            assertThat(in).as(BenchmarkList.BENCHMARK_LIST).isNotNull();
            for (final BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in))
            {
                names.add(entry.getUsername());
            }
        }

        return names;
    }
}
