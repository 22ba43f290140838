package dev.switchboard.ingest.connectors.health;

import dev.switchboard.channels.http.RateLimitHeadroom;
import dev.switchboard.ingest.connectors.config.BloggerConnectors;
import dev.switchboard.ingest.connectors.config.FacebookConnectors;
import dev.switchboard.ingest.connectors.config.FeedConnectors;
import dev.switchboard.ingest.connectors.config.WordPressConnectors;
import dev.switchboard.ingest.connectors.config.YouTubeConnectors;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
  private final FacebookConnectors facebook;
  private final WordPressConnectors wordpress;
  private final BloggerConnectors blogger;
  private final YouTubeConnectors youtube;
  private final FeedConnectors feeds;
  private final Clock clock;

  /** The controller. */
  public ConnectorsController(
      ConnectorHealth health,
      FacebookConnectors facebook,
      WordPressConnectors wordpress,
      BloggerConnectors blogger,
      YouTubeConnectors youtube,
      FeedConnectors feeds,
      Clock clock) {
    this.health = health;
    this.feeds = feeds;
    this.facebook = facebook;
    this.wordpress = wordpress;
    this.blogger = blogger;
    this.youtube = youtube;
    this.clock = clock;
  }

  /** Every configured connector, with or without activity. */
  @Get
  @Produces(MediaType.APPLICATION_JSON)
  public List<ConnectorView> connectors() {
    Instant now = clock.instant();
    Double headroom = facebook.headroom().map(RateLimitHeadroom::remainingPercent).orElse(null);
    List<ConnectorView> views = new ArrayList<>();
    List<String> names = new ArrayList<>(facebook.names());
    names.addAll(facebook.namesWithoutToken());
    for (String name : names.stream().sorted().toList()) {
      String id = "facebook:" + name;
      ConnectorHealth.State state = health.states().get(id);
      boolean polled = facebook.settings().pollingEnabled() && facebook.names().contains(name);
      if (state == null) {
        views.add(
            new ConnectorView(
                id, polled, null, null, 0, 0, 0, 0, null, headroom, facebook.circuitState()));
        continue;
      }
      Instant newest = state.newestItem.get();
      views.add(
          new ConnectorView(
              id,
              polled,
              state.lastSuccess.get(),
              newest == null
                  ? null
                  : Math.max(0, java.time.Duration.between(newest, now).toSeconds()),
              state.events.get(),
              ConnectorHealth.rate(state, now),
              state.malformed.get(),
              state.errors.get(),
              state.lastError.get(),
              headroom,
              facebook.circuitState()));
    }
    List<String> blogs = new ArrayList<>(wordpress.names());
    blogs.addAll(wordpress.namesWithoutPassword());
    for (String name : blogs.stream().sorted().toList()) {
      boolean polled = wordpress.settings().pollingEnabled() && wordpress.names().contains(name);
      // WordPress reports no rate-limit headroom; each blog has its own circuit.
      views.add(view("wordpress:" + name, polled, null, wordpress.circuitState(name), now));
    }
    List<String> bloggerBlogs = new ArrayList<>(blogger.names());
    bloggerBlogs.addAll(blogger.namesWithoutCredential());
    for (String name : bloggerBlogs.stream().sorted().toList()) {
      boolean polled = blogger.settings().pollingEnabled() && blogger.names().contains(name);
      views.add(view("blogger:" + name, polled, null, blogger.circuitState(), now));
    }
    List<String> channels = new ArrayList<>(youtube.names());
    channels.addAll(youtube.namesWithoutToken());
    for (String name : channels.stream().sorted().toList()) {
      boolean polled = youtube.settings().pollingEnabled() && youtube.names().contains(name);
      views.add(view("youtube:" + name, polled, null, youtube.circuitState(), now));
    }
    for (String name : feeds.names()) {
      views.add(
          view(
              "rss:" + name,
              feeds.settings().pollingEnabled(),
              null,
              feeds.circuitState(name),
              now));
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
