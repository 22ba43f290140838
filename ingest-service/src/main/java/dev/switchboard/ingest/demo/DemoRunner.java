package dev.switchboard.ingest.demo;

import dev.switchboard.channels.webhook.WebhookSecrets;
import dev.switchboard.ingest.demo.DemoPlayer.DemoPost;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the demo corpus through this service's own generic webhook once the HTTP server is up, on
 * one daemon thread, until the service stops. Only exists when {@code switchboard.demo.enabled} is
 * true. Logs positions and statuses, never post text.
 */
@Singleton
@Requires(property = DemoSettings.PREFIX + ".enabled", value = "true")
public class DemoRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);
  // The webhook answers within its Kafka ack timeout (10 s by default); allow a little more.
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
  // When the webhook gives no Retry-After (connection refused, timeout), wait this long.
  private static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);

  private final DemoSettings settings;
  private final WebhookSecrets secrets;
  private final ObjectMapper json;
  private final DemoMetrics metrics;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean running;
  private volatile Thread thread;

  /** A runner with the service's settings, secrets, serde, metrics and clock. */
  public DemoRunner(
      DemoSettings settings,
      WebhookSecrets secrets,
      ObjectMapper json,
      DemoMetrics metrics,
      Clock clock) {
    this.settings = settings;
    this.secrets = secrets;
    this.json = json;
    this.metrics = metrics;
    this.clock = clock;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Optional<byte[]> secret = secrets.secretFor(settings.account());
    if (secret.isEmpty()) {
      LOG.warn(
          "Demo stream not started: account {} has no webhook secret (set {})",
          settings.account(),
          WebhookSecrets.variableName(settings.account()));
      return;
    }
    Corpus corpus = Corpus.load(json, settings.corpus());
    DemoPlayer player = new DemoPlayer(corpus, settings.rate(), clock);
    EmbeddedServer server = event.getSource();
    DemoRequests requests =
        new DemoRequests(server.getURI(), settings.account(), secret.get(), ANSWER_TIMEOUT);
    LOG.info(
        "Demo stream playing {} corpus items to {} at {} posts a minute",
        corpus.size(),
        requests.endpoint(),
        settings.rate());
    running = true;
    Thread player0 = new Thread(() -> play(player, requests), "demo-player");
    player0.setDaemon(true);
    thread = player0;
    player0.start();
  }

  /** Stops the player thread and waits briefly for it; the post in flight may or may not land. */
  @PreDestroy
  void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LOG.info("Demo stream stopped");
    }
  }

  private void play(DemoPlayer player, DemoRequests requests) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      while (running) {
        Duration wait = player.untilNext();
        if (!wait.isZero()) {
          Thread.sleep(Math.max(1, wait.toMillis()));
          continue;
        }
        int loopBefore = player.loop();
        DemoPost post = player.next();
        deliver(http, requests, post);
        if (player.loop() != loopBefore) {
          LOG.info("Demo stream finished loop {}; starting again with new ids", loopBefore);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A bug, not a platform hiccup: say so once and stop rather than spin.
      LOG.error("Demo stream stopped by an error", e);
    }
  }

  /** Sends one post until the webhook accepts or refuses it, or the service stops. */
  private void deliver(HttpClient http, DemoRequests requests, DemoPost post)
      throws InterruptedException {
    byte[] body;
    try {
      body = json.writeValueAsBytes(post.post());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write demo post " + post.index(), e);
    }
    metrics.sent();
    while (running) {
      Duration pause = DEFAULT_RETRY;
      DemoOutcome outcome;
      try {
        HttpResponse<String> response =
            http.send(requests.post(body), HttpResponse.BodyHandlers.ofString());
        outcome = DemoOutcome.of(response.statusCode());
        if (outcome == DemoOutcome.REJECTED) {
          // The problem's type and status only: its detail is about the body, kept out of logs.
          LOG.warn(
              "Demo post {} of loop {} refused with {}",
              post.index(),
              post.loop(),
              response.statusCode());
        }
        pause =
            response.headers().firstValueAsLong("Retry-After").stream()
                .mapToObj(Duration::ofSeconds)
                .findFirst()
                .orElse(DEFAULT_RETRY);
      } catch (IOException e) {
        outcome = DemoOutcome.RETRY;
        LOG.debug("Demo post {} not answered ({})", post.index(), e.getClass().getSimpleName());
      }
      metrics.answered(outcome);
      if (outcome != DemoOutcome.RETRY) {
        return;
      }
      Thread.sleep(pause.toMillis());
    }
  }
}
