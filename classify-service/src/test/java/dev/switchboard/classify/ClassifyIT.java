package dev.switchboard.classify;

import static dev.switchboard.eventstreams.testing.RawKafka.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import dev.switchboard.contracts.Topics;
import dev.switchboard.eventstreams.testing.RawKafka;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.infra.WithInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on the real Kafka broker: what a raw client sees on the wire (key, headers, JSON),
 * the dead-letter topic for a record that is not JSON, and the topics it creates at start.
 */
@WithInfrastructure
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // A value other than the default 6 proves the partition count comes from configuration.
      "SWITCHBOARD_TOPIC_PARTITIONS=3",
      "switchboard.retry.initial-delay=100ms"
    })
class ClassifyIT {

  private static final String DLQ = Topics.deadLetter(Topics.CHANNEL_EVENTS, "classify");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static RawKafka client;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("KAFKA_BOOTSTRAP_SERVERS", () -> bootstrap());
  }

  @Autowired JsonMapper json;
  @LocalServerPort int port;

  private static String bootstrap() {
    return SharedInfrastructure.get().kafkaBootstrapServers();
  }

  @BeforeAll
  static void kafkaClient() {
    client = new RawKafka(bootstrap());
  }

  @AfterAll
  static void closeKafkaClient() {
    client.close();
  }

  @Test
  void aChannelEventComesOutClassifiedWithTheSameKeyAndPlainCloudEventsHeaders() throws Exception {
    ChannelEvent event =
        ChannelEvents.comment(unique("p"), "We waited 9 hours. How do I complain?");
    // With the envelope the ingest service writes: it must not leak into the output's.
    client.send(
        Topics.CHANNEL_EVENTS,
        event.conversationKey(),
        json.writeValueAsBytes(event),
        Map.of(
            CloudEventHeaders.ID,
            event.eventId(),
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.SOURCE_INGEST,
            CloudEventHeaders.TYPE,
            ChannelEvent.CE_TYPE,
            CloudEventHeaders.TIME,
            "2026-11-20T09:00:05Z",
            CloudEventHeaders.SPEC_VERSION,
            "1.0"));

    ConsumerRecord<String, byte[]> out =
        awaitRecord(Topics.CLASSIFIED_EVENTS, event.conversationKey());

    ClassifiedEvent classified = json.readValue(out.value(), ClassifiedEvent.class);
    assertThat(classified.event()).isEqualTo(event);
    assertThat(classified.labels())
        .extracting(l -> l.name())
        .containsExactlyInAnyOrder(LabelName.COMPLAINT, LabelName.QUESTION);
    assertThat(classified.priority()).isEqualTo(Priority.P2);
    assertThat(classified.route()).isEqualTo(Team.PALS);
    assertThat(classified.classifierVersion())
        .matches("switchboard-classifier-1\\.0\\+[0-9a-f]{12}");

    // Raw bytes, exactly: a JSON-quoting header mapper would write "\"evt-...\"" here.
    assertThat(header(out, CloudEventHeaders.ID)).isEqualTo(event.eventId());
    assertThat(header(out, CloudEventHeaders.SOURCE)).isEqualTo("/switchboard/classify-service");
    assertThat(header(out, CloudEventHeaders.TYPE)).isEqualTo(ClassifiedEvent.CE_TYPE);
    assertThat(header(out, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(Instant.parse(header(out, CloudEventHeaders.TIME)))
        .isEqualTo(classified.classifiedAt());
    for (String name :
        List.of(
            CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.TIME,
            CloudEventHeaders.SPEC_VERSION)) {
      assertThat(out.headers().headers(name)).as("one %s header", name).hasSize(1);
    }
  }

  @Test
  void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
    String badKey = unique("bad");
    send(Topics.CHANNEL_EVENTS, badKey, "thank you, not json".getBytes(StandardCharsets.UTF_8));
    ChannelEvent next = ChannelEvents.comment(unique("p"), "Thank you all");
    send(Topics.CHANNEL_EVENTS, next.conversationKey(), json.writeValueAsBytes(next));

    ConsumerRecord<String, byte[]> dead = awaitRecord(DLQ, badKey);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("thank you, not json");
    assertThat(header(dead, "x-exception-message")).contains("not a JSON ChannelEvent");
    assertThat(header(dead, "x-exception-message")).doesNotContain("thank");
    assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.CHANNEL_EVENTS);

    ConsumerRecord<String, byte[]> out =
        awaitRecord(Topics.CLASSIFIED_EVENTS, next.conversationKey());
    assertThat(json.readValue(out.value(), ClassifiedEvent.class).labels())
        .extracting(l -> l.name())
        .containsExactly(LabelName.PRAISE);

    assertThat(get("/actuator/prometheus"))
        .containsPattern("switchboard_dead_letters_total\\{[^}]*group=\"classify\"[^}]*\\} [1-9]");
  }

  @Test
  void itCreatedItsOutputAndDeadLetterTopicsWithTheConfiguredPartitions() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
      Map<String, TopicDescription> topics =
          admin.describeTopics(List.of(Topics.CLASSIFIED_EVENTS, DLQ)).allTopicNames().get();
      assertThat(topics.get(Topics.CLASSIFIED_EVENTS).partitions()).hasSize(3);
      assertThat(topics.get(DLQ).partitions()).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void reportsUpWithPrometheusMetrics() throws Exception {
    assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/prometheus")).contains("jvm_memory_used_bytes");
  }

  private static void send(String topic, String key, byte[] value) throws Exception {
    client.send(topic, key, value);
  }

  private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
    return client.awaitRecord(topic, key, TIMEOUT);
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
