package dev.switchboard.moderation.config;

import dev.switchboard.contracts.Topics;
import dev.switchboard.moderation.domain.Observation;
import dev.switchboard.moderation.domain.ObservedItems;
import dev.switchboard.moderation.messaging.ClassifiedEventReader;
import dev.switchboard.moderation.messaging.DeadLetterMetrics;
import dev.switchboard.moderation.messaging.ObserveConsumer;
import dev.switchboard.moderation.messaging.UnreadableRecordException;
import dev.switchboard.moderation.persistence.JdbcObservedItems;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/** Wires the domain to its adapters: the stream consumer, PostgreSQL, and the produced topic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TopicSettings.class, RetrySettings.class})
public class ModerationConfiguration {

  /** Wall clock in UTC; tests put a fixed {@code @Primary} clock beside it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ObservedItems observedItems(JdbcClient jdbc) {
    return new JdbcObservedItems(jdbc);
  }

  @Bean
  Observation observation(ObservedItems items, Clock clock) {
    return new Observation(items, clock);
  }

  @Bean
  ClassifiedEventReader classifiedEventReader(JsonMapper jsonMapper) {
    return new ClassifiedEventReader(jsonMapper);
  }

  /** The bean name is the function definition and the prefix of the binding name. */
  @Bean
  Consumer<Message<byte[]>> observe(
      ClassifiedEventReader reader, Observation observation, MeterRegistry meters) {
    return new ObserveConsumer(reader, observation, meters);
  }

  /**
   * The topic this service will produce (its outcomes, a later issue). Boot's KafkaAdmin creates it
   * at start; with {@code spring.kafka.admin.fail-fast} the service does not start without it.
   */
  @Bean
  NewTopic moderationOutcomesTopic(TopicSettings topics) {
    return TopicBuilder.name(Topics.MODERATION_OUTCOMES)
        .partitions(topics.partitions())
        .replicas(topics.replication())
        .build();
  }

  /**
   * The consumer's retry policy (binding property {@code retry-template-name}). Declared here
   * because the binder's {@code retryable-exceptions} map cannot be bound from YAML under Boot 4 (a
   * class name is not a valid property name). A record that can never be read is not retried.
   */
  @Bean
  @StreamRetryTemplate
  RetryTemplate consumerRetry(RetrySettings settings) {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxRetries(settings.maxAttempts() - 1L)
            .delay(settings.initialDelay())
            .multiplier(settings.multiplier())
            .maxDelay(settings.maxDelay())
            .predicate(failure -> !causedBy(failure, UnreadableRecordException.class))
            .build();
    return new RetryTemplate(policy);
  }

  @Bean
  DlqPartitionFunction deadLetterMetrics(MeterRegistry meters) {
    return new DeadLetterMetrics(meters);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
