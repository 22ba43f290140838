package dev.switchboard.channels.http;

import dev.switchboard.channels.http.PlatformException.Kind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One platform's HTTP access with the rules of channels/README.md: retries with exponential backoff
 * and jitter, never shorter than the platform's own {@code Retry-After} or rate-limit wait; no
 * retry of a 4xx retrying cannot fix; one circuit breaker for the platform; typed {@link
 * PlatformException}s; the rate-limit headroom of the last answer. Build one per platform and share
 * it among that platform's accounts, so its circuit sees every call.
 *
 * <p>Why not resilience4j's {@code Retry}: it sleeps on the calling thread with no way to inject
 * the wait, and the wait here depends on the failed answer. resilience4j supplies the backoff
 * function and the circuit breaker (on the injected clock); the loop is ours.
 */
public final class PlatformHttp implements AutoCloseable {

  private final Transport transport;
  private final PlatformRules rules;
  private final ResilienceSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;
  private final CircuitBreaker circuit;
  private final IntervalFunction backoff;
  private final AtomicReference<RateLimitHeadroom> headroom = new AtomicReference<>();

  /** A client over {@code transport}; tests pass a scripted transport, sleeper and clock. */
  public PlatformHttp(
      Transport transport,
      PlatformRules rules,
      ResilienceSettings settings,
      Sleeper sleeper,
      Clock clock) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            settings.initialBackoff(),
            settings.multiplier(),
            settings.jitter(),
            settings.maxBackoff());
    this.circuit =
        CircuitBreaker.of(
            rules.platform(),
            CircuitBreakerConfig.custom()
                .clock(clock)
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindow(
                    settings.slidingWindowSize(),
                    settings.minimumCalls(),
                    CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(settings.openDuration())
                // Only the platform's own trouble opens the circuit: a bad token or a rate limit
                // says nothing about whether the platform is up.
                .recordException(
                    e -> e instanceof PlatformException p && p.kind() == Kind.RETRYABLE)
                .build());
  }

  /**
   * A production client for {@code baseUrl}: micronaut-http-client with the settings' timeouts,
   * real sleeping, the system clock.
   */
  public static PlatformHttp create(URL baseUrl, PlatformRules rules, ResilienceSettings settings) {
    return new PlatformHttp(
        new MicronautTransport(baseUrl, settings.connectTimeout(), settings.readTimeout()),
        rules,
        settings,
        Sleeper.threadSleep(),
        Clock.systemUTC());
  }

  /** {@code GET pathAndQuery}: a 2xx answer, after the retries the rules allow. */
  public PlatformResponse get(String pathAndQuery, Map<String, String> headers) {
    return execute("GET", pathAndQuery, headers);
  }

  /**
   * Sends the request until it gives a 2xx answer, fails permanently, runs out of attempts or meets
   * a wait longer than {@code maxRetryAfter}.
   *
   * @throws PlatformException the last failure, typed
   */
  public PlatformResponse execute(String method, String pathAndQuery, Map<String, String> headers) {
    return execute(method, pathAndQuery, headers, null);
  }

  /**
   * {@link #execute(String, String, Map)} with a request body (null: none), whose {@code
   * Content-Type} is one of {@code headers}.
   */
  public PlatformResponse execute(
      String method, String pathAndQuery, Map<String, String> headers, String body) {
    for (int attempt = 1; ; attempt++) {
      PlatformException failure;
      if (!circuit.tryAcquirePermission()) {
        throw new PlatformException(
            Kind.RETRYABLE,
            rules.platform(),
            0,
            PlatformException.CIRCUIT_OPEN,
            "the circuit is open after repeated failures",
            settings.openDuration(),
            null);
      }
      long started = clock.millis();
      try {
        PlatformResponse response = transport.send(method, pathAndQuery, headers, body);
        observeHeadroom(response);
        if (response.successful()) {
          circuit.onSuccess(clock.millis() - started, TimeUnit.MILLISECONDS);
          return response;
        }
        failure = rules.errorFor(response, clock);
      } catch (Transport.TransportException e) {
        failure =
            new PlatformException(
                Kind.RETRYABLE,
                rules.platform(),
                0,
                e.timeout() ? "timeout" : "connection",
                e.getMessage(),
                null,
                e);
      }
      circuit.onError(clock.millis() - started, TimeUnit.MILLISECONDS, failure);
      Optional<Duration> wait = waitBefore(attempt + 1, failure);
      if (wait.isEmpty()) {
        throw failure;
      }
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  /**
   * How long to wait before attempt {@code next}, or empty when there must be none: the failure is
   * not retryable, the attempts are used up, or the platform asks for a longer wait than we hold a
   * caller for.
   */
  Optional<Duration> waitBefore(int next, PlatformException failure) {
    if (!failure.retryable() || next > settings.maxAttempts()) {
      return Optional.empty();
    }
    Duration computed = Duration.ofMillis(backoff.apply(next - 1));
    if (failure.retryAfter().isEmpty()) {
      return Optional.of(computed);
    }
    Duration asked = failure.retryAfter().get();
    if (asked.compareTo(settings.maxRetryAfter()) > 0) {
      return Optional.empty();
    }
    return Optional.of(asked.compareTo(computed) > 0 ? asked : computed);
  }

  private void observeHeadroom(PlatformResponse response) {
    OptionalDouble percent = rules.headroomPercent(response);
    if (percent.isPresent()) {
      headroom.set(new RateLimitHeadroom(percent.getAsDouble(), clock.instant()));
    }
  }

  /** The rate-limit headroom the last answer that reported one gave. */
  public Optional<RateLimitHeadroom> headroom() {
    return Optional.ofNullable(headroom.get());
  }

  /** The circuit's state, for health: CLOSED, OPEN, HALF_OPEN... */
  public String circuitState() {
    return circuit.getState().name();
  }

  /** The platform's name. */
  public String platform() {
    return rules.platform();
  }

  @Override
  public void close() throws Exception {
    transport.close();
  }
}
