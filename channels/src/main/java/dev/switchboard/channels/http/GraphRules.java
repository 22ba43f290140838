package dev.switchboard.channels.http;

import dev.switchboard.channels.http.PlatformException.Kind;
import io.micronaut.json.tree.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The Facebook Graph API's semantics. Graph signals throttling in the error body, usually with HTTP
 * 400 or 403, not with 429: codes 4 (app), 17 (user), 32 (Page), 613 (custom) and the Business Use
 * Case codes 80000–80014; the wait is {@code estimated_time_to_regain_access} (minutes) in {@code
 * X-Business-Use-Case-Usage}. Codes 1 and 2 and {@code is_transient: true} are worth retrying.
 * Headroom is 100 minus the highest percentage any of {@code X-App-Usage}, {@code X-Page-Usage} and
 * {@code X-Business-Use-Case-Usage} reports.
 */
public final class GraphRules extends HttpRules {

  /** Graph error codes that mean "too many calls". */
  public static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);

  private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2);
  private static final String[] USAGE_FIELDS = {"call_count", "total_cputime", "total_time"};

  /** Graph rules under the platform name {@code facebook}. */
  public GraphRules() {
    this("facebook");
  }

  /**
   * Graph rules under another platform name, for an API Graph serves with the same errors and usage
   * headers (Instagram), so that platform gets its own circuit and its own name in metrics.
   */
  public GraphRules(String platform) {
    super(platform);
  }

  @Override
  public PlatformException errorFor(PlatformResponse response, Clock clock) {
    Optional<JsonNode> error = Json.parse(response.body()).map(body -> Json.child(body, "error"));
    Duration wait = regainAccess(response).or(() -> retryAfter(response, clock)).orElse(null);
    if (error.isEmpty() || !error.get().isObject()) {
      return new PlatformException(
          kindOf(response.status()), platform(), response.status(), null, null, wait, null);
    }
    JsonNode body = error.get();
    Integer code = integer(Json.text(body, "code"));
    String subcode = Json.text(body, "error_subcode");
    String message = Json.text(body, "message");
    String errorCode =
        code == null ? null : subcode == null ? code.toString() : code + "/" + subcode;
    Kind kind;
    if (response.status() == 429
        || (code != null
            && (RATE_LIMIT_CODES.contains(code) || (code >= 80000 && code <= 80014)))) {
      kind = Kind.RATE_LIMITED;
    } else if ((code != null && TRANSIENT_CODES.contains(code))
        || "true".equals(Json.text(body, "is_transient"))
        || response.status() >= 500) {
      kind = Kind.RETRYABLE;
    } else {
      kind = kindOf(response.status());
    }
    return new PlatformException(
        kind, platform(), response.status(), errorCode, message, wait, null);
  }

  @Override
  public OptionalDouble headroomPercent(PlatformResponse response) {
    double used = -1;
    for (String header : new String[] {"X-App-Usage", "X-Page-Usage"}) {
      Optional<JsonNode> usage = response.header(header).flatMap(Json::parse);
      if (usage.isPresent()) {
        used = Math.max(used, highestPercent(usage.get()));
      }
    }
    Optional<JsonNode> business = response.header("X-Business-Use-Case-Usage").flatMap(Json::parse);
    if (business.isPresent() && business.get().isObject()) {
      for (Map.Entry<String, JsonNode> entry : business.get().entries()) {
        if (entry.getValue().isArray()) {
          for (JsonNode useCase : entry.getValue().values()) {
            used = Math.max(used, highestPercent(useCase));
          }
        }
      }
    }
    return used < 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.max(0, 100 - used));
  }

  /** The longest {@code estimated_time_to_regain_access} (minutes) in the business usage header. */
  private static Optional<Duration> regainAccess(PlatformResponse response) {
    Optional<JsonNode> business = response.header("X-Business-Use-Case-Usage").flatMap(Json::parse);
    if (business.isEmpty() || !business.get().isObject()) {
      return Optional.empty();
    }
    long minutes = 0;
    for (Map.Entry<String, JsonNode> entry : business.get().entries()) {
      if (entry.getValue().isArray()) {
        for (JsonNode useCase : entry.getValue().values()) {
          Integer regain = integer(Json.text(useCase, "estimated_time_to_regain_access"));
          if (regain != null) {
            minutes = Math.max(minutes, regain);
          }
        }
      }
    }
    return minutes > 0 ? Optional.of(Duration.ofMinutes(minutes)) : Optional.empty();
  }

  private static double highestPercent(JsonNode usage) {
    double highest = -1;
    for (String field : USAGE_FIELDS) {
      Integer value = integer(Json.text(usage, field));
      if (value != null) {
        highest = Math.max(highest, value);
      }
    }
    return highest;
  }

  private static Integer integer(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
