package dev.switchboard.channels.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.PlatformException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformHttpTest {

  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
  private static final String OK = "{\"data\":[]}";

  private final SteppedClock clock = new SteppedClock(START);
  private final List<Duration> waits = new ArrayList<>();
  private final Deque<Object> script = new ArrayDeque<>();
  private int sent;

  private final Transport transport =
      (method, path, headers, body) -> {
        sent++;
        Object next = script.isEmpty() ? response(200, OK, Map.of()) : script.poll();
        if (next instanceof Transport.TransportException e) {
          throw e;
        }
        return (PlatformResponse) next;
      };

  private final Sleeper sleeper =
      duration -> {
        waits.add(duration);
        clock.step(duration);
      };

  private PlatformHttp http(PlatformRules rules, ResilienceSettings settings) {
    return new PlatformHttp(transport, rules, settings, sleeper, clock);
  }

  private static PlatformResponse response(int status, String body, Map<String, String> headers) {
    Map<String, List<String>> multi = new java.util.HashMap<>();
    headers.forEach((k, v) -> multi.put(k, List.of(v)));
    return new PlatformResponse(status, multi, body);
  }

  private static String graphError(int code) {
    return "{\"error\":{\"message\":\"(#"
        + code
        + ") limit\",\"type\":\"OAuthException\",\"code\":"
        + code
        + ",\"fbtrace_id\":\"AbC\"}}";
  }

  @Test
  void retriesA5xxWithGrowingJitteredBackoffThenSucceeds() {
    script.add(response(500, "", Map.of()));
    script.add(response(502, "", Map.of()));
    script.add(response(503, "", Map.of()));

    PlatformResponse answer =
        http(new HttpRules("test"), ResilienceSettings.defaults()).get("/x", Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(sent).isEqualTo(4);
    // 1 s, 2 s, 4 s, each ±50%.
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(6000));
  }

  @Test
  void jitterSpreadsTheWaitsOfManyClients() {
    List<Duration> firstWaits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      waits.clear();
      script.add(response(503, "", Map.of()));
      http(new HttpRules("test"), ResilienceSettings.defaults()).get("/x", Map.of());
      firstWaits.add(waits.get(0));
    }
    assertThat(firstWaits.stream().distinct().count()).isGreaterThan(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void neverRetriesA4xxThatIsNotARateLimit(int status) {
    script.add(response(status, "{}", Map.of()));

    assertThatThrownBy(
            () -> http(new HttpRules("test"), ResilienceSettings.defaults()).get("/x", Map.of()))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.httpStatus()).isEqualTo(status);
            });
    assertThat(sent).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void honoursRetryAfterOnA429() {
    script.add(response(429, "", Map.of("Retry-After", "42")));

    http(new HttpRules("test"), ResilienceSettings.defaults()).get("/x", Map.of());

    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(42));
    assertThat(sent).isEqualTo(2);
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredFromTheClock() {
    script.add(response(429, "", Map.of("Retry-After", "Wed, 25 Nov 2026 10:01:30 GMT")));

    http(new HttpRules("test"), ResilienceSettings.defaults()).get("/x", Map.of());

    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aWaitLongerThanTheLimitIsHandedToTheCallerInsteadOfBlocking() {
    script.add(response(429, "", Map.of("Retry-After", "3600")));

    assertThatThrownBy(
            () -> http(new HttpRules("test"), ResilienceSettings.defaults()).get("/x", Map.of()))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).hasValue(Duration.ofHours(1));
            });
    assertThat(waits).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 17, 32, 613, 80001})
  void graphRateLimitCodesOnA400AreRateLimitsAndRetried(int code) {
    script.add(response(400, graphError(code), Map.of()));

    PlatformResponse answer =
        http(new GraphRules(), ResilienceSettings.defaults()).get("/x", Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(sent).isEqualTo(2);
  }

  @Test
  void graphBusinessUseCaseWaitIsHonoured() {
    script.add(
        response(
            403,
            graphError(32),
            Map.of(
                "X-Business-Use-Case-Usage",
                "{\"123\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,"
                    + "\"total_time\":30,\"estimated_time_to_regain_access\":2}]}")));

    http(new GraphRules(), ResilienceSettings.defaults()).get("/x", Map.of());

    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void graphErrorsAreTypedWithCodeAndMessage() {
    script.add(
        response(
            400,
            "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\","
                + "\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"x\"}}",
            Map.of()));

    assertThatThrownBy(
            () -> http(new GraphRules(), ResilienceSettings.defaults()).get("/x", Map.of()))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
              assertThat(e.errorCode()).hasValue("190/463");
              assertThat(e.platformMessage()).hasValue("Error validating access token");
              assertThat(e.platform()).isEqualTo("facebook");
            });
    assertThat(sent).isEqualTo(1);
  }

  @Test
  void graphTransientErrorsAreRetried() {
    script.add(
        response(
            400,
            "{\"error\":{\"message\":\"temporary\",\"code\":2,\"is_transient\":true}}",
            Map.of()));

    assertThat(http(new GraphRules(), ResilienceSettings.defaults()).get("/x", Map.of()).status())
        .isEqualTo(200);
  }

  @Test
  void graphHeadroomIsTheLeastLeftOfAllUsageHeaders() {
    script.add(
        response(
            200,
            OK,
            Map.of(
                "X-App-Usage",
                "{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}",
                "X-Business-Use-Case-Usage",
                "{\"123\":[{\"type\":\"pages\",\"call_count\":70,\"total_cputime\":5,"
                    + "\"total_time\":5,\"estimated_time_to_regain_access\":0}]}")));
    PlatformHttp http = http(new GraphRules(), ResilienceSettings.defaults());

    http.get("/x", Map.of());

    assertThat(http.headroom())
        .hasValueSatisfying(
            h -> {
              assertThat(h.remainingPercent()).isEqualTo(30.0);
              assertThat(h.observedAt()).isEqualTo(START);
            });
  }

  @Test
  void xWaitsUntilTheRateLimitResetsAndReportsHeadroom() {
    long reset = START.plusSeconds(120).getEpochSecond();
    script.add(
        response(
            429,
            "{\"title\":\"Too Many Requests\"}",
            Map.of(
                "x-rate-limit-limit", "75",
                "x-rate-limit-remaining", "0",
                "x-rate-limit-reset", Long.toString(reset))));
    PlatformHttp http = http(new XRules(), ResilienceSettings.defaults());

    http.get("/2/users/1/mentions", Map.of());

    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
    // The successful answer carried no headers: the 429's zero stays the last known headroom.
    assertThat(http.headroom()).hasValueSatisfying(h -> assertThat(h.remainingPercent()).isZero());
  }

  @Test
  void timeoutsAndConnectionFailuresAreRetriedThenReportedAsRetryable() {
    for (int i = 0; i < 5; i++) {
      script.add(new Transport.TransportException("read timeout", true, null));
    }

    assertThatThrownBy(
            () -> http(new HttpRules("test"), ResilienceSettings.defaults()).get("/x", Map.of()))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RETRYABLE);
              assertThat(e.errorCode()).hasValue("timeout");
            });
    assertThat(sent).isEqualTo(5);
    assertThat(waits).hasSize(4);
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndClosesAfterTheWaitOnTheClock() {
    ResilienceSettings settings =
        ResilienceSettings.defaults()
            .withRetry(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5))
            .withCircuit(50f, 4, 4, Duration.ofSeconds(60));
    PlatformHttp http = http(new HttpRules("test"), settings);
    for (int i = 0; i < 4; i++) {
      script.add(response(503, "", Map.of()));
      assertThatThrownBy(() -> http.get("/x", Map.of())).isInstanceOf(PlatformException.class);
    }
    assertThat(http.circuitState()).isEqualTo("OPEN");

    assertThatThrownBy(() -> http.get("/x", Map.of()))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> assertThat(e.errorCode()).hasValue(PlatformException.CIRCUIT_OPEN));
    assertThat(sent).isEqualTo(4);

    clock.step(Duration.ofSeconds(61));
    assertThat(http.get("/x", Map.of()).status()).isEqualTo(200);
    assertThat(sent).isEqualTo(5);
  }

  @Test
  void permanentErrorsAndRateLimitsDoNotOpenTheCircuit() {
    ResilienceSettings settings =
        ResilienceSettings.defaults()
            .withRetry(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5))
            .withCircuit(50f, 4, 4, Duration.ofSeconds(60));
    PlatformHttp http = http(new GraphRules(), settings);
    for (int i = 0; i < 8; i++) {
      script.add(response(i % 2 == 0 ? 401 : 400, graphError(i % 2 == 0 ? 190 : 4), Map.of()));
      assertThatThrownBy(() -> http.get("/x", Map.of())).isInstanceOf(PlatformException.class);
    }
    assertThat(http.circuitState()).isEqualTo("CLOSED");
  }
}
