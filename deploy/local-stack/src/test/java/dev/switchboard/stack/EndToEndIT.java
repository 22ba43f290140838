package dev.switchboard.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.Infrastructure;
import dev.switchboard.infra.WithInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four services as separate processes on the real Kafka, OpenSearch and PostgreSQL: a signed
 * webhook becomes searchable and has exactly one case; a repeat changes nothing; a badly signed one
 * leaves no trace. Waits are generous: speed belongs to the benchmarks.
 */
@WithInfrastructure
class EndToEndIT {

  private static final String ACCOUNT = "e2e-trust";
  private static final String SECRET =
      HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes());
  private static final Duration PIPELINE = Duration.ofMinutes(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Infrastructure infra;
  private static StackOptions options;
  private static Stack stack;

  @BeforeAll
  static void startServices(Infrastructure infrastructure) throws IOException {
    infra = infrastructure;
    Path home = Path.of(System.getProperty("switchboard.home", "../..")).toAbsolutePath();
    Path logs = Path.of("target", "e2e-logs");
    Files.createDirectories(logs);
    Map<String, Path> logFiles = new ConcurrentHashMap<>();
    options =
        new StackOptions(
            home.normalize(),
            freePort(),
            freePort(),
            freePort(),
            freePort(),
            3,
            Map.of(ACCOUNT, SECRET),
            "384m");
    stack =
        Stack.start(
            infra,
            options,
            Duration.ofMinutes(5),
            (name, line) ->
                append(logFiles.computeIfAbsent(name, n -> logs.resolve(n + ".log")), line));
  }

  @AfterAll
  static void stopServices() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aSignedWebhookBecomesSearchableAndHasExactlyOneCase() throws Exception {
    String word = uniqueWord();
    String platformId = "post-" + UUID.randomUUID();
    String body =
        post(platformId, platformId, "We waited six hours in A&E " + word + ", disgusting.");

    HttpResponse<String> accepted = sendWebhook(body, sign(body, SECRET));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String itemId = Ids.itemId(Channel.GENERIC, ACCOUNT, platformId);
    JsonNode hits = awaitSearchHits(word, 1);
    assertThat(hits.get(0).get("itemId").asString()).isEqualTo(itemId);
    assertThat(hits.get(0).get("highlights").toString()).contains("<em>");
    assertThat(casesOf(Ids.conversationKey(Channel.GENERIC, ACCOUNT, platformId))).hasSize(1);
  }

  @Test
  void theSameWebhookTwiceIsStillOnePostAndOneCase() throws Exception {
    String word = uniqueWord();
    String root = "post-" + UUID.randomUUID();
    String body = post(root, root, "How do I get a copy of my letter " + word + "?");
    String signature = sign(body, SECRET);

    assertThat(sendWebhook(body, signature).statusCode()).isEqualTo(202);
    assertThat(sendWebhook(body, signature).statusCode()).isEqualTo(202);
    // A later post in the same conversation travels the same partition behind both copies: once
    // it is searchable, both copies have been through every service.
    String marker = uniqueWord();
    String reply = post("reply-" + UUID.randomUUID(), root, "Still waiting " + marker);
    assertThat(sendWebhook(reply, sign(reply, SECRET)).statusCode()).isEqualTo(202);
    awaitSearchHits(marker, 1);

    assertThat(searchHits(word)).hasSize(1);
    List<JsonNode> cases = casesOf(Ids.conversationKey(Channel.GENERIC, ACCOUNT, root));
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).get("postCount").asInt()).isEqualTo(2);
  }

  @Test
  void aBadSignatureLeavesNoTraceAnywhere() throws Exception {
    String word = uniqueWord();
    String root = "post-" + UUID.randomUUID();
    String forged = post(root, root, "Forged " + word);

    HttpResponse<String> rejected = sendWebhook(forged, sign(forged, "not-the-secret"));

    assertThat(rejected.statusCode()).isEqualTo(401);
    assertThat(rejected.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    // A genuine post in the same conversation, sent after the forged one, shows the pipeline has
    // had every chance to process the forged one had it been accepted.
    String marker = uniqueWord();
    String genuine = post("reply-" + UUID.randomUUID(), root, "Genuine " + marker);
    assertThat(sendWebhook(genuine, sign(genuine, SECRET)).statusCode()).isEqualTo(202);
    awaitSearchHits(marker, 1);

    assertThat(searchHits(word)).isEmpty();
    List<JsonNode> cases = casesOf(Ids.conversationKey(Channel.GENERIC, ACCOUNT, root));
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).get("postCount").asInt()).isEqualTo(1);
    String forgedItem = Ids.itemId(Channel.GENERIC, ACCOUNT, root);
    assertThat(channelEventValues()).noneMatch(value -> value.contains(forgedItem));
  }

  private static String post(String platformId, String threadRootId, String text) {
    return JSON.writeValueAsString(
        Map.of(
            "platformId",
            platformId,
            "threadRootId",
            threadRootId,
            "kind",
            "created",
            "itemType",
            "comment",
            "author",
            Map.of("id", "author-1", "name", "A. Member"),
            "text",
            text,
            "url",
            "https://example.org/" + platformId,
            "createdAt",
            "2026-11-25T09:30:00Z"));
  }

  private static HttpResponse<String> sendWebhook(String body, String signature)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + options.ingestPort() + "/webhooks/generic/" + ACCOUNT))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode awaitSearchHits(String word, int count) {
    List<JsonNode> result = new ArrayList<>();
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              List<JsonNode> hits = searchHits(word);
              assertThat(hits).hasSize(count);
              result.clear();
              result.addAll(hits);
            });
    return JSON.valueToTree(result);
  }

  private static List<JsonNode> searchHits(String word) throws IOException, InterruptedException {
    JsonNode found = getJson("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
    List<JsonNode> hits = new ArrayList<>();
    found.get("hits").forEach(hits::add);
    return hits;
  }

  private static List<JsonNode> casesOf(String conversationKey)
      throws IOException, InterruptedException {
    JsonNode cases = getJson("/api/cases?size=200");
    JsonNode list = cases.isArray() ? cases : cases.get("cases");
    List<JsonNode> matching = new ArrayList<>();
    list.forEach(
        c -> {
          if (conversationKey.equals(c.get("conversationKey").asString())) {
            matching.add(c);
          }
        });
    return matching;
  }

  private static JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + options.responsePort() + path))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Every value on the channel-events topic, read from the beginning to the current end. */
  private static List<String> channelEventValues() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CHANNEL_EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("read channel-events to its end").isLessThan(deadline);
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  static String sign(String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String uniqueWord() {
    // Letters only, so the English analyzer keeps it whole and nothing else in the index matches.
    StringBuilder word = new StringBuilder("zq");
    for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
      word.append((char) ('a' + Character.digit(c, 16)));
    }
    return word.toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(Path file, String line) {
    try {
      Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
