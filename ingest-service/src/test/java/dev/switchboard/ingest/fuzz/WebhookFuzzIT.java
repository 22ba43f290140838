package dev.switchboard.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.webhook.web.WebhookTestBeans;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes {@code POST /webhooks/generic/{account}} on the real server and the real Kafka broker:
 * every answer must be 202 or a 4xx problem (never 5xx), each as the documentation promises for
 * that request, and exactly the posts answered 202 may reach {@code switchboard.channel-events.v1}.
 *
 * <p>{@code -Dfuzz.tries=N} (default 300) sets the number of requests, {@code -Dfuzz.seed=S}
 * replays a run; the seed is printed at the start and in every failure.
 */
@MicronautTest(environments = WebhookTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // TestPropertyProvider needs one instance
class WebhookFuzzIT implements TestPropertyProvider {

  private static final String ACCOUNT = WebhookTestBeans.ACCOUNT;
  private static final byte[] SECRET = WebhookTestBeans.SECRET.getBytes(UTF_8);
  // Small limits, so that bodies over and at the limit and over-long texts are cheap to send.
  private static final int MAX_BODY = 8192;
  private static final int MAX_TEXT = 2000;
  private static final int DEFAULT_TRIES = 300;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Inject EmbeddedServer server;
  @Inject Admin admin;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    properties.put("switchboard.kafka.topic-partitions", "3");
    properties.put("switchboard.webhook.max-body-bytes", Integer.toString(MAX_BODY));
    properties.put("switchboard.webhook.max-text-length", Integer.toString(MAX_TEXT));
    properties.put("micronaut.server.max-request-size", Integer.toString(MAX_BODY));
    properties.put("micronaut.server.port", "-1");
    return properties;
  }

  @Test
  void fuzzedWebhooksGetOnly202Or4xxAndOnlyTheAcceptedArePublished() throws Exception {
    long seed = Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
    int tries = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
    String replay = "(replay: -Dfuzz.seed=" + seed + " -Dfuzz.tries=" + tries + ")";
    System.out.println("WebhookFuzzIT: seed " + seed + ", " + tries + " requests " + replay);
    WebhookFuzzer fuzzer =
        new WebhookFuzzer(
            seed,
            Long.toHexString(seed) + "-" + System.nanoTime(),
            ACCOUNT,
            SECRET,
            MAX_BODY,
            MAX_TEXT);
    Map<TopicPartition, Long> start = endOffsets();

    List<String> failures = new ArrayList<>();
    List<String> acceptedEventIds = new ArrayList<>();
    Map<String, int[]> statusCounts = new TreeMap<>();
    for (int i = 0; i < tries; i++) {
      FuzzCase fuzz = fuzzer.next();
      String failure = check(i, fuzz, acceptedEventIds, statusCounts);
      if (failure != null) {
        failures.add(failure);
      }
    }
    // Last, a post that must arrive: reading the topic is proven to work, so "nothing else
    // arrived" cannot pass because nothing could be read.
    FuzzCase marker = fuzzer.marker();
    String markerFailure = check(tries, marker, acceptedEventIds, statusCounts);
    assertThat(markerFailure).as(replay).isNull();

    System.out.println(
        "WebhookFuzzIT: answers by family and status "
            + statusCounts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()[0])
                .collect(Collectors.joining(", ")));
    assertThat(failures).as("requests answered against the documentation " + replay).isEmpty();

    List<String> published = publishedSince(start);
    assertThat(published)
        .as("event ids on the topic must be exactly those answered 202 " + replay)
        .containsExactlyInAnyOrderElementsOf(acceptedEventIds)
        .contains(acceptedEventIds.get(acceptedEventIds.size() - 1));
  }

  /**
   * Regressions found by this fuzzer: these were answered 202 and published, with text that was not
   * the sender's (overlong forms decoded, encoded surrogates kept) or not Unicode at all.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "overlong slash in text, 'before \\xC0\\xAF after',",
    "three-byte overlong in text, 'before \\xE0\\x80\\xAF after',",
    "encoded surrogate in text, 'before \\xED\\xA0\\x80 after',",
    "above U+10FFFF in text, 'before \\xF5\\x80\\x80\\x80 after',",
    "lone high surrogate escape in text, 'before \\\\ud800 after', text",
    "lone low surrogate escape in text, '\\\\udfff', text"
  })
  void textThatIsNotUnicodeIsRefusedAndNotPublished(String name, String text, String field)
      throws Exception {
    byte[] body = withText(text);
    Map<TopicPartition, Long> start = endOffsets();
    FuzzCase refused =
        new FuzzCase(
            "regression",
            name,
            ACCOUNT,
            "application/json",
            HubSignature.sign(SECRET, body),
            body,
            false,
            field == null
                ? FuzzCase.Expected.problem(400, "invalid-body")
                : FuzzCase.Expected.invalidField(field));
    List<String> accepted = new ArrayList<>();
    Map<String, int[]> counts = new TreeMap<>();

    assertThat(check(0, refused, accepted, counts)).isNull();
    WebhookFuzzer fuzzer =
        new WebhookFuzzer(
            1, "regression-" + System.nanoTime(), ACCOUNT, SECRET, MAX_BODY, MAX_TEXT);
    assertThat(check(1, fuzzer.marker(), accepted, counts)).isNull();

    assertThat(publishedSince(start)).containsExactlyElementsOf(accepted).hasSize(1);
  }

  /**
   * A valid post whose text is {@code text}, in which a backslash, x and two hex digits stand for
   * that raw byte, and two backslashes and u for a JSON escape.
   */
  private static byte[] withText(String text) {
    String json =
        "{\"platformId\": \"regression-"
            + System.nanoTime()
            + "\", \"createdAt\": \"2026-11-25T09:58:00Z\", \"text\": \""
            + text.replace("\\\\u", "\\u")
            + "\"}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < json.length(); i++) {
      if (json.startsWith("\\x", i)) {
        out.write(Integer.parseInt(json.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        byte[] bytes = String.valueOf(json.charAt(i)).getBytes(UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toByteArray();
  }

  /** Sends one case; returns why its answer is wrong, or null. */
  private String check(
      int index, FuzzCase fuzz, List<String> acceptedEventIds, Map<String, int[]> counts) {
    String name = "#" + index + " " + fuzz.family() + ": " + fuzz.description();
    HttpResponse<String> response;
    try {
      response = send(fuzz);
    } catch (IOException e) {
      return name + ": no HTTP answer (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return name + ": interrupted";
    }
    int status = response.statusCode();
    counts.computeIfAbsent(fuzz.family() + "/" + status, k -> new int[1])[0]++;
    String seen = name + ": expected " + fuzz.expected() + " but got " + status;
    if (!fuzz.expected().allows(status)) {
      return seen + " " + abbreviate(response.body());
    }
    if (status == 202) {
      JsonNode accepted = JSON.readTree(response.body());
      acceptedEventIds.add(accepted.get("eventId").asString());
      return null;
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (!contentType.startsWith("application/problem+json")) {
      return seen + " with Content-Type " + contentType;
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(response.body());
    } catch (RuntimeException e) {
      return seen + " with a body that is not JSON";
    }
    if (!problem.path("type").asString("").startsWith("https://switchboard.dev/problems/")
        || problem.path("title").asString("").isBlank()
        || problem.path("status").asInt() != status) {
      return seen + " with an incomplete problem " + abbreviate(response.body());
    }
    String slug = fuzz.expected().slug();
    if (slug != null && !problem.get("type").asString().endsWith("/" + slug)) {
      return seen + " of type " + problem.get("type").asString() + ", not " + slug;
    }
    String field = fuzz.expected().field();
    if (field != null && !field.equals(problem.path("field").asString(null))) {
      return seen + " naming field " + problem.path("field").asString(null) + ", not " + field;
    }
    return null;
  }

  private HttpResponse<String> send(FuzzCase fuzz) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body =
        fuzz.chunked()
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fuzz.body()))
            : HttpRequest.BodyPublishers.ofByteArray(fuzz.body());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve("/webhooks/generic/" + fuzz.account()))
            .timeout(Duration.ofSeconds(30))
            .POST(body);
    if (fuzz.contentType() != null) {
      request.header("Content-Type", fuzz.contentType());
    }
    if (fuzz.signature() != null) {
      request.header(HubSignature.HEADER, fuzz.signature());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Map<TopicPartition, Long> endOffsets() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.listTopics().names().get().contains(Topics.CHANNEL_EVENTS));
    int partitions =
        admin
            .describeTopics(Set.of(Topics.CHANNEL_EVENTS))
            .allTopicNames()
            .get()
            .get(Topics.CHANNEL_EVENTS)
            .partitions()
            .size();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> all = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        all.add(new TopicPartition(Topics.CHANNEL_EVENTS, p));
      }
      return new HashMap<>(consumer.endOffsets(all));
    }
  }

  /** The {@code ce_id} of every record written after {@code start}, up to the end now. */
  private List<String> publishedSince(Map<TopicPartition, Long> start) throws Exception {
    Map<TopicPartition, Long> end = endOffsets();
    List<String> ids = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumer.assign(end.keySet());
      end.keySet().forEach(p -> consumer.seek(p, start.getOrDefault(p, 0L)));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (end.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            ids.add(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), UTF_8));
          }
        }
      }
    }
    return ids;
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedInfrastructure.get().kafkaBootstrapServers());
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
