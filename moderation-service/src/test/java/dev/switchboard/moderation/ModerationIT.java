package dev.switchboard.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.Infrastructure;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.infra.WithInfrastructure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on the real Kafka broker and PostgreSQL: classified events recorded once however
 * often delivered, bad records dead-lettered while the consumer goes on, topics created at start.
 */
@WithInfrastructure
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // A value other than the default 6 proves the partition count comes from configuration.
      "SWITCHBOARD_TOPIC_PARTITIONS=2",
      "switchboard.retry.initial-delay=100ms"
    })
class ModerationIT {

  private static final String DLQ = Topics.deadLetter(Topics.CLASSIFIED_EVENTS, "moderation");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static KafkaProducer<String, byte[]> producer;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("KAFKA_BOOTSTRAP_SERVERS", () -> infra().kafkaBootstrapServers());
    registry.add("MODERATION_DB_URL", () -> infra().jdbcUrl("moderation_it"));
    registry.add("MODERATION_DB_USER", () -> infra().postgresUser());
    registry.add("MODERATION_DB_PASSWORD", () -> infra().postgresPassword());
  }

  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private static Infrastructure infra() {
    return SharedInfrastructure.get();
  }

  @BeforeAll
  static void producer() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Test
  void aClassifiedEventIsRecordedAndReadable() throws Exception {
    ClassifiedEvent classified = ClassifiedEvents.complaint("page-it", unique("post"));
    String key = classified.event().conversationKey();

    send(key, json.writeValueAsBytes(classified), ClassifiedEvent.CE_TYPE);

    String body = awaitObserved(key);
    assertThat(body)
        .contains("\"eventId\":\"" + classified.event().eventId() + "\"")
        .contains("\"labels\":[\"COMPLAINT\"]")
        .contains("\"priority\":\"P2\"")
        .doesNotContain("We waited");
    assertThat(rowsOfItem(classified.event().itemId())).isEqualTo(1);
  }

  @Test
  void theSameEventDeliveredTwiceIsRecordedOnce() throws Exception {
    ClassifiedEvent classified = ClassifiedEvents.complaint("page-it", unique("post"));
    String key = classified.event().conversationKey();
    byte[] payload = json.writeValueAsBytes(classified);
    ClassifiedEvent marker = ClassifiedEvents.complaint("page-it", unique("marker"));

    send(key, payload, ClassifiedEvent.CE_TYPE);
    send(key, payload, ClassifiedEvent.CE_TYPE);
    // Same record key, same partition: once the marker is in, both deliveries were processed.
    send(key, json.writeValueAsBytes(marker), ClassifiedEvent.CE_TYPE);

    awaitObserved(marker.event().conversationKey());
    assertThat(rowsOfItem(classified.event().itemId())).isEqualTo(1);
    assertThat(get("/actuator/prometheus"))
        .containsPattern(
            "switchboard_moderation_observed_total\\{[^}]*outcome=\"already_recorded\"[^}]*\\}"
                + " [1-9]");
    assertThat(keysOn(DLQ)).doesNotContain(key);
  }

  @Test
  void aBadRecordGoesToTheDeadLetterTopicAndTheServiceGoesOn() throws Exception {
    String badKey = unique("bad");
    send(badKey, "{not json".getBytes(StandardCharsets.UTF_8), ClassifiedEvent.CE_TYPE);
    String noEnvelopeKey = unique("no-envelope");
    ClassifiedEvent withoutHeaders = ClassifiedEvents.complaint("page-it", unique("post"));
    send(noEnvelopeKey, json.writeValueAsBytes(withoutHeaders), null);
    ClassifiedEvent next = ClassifiedEvents.complaint("page-it", unique("post"));
    send(next.event().conversationKey(), json.writeValueAsBytes(next), ClassifiedEvent.CE_TYPE);

    ConsumerRecord<String, byte[]> dead = awaitRecord(DLQ, badKey);
    assertThat(header(dead, "x-exception-message")).contains("not a JSON ClassifiedEvent");
    assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.CLASSIFIED_EVENTS);
    ConsumerRecord<String, byte[]> noEnvelope = awaitRecord(DLQ, noEnvelopeKey);
    assertThat(header(noEnvelope, "x-exception-message")).contains("ce_type is missing");

    awaitObserved(next.event().conversationKey());
    assertThat(rowsOfItem(withoutHeaders.event().itemId())).isZero();
    assertThat(get("/actuator/prometheus"))
        .containsPattern(
            "switchboard_dead_letters_total\\{[^}]*group=\"moderation\"[^}]*\\} [2-9]");
  }

  @Test
  void itCreatedItsOutputAndDeadLetterTopicsWithTheConfiguredPartitions() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra().kafkaBootstrapServers()))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of(Topics.MODERATION_OUTCOMES, DLQ)).allTopicNames().get();
      assertThat(topics.get(Topics.MODERATION_OUTCOMES).partitions()).hasSize(2);
      assertThat(topics.get(DLQ).partitions()).isNotEmpty();
    }
  }

  @Test
  void reportsUpIncludingTheDatabase() throws Exception {
    assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/prometheus")).contains("hikaricp_connections");
  }

  private int rowsOfItem(String itemId) {
    return jdbc.sql("SELECT count(*) FROM observed_item WHERE item_id = :itemId")
        .param("itemId", itemId)
        .query(Integer.class)
        .single();
  }

  private String awaitObserved(String conversationKey) throws Exception {
    String path =
        "/api/observed-items?conversationKey="
            + URLEncoder.encode(conversationKey, StandardCharsets.UTF_8);
    return await("an observed item in " + conversationKey)
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get(path), body -> body.contains("\"eventId\""));
  }

  private static void send(String key, byte[] value, String ceType) throws Exception {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(Topics.CLASSIFIED_EVENTS, key, value);
    if (ceType != null) {
      record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
    }
    producer.send(record).get();
  }

  private static KafkaConsumer<String, byte[]> consumerFromStart(String topic) {
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topic, Duration.ofSeconds(30))
        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** Reads the topic from the start until the record with the key shows up. */
  private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
    try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + topic + " within " + TIMEOUT);
  }

  /** Every key on the topic now (the topic is small in this test). */
  private static List<String> keysOn(String topic) {
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
      for (int emptyPolls = 0; emptyPolls < 3; ) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
          emptyPolls++;
        }
        records.forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    return Optional.ofNullable(record.headers().lastHeader(name))
        .map(Header::value)
        .map(v -> new String(v, StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError("no header " + name));
  }

  private String get(String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
