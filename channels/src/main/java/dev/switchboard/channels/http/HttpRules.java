package dev.switchboard.channels.http;

import dev.switchboard.channels.http.PlatformException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Plain HTTP semantics, the base of every platform's rules: 429 is a rate limit, 408 and 5xx are
 * retryable, every other 4xx is permanent; {@code Retry-After} in seconds or as an HTTP date.
 */
public class HttpRules implements PlatformRules {

  private final String platform;

  /** Plain rules under the name {@code platform}. */
  public HttpRules(String platform) {
    this.platform = platform;
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    Duration retryAfter = retryAfter(response, clock).orElse(null);
    return new PlatformException(
        kindOf(response.status()), platform, response.status(), null, null, retryAfter, null);
  }

  @Override
  public OptionalDouble headroomPercent(PlatformResponse response) {
    return OptionalDouble.empty();
  }

  /** The kind a bare status implies. */
  protected static Kind kindOf(int status) {
    if (status == 429) {
      return Kind.RATE_LIMITED;
    }
    // 408: the server gave up waiting for us; 5xx: its fault. Everything else 4xx is ours to fix.
    if (status == 408 || status >= 500) {
      return Kind.RETRYABLE;
    }
    return status >= 400 ? Kind.PERMANENT : Kind.MALFORMED_RESPONSE;
  }

  /** {@code Retry-After} as a duration from now: delta-seconds or an HTTP date (RFC 9110). */
  public static Optional<Duration> retryAfter(PlatformResponse response, Clock clock) {
    Optional<String> header = response.header("Retry-After");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
