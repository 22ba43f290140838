package dev.switchboard.channels.http;

import dev.switchboard.channels.http.PlatformException.Kind;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Google APIs' semantics (YouTube Data API, Blogger API, Business Profile...): errors are {@code
 * {"error":{"code","message","errors":[{"reason","domain"}]}}}, or in newer APIs {@code
 * {"error":{"code","message","status","details":[{"@type":"...ErrorInfo","reason"}]}}} (the
 * ErrorInfo reason, else the status, is then the error code); 429 and 403 with reason {@code
 * rateLimitExceeded}/{@code userRateLimitExceeded} are rate limits (wait {@code Retry-After} or
 * back off); 403 {@code quotaExceeded}/{@code dailyLimitExceeded} means the project's daily quota
 * is spent, which resets at midnight Pacific time, so the wait runs until then; 5xx and {@code
 * backendError} are retryable; every other 4xx is permanent.
 */
public final class GoogleApiRules extends HttpRules {

  /** The zone whose midnight resets the daily quota of Google APIs. */
  public static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

  /** Reasons that mean "too many requests for now": back off and retry. */
  static final Set<String> RATE_LIMIT_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");

  /** Reasons that mean the day's quota is spent: wait for the Pacific midnight. */
  static final Set<String> QUOTA_REASONS = Set.of("quotaExceeded", "dailyLimitExceeded");

  /**
   * Google API rules under the platform name {@code platform} ({@code youtube}, {@code blogger}).
   */
  public GoogleApiRules(String platform) {
    super(platform);
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    Optional<JsonNode> error = Json.parse(response.body()).map(body -> Json.child(body, "error"));
    String reason = null;
    String message = null;
    if (error.isPresent() && error.get().isObject()) {
      message = Json.text(error.get(), "message");
      JsonNode errors = Json.child(error.get(), "errors");
      if (errors != null && errors.isArray() && errors.size() > 0) {
        reason = Json.text(errors.get(0), "reason");
      }
      if (reason == null) {
        // Newer Google APIs (Business Profile...) send google.rpc.Status: no errors[], a
        // canonical status and maybe an ErrorInfo detail with the precise reason.
        reason = errorInfoReason(Json.child(error.get(), "details"));
      }
      if (reason == null) {
        reason = Json.text(error.get(), "status");
      }
    }
    Duration wait = retryAfter(response, clock).orElse(null);
    Kind kind;
    if (reason != null && QUOTA_REASONS.contains(reason)) {
      kind = Kind.RATE_LIMITED;
      // Retrying before the reset only spends requests on the same refusal.
      wait = untilQuotaReset(clock);
    } else if (response.status() == 429
        || (reason != null && RATE_LIMIT_REASONS.contains(reason))) {
      kind = Kind.RATE_LIMITED;
    } else if ("backendError".equals(reason) || response.status() >= 500) {
      kind = Kind.RETRYABLE;
    } else {
      kind = kindOf(response.status());
    }
    return new PlatformException(kind, platform(), response.status(), reason, message, wait, null);
  }

  private static String errorInfoReason(JsonNode details) {
    if (details == null || !details.isArray()) {
      return null;
    }
    for (JsonNode detail : details.values()) {
      String type = Json.text(detail, "@type");
      if (type != null && type.endsWith("google.rpc.ErrorInfo")) {
        return Json.text(detail, "reason");
      }
    }
    return null;
  }

  @Override
  public OptionalDouble headroomPercent(PlatformResponse response) {
    // Google reports no quota headers; the quota is only visible in the Cloud console.
    return OptionalDouble.empty();
  }

  /** The time from {@code clock}'s now until the next midnight in Pacific time. */
  public static Duration untilQuotaReset(Clock clock) {
    ZonedDateTime now = clock.instant().atZone(QUOTA_ZONE);
    LocalDate tomorrow = now.toLocalDate().plusDays(1);
    return Duration.between(now, tomorrow.atStartOfDay(QUOTA_ZONE));
  }
}
