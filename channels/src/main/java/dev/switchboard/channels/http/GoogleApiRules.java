package dev.switchboard.channels.http;

import dev.switchboard.channels.http.PlatformException.Kind;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Google APIs' semantics (Blogger, YouTube Data...): the error body {@code
 * {"error":{"code","message","errors":[{"reason"}]}}}; 429 and 403 with reason {@code
 * rateLimitExceeded} or {@code userRateLimitExceeded} are rate limits (wait, retry); 403 {@code
 * quotaExceeded}/{@code dailyLimitExceeded} is a rate limit that will not lift within a call, so it
 * carries a one-hour wait and the caller reschedules; 5xx and {@code backendError} are retryable.
 * The first reason becomes the error code.
 */
public class GoogleApiRules extends HttpRules {

  /** Reasons that mean "slow down". */
  public static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");

  /** Reasons that mean "no more calls today": retried much later, never inside one call. */
  public static final Set<String> QUOTA_REASONS = Set.of("quotaExceeded", "dailyLimitExceeded");

  /** How long a spent daily quota holds a caller off before it tries again. */
  public static final Duration QUOTA_WAIT = Duration.ofHours(1);

  /**
   * Google API rules under the platform name {@code platform} ({@code blogger}, {@code youtube}).
   */
  public GoogleApiRules(String platform) {
    super(platform);
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    Duration wait = retryAfter(response, clock).orElse(null);
    Optional<JsonNode> error =
        Json.parse(response.body())
            .map(body -> Json.child(body, "error"))
            .filter(JsonNode::isObject);
    String message = error.map(e -> Json.text(e, "message")).orElse(null);
    String reason = error.map(GoogleApiRules::firstReason).orElse(null);
    Kind kind;
    if (response.status() == 429 || (reason != null && RATE_LIMIT_REASONS.contains(reason))) {
      kind = Kind.RATE_LIMITED;
    } else if (reason != null && QUOTA_REASONS.contains(reason)) {
      kind = Kind.RATE_LIMITED;
      wait = wait == null ? QUOTA_WAIT : wait;
    } else if ("backendError".equals(reason)) {
      kind = Kind.RETRYABLE;
    } else {
      kind = kindOf(response.status());
    }
    return new PlatformException(kind, platform(), response.status(), reason, message, wait, null);
  }

  private static String firstReason(JsonNode error) {
    JsonNode errors = Json.child(error, "errors");
    if (errors == null || !errors.isArray()) {
      return null;
    }
    for (JsonNode e : errors.values()) {
      String reason = Json.text(e, "reason");
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }
}
