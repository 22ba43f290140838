package dev.switchboard.channels.http;

import dev.switchboard.channels.http.PlatformException.Kind;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The X API v2's semantics: 429 with {@code x-rate-limit-reset} (epoch seconds when the window
 * resets) is the rate limit; headroom is {@code x-rate-limit-remaining / x-rate-limit-limit}. An
 * error body is a problem object {@code {"title","detail","type","status"}}; its {@code type} URI's
 * last segment ({@code unsupported-authentication}, {@code client-forbidden}, {@code usage-capped}
 * ...) becomes the error code and its {@code title} the message ({@code detail} is left out: it may
 * quote the request's parameters).
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
    Optional<JsonNode> problem = Json.parse(response.body()).filter(JsonNode::isObject);
    String code = problem.map(p -> problemType(Json.text(p, "type"))).orElse(null);
    String title = problem.map(p -> Json.text(p, "title")).orElse(null);
    return new PlatformException(kind, platform(), response.status(), code, title, wait, null);
  }

  /**
   * The last path segment of a problem {@code type} URI ({@code
   * https://api.twitter.com/2/problems/client-forbidden} → {@code client-forbidden}), null for none
   * or {@code about:blank}.
   */
  public static String problemType(String type) {
    if (type == null || type.isBlank() || "about:blank".equals(type)) {
      return null;
    }
    int slash = type.lastIndexOf('/');
    return slash < 0 ? type : type.substring(slash + 1);
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

  /**
   * The wait until {@code x-rate-limit-reset} when {@code x-rate-limit-remaining} is 0, so a caller
   * can stop before X answers 429; empty while requests are left or the headers are missing.
   */
  public static Optional<Duration> exhaustedFor(PlatformResponse response, Clock clock) {
    Optional<Long> remaining = number(response, "x-rate-limit-remaining");
    if (remaining.isEmpty() || remaining.get() > 0) {
      return Optional.empty();
    }
    return untilReset(response, clock).filter(wait -> !wait.isZero());
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
