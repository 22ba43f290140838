package dev.switchboard.classify.remote;

import dev.switchboard.classify.domain.RemoteOpinion;
import dev.switchboard.contracts.LabelName;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trust's model over HTTP: {@code POST <url>} with {@code {"text": "..."}} (and {@code
 * Authorization: Bearer <token>} when a token is set), answered by {@code {"scores": {"abuse":
 * 0.93, ...}}} with label names as the classifier spells them. The whole exchange must finish
 * within the time limit; a slow, failed, refused or unreadable answer is {@link Unavailable}, and
 * after repeated failures a circuit stops calling for a while, so a sick endpoint costs nothing.
 * Never sends or logs anything but the post's text to the configured endpoint.
 */
public final class HttpRemoteOpinion implements RemoteOpinion {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String name;
  private final URI url;
  private final String token;
  private final Duration timeLimit;
  private final HttpClient http;
  private final CircuitBreaker circuit;

  /**
   * A model called {@code name} at {@code url}; {@code token} may be null; {@code timeLimit} bounds
   * each exchange; {@code failuresToOpen} failures in a row open the circuit for {@code openFor}.
   */
  public HttpRemoteOpinion(
      String name,
      URI url,
      String token,
      Duration timeLimit,
      int failuresToOpen,
      Duration openFor) {
    this.name = name;
    this.url = url;
    this.token = token == null || token.isBlank() ? null : token;
    this.timeLimit = timeLimit;
    this.http = HttpClient.newBuilder().connectTimeout(timeLimit).build();
    this.circuit =
        CircuitBreaker.of(
            "remote-model-" + name,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failuresToOpen)
                .minimumNumberOfCalls(failuresToOpen)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(Unavailable.class)
                .build());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Map<LabelName, Double> scores(String text) throws Unavailable {
    try {
      return circuit.executeCheckedSupplier(() -> call(text));
    } catch (CallNotPermittedException e) {
      throw new Unavailable("circuit open after repeated failures");
    } catch (Unavailable e) {
      throw e;
    } catch (Throwable e) {
      throw new Unavailable(e.getClass().getSimpleName());
    }
  }

  /** The circuit's state: CLOSED, OPEN or HALF_OPEN. */
  public String circuitState() {
    return circuit.getState().name();
  }

  private Map<LabelName, Double> call(String text) throws Unavailable {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeLimit)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text))));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new Unavailable("no answer within " + timeLimit.toMillis() + " ms");
    } catch (IOException e) {
      throw new Unavailable("connection failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new Unavailable("HTTP " + response.statusCode());
    }
    return parse(response.body());
  }

  private static Map<LabelName, Double> parse(String body) throws Unavailable {
    JsonNode scores;
    try {
      scores = JSON.readTree(body).get("scores");
    } catch (JacksonException e) {
      throw new Unavailable("the answer is not JSON");
    }
    if (scores == null || !scores.isObject()) {
      throw new Unavailable("the answer has no scores object");
    }
    Map<LabelName, Double> out = new EnumMap<>(LabelName.class);
    for (Map.Entry<String, JsonNode> e : scores.properties()) {
      LabelName label;
      try {
        label = LabelName.valueOf(e.getKey().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        continue; // a label we do not act on
      }
      JsonNode value = e.getValue();
      if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
        throw new Unavailable("score of " + e.getKey() + " is not a number from 0 to 1");
      }
      out.put(label, value.asDouble());
    }
    return out;
  }
}
