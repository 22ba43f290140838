package dev.switchboard.eventstreams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a record that failed is tried again before it goes to the dead-letter topic ({@code
 * switchboard.retry.*}); an unreadable record is never tried again.
 *
 * @param maxAttempts attempts in all, the first included (1 = no retry)
 * @param initialDelay wait before the first retry
 * @param multiplier growth of the wait from one retry to the next (at least 1)
 * @param maxDelay longest wait between two attempts (more than zero)
 */
@ConfigurationProperties(RetrySettings.PREFIX)
public record RetrySettings(
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("500ms") Duration initialDelay,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("5s") Duration maxDelay) {

  /** Configuration prefix. */
  public static final String PREFIX = "switchboard.retry";

  /** Rejects settings that would never try, wait a negative time, or shrink the wait. */
  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(PREFIX + ".max-attempts must be at least 1");
    }
    if (initialDelay == null
        || maxDelay == null
        || initialDelay.isNegative()
        || maxDelay.isZero()
        || maxDelay.compareTo(initialDelay) < 0) {
      // Spring's RetryPolicy refuses a max-delay of zero; say so with the key at start.
      throw new IllegalArgumentException(
          PREFIX + " delays must not be negative, max-delay > 0 and >= initial-delay");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException(PREFIX + ".multiplier must be at least 1");
    }
  }
}
