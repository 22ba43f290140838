package dev.switchboard.response;

import static dev.switchboard.response.ClassifiedEventMother.aPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.Infrastructure;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.infra.WithInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * When OpenSearch refuses a post, the record is retried with backoff and then dead-lettered with
 * the reason, while the case is still recorded exactly once. The refusal is real: the index this
 * instance writes to was created beforehand with a strict mapping that admits no field.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SearchOutageIT {

  private static final String INDEX = "posts-refusing";
  private static final String GROUP = "response-outage-it";
  private static final String DLQ = Topics.deadLetter(Topics.CLASSIFIED_EVENTS, GROUP);

  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure infra = SharedInfrastructure.get();
    registry.add("KAFKA_BOOTSTRAP_SERVERS", infra::kafkaBootstrapServers);
    registry.add("OPENSEARCH_URL", infra::openSearchUrl);
    registry.add("RESPONSE_DB_URL", () -> infra.jdbcUrl("response_outage_it"));
    registry.add("RESPONSE_DB_USER", infra::postgresUser);
    registry.add("RESPONSE_DB_PASSWORD", infra::postgresPassword);
    registry.add("RESPONSE_POSTS_INDEX", () -> INDEX);
    // Its own group and dead-letter topic, so it does not compete with ResponseIT's consumer.
    registry.add("spring.cloud.stream.bindings.classifiedEvents-in-0.group", () -> GROUP);
    registry.add(
        "spring.cloud.stream.kafka.bindings.classifiedEvents-in-0.consumer.dlq-name", () -> DLQ);
    registry.add("switchboard.response.retry.initial-backoff", () -> "200ms");
  }

  @BeforeAll
  static void refusingIndex() throws Exception {
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(SharedInfrastructure.get().openSearchUrl() + "/" + INDEX))
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"mappings\":{\"dynamic\":\"strict\"}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isIn(200, 400);
  }

  @Test
  void aPostOpenSearchRefusesIsRetriedThenDeadLetteredWithTheReason() throws Exception {
    ClassifiedEventMother post = aPost().withId("post-" + UUID.randomUUID());
    byte[] value = json.writeValueAsBytes(post.build());
    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();

    try (KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer());
        TopicReader deadLetters = new TopicReader(bootstrap, DLQ)) {
      producer
          .send(new ProducerRecord<>(Topics.CLASSIFIED_EVENTS, post.conversationKey(), value))
          .get();

      ConsumerRecord<String, byte[]> dead =
          await()
              .atMost(Duration.ofSeconds(90))
              .until(
                  () ->
                      deadLetters.withKey(post.conversationKey()).stream()
                          .filter(r -> Arrays.equals(r.value(), value))
                          .findFirst()
                          .orElse(null),
                  r -> r != null);

      assertThat(header(dead, "x-exception-message")).contains("strict_dynamic_mapping_exception");
      assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.CLASSIFIED_EVENTS);
    }
    // The database part committed once; a replay of the dead letter only has indexing left to do.
    assertThat(
            jdbc.sql("select count(*) from posts where item_id = ?")
                .param(post.itemId())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from outbox where record_key = ?")
                .param(dev.switchboard.contracts.Ids.caseId(post.conversationKey()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
