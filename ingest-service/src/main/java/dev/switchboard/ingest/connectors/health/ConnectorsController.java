package dev.switchboard.ingest.connectors.health;

import dev.switchboard.ingest.connectors.ConnectorGroup;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/** {@code GET /api/connectors}: each connector's health, for the ops board. */
@Controller("/api/connectors")
public class ConnectorsController {

  /**
   * One connector.
   *
   * @param id {@code <channel>:<name>}
   * @param polled whether it is polled (a Page without a token is not)
   * @param lastSuccess when a poll last completed, null before
   * @param lagSeconds now minus the newest item published, null before
   * @param eventsPublished events acknowledged by Kafka since start
   * @param eventsPerSecond events per second since its first event
   * @param malformed items or answers skipped since start
   * @param errors polls that stopped on an error since start
   * @param lastError the kind of the last error, null once a poll succeeded
   * @param rateLimitHeadroomPercent what is left of the platform's rate limit, null if unknown
   * @param circuit the platform circuit's state
   */
  @Serdeable
  public record ConnectorView(
      String id,
      boolean polled,
      Instant lastSuccess,
      Long lagSeconds,
      long eventsPublished,
      double eventsPerSecond,
      long malformed,
      long errors,
      String lastError,
      Double rateLimitHeadroomPercent,
      String circuit) {}

  private final ConnectorHealth health;
  private final List<ConnectorGroup> groups;
  private final Clock clock;

  /** The controller, over every platform's configured accounts. */
  public ConnectorsController(ConnectorHealth health, List<ConnectorGroup> groups, Clock clock) {
    this.health = health;
    this.groups = groups.stream().sorted(Comparator.comparing(ConnectorGroup::platform)).toList();
    this.clock = clock;
  }

  /** Every configured connector, with or without activity. */
  @Get
  @Produces(MediaType.APPLICATION_JSON)
  public List<ConnectorView> connectors() {
    Instant now = clock.instant();
    List<ConnectorView> views = new ArrayList<>();
    for (ConnectorGroup group : groups) {
      OptionalDouble headroom = group.rateLimitHeadroomPercent();
      List<String> polled = group.names();
      for (String name : group.allNames()) {
        views.add(
            view(
                group.platform() + ":" + name,
                group.pollingEnabled() && polled.contains(name),
                headroom.isPresent() ? headroom.getAsDouble() : null,
                group.circuitState(name),
                now));
      }
    }
    return views;
  }

  /** The view of connector {@code id} from its health state, zeros before any activity. */
  private ConnectorView view(
      String id, boolean polled, Double headroom, String circuit, Instant now) {
    ConnectorHealth.State state = health.states().get(id);
    if (state == null) {
      return new ConnectorView(id, polled, null, null, 0, 0, 0, 0, null, headroom, circuit);
    }
    Instant newest = state.newestItem.get();
    return new ConnectorView(
        id,
        polled,
        state.lastSuccess.get(),
        newest == null ? null : Math.max(0, java.time.Duration.between(newest, now).toSeconds()),
        state.events.get(),
        ConnectorHealth.rate(state, now),
        state.malformed.get(),
        state.errors.get(),
        state.lastError.get(),
        headroom,
        circuit);
  }
}
