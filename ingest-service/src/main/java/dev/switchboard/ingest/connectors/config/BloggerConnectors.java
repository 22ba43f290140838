package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.blogger.BloggerClient;
import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.oauth.AccessToken;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.blogger.BloggerBlogConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The configured Blogger blogs and what their connectors share: one {@link PlatformHttp} (one
 * circuit for the Blogger API). {@link #create(String)} builds a fresh connector, reading its
 * cursor from Kafka, as a restarted instance would.
 */
@Singleton
public class BloggerConnectors implements ConnectorGroup {

  private final BloggerSettings settings;
  private final Map<String, BloggerBlogSettings> blogs = new TreeMap<>();
  private final BloggerSecrets secrets;
  private final GoogleOAuth oauth;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final Duration ackTimeout;
  private final PlatformHttp http;

  /** The blogs of the configuration. */
  public BloggerConnectors(
      BloggerSettings settings,
      List<BloggerBlogSettings> blogs,
      BloggerSecrets secrets,
      GoogleOAuth oauth,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    blogs.forEach(b -> this.blogs.put(b.name(), b));
    this.secrets = secrets;
    this.oauth = oauth;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.ackTimeout = kafka.ackTimeout();
    this.http =
        settings.http(
            settings.apiUrl(), BloggerSettings.PREFIX + ".api-url", new GoogleApiRules("blogger"));
  }

  @Override
  public String platform() {
    return "blogger";
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured blogs with a token or an API key. */
  @Override
  public List<String> names() {
    return blogs.keySet().stream().filter(this::hasCredential).sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return blogs.keySet().stream()
        .filter(n -> !hasCredential(n))
        .collect(
            Collectors.toMap(
                n -> n,
                n ->
                    BloggerSecrets.variable(BloggerSecrets.REFRESH_TOKEN_PREFIX, n)
                        + " (with "
                        + GoogleOAuth.CLIENT_ID_VARIABLE
                        + " and "
                        + GoogleOAuth.CLIENT_SECRET_VARIABLE
                        + "), "
                        + BloggerSecrets.variable(BloggerSecrets.TOKEN_PREFIX, n)
                        + " or "
                        + BloggerSecrets.variable(BloggerSecrets.API_KEY_PREFIX, n)));
  }

  private boolean hasCredential(String name) {
    return accessToken(name).isPresent() || secrets.apiKey(name).isPresent();
  }

  /** A refresh token (renewed) before an access token (fixed). */
  private Optional<AccessToken> accessToken(String name) {
    Optional<AccessToken> renewing = secrets.refreshToken(name).flatMap(oauth::renewing);
    return renewing.isPresent() ? renewing : secrets.token(name).map(AccessToken::fixed);
  }

  /** A new connector for the blog {@code name}, its cursor read from the cursor topic now. */
  @Override
  public BloggerBlogConnector create(String name) {
    BloggerBlogSettings blog = blogs.get(name);
    if (blog == null) {
      throw new IllegalArgumentException("no Blogger blog configured as " + name);
    }
    BloggerClient client;
    List<String> statuses = settings.statuses();
    Optional<AccessToken> token = accessToken(name);
    if (token.isPresent()) {
      client = BloggerClient.withAccessToken(http, token.get());
    } else if (secrets.apiKey(name).isPresent()) {
      client = BloggerClient.withApiKey(http, secrets.apiKey(name).get());
      // An API key reads published comments only; asking for more is refused with 403.
      statuses = List.of("live");
    } else {
      throw new IllegalStateException(
          BloggerSecrets.variable(BloggerSecrets.TOKEN_PREFIX, name) + " is not set");
    }
    return new BloggerBlogConnector(
        name,
        blog.blogId(),
        client,
        sink,
        cursors,
        listener,
        new BloggerBlogConnector.Settings(
            statuses,
            settings.pageSize(),
            settings.pollInterval(),
            settings.editWindow(),
            ackTimeout,
            blog.startFrom()),
        clock);
  }

  /** The Blogger circuit's state; every blog shares it. */
  @Override
  public String circuitState(String name) {
    return http.circuitState();
  }

  /** Polling settings. */
  public BloggerSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }
}
