package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.http.RateLimitHeadroom;
import dev.switchboard.ingest.connectors.Connector;
import dev.switchboard.ingest.messaging.TopicInitializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every configured Page with a token (and every WordPress blog with a password) on its own
 * schedule, once the service's topics exist. Each connector polls on one thread at a time; a
 * failing poll only delays its own next poll.
 */
@Singleton
public class ConnectorScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorScheduler.class);
  private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);

  private final FacebookConnectors facebook;
  private final WordPressConnectors wordpress;
  private final BloggerConnectors blogger;
  private final YouTubeConnectors youtube;
  private final FeedConnectors feeds;
  private final TopicInitializer topics;
  private final MeterRegistry registry;
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "connector-poller");
            thread.setDaemon(true);
            return thread;
          });

  /** A scheduler for the configured connectors; registers the platforms' gauges. */
  public ConnectorScheduler(
      FacebookConnectors facebook,
      WordPressConnectors wordpress,
      BloggerConnectors blogger,
      YouTubeConnectors youtube,
      FeedConnectors feeds,
      TopicInitializer topics,
      MeterRegistry registry) {
    this.facebook = facebook;
    this.wordpress = wordpress;
    this.blogger = blogger;
    this.youtube = youtube;
    this.feeds = feeds;
    this.topics = topics;
    this.registry = registry;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    startWordPress();
    startBlogger();
    registerGauges(facebook);
    startYouTube();
    startFeeds();
    if (!facebook.settings().pollingEnabled()) {
      LOG.info("Facebook polling is off (switchboard.connectors.facebook.polling-enabled)");
      return;
    }
    for (String name : facebook.namesWithoutToken()) {
      LOG.warn(
          "Facebook Page {} is configured but {} is not set: not polled",
          name,
          FacebookSecrets.tokenVariable(name));
    }
    for (String name : facebook.names()) {
      executor.schedule(() -> start(name), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void start(String name) {
    if (!topics.ready()) {
      executor.schedule(() -> start(name), TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    try {
      run(facebook.create(name));
    } catch (RuntimeException e) {
      LOG.warn(
          "Facebook connector {} could not start ({}); retrying",
          name,
          e.getClass().getSimpleName());
      executor.schedule(
          () -> start(name), facebook.settings().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void startYouTube() {
    Gauge.builder(
            "switchboard.connector.circuit.open",
            youtube,
            y -> "CLOSED".equals(y.circuitState()) ? 0 : 1)
        .tag("platform", "youtube")
        .description("1 while the platform's circuit is not closed")
        .register(registry);
    if (!youtube.settings().pollingEnabled()) {
      LOG.info("YouTube polling is off (switchboard.connectors.youtube.polling-enabled)");
      return;
    }
    for (String name : youtube.namesWithoutToken()) {
      LOG.warn(
          "YouTube channel {} is configured but {} is not set: not polled",
          name,
          YouTubeSecrets.tokenVariable(name));
    }
    for (String name : youtube.names()) {
      executor.schedule(() -> startYouTube(name), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void startYouTube(String name) {
    if (!topics.ready()) {
      executor.schedule(() -> startYouTube(name), TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    try {
      run(youtube.create(name), youtube.settings().pollInterval());
    } catch (RuntimeException e) {
      LOG.warn(
          "YouTube connector {} could not start ({}); retrying",
          name,
          e.getClass().getSimpleName());
      executor.schedule(
          () -> startYouTube(name),
          youtube.settings().pollInterval().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void startFeeds() {
    if (!feeds.settings().pollingEnabled()) {
      LOG.info("Feed polling is off (switchboard.connectors.rss.polling-enabled)");
      return;
    }
    for (String name : feeds.names()) {
      executor.schedule(() -> startFeed(name), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void startFeed(String name) {
    if (!topics.ready()) {
      executor.schedule(() -> startFeed(name), TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    try {
      run(feeds.create(name), feeds.settings().pollInterval());
    } catch (RuntimeException e) {
      LOG.warn(
          "Feed connector {} could not start ({}); retrying", name, e.getClass().getSimpleName());
      executor.schedule(
          () -> startFeed(name), feeds.settings().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void run(Connector connector) {
    run(connector, facebook.settings().pollInterval());
  }

  private void run(Connector connector, Duration fallback) {
    Duration next;
    try {
      next = connector.poll().nextPollIn();
    } catch (RuntimeException e) {
      // A bug must not end the schedule: log the type, never the content, and carry on.
      LOG.error("Connector {} failed unexpectedly: {}", connector.id(), e.getClass().getName());
      next = fallback;
    }
    executor.schedule(() -> run(connector, fallback), next.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void startWordPress() {
    Gauge.builder("switchboard.connector.circuit.open", wordpress, w -> w.anyCircuitOpen() ? 1 : 0)
        .tag("platform", "wordpress")
        .description("1 while the platform's circuit is not closed")
        .register(registry);
    if (!wordpress.settings().pollingEnabled()) {
      LOG.info("WordPress polling is off (switchboard.connectors.wordpress.polling-enabled)");
      return;
    }
    for (String name : wordpress.namesWithoutPassword()) {
      LOG.warn(
          "WordPress blog {} is configured but {} is not set: not polled",
          name,
          WordPressSecrets.passwordVariable(name));
    }
    for (String name : wordpress.names()) {
      executor.schedule(() -> startWordPress(name), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void startWordPress(String name) {
    Duration interval = wordpress.settings().pollInterval();
    if (!topics.ready()) {
      executor.schedule(() -> startWordPress(name), TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    try {
      run(wordpress.create(name), interval);
    } catch (RuntimeException e) {
      LOG.warn(
          "WordPress connector {} could not start ({}); retrying",
          name,
          e.getClass().getSimpleName());
      executor.schedule(() -> startWordPress(name), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void startBlogger() {
    Gauge.builder(
            "switchboard.connector.circuit.open",
            blogger,
            b -> "CLOSED".equals(b.circuitState()) ? 0 : 1)
        .tag("platform", "blogger")
        .description("1 while the platform's circuit is not closed")
        .register(registry);
    if (!blogger.settings().pollingEnabled()) {
      LOG.info("Blogger polling is off (switchboard.connectors.blogger.polling-enabled)");
      return;
    }
    for (String name : blogger.namesWithoutCredential()) {
      LOG.warn(
          "Blogger blog {} is configured but neither {} nor {} is set: not polled",
          name,
          BloggerSecrets.variable(BloggerSecrets.TOKEN_PREFIX, name),
          BloggerSecrets.variable(BloggerSecrets.API_KEY_PREFIX, name));
    }
    for (String name : blogger.names()) {
      executor.schedule(() -> startBlogger(name), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void startBlogger(String name) {
    Duration interval = blogger.settings().pollInterval();
    if (!topics.ready()) {
      executor.schedule(() -> startBlogger(name), TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    try {
      run(blogger.create(name), interval);
    } catch (RuntimeException e) {
      LOG.warn(
          "Blogger connector {} could not start ({}); retrying",
          name,
          e.getClass().getSimpleName());
      executor.schedule(() -> startBlogger(name), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void registerGauges(FacebookConnectors facebook) {
    Gauge.builder(
            "switchboard.connector.rate.limit.headroom.percent",
            facebook,
            f -> f.headroom().map(RateLimitHeadroom::remainingPercent).orElse(Double.NaN))
        .tag("platform", "facebook")
        .description("What is left of the platform's rate limit, as its last answer said (0-100)")
        .register(registry);
    Gauge.builder(
            "switchboard.connector.circuit.open",
            facebook,
            f -> "CLOSED".equals(f.circuitState()) ? 0 : 1)
        .tag("platform", "facebook")
        .description("1 while the platform's circuit is not closed")
        .register(registry);
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
