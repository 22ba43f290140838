package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.feeds.FeedClient;
import dev.switchboard.channels.http.HttpRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.feeds.FeedConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured feeds. Each has its own {@link PlatformHttp} (feeds live on unrelated sites, so
 * one site's trouble must not open another's circuit). {@link #create(String)} builds a fresh
 * connector, reading its cursor from Kafka, as a restarted instance would.
 */
@Singleton
public class FeedConnectors implements ConnectorGroup {

  private record Feed(PlatformHttp http, String pathAndQuery) {}

  private final RssSettings settings;
  private final Map<String, Feed> feeds = new TreeMap<>();
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final Duration ackTimeout;

  /** The feeds of the configuration. */
  public FeedConnectors(
      RssSettings settings,
      List<FeedSettings> feeds,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.ackTimeout = kafka.ackTimeout();
    ResilienceSettings resilience = settings.resilience();
    for (FeedSettings feed : feeds) {
      URI uri;
      try {
        uri = URI.create(feed.url());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          throw new IllegalArgumentException("not http(s)");
        }
        String path =
            uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        PlatformHttp http =
            PlatformHttp.create(
                URI.create(uri.getScheme() + "://" + uri.getRawAuthority()).toURL(),
                new HttpRules("rss"),
                resilience);
        this.feeds.put(feed.name(), new Feed(http, pathAndQuery));
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "switchboard.connectors.feeds." + feed.name() + ".url is not an http(s) URL", e);
      }
    }
  }

  @Override
  public String platform() {
    return "rss";
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured feeds; a feed needs no credential. */
  @Override
  public List<String> names() {
    return feeds.keySet().stream().sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return Map.of();
  }

  /** A new connector for the feed {@code name}, its cursor read from the cursor topic now. */
  @Override
  public FeedConnector create(String name) {
    Feed feed = feeds.get(name);
    if (feed == null) {
      throw new IllegalArgumentException("no feed configured as " + name);
    }
    return new FeedConnector(
        name,
        feed.pathAndQuery(),
        new FeedClient(feed.http()),
        sink,
        cursors,
        listener,
        new FeedConnector.Settings(settings.chunkSize(), settings.pollInterval(), ackTimeout),
        clock);
  }

  /** The circuit state of feed {@code name}; each feed has its own. */
  @Override
  public String circuitState(String name) {
    return feeds.get(name).http().circuitState();
  }

  /** Polling settings. */
  public RssSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    for (Feed feed : feeds.values()) {
      feed.http().close();
    }
  }
}
