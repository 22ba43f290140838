package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithInfrastructure
class KafkaIT {

  @BeforeAll
  static void sharedWithTheOtherClasses(Infrastructure infrastructure) {
    OneStartPerJvm.check(infrastructure, KafkaIT.class);
  }

  @Test
  void aRecordSentToATopicCreatedWithTheAdminApiIsConsumed(Infrastructure infrastructure)
      throws Exception {
    String topic = "it-roundtrip-" + UUID.randomUUID();
    try (Admin admin = admin(infrastructure)) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer = producer(infrastructure, 30_000)) {
      producer
          .send(new ProducerRecord<>(topic, "conversation-1", "hello"))
          .get(30, TimeUnit.SECONDS);
    }

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
      }
    }

    assertThat(received)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.key()).isEqualTo("conversation-1");
              assertThat(record.value()).isEqualTo("hello");
            });
  }

  @Test
  void sendingToATopicNobodyCreatedFailsAndDoesNotCreateIt(Infrastructure infrastructure)
      throws Exception {
    String topic = "it-missing-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer = producer(infrastructure, 3_000)) {
      assertThatThrownBy(
              () -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("not present in metadata");
    }
    try (Admin admin = admin(infrastructure)) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);
    }
  }

  private static Admin admin(Infrastructure infrastructure) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(
      Infrastructure infrastructure, int maxBlockMs) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            infrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            maxBlockMs),
        new StringSerializer(),
        new StringSerializer());
  }
}
