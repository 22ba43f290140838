package dev.switchboard.channels.careopinion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformException.Kind;
import dev.switchboard.channels.http.PlatformResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CareOpinionRulesTest {

  private final CareOpinionRules rules = new CareOpinionRules();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);

  private PlatformException error(int status, Map<String, List<String>> headers, String body) {
    return rules.errorFor(new PlatformResponse(status, headers, body), clock);
  }

  @Test
  void aRefusedKeyOrAMissingPermissionIsNeverRetried() {
    assertThat(error(401, Map.of(), "").kind()).isEqualTo(Kind.PERMANENT);
    PlatformException forbidden =
        error(403, Map.of(), "{\"message\":\"Subscription has expired\"}");
    assertThat(forbidden.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(forbidden.platformMessage()).contains("Subscription has expired");
    PlatformException redirect =
        error(302, Map.of("Location", List.of("/account/login")), "<html>Object moved</html>");
    assertThat(redirect.kind()).isEqualTo(Kind.PERMANENT);
    assertThat(redirect.retryable()).isFalse();
    assertThat(redirect.errorCode()).contains(CareOpinionRules.INVALID_KEY);
    assertThat(error(404, Map.of(), "{\"Message\":\"No HTTP resource\"}").platformMessage())
        .contains("No HTTP resource");
  }

  @Test
  void aRateLimitWaitsAsAskedAndServerTroubleIsRetried() {
    PlatformException limited = error(429, Map.of("Retry-After", List.of("3")), "");
    assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3));
    PlatformException dated =
        error(429, Map.of("Retry-After", List.of("Wed, 25 Nov 2026 15:00:10 GMT")), "");
    assertThat(dated.retryAfter()).contains(Duration.ofSeconds(10));
    assertThat(error(503, Map.of(), "not json").kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(error(408, Map.of(), "").kind()).isEqualTo(Kind.RETRYABLE);
    assertThat(error(400, Map.of(), "").kind()).isEqualTo(Kind.PERMANENT);
  }
}
