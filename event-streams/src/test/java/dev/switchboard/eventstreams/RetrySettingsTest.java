package dev.switchboard.eventstreams;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

  private static final Duration HALF_SECOND = Duration.ofMillis(500);
  private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

  @Test
  void theDefaultsAreValid() {
    assertThatCode(() -> new RetrySettings(3, HALF_SECOND, 2.0, FIVE_SECONDS))
        .doesNotThrowAnyException();
    assertThatCode(() -> new RetrySettings(1, Duration.ZERO, 1.0, Duration.ofMillis(1)))
        .doesNotThrowAnyException();
  }

  @Test
  void atLeastOneAttempt() {
    assertThatThrownBy(() -> new RetrySettings(0, HALF_SECOND, 2.0, FIVE_SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("switchboard.retry.max-attempts must be at least 1");
  }

  @Test
  void noNegativeOrShrinkingDelays() {
    assertThatThrownBy(() -> new RetrySettings(3, Duration.ofMillis(-1), 2.0, FIVE_SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-delay > 0 and >= initial-delay");
    assertThatThrownBy(() -> new RetrySettings(3, FIVE_SECONDS, 2.0, HALF_SECOND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-delay > 0 and >= initial-delay");
    assertThatThrownBy(() -> new RetrySettings(3, Duration.ZERO, 2.0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-delay > 0");
  }

  @Test
  void theWaitNeverShrinks() {
    assertThatThrownBy(() -> new RetrySettings(3, HALF_SECOND, 0.5, FIVE_SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("switchboard.retry.multiplier must be at least 1");
    assertThatThrownBy(() -> new RetrySettings(3, HALF_SECOND, Double.NaN, FIVE_SECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("switchboard.retry.multiplier must be at least 1");
  }
}
