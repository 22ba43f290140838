package dev.switchboard.channels.http;

import dev.switchboard.channels.http.PlatformException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The X API v2's semantics: 429 with {@code x-rate-limit-reset} (epoch seconds when the window
 * resets) is the rate limit; headroom is {@code x-rate-limit-remaining / x-rate-limit-limit}.
 */
public final class XRules extends HttpRules {

  /** X rules under the platform name {@code x}. */
  public XRules() {
    super("x");
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    Kind kind = kindOf(response.status());
    Duration wait =
        retryAfter(response, clock)
            .or(() -> kind == Kind.RATE_LIMITED ? untilReset(response, clock) : Optional.empty())
            .orElse(null);
    return new PlatformException(kind, platform(), response.status(), null, null, wait, null);
  }

  @Override
  public OptionalDouble headroomPercent(PlatformResponse response) {
    Optional<Long> limit = number(response, "x-rate-limit-limit");
    Optional<Long> remaining = number(response, "x-rate-limit-remaining");
    if (limit.isEmpty() || remaining.isEmpty() || limit.get() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.min(100.0, 100.0 * remaining.get() / limit.get()));
  }

  private static Optional<Duration> untilReset(PlatformResponse response, Clock clock) {
    return number(response, "x-rate-limit-reset")
        .map(
            reset -> {
              Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
              return wait.isNegative() ? Duration.ZERO : wait;
            });
  }

  private static Optional<Long> number(PlatformResponse response, String header) {
    try {
      return response.header(header).map(String::strip).map(Long::valueOf);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
