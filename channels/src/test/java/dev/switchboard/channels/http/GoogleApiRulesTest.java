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

/** How Google API error answers are typed. */
class GoogleApiRulesTest {

  private final GoogleApiRules rules = new GoogleApiRules("blogger");
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void rateLimitReasonsOn403AreRateLimits() {
    PlatformException e = rules.errorFor(answer(403, "userRateLimitExceeded"), clock);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.errorCode()).contains("userRateLimitExceeded");
    assertThat(e.platformMessage()).contains("message");
  }

  @Test
  void aSpentDailyQuotaWaitsAnHourSoTheCallerReschedules() {
    PlatformException e = rules.errorFor(answer(403, "quotaExceeded"), clock);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
  }

  @Test
  void aForbiddenWithoutARateReasonIsPermanentAndBackendErrorsRetryable() {
    assertThat(rules.errorFor(answer(403, "forbidden"), clock).kind()).isEqualTo(Kind.PERMANENT);
    assertThat(rules.errorFor(answer(500, "backendError"), clock).kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(rules.errorFor(new PlatformResponse(502, Map.of(), "<html>"), clock).kind())
        .isEqualTo(Kind.RETRYABLE);
  }

  @Test
  void a429HonoursRetryAfter() {
    PlatformResponse response =
        new PlatformResponse(
            429,
            Map.of("Retry-After", List.of("12")),
            "{\"error\":{\"code\":429,\"message\":\"m\",\"errors\":[{\"reason\":\"rateLimitExceeded\"}]}}");

    PlatformException e = rules.errorFor(response, clock);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
  }

  private static PlatformResponse answer(int status, String reason) {
    return new PlatformResponse(
        status,
        Map.of(),
        "{\"error\":{\"code\":"
            + status
            + ",\"message\":\"message\",\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\""
            + reason
            + "\",\"message\":\"message\"}]}}");
  }
}
