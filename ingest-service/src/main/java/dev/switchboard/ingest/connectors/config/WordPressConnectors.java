package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.channels.wordpress.WordPressClient;
import dev.switchboard.channels.wordpress.WordPressRules;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.wordpress.WordPressBlogConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The configured WordPress blogs and their HTTP access. Unlike Graph, each blog is its own site on
 * its own host: one {@link PlatformHttp} (and so one circuit) per blog, because one blog being down
 * says nothing about another. {@link #create(String)} builds a fresh connector, reading its cursor
 * from Kafka, as a restarted instance would.
 */
@Singleton
public class WordPressConnectors implements ConnectorGroup {

  private record Blog(WordPressBlogSettings settings, PlatformHttp http, String basePath) {}

  private final WordPressSettings settings;
  private final Map<String, Blog> blogs = new TreeMap<>();
  private final WordPressSecrets secrets;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final Duration ackTimeout;

  /** The blogs of the configuration. */
  public WordPressConnectors(
      WordPressSettings settings,
      List<WordPressBlogSettings> blogs,
      WordPressSecrets secrets,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.secrets = secrets;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.ackTimeout = kafka.ackTimeout();
    ResilienceSettings resilience = settings.resilience();
    for (WordPressBlogSettings blog : blogs) {
      URI base;
      URL host;
      try {
        base = URI.create(blog.baseUrl());
        host = URI.create(base.getScheme() + "://" + base.getRawAuthority()).toURL();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            WordPressSettings.PREFIX + ".blogs." + blog.name() + ".base-url is not a URL", e);
      }
      String path = base.getRawPath() == null ? "" : base.getRawPath();
      this.blogs.put(
          blog.name(),
          new Blog(blog, PlatformHttp.create(host, new WordPressRules(), resilience), path));
    }
  }

  @Override
  public String platform() {
    return "wordpress";
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured blogs that have an application password. */
  @Override
  public List<String> names() {
    return blogs.keySet().stream().filter(n -> secrets.password(n).isPresent()).sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return blogs.keySet().stream()
        .filter(n -> secrets.password(n).isEmpty())
        .collect(Collectors.toMap(n -> n, WordPressSecrets::passwordVariable));
  }

  /** A new connector for the blog {@code name}, its cursor read from the cursor topic now. */
  @Override
  public WordPressBlogConnector create(String name) {
    Blog blog = blogs.get(name);
    if (blog == null) {
      throw new IllegalArgumentException("no WordPress blog configured as " + name);
    }
    String password =
        secrets
            .password(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        WordPressSecrets.passwordVariable(name) + " is not set"));
    return new WordPressBlogConnector(
        name,
        blog.settings().blogId(),
        new WordPressClient(blog.http(), blog.basePath(), blog.settings().user(), password),
        sink,
        cursors,
        listener,
        new WordPressBlogConnector.Settings(
            settings.statuses(),
            settings.pageSize(),
            settings.pollInterval(),
            settings.editWindow(),
            ackTimeout,
            blog.settings().startFrom()),
        clock);
  }

  /** The circuit state of the blog {@code name}'s site; each site has its own. */
  @Override
  public String circuitState(String name) {
    Blog blog = blogs.get(name);
    return blog == null ? null : blog.http().circuitState();
  }

  /** Polling settings. */
  public WordPressSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    for (Blog blog : blogs.values()) {
      blog.http().close();
    }
  }
}
