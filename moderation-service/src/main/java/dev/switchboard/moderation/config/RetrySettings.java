package dev.switchboard.moderation.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a record that failed is tried again before it goes to the dead-letter topic.
 *
 * @param maxAttempts attempts in all, the first included (1 = no retry)
 * @param initialDelay wait before the first retry
 * @param multiplier growth of the wait from one retry to the next
 * @param maxDelay longest wait between two attempts
 */
@ConfigurationProperties(RetrySettings.PREFIX)
public record RetrySettings(
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("500ms") Duration initialDelay,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("5s") Duration maxDelay) {

  /** Configuration prefix. */
  public static final String PREFIX = "switchboard.retry";

  /** Rejects settings that would retry forever or never wait. */
  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("switchboard.retry.max-attempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "switchboard.retry delays must be positive, max-delay >= initial-delay");
    }
  }
}
