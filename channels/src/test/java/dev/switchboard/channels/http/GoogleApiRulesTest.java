package dev.switchboard.channels.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.http.PlatformException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Google API error bodies become the right kind of failure, and a spent quota waits for Pacific
 * midnight.
 */
class GoogleApiRulesTest {

  private final GoogleApiRules rules = new GoogleApiRules("youtube");

  private static PlatformResponse error(
      int status, String reason, Map<String, List<String>> headers) {
    return new PlatformResponse(
        status,
        headers,
        "{\"error\":{\"code\":"
            + status
            + ",\"message\":\"m\",\"errors\":[{\"message\":\"m\",\"domain\":\"d\",\"reason\":\""
            + reason
            + "\"}]}}");
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void aSpentQuotaWaitsUntilMidnightPacificTime() {
    // 15:00 UTC in November is 07:00 PST (UTC-8): 17 hours to go.
    PlatformException e =
        rules.errorFor(error(403, "quotaExceeded", Map.of()), at("2026-11-25T15:00:00Z"));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.errorCode()).contains("quotaExceeded");
    assertThat(e.retryAfter()).contains(Duration.ofHours(17));
    // In July Pacific time is PDT (UTC-7): at 06:59:30 UTC it is 23:59:30 there.
    assertThat(
            rules
                .errorFor(error(403, "quotaExceeded", Map.of()), at("2026-07-01T06:59:30Z"))
                .retryAfter())
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void theQuotaResetFollowsAStepPastMidnight() {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T07:59:00Z"));
    assertThat(GoogleApiRules.untilQuotaReset(clock)).isEqualTo(Duration.ofMinutes(1));
    clock.step(Duration.ofMinutes(2));
    assertThat(GoogleApiRules.untilQuotaReset(clock))
        .isEqualTo(Duration.ofHours(24).minusMinutes(1));
  }

  @Test
  void rateLimitsAreRetriedWithTheirRetryAfter() {
    Clock clock = at("2026-11-25T15:00:00Z");
    PlatformException burst = rules.errorFor(error(403, "rateLimitExceeded", Map.of()), clock);
    assertThat(burst.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(burst.retryAfter()).isEmpty();
    PlatformException tooMany =
        rules.errorFor(error(429, "rateLimitExceeded", Map.of("Retry-After", List.of("7"))), clock);
    assertThat(tooMany.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(tooMany.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(rules.errorFor(new PlatformResponse(429, Map.of(), "busy"), clock).kind())
        .isEqualTo(Kind.RATE_LIMITED);
  }

  @Test
  void otherClientErrorsArePermanentAndServerErrorsRetryable() {
    Clock clock = at("2026-11-25T15:00:00Z");
    assertThat(rules.errorFor(error(403, "forbidden", Map.of()), clock).kind())
        .isEqualTo(Kind.PERMANENT);
    assertThat(rules.errorFor(error(404, "channelNotFound", Map.of()), clock).kind())
        .isEqualTo(Kind.PERMANENT);
    assertThat(rules.errorFor(error(400, "badRequest", Map.of()), clock).kind())
        .isEqualTo(Kind.PERMANENT);
    assertThat(rules.errorFor(error(401, "authError", Map.of()), clock).kind())
        .isEqualTo(Kind.PERMANENT);
    assertThat(rules.errorFor(error(503, "backendError", Map.of()), clock).kind())
        .isEqualTo(Kind.RETRYABLE);
    assertThat(rules.errorFor(new PlatformResponse(502, Map.of(), "<html>"), clock).kind())
        .isEqualTo(Kind.RETRYABLE);
  }

  @Test
  void newerApisStatusBodiesGiveTheErrorInfoReasonOrTheStatus() {
    Clock clock = at("2026-11-25T15:00:00Z");
    PlatformException exhausted =
        rules.errorFor(
            new PlatformResponse(
                429,
                Map.of(),
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\","
                    + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":"
                    + "\"RATE_LIMIT_EXCEEDED\",\"domain\":\"googleapis.com\"}]}}"),
            clock);
    assertThat(exhausted.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(exhausted.errorCode()).contains("RATE_LIMIT_EXCEEDED");
    PlatformException denied =
        rules.errorFor(
            new PlatformResponse(
                403,
                Map.of(),
                "{\"error\":{\"code\":403,\"message\":\"The caller does not have"
                    + " permission\",\"status\":\"PERMISSION_DENIED\"}}"),
            clock);
    assertThat(denied.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(denied.errorCode()).contains("PERMISSION_DENIED");
  }
}
