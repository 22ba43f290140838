package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark runnable: a 2-second run on the packaged ingest-service jar measures both
 * rates. Not a performance test — it asserts no figure beyond "something was measured".
 */
class IngestBenchSmokeIT {

  @Test
  void aShortRunMeasuresBothRates() throws Exception {
    BenchOptions options =
        new BenchOptions(
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            4,
            5_000,
            0,
            3,
            "256m",
            Path.of(System.getProperty("switchboard.home", "..")));

    IngestBench.Report report = IngestBench.run(options, line -> {});

    assertThat(report.accepted()).isPositive();
    assertThat(report.webhookPerSecond()).isPositive();
    assertThat(report.rawPerSecond()).isPositive();
    assertThat(report.text()).contains("ratio webhook / raw");
  }
}
