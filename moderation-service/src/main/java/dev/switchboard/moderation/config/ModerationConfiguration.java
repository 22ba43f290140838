package dev.switchboard.moderation.config;

import dev.switchboard.contracts.Topics;
import dev.switchboard.eventstreams.ContractJson;
import dev.switchboard.moderation.domain.Observation;
import dev.switchboard.moderation.domain.ObservedItems;
import dev.switchboard.moderation.messaging.ClassifiedEventReader;
import dev.switchboard.moderation.messaging.ObserveConsumer;
import dev.switchboard.moderation.persistence.JdbcObservedItems;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.messaging.Message;

/**
 * Wires the domain to its adapters: the stream consumer, PostgreSQL, and the produced topic. The
 * retry template ({@code switchboard.retry.*}) and the dead-letter counter come from the
 * event-streams library.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicSettings.class)
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
  ClassifiedEventReader classifiedEventReader(ContractJson contractJson) {
    return new ClassifiedEventReader(contractJson);
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
}
