package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.facebook.GraphClient;
import dev.switchboard.channels.http.GraphRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.RateLimitHeadroom;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.facebook.FacebookPageConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured Facebook Pages and what their connectors share: one {@link PlatformHttp} (one
 * circuit, one view of the app's rate limit) and one {@link GraphClient}. {@link #create(String)}
 * builds a fresh connector, reading its cursor from Kafka, as a restarted instance would.
 */
@Singleton
public class FacebookConnectors implements ConnectorGroup {

  private final FacebookSettings settings;
  private final Map<String, FacebookPageSettings> pages;
  private final FacebookSecrets secrets;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final PlatformHttp http;
  private final GraphClient graph;
  private final java.time.Duration ackTimeout;

  /** The Pages of the configuration. */
  public FacebookConnectors(
      FacebookSettings settings,
      List<FacebookPageSettings> pages,
      FacebookSecrets secrets,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.ackTimeout = kafka.ackTimeout();
    this.pages =
        pages.stream().collect(Collectors.toMap(FacebookPageSettings::name, Function.identity()));
    this.secrets = secrets;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.http =
        settings.http(
            settings.graphUrl(), "switchboard.connectors.facebook.graph-url", new GraphRules());
    this.graph = new GraphClient(http, settings.graphVersion());
  }

  @Override
  public String platform() {
    return "facebook";
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured Pages that have a token. */
  @Override
  public List<String> names() {
    return pages.keySet().stream().filter(n -> secrets.pageToken(n).isPresent()).sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return pages.keySet().stream()
        .filter(n -> secrets.pageToken(n).isEmpty())
        .collect(Collectors.toMap(n -> n, FacebookSecrets::tokenVariable));
  }

  /** Whether {@code pageId} is one of the configured Pages. */
  public boolean watches(String pageId) {
    return pages.values().stream().anyMatch(p -> p.pageId().equals(pageId));
  }

  /** A new connector for the Page {@code name}, its cursor read from the cursor topic now. */
  @Override
  public FacebookPageConnector create(String name) {
    FacebookPageSettings page = pages.get(name);
    if (page == null) {
      throw new IllegalArgumentException("no Facebook Page configured as " + name);
    }
    String token =
        secrets
            .pageToken(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(FacebookSecrets.tokenVariable(name) + " is not set"));
    return new FacebookPageConnector(
        name,
        page.pageId(),
        token,
        graph,
        sink,
        cursors,
        listener,
        new FacebookPageConnector.Settings(
            settings.pageSize(), settings.pollInterval(), ackTimeout, page.startFrom()),
        clock);
  }

  @Override
  public OptionalDouble rateLimitHeadroomPercent() {
    Optional<RateLimitHeadroom> headroom = http.headroom();
    return headroom.isPresent()
        ? OptionalDouble.of(headroom.get().remainingPercent())
        : OptionalDouble.empty();
  }

  /** The Graph circuit's state; every Page shares it. */
  @Override
  public String circuitState(String name) {
    return http.circuitState();
  }

  /** Polling settings. */
  public FacebookSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }
}
