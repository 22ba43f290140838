package dev.switchboard.channels.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard one platform client tries (immutable; see channels/README.md).
 *
 * @param maxAttempts attempts per request, the first included
 * @param initialBackoff the wait before the second attempt, before jitter
 * @param multiplier how much each further wait grows
 * @param jitter the random spread of each wait, 0–1 (0.5 = ±50%)
 * @param maxBackoff the longest computed wait between attempts
 * @param maxRetryAfter the longest wait a platform may impose inside one call; a longer one is
 *     returned to the caller as {@link PlatformException.Kind#RATE_LIMITED} with its wait
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls before the failure rate counts at all
 * @param openDuration how long an open circuit refuses calls before letting one through
 * @param connectTimeout how long a connection may take
 * @param readTimeout how long an answer may take
 */
public record ResilienceSettings(
    int maxAttempts,
    Duration initialBackoff,
    double multiplier,
    double jitter,
    Duration maxBackoff,
    Duration maxRetryAfter,
    float failureRateThreshold,
    int slidingWindowSize,
    int minimumCalls,
    Duration openDuration,
    Duration connectTimeout,
    Duration readTimeout) {

  /** Validates the settings. */
  public ResilienceSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(openDuration, "openDuration");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /**
   * Defaults for a poller: 5 attempts, 1 s doubling to at most 60 s with ±50% jitter, platform
   * waits up to 5 min inside a call, circuit opens at 50% failures of the last 20 calls (after 10)
   * for 60 s, 5 s to connect and 30 s to answer.
   */
  public static ResilienceSettings defaults() {
    return new ResilienceSettings(
        5,
        Duration.ofSeconds(1),
        2.0,
        0.5,
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        50f,
        20,
        10,
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  /** A copy with other attempt limits and backoff. */
  public ResilienceSettings withRetry(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    return new ResilienceSettings(
        maxAttempts,
        initialBackoff,
        multiplier,
        jitter,
        maxBackoff,
        maxRetryAfter,
        failureRateThreshold,
        slidingWindowSize,
        minimumCalls,
        openDuration,
        connectTimeout,
        readTimeout);
  }

  /** A copy with other circuit-breaker limits. */
  public ResilienceSettings withCircuit(
      float failureRateThreshold, int slidingWindowSize, int minimumCalls, Duration openDuration) {
    return new ResilienceSettings(
        maxAttempts,
        initialBackoff,
        multiplier,
        jitter,
        maxBackoff,
        maxRetryAfter,
        failureRateThreshold,
        slidingWindowSize,
        minimumCalls,
        openDuration,
        connectTimeout,
        readTimeout);
  }

  /** A copy with other timeouts. */
  public ResilienceSettings withTimeouts(Duration connectTimeout, Duration readTimeout) {
    return new ResilienceSettings(
        maxAttempts,
        initialBackoff,
        multiplier,
        jitter,
        maxBackoff,
        maxRetryAfter,
        failureRateThreshold,
        slidingWindowSize,
        minimumCalls,
        openDuration,
        connectTimeout,
        readTimeout);
  }
}
