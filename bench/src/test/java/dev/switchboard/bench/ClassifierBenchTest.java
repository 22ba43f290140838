package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmark is generated and runs (in this JVM, one short iteration): a smoke test of the
 * bench's wiring, not a speed assertion; the figure comes from bench/run-classify-bench.sh.
 */
class ClassifierBenchTest {

  @Test
  void theBenchmarkIsGeneratedAndClassifiesTheWholeMix() throws Exception {
    ClassifierBench bench = new ClassifierBench();
    bench.setUp();
    assertThat(bench.posts()).isGreaterThan(1000);
    assertThat(bench.classifyOnePost().labels()).isNotNull();

    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(ClassifierBench.class.getName())
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.seconds(1))
                    .build())
            .run();

    assertThat(results).hasSize(1);
    assertThat(results.iterator().next().getPrimaryResult().getScore()).isPositive();
  }
}
