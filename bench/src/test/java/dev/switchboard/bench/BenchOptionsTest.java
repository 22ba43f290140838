package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void readsEveryOptionAndKeepsDefaultsForTheRest() {
    BenchOptions options =
        BenchOptions.parse("--duration", "90s", "--concurrency", "16", "--record-size", "1024");

    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.concurrency()).isEqualTo(16);
    assertThat(options.recordSize()).isEqualTo(1024);
    assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(15));
    assertThat(options.rawRecords()).isEqualTo(300_000);
  }

  @Test
  void durationsTakeMillisecondsSecondsAndMinutes() {
    assertThat(BenchOptions.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(BenchOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aBadOptionIsNamed() {
    assertThatThrownBy(() -> BenchOptions.parse("--concurrency", "0"))
        .hasMessageContaining("--concurrency");
    assertThatThrownBy(() -> BenchOptions.parse("--speed", "fast")).hasMessageContaining("--speed");
    assertThatThrownBy(() -> BenchOptions.parse("--duration", "soon")).hasMessageContaining("soon");
  }
}
