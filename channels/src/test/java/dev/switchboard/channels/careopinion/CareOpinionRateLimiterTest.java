package dev.switchboard.channels.careopinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client-side limit on a stepped clock: no sixth request inside any one second. */
class CareOpinionRateLimiterTest {

  /** A clock moved only by the limiter's sleeper or the test. */
  private static final class Stepped extends Clock {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aBurstIsSpreadSoNoSecondHoldsMoreThanFive() throws InterruptedException {
    Stepped clock = new Stepped();
    CareOpinionRateLimiter limiter =
        new CareOpinionRateLimiter(5, clock, wait -> clock.now = clock.now.plus(wait));
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      limiter.acquire();
      starts.add(clock.now);
    }
    for (int i = 5; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 5), starts.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    assertThat(Duration.between(starts.get(0), starts.get(11))).isEqualTo(Duration.ofMillis(2200));
  }

  @Test
  void aCallerAfterAQuietSpellDoesNotWait() throws InterruptedException {
    Stepped clock = new Stepped();
    List<Duration> waits = new ArrayList<>();
    CareOpinionRateLimiter limiter = new CareOpinionRateLimiter(5, clock, waits::add);
    limiter.acquire();
    limiter.acquire();
    clock.now = clock.now.plusSeconds(3);
    limiter.acquire();
    assertThat(waits).containsExactly(Duration.ofMillis(200));
  }

  @Test
  void refusesANonsenseLimit() {
    assertThatThrownBy(() -> new CareOpinionRateLimiter(0, Clock.systemUTC(), d -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
