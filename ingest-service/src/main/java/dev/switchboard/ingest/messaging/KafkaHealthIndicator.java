package dev.switchboard.ingest.messaging;

import dev.switchboard.ingest.config.KafkaSettings;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;

/**
 * {@code kafka} in {@code /health}: UP when a broker answers a cluster description within the admin
 * timeout and the service's topics exist, DOWN otherwise. One small metadata request per check,
 * made asynchronously so a dead broker never blocks the event loop.
 */
@Singleton
public class KafkaHealthIndicator implements HealthIndicator {

  private static final String NAME = "kafka";

  private final Admin admin;
  private final TopicInitializer topics;
  private final KafkaSettings settings;

  /** A health check over the service's admin client. */
  public KafkaHealthIndicator(Admin admin, TopicInitializer topics, KafkaSettings settings) {
    this.admin = admin;
    this.topics = topics;
    this.settings = settings;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    DescribeClusterOptions options =
        new DescribeClusterOptions().timeoutMs((int) settings.adminTimeout().toMillis());
    CompletableFuture<HealthResult> result =
        admin
            .describeCluster(options)
            .nodes()
            .toCompletionStage()
            .toCompletableFuture()
            .handle(
                (nodes, failure) -> {
                  Map<String, Object> details = new LinkedHashMap<>();
                  details.put("bootstrapServers", settings.bootstrapServers());
                  details.put("topicsCreated", topics.ready());
                  if (failure != null) {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    details.put("error", "no broker answered: " + cause.getClass().getSimpleName());
                    return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
                  }
                  details.put("brokers", nodes.size());
                  HealthStatus status = topics.ready() ? HealthStatus.UP : HealthStatus.DOWN;
                  return HealthResult.builder(NAME, status).details(details).build();
                });
    return Publishers.fromCompletableFuture(result);
  }
}
