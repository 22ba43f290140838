package dev.switchboard.response;

import static dev.switchboard.response.ClassifiedEventMother.aPost;
import static dev.switchboard.response.ClassifiedEventMother.aReplyTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response service on the real Kafka, PostgreSQL and OpenSearch: classified events in, cases,
 * posts, search and case events out.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponseIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String DLQ = "switchboard.classified-events.v1.response.dlq";

  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader caseEvents;
  private static TopicReader deadLetters;

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure infra = SharedInfrastructure.get();
    // The same names a deployment sets, so the test also proves the placeholders.
    registry.add("KAFKA_BOOTSTRAP_SERVERS", infra::kafkaBootstrapServers);
    registry.add("OPENSEARCH_URL", infra::openSearchUrl);
    registry.add("RESPONSE_DB_URL", () -> infra.jdbcUrl("response_it"));
    registry.add("RESPONSE_DB_USER", infra::postgresUser);
    registry.add("RESPONSE_DB_PASSWORD", infra::postgresPassword);
    registry.add("SWITCHBOARD_TOPIC_PARTITIONS", () -> "3");
  }

  @BeforeAll
  static void clients() {
    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    caseEvents = new TopicReader(bootstrap, Topics.CASE_EVENTS);
    deadLetters = new TopicReader(bootstrap, DLQ);
  }

  @AfterAll
  static void closeClients() {
    if (producer != null) {
      producer.close();
    }
    if (caseEvents != null) {
      caseEvents.close();
    }
    if (deadLetters != null) {
      deadLetters.close();
    }
  }

  @Test
  void aClassifiedPostBecomesOneCaseOnePostAndASearchableDocument() throws Exception {
    ClassifiedEventMother post =
        uniquePost()
            .saying("The physiotherapists on the stroke unit helped my father walk again")
            .labelled(Priority.P4, Team.COMMS, LabelName.PRAISE);
    String caseId = Ids.caseId(post.conversationKey());

    send(post);

    JsonNode found =
        await()
            .atMost(WAIT)
            .until(() -> searchHit("physiotherapist", post.itemId()), hit -> hit != null);
    assertThat(found.get("caseId").asString()).isEqualTo(caseId);
    assertThat(found.get("channel").asString()).isEqualTo("FACEBOOK");
    assertThat(found.get("author").asString()).isEqualTo("Alex Example");
    assertThat(found.get("labels").toString()).contains("PRAISE");
    assertThat(found.get("highlights").get(0).asString()).contains("<em>physiotherapists</em>");
    assertThat(count("select count(*) from cases where case_id = ?", caseId)).isEqualTo(1);
    assertThat(count("select count(*) from posts where item_id = ?", post.itemId())).isEqualTo(1);

    JsonNode theCase = getJson("/api/cases/" + caseId).body();
    assertThat(theCase.get("status").asString()).isEqualTo("NEW");
    assertThat(theCase.get("postCount").asInt()).isEqualTo(1);
    assertThat(theCase.get("posts").get(0).get("itemId").asString()).isEqualTo(post.itemId());
  }

  @Test
  void theSameEventDeliveredTwiceGivesOnePostOneCaseAndOneCaseOpened() throws Exception {
    ClassifiedEventMother post = uniquePost().saying("Is the car park open on Sundays?");
    ClassifiedEventMother marker = aReplyTo(post, "marker-" + UUID.randomUUID());
    String caseId = Ids.caseId(post.conversationKey());

    send(post);
    send(post);
    // Same key, same partition: once the marker is in, both deliveries before it were handled.
    send(marker);

    // The marker's POST_ADDED is relayed after anything the duplicate could have caused (one
    // partition, outbox order), so once it is here a doubled CASE_OPENED would be here too.
    List<ConsumerRecord<String, byte[]>> events =
        await()
            .atMost(WAIT)
            .until(
                () -> caseEvents.withKey(caseId),
                records -> records.stream().anyMatch(r -> type(r).equals("POST_ADDED")));
    assertThat(events).extracting(r -> type(r)).containsExactly("CASE_OPENED", "POST_ADDED");
    assertThat(count("select count(*) from posts where item_id = ?", post.itemId())).isEqualTo(1);
    assertThat(
            count("select count(*) from cases where conversation_key = ?", post.conversationKey()))
        .isEqualTo(1);

    ConsumerRecord<String, byte[]> opened = events.get(0);
    CaseEvent event = json.readValue(opened.value(), CaseEvent.class);
    assertThat(header(opened, CloudEventHeaders.ID)).isEqualTo(event.eventId());
    assertThat(header(opened, CloudEventHeaders.SOURCE))
        .isEqualTo(CloudEventHeaders.SOURCE_RESPONSE);
    assertThat(header(opened, CloudEventHeaders.TYPE)).isEqualTo(CaseEvent.CE_TYPE);
    assertThat(header(opened, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    assertThat(header(opened, CloudEventHeaders.TIME)).isNotBlank();
    assertThat(event.caseId()).isEqualTo(caseId);
    assertThat(event.sequence()).isEqualTo(1);
    assertThat(event.itemIds()).containsExactly(post.itemId());
  }

  @Test
  void aSecondPostInTheConversationAddsToTheSameCase() throws Exception {
    ClassifiedEventMother root =
        uniquePost()
            .saying("My appointment letter never arrived")
            .labelled(Priority.P3, Team.PALS, LabelName.COMPLAINT);
    ClassifiedEventMother reply =
        aReplyTo(root, "reply-" + UUID.randomUUID())
            .saying("Mine neither, and nobody answers the phone")
            .labelled(Priority.P2, Team.PALS, LabelName.COMPLAINT, LabelName.QUESTION);
    String caseId = Ids.caseId(root.conversationKey());

    send(root);
    send(reply);

    JsonNode theCase =
        await()
            .atMost(WAIT)
            .until(
                () -> getJson("/api/cases/" + caseId),
                r -> r.status() == 200 && r.body().get("postCount").asInt() == 2)
            .body();
    assertThat(theCase.get("priority").asString()).isEqualTo("P2");
    assertThat(theCase.get("labels").toString()).contains("COMPLAINT", "QUESTION");
    assertThat(theCase.get("posts"))
        .extracting(p -> p.get("itemId").asString())
        .containsExactly(root.itemId(), reply.itemId());
    await()
        .atMost(WAIT)
        .until(
            () -> caseEvents.withKey(caseId).stream().map(ResponseIT::type).toList(),
            types -> types.equals(List.of("CASE_OPENED", "POST_ADDED")));

    JsonNode list = getJson("/api/cases?size=200").body();
    assertThat(list.get("cases").toString()).contains(caseId);
  }

  @Test
  void aGarbageRecordIsDeadLetteredWithAReasonAndTheNextRecordIsProcessed() throws Exception {
    ClassifiedEventMother good = uniquePost().saying("Thank you to the maternity team");
    String key = good.conversationKey();
    byte[] garbage = ("this is not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

    producer.send(new ProducerRecord<>(Topics.CLASSIFIED_EVENTS, key, garbage)).get();
    send(good);

    ConsumerRecord<String, byte[]> dead =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    deadLetters.withKey(key).stream()
                        .filter(r -> java.util.Arrays.equals(r.value(), garbage))
                        .findFirst()
                        .orElse(null),
                r -> r != null);
    assertThat(header(dead, "x-exception-message")).contains("not a JSON ClassifiedEvent");
    assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.CLASSIFIED_EVENTS);
    await()
        .atMost(WAIT)
        .until(
            () -> count("select count(*) from posts where item_id = ?", good.itemId()),
            n -> n == 1);
    assertThat(get("/actuator/prometheus").body())
        .containsPattern(
            "switchboard_dead_letters_total\\{[^}]*group=\"response\"[^}]*"
                + "reason=\"UnreadableRecordException\"[^}]*\\} [1-9]")
        .containsPattern("switchboard_classified_invalid_total\\{[^}]*\\} [1-9]");
  }

  @Test
  void anEditedThenDeletedPostKeepsEveryRevisionAndIsMarkedDeleted() throws Exception {
    ClassifiedEventMother post = uniquePost().saying("The receptionists were rude to my mother");
    ClassifiedEventMother edit = post.editedAs(1, "The receptionists were unhelpful to my mother");

    send(post);
    send(edit);
    send(post.deleted());

    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql("select deleted from posts where item_id = ?")
                    .param(post.itemId())
                    .query(Boolean.class)
                    .optional()
                    .orElse(false));
    assertThat(
            jdbc.sql("select text from post_revisions where item_id = ? order by revision")
                .param(post.itemId())
                .query(String.class)
                .list())
        .containsExactly(
            "The receptionists were rude to my mother",
            "The receptionists were unhelpful to my mother");
    JsonNode hit =
        await()
            .atMost(WAIT)
            .until(
                () -> searchHit("unhelpful", post.itemId()),
                h -> h != null && h.get("deleted").asBoolean());
    assertThat(hit.get("text").asString())
        .isEqualTo("The receptionists were unhelpful to my mother");
    JsonNode theCase = getJson("/api/cases/" + Ids.caseId(post.conversationKey())).body();
    assertThat(theCase.get("postCount").asInt()).isEqualTo(1);
    assertThat(theCase.get("posts").get(0).get("revision").asInt()).isEqualTo(1);
  }

  @Test
  void searchWithoutAQueryIsAProblem() throws Exception {
    HttpResponse<String> missing = get("/api/search");
    HttpResponse<String> blank = get("/api/search?q=%20");
    HttpResponse<String> unknownCase = get("/api/cases/cas-unknown");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(json.readTree(missing.body()).get("status").asInt()).isEqualTo(400);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(unknownCase.statusCode()).isEqualTo(404);
    assertThat(unknownCase.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
  }

  @Test
  void healthIsUpAndMetricsAreExposed() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    HttpResponse<String> prometheus = get("/actuator/prometheus");

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode components = json.readTree(health.body()).get("components");
    assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("openSearch").get("status").asString()).isEqualTo("UP");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("switchboard_outbox_pending");
  }

  private static ClassifiedEventMother uniquePost() {
    return aPost().withId("post-" + UUID.randomUUID());
  }

  private void send(ClassifiedEventMother post) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                Topics.CLASSIFIED_EVENTS,
                post.conversationKey(),
                json.writeValueAsBytes(post.build())))
        .get();
  }

  private JsonNode searchHit(String q, String itemId) throws Exception {
    JsonNode body =
        getJson("/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
    for (JsonNode hit : body.get("hits")) {
      if (itemId.equals(hit.get("itemId").asString())) {
        return hit;
      }
    }
    return null;
  }

  private long count(String sql, String param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  private record JsonResponse(int status, JsonNode body) {}

  private JsonResponse getJson(String path) throws Exception {
    HttpResponse<String> response = get(path);
    return new JsonResponse(response.statusCode(), json.readTree(response.body()));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String type(ConsumerRecord<String, byte[]> record) {
    return JsonMapper.builder().build().readTree(record.value()).get("type").asString();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
