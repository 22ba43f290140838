package dev.switchboard.ingest.connectors.config;

import dev.switchboard.ingest.connectors.Connector;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.messaging.TopicInitializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every configured account of every {@link ConnectorGroup} that has its credentials, each on
 * its own schedule, once the service's topics exist. Each connector polls on one thread at a time;
 * a failing poll only delays its own next poll.
 */
@Singleton
public class ConnectorScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectorScheduler.class);
  private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);

  private final List<ConnectorGroup> groups;
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

  /** A scheduler for the configured connectors of every platform. */
  public ConnectorScheduler(
      List<ConnectorGroup> groups, TopicInitializer topics, MeterRegistry registry) {
    this.groups = groups.stream().sorted(Comparator.comparing(ConnectorGroup::platform)).toList();
    this.topics = topics;
    this.registry = registry;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    for (ConnectorGroup group : groups) {
      registerGauges(group);
      start(group);
    }
  }

  private void start(ConnectorGroup group) {
    String platform = group.platform();
    if (!group.pollingEnabled()) {
      LOG.info("{} polling is off (switchboard.connectors.{}.polling-enabled)", platform, platform);
      return;
    }
    for (Map.Entry<String, String> missing : group.missingCredentials().entrySet()) {
      LOG.warn(
          "{} account {} is configured but {} is not set: not polled",
          platform,
          missing.getKey(),
          missing.getValue());
    }
    for (String name : group.names()) {
      executor.schedule(() -> start(group, name), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void start(ConnectorGroup group, String name) {
    Duration interval = group.pollInterval();
    if (!topics.ready()) {
      executor.schedule(() -> start(group, name), TOPIC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    try {
      run(group.create(name), interval);
    } catch (RuntimeException e) {
      LOG.warn(
          "{} connector {} could not start ({}); retrying",
          group.platform(),
          name,
          e.getClass().getSimpleName());
      executor.schedule(() -> start(group, name), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
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

  private void registerGauges(ConnectorGroup group) {
    Gauge.builder("switchboard.connector.circuit.open", group, ConnectorScheduler::anyCircuitOpen)
        .tag("platform", group.platform())
        .description("1 while a circuit of the platform is not closed")
        .register(registry);
    Gauge.builder(
            "switchboard.connector.rate.limit.headroom.percent",
            group,
            g -> g.rateLimitHeadroomPercent().orElse(Double.NaN))
        .tag("platform", group.platform())
        .description("What is left of the platform's rate limit, as its last answer said (0-100)")
        .register(registry);
  }

  private static double anyCircuitOpen(ConnectorGroup group) {
    return group.allNames().stream().anyMatch(n -> !"CLOSED".equals(group.circuitState(n))) ? 1 : 0;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
