package dev.switchboard.ingest.messaging;

import dev.switchboard.contracts.Topics;
import dev.switchboard.ingest.config.KafkaSettings;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics this service produces when the server starts, since automatic creation is off
 * on the brokers: channel-events and the compacted ingest-cursors. A topic that already exists is
 * left as it is. When no broker answers, the service still starts (its health says DOWN) and tries
 * again every {@code topic-retry-interval}.
 */
@Singleton
public class TopicInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(TopicInitializer.class);

  private final Admin admin;
  private final KafkaSettings settings;
  private final TaskScheduler scheduler;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();

  /** An initializer using the service's admin client. */
  public TopicInitializer(
      Admin admin,
      KafkaSettings settings,
      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
    this.admin = admin;
    this.settings = settings;
    this.scheduler = scheduler;
  }

  /** Whether both topics are known to exist. */
  public boolean ready() {
    return ready.get();
  }

  /** The topics this service owns, as it would create them. */
  public List<NewTopic> topics() {
    short replication = (short) settings.topicReplication();
    return List.of(
        new NewTopic(Topics.CHANNEL_EVENTS, settings.topicPartitions(), replication),
        new NewTopic(Topics.INGEST_CURSORS, settings.cursorPartitions(), replication)
            .configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    if (started.compareAndSet(false, true)) {
      // Off the startup thread: a missing broker must not hold up the HTTP server.
      scheduler.schedule(java.time.Duration.ZERO, this::attempt);
    }
  }

  private void attempt() {
    try {
      createTopics();
      ready.set(true);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return;
      }
      LOG.warn(
          "Could not create topics on {} ({}); retrying in {}",
          settings.bootstrapServers(),
          e.getClass().getSimpleName(),
          settings.topicRetryInterval());
      scheduler.schedule(settings.topicRetryInterval(), this::attempt);
    }
  }

  /** Creates the missing topics, waiting at most the admin timeout for each. */
  void createTopics() throws Exception {
    long timeout = settings.adminTimeout().toMillis();
    for (Map.Entry<String, KafkaFuture<Void>> result :
        admin.createTopics(topics()).values().entrySet()) {
      try {
        result.getValue().get(timeout, TimeUnit.MILLISECONDS);
        LOG.info("Created topic {}", result.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        LOG.info("Topic {} already exists", result.getKey());
      }
    }
  }
}
