package dev.switchboard.moderation;

import static dev.switchboard.eventstreams.testing.RawKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.Topics;
import dev.switchboard.eventstreams.testing.RawKafka;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

  private static RawKafka client;

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
  static void kafkaClient() {
    client = new RawKafka(infra().kafkaBootstrapServers());
  }

  @AfterAll
  static void closeKafkaClient() {
    client.close();
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
    client.send(
        Topics.CLASSIFIED_EVENTS,
        key,
        value,
        ceType == null ? Map.of() : Map.of(CloudEventHeaders.TYPE, ceType));
  }

  private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
    return client.awaitRecord(topic, key, TIMEOUT);
  }

  private static List<String> keysOn(String topic) {
    return client.keysOn(topic);
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
