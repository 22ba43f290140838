package dev.switchboard.response.config;

import dev.switchboard.contracts.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service produces, and the producer of the outbox relay. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

  /** This service's consumer group on classified events. */
  public static final String GROUP = "response";

  /** Where classified events this service cannot process end up, with the reason in headers. */
  public static final String CLASSIFIED_DLQ = Topics.deadLetter(Topics.CLASSIFIED_EVENTS, GROUP);

  /**
   * Created at start by Boot's KafkaAdmin (fail-fast): the broker does not create topics. The
   * dead-letter topic has as many partitions as its source, since the binder dead-letters a record
   * to the partition it came from.
   */
  @Bean
  KafkaAdmin.NewTopics responseTopics(ResponseProperties properties) {
    ResponseProperties.Topics t = properties.topics();
    return new KafkaAdmin.NewTopics(
        topic(Topics.CASE_EVENTS, t),
        topic(Topics.SLA_ALERTS, t),
        topic(Topics.MODERATION_COMMANDS, t),
        topic(CLASSIFIED_DLQ, t));
  }

  /** The outbox relay's producer; closed with the context. */
  @Bean(destroyMethod = "close")
  Producer<String, byte[]> outboxProducer(ResponseProperties properties) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "response-outbox-relay");
    // A row is marked sent only after every in-sync replica has it.
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // Broker-side deduplication of the producer's own retries, and per-partition order kept.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // A little batching; the relay waits for the acks anyway.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Bounded, so a relay run gives up and retries later instead of holding its rows forever.
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  private static NewTopic topic(String name, ResponseProperties.Topics t) {
    return TopicBuilder.name(name).partitions(t.partitions()).replicas(t.replication()).build();
  }
}
