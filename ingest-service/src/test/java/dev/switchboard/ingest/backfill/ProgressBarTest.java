package dev.switchboard.ingest.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  void showsBarRowsBytesRateAndTimeLeft() {
    ProgressBar bar =
        new ProgressBar(
            out, Clock.fixed(START, ZoneOffset.UTC), 10L * 1024 * 1024, true, Duration.ZERO);

    String line = bar.render(25_000, 2_621_440, START.plusSeconds(10));

    assertThat(line)
        .isEqualTo(
            "[######------------------]  25%  25,000 rows  2.5 MiB / 10.0 MiB"
                + "  2,500 rows/s  256.0 KiB/s  ETA 0:30");
  }

  @Test
  void withoutAKnownSizeThereIsNoBarAndNoTimeLeft() {
    ProgressBar bar =
        new ProgressBar(out, Clock.fixed(START, ZoneOffset.UTC), 0, false, Duration.ZERO);

    assertThat(bar.render(100, 2048, START.plusSeconds(4)))
        .isEqualTo("100 rows  2.0 KiB  25 rows/s  512 B/s");
  }

  @Test
  void onATerminalItRedrawsOneLineAtMostOncePerInterval() {
    SteppedClock clock = new SteppedClock(START);
    ProgressBar bar = new ProgressBar(out, clock, 1000, true, Duration.ofMillis(200));

    bar.update(1, 100); // drawn
    clock.advance(Duration.ofMillis(100));
    bar.update(2, 200); // too soon
    clock.advance(Duration.ofMillis(100));
    bar.update(3, 300); // drawn
    clock.advance(Duration.ofMillis(50));
    bar.finish(4, 1000); // always drawn

    String written = output.toString(StandardCharsets.UTF_8);
    assertThat(written.split("\r", -1)).hasSize(4);
    assertThat(written).doesNotContain("2 rows").contains("3 rows").endsWith("ETA 0:00\u001b[K\n");
  }

  @Test
  void withoutATerminalItWritesPlainLines() {
    SteppedClock clock = new SteppedClock(START);
    ProgressBar bar = new ProgressBar(out, clock, 1000, false, Duration.ofSeconds(5));

    bar.update(1, 100);
    clock.advance(Duration.ofSeconds(5));
    bar.update(2, 500);
    bar.finish(3, 1000);

    String written = output.toString(StandardCharsets.UTF_8);
    assertThat(written).doesNotContain("\r", "\u001b");
    assertThat(written.lines()).hasSize(3);
    assertThat(written.lines().toList().get(1)).startsWith("[############------------]  50%");
  }

  /** A clock the test moves forward by hand. */
  private static final class SteppedClock extends Clock {
    private Instant now;

    SteppedClock(Instant start) {
      this.now = start;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
