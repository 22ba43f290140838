package dev.switchboard.ingest.connectors.health;

import dev.switchboard.ingest.connectors.ConnectorListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps each connector's health and exports it: {@code switchboard_connector_events_total}, {@code
 * switchboard_connector_malformed_total}, {@code switchboard_connector_errors_total{kind}}, {@code
 * switchboard_connector_last_success_seconds} and {@code switchboard_connector_lag_seconds} (now
 * minus the creation time of the newest item published), all tagged {@code connector}.
 */
@Singleton
public class ConnectorHealth implements ConnectorListener {

  /** One connector's state as {@code GET /api/connectors} shows it. */
  public static final class State {
    final AtomicLong events = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    final AtomicReference<Instant> newestItem = new AtomicReference<>();
    final AtomicReference<String> lastError = new AtomicReference<>();
    final AtomicReference<Instant> firstEvent = new AtomicReference<>();
  }

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** Health over the service's meter registry. */
  public ConnectorHealth(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  private State state(String id) {
    return states.computeIfAbsent(
        id,
        key -> {
          State state = new State();
          Gauge.builder(
                  "switchboard.connector.last.success.seconds",
                  state,
                  s -> epoch(s.lastSuccess.get()))
              .tag("connector", key)
              .description("When the connector last completed a poll (epoch seconds, NaN before)")
              .register(registry);
          Gauge.builder("switchboard.connector.lag.seconds", state, s -> lag(s))
              .tag("connector", key)
              .description("How far behind the platform: now minus the newest item published")
              .register(registry);
          return state;
        });
  }

  @Override
  public void published(String connectorId, int count, Instant newest) {
    State state = state(connectorId);
    state.events.addAndGet(count);
    state.firstEvent.compareAndSet(null, clock.instant());
    state.newestItem.accumulateAndGet(newest, (a, b) -> a == null || b.isAfter(a) ? b : a);
    Counter.builder("switchboard.connector.events")
        .tag("connector", connectorId)
        .description("Events published and acknowledged by Kafka")
        .register(registry)
        .increment(count);
  }

  @Override
  public void malformed(String connectorId, int count) {
    state(connectorId).malformed.addAndGet(count);
    Counter.builder("switchboard.connector.malformed")
        .tag("connector", connectorId)
        .description("Platform items or answers skipped for not being in the documented shape")
        .register(registry)
        .increment(count);
  }

  @Override
  public void failed(String connectorId, String kind) {
    State state = state(connectorId);
    state.errors.incrementAndGet();
    state.lastError.set(kind);
    Counter.builder("switchboard.connector.errors")
        .tag("connector", connectorId)
        .tag("kind", kind)
        .description("Polls that stopped on an error, by kind")
        .register(registry)
        .increment();
  }

  @Override
  public void succeeded(String connectorId, Instant at) {
    State state = state(connectorId);
    state.lastSuccess.set(at);
    state.lastError.set(null);
  }

  /** The states by connector id. */
  public Map<String, State> states() {
    return Map.copyOf(states);
  }

  /** Events per second since the connector's first event, 0 before. */
  static double rate(State state, Instant now) {
    Instant first = state.firstEvent.get();
    if (first == null) {
      return 0;
    }
    double seconds = Math.max(1, Duration.between(first, now).toSeconds());
    return state.events.get() / seconds;
  }

  private double lag(State state) {
    Instant newest = state.newestItem.get();
    return newest == null
        ? Double.NaN
        : Math.max(0, Duration.between(newest, clock.instant()).toSeconds());
  }

  private static double epoch(Instant instant) {
    return instant == null ? Double.NaN : instant.getEpochSecond();
  }
}
