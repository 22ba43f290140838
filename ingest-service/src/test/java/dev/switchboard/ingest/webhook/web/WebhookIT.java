package dev.switchboard.ingest.webhook.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.webhook.GenericPost;
import dev.switchboard.ingest.webhook.GenericPostMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic webhook end to end on the real Kafka broker of embedded-infra: what a caller sees
 * over HTTP, and what lands on {@code switchboard.channel-events.v1}.
 */
@MicronautTest(environments = WebhookTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT implements TestPropertyProvider {

  private static final String ACCOUNT = WebhookTestBeans.ACCOUNT;
  private static final byte[] SECRET = WebhookTestBeans.SECRET.getBytes(UTF_8);
  private static final int PARTITIONS = 3;
  private static final int MAX_BODY = 8192;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String POST =
      """
      {"platformId": "c-1001", "threadRootId": "p-77", "parentId": "p-77",
       "kind": "created", "revision": 0, "itemType": "comment",
       "author": {"id": "u-9", "name": "Pat Example", "handle": "pat"},
       "text": "Waited 6 hours in A&E, nobody told us anything.",
       "url": "https://social.example/p/77#c-1001",
       "createdAt": "2026-11-25T09:58:00Z", "visibility": "public"}
      """;

  @Inject EmbeddedServer server;
  @Inject ObjectMapper serde;
  @Inject Admin admin;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private KafkaConsumer<String, byte[]> consumer;
  private List<TopicPartition> partitions;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    properties.put("switchboard.kafka.topic-partitions", Integer.toString(PARTITIONS));
    properties.put("switchboard.webhook.max-body-bytes", Integer.toString(MAX_BODY));
    // The server-wide limit stays the backfill upload's (application.yml), as in production: the
    // webhook limit must hold on its own.
    properties.put("micronaut.server.port", "-1");
    return properties;
  }

  @BeforeAll
  void waitForTopicsAndSubscribe() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.listTopics().names().get().contains(Topics.CHANNEL_EVENTS));
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition(Topics.CHANNEL_EVENTS, p));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  @AfterAll
  void closeConsumer() {
    if (consumer != null) {
      consumer.close();
    }
  }

  @Test
  void createsItsTopicsWithTheConfiguredPartitions() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                admin
                    .listTopics()
                    .names()
                    .get()
                    .containsAll(Set.of(Topics.CHANNEL_EVENTS, Topics.INGEST_CURSORS)));
    Map<String, TopicDescription> topics =
        admin
            .describeTopics(Set.of(Topics.CHANNEL_EVENTS, Topics.INGEST_CURSORS))
            .allTopicNames()
            .get();
    assertThat(topics.get(Topics.CHANNEL_EVENTS).partitions()).hasSize(PARTITIONS);
    assertThat(topics.get(Topics.INGEST_CURSORS).partitions()).hasSize(1);

    ConfigResource cursors = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INGEST_CURSORS);
    String cleanup =
        admin
            .describeConfigs(Set.of(cursors))
            .all()
            .get()
            .get(cursors)
            .get(TopicConfig.CLEANUP_POLICY_CONFIG)
            .value();
    assertThat(cleanup).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
  }

  @Test
  void aSignedPostIsAcceptedOnlyOnceOnTheTopicWithKeyHeadersAndJson() throws Exception {
    byte[] body = POST.getBytes(UTF_8);

    HttpResponse<String> response = post(ACCOUNT, body, HubSignature.sign(SECRET, body));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode answer = JSON.readTree(response.body());
    ChannelEvent expected = expectedEvent(body);
    assertThat(answer.get("eventId").asString()).isEqualTo(expected.eventId());
    assertThat(answer.get("itemId").asString()).isEqualTo(expected.itemId());
    assertThat(answer.get("conversationKey").asString()).isEqualTo(expected.conversationKey());

    // 202 came after the broker's acknowledgement, so the record is already readable.
    List<ConsumerRecord<String, byte[]>> records = pollNew(1);
    ConsumerRecord<String, byte[]> record = records.get(0);
    assertThat(record.key()).isEqualTo(expected.conversationKey());
    assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(expected.eventId());
    assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo(CloudEventHeaders.SOURCE_INGEST);
    assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(ChannelEvent.CE_TYPE);
    assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");

    assertThat(serde.readValue(record.value(), ChannelEvent.class)).isEqualTo(expected);
    JsonNode value = JSON.readTree(record.value());
    assertThat(value.get("channel").asString()).isEqualTo("GENERIC");
    assertThat(value.get("source").asString()).isEqualTo("WEBHOOK");
    assertThat(value.get("receivedAt").asString()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(value.get("createdAt").asString()).isEqualTo("2026-11-25T09:58:00Z");
    assertThat(value.get("raw").asString()).isEqualTo(POST);
  }

  @Test
  void theSamePostTwiceGivesTwoRecordsWithTheSameEventId() throws Exception {
    byte[] body = POST.replace("c-1001", "c-2002").getBytes(UTF_8);
    String signature = HubSignature.sign(SECRET, body);

    assertThat(post(ACCOUNT, body, signature).statusCode()).isEqualTo(202);
    assertThat(post(ACCOUNT, body, signature).statusCode()).isEqualTo(202);

    List<ConsumerRecord<String, byte[]>> records = pollNew(2);
    assertThat(records)
        .extracting(r -> header(r, CloudEventHeaders.ID))
        .containsExactly(expectedEvent(body).eventId(), expectedEvent(body).eventId());
  }

  @Test
  void aBadSignatureIsRefusedAndNothingIsWritten() throws Exception {
    byte[] body = POST.replace("c-1001", "c-3003").getBytes(UTF_8);
    String otherSecretsSignature = HubSignature.sign("not-the-secret".getBytes(UTF_8), body);

    HttpResponse<String> response = post(ACCOUNT, body, otherSecretsSignature);

    assertProblem(response, 401, "bad-signature");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertNothingWrittenBy(body);
  }

  @Test
  void aMissingOrMalformedSignatureIsRefused() throws Exception {
    byte[] body = POST.replace("c-1001", "c-4004").getBytes(UTF_8);

    assertProblem(post(ACCOUNT, body, null), 401, "missing-signature");
    assertProblem(post(ACCOUNT, body, "sha256=xyz"), 401, "malformed-signature");
    assertNothingWrittenBy(body);
  }

  @Test
  void anAccountWithoutASecretIsUnknown() throws Exception {
    byte[] body = POST.getBytes(UTF_8);

    HttpResponse<String> response = post("no-such-account", body, HubSignature.sign(SECRET, body));

    JsonNode problem = assertProblem(response, 404, "unknown-account");
    assertThat(problem.get("detail").asString())
        .isEqualTo("no webhook configured for this account");
  }

  @Test
  void aMalformedBodyIsA400NamingTheField() throws Exception {
    JsonNode notJson = assertProblem(signedPost("this is not json"), 400, "invalid-body");
    assertThat(notJson.get("detail").asString()).contains("not a JSON object");

    JsonNode noId =
        assertProblem(
            signedPost("{\"text\": \"hi\", \"createdAt\": \"2026-11-25T09:58:00Z\"}"),
            400,
            "invalid-body");
    assertThat(noId.get("field").asString()).isEqualTo("platformId");
    assertThat(noId.get("detail").asString()).contains("platformId is required");

    JsonNode badTime =
        assertProblem(
            signedPost("{\"platformId\": \"x\", \"text\": \"hi\", \"createdAt\": \"yesterday\"}"),
            400,
            "invalid-body");
    assertThat(badTime.get("field").asString()).isEqualTo("createdAt");

    JsonNode badKind =
        assertProblem(signedPost(POST.replace("\"created\"", "\"liked\"")), 400, "invalid-body");
    assertThat(badKind.get("field").asString()).isEqualTo("kind");
  }

  @Test
  void anOversizeBodyIsA413() throws Exception {
    String huge =
        "{\"platformId\": \"big\", \"createdAt\": \"2026-11-25T09:58:00Z\", \"text\": \""
            + "x".repeat(MAX_BODY)
            + "\"}";

    assertProblem(signedPost(huge), 413, "body-too-large");
  }

  @Test
  void anOversizeWebhookIsRefusedBeforeItsBodyIsRead() throws Exception {
    // Declares 32 MiB (under the server-wide backfill limit) and sends none of it: only a refusal
    // made from the declared length can answer before the read timeout.
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /webhooks/generic/"
              + ACCOUNT
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + HubSignature.HEADER
              + ": sha256="
              + "0".repeat(64)
              + "\r\nContent-Length: "
              + (32 * 1024 * 1024)
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(UTF_8));
      socket.getOutputStream().flush();
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
      String statusLine = reader.readLine();
      assertThat(statusLine).startsWith("HTTP/1.1 413");
      List<String> headers = new ArrayList<>();
      for (String line = reader.readLine();
          line != null && !line.isEmpty();
          line = reader.readLine()) {
        headers.add(line.toLowerCase(java.util.Locale.ROOT));
      }
      assertThat(headers).contains("content-type: application/problem+json");
    }
  }

  @Test
  void micronautsOwnErrorsAreProblemsToo() throws Exception {
    HttpResponse<String> noRoute =
        http.send(
            HttpRequest.newBuilder(uri("/nowhere")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(noRoute, 404, "not-found");

    HttpResponse<String> wrongMethod =
        http.send(
            HttpRequest.newBuilder(uri("/webhooks/generic/" + ACCOUNT)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(wrongMethod, 405, "method-not-allowed");

    byte[] body = POST.getBytes(UTF_8);
    HttpResponse<String> wrongType =
        http.send(
            HttpRequest.newBuilder(uri("/webhooks/generic/" + ACCOUNT))
                .header("Content-Type", "text/plain")
                .header(HubSignature.HEADER, HubSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(wrongType, 415, "unsupported-media-type");
  }

  @Test
  void healthIsUpAndPrometheusCountsWebhooks() throws Exception {
    byte[] body = POST.getBytes(UTF_8);
    post(ACCOUNT, body, "sha256=" + "0".repeat(64));

    await().atMost(Duration.ofSeconds(30)).until(() -> get("/health").statusCode() == 200);
    JsonNode health = JSON.readTree(get("/health").body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.at("/details/kafka/status").asString()).isEqualTo("UP");

    String metrics = get("/prometheus").body();
    assertThat(metrics)
        .contains(
            "switchboard_ingest_webhooks_total{channel=\"generic\",outcome=\"rejected\","
                + "reason=\"bad-signature\"}");
  }

  @Test
  void withoutKafkaTheAnswerIs503WithRetryAfter() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("switchboard.kafka.bootstrap-servers", "127.0.0.1:" + closedPort);
    properties.put("switchboard.kafka.ack-timeout", "1500ms");
    properties.put("switchboard.kafka.admin-timeout", "1s");
    properties.put("switchboard.webhook.retry-after", "7s");
    properties.put("micronaut.server.port", "-1");
    try (ApplicationContext context =
            ApplicationContext.run(properties, WebhookTestBeans.ENVIRONMENT);
        EmbeddedServer offline = context.getBean(EmbeddedServer.class).start()) {
      byte[] body = POST.getBytes(UTF_8);
      long started = System.nanoTime();

      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(offline.getURI().resolve("/webhooks/generic/" + ACCOUNT))
                  .header("Content-Type", "application/json")
                  .header(HubSignature.HEADER, HubSignature.sign(SECRET, body))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertProblem(response, 503, "kafka-unavailable");
      assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(offline.getURI().resolve("/health")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(health.body()).at("/details/kafka/status").asString())
          .isEqualTo("DOWN");
    }
  }

  private ChannelEvent expectedEvent(byte[] body) throws Exception {
    GenericPost post = serde.readValue(body, GenericPost.class);
    return new GenericPostMapper(20_000)
        .toChannelEvent(ACCOUNT, post, new String(body, UTF_8), WebhookTestBeans.NOW);
  }

  /** Asserts that {@code body}'s event never reached the topic: a later good post arrives alone. */
  private void assertNothingWrittenBy(byte[] rejected) throws Exception {
    byte[] marker = POST.replace("c-1001", "c-marker-" + System.nanoTime()).getBytes(UTF_8);
    assertThat(post(ACCOUNT, marker, HubSignature.sign(SECRET, marker)).statusCode())
        .isEqualTo(202);
    List<ConsumerRecord<String, byte[]>> records = pollNew(1);
    assertThat(header(records.get(0), CloudEventHeaders.ID))
        .isEqualTo(expectedEvent(marker).eventId())
        .isNotEqualTo(expectedEvent(rejected).eventId());
  }

  /** Exactly {@code count} records written since the last call (waiting for them, then a bit). */
  private List<ConsumerRecord<String, byte[]>> pollNew(int count) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (records.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    // One more short poll: more records than expected would be a bug too.
    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    assertThat(records).hasSize(count);
    return records;
  }

  private HttpResponse<String> signedPost(String json) throws Exception {
    byte[] body = json.getBytes(UTF_8);
    return post(ACCOUNT, body, HubSignature.sign(SECRET, body));
  }

  private HttpResponse<String> post(String account, byte[] body, String signature)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/webhooks/generic/" + account))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(HubSignature.HEADER, signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return server.getURI().resolve(path);
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://switchboard.dev/problems/" + slug);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(problem.get("instance").asString()).startsWith("/");
    return problem;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), UTF_8);
  }
}
