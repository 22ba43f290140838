package dev.switchboard.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.web.FacebookTestBeans;
import dev.switchboard.ingest.connectors.web.InstagramTestBeans;
import dev.switchboard.ingest.fuzz.GraphWebhookFuzzer.Target;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzes the Graph webhooks, {@code POST /webhooks/facebook} and {@code POST /webhooks/instagram},
 * on the real server and the real Kafka broker with {@link GraphWebhookFuzzer}: every answer must
 * be 202 or a 4xx problem (never 5xx), each as the case expects, and exactly the events of the
 * answers 202 may reach {@code switchboard.channel-events.v1}.
 *
 * <p>{@code -Dfuzz.tries=N} (per endpoint; the build sets 300, 150 without it) sets the number of
 * requests, {@code -Dfuzz.seed=S} replays a run (Instagram uses S + 1); the seed is printed and in
 * every failure.
 */
@MicronautTest(environments = {FacebookTestBeans.ENVIRONMENT, InstagramTestBeans.ENVIRONMENT})
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // TestPropertyProvider needs one instance
class GraphWebhookFuzzIT implements TestPropertyProvider {

  static final String PAGE = "110000000000201";
  static final String OTHER_PAGE = "110000000000202";
  static final String IG_ACCOUNT = "17841400000000201";
  static final String IG_LINKED_PAGE = "110000000000209";
  static final byte[] FACEBOOK_SECRET = FacebookTestBeans.APP_SECRET.getBytes(UTF_8);
  static final byte[] INSTAGRAM_SECRET = InstagramTestBeans.APP_SECRET.getBytes(UTF_8);
  // Small, so that bodies at and over the limit are cheap to send.
  static final int MAX_BODY = 16_384;
  private static final int DEFAULT_TRIES = 150;

  @Inject EmbeddedServer server;
  @Inject Admin admin;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>();
    p.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    p.put("switchboard.kafka.topic-partitions", "3");
    p.put("switchboard.webhook.max-body-bytes", Integer.toString(MAX_BODY));
    p.put("micronaut.server.port", "-1");
    p.put("switchboard.connectors.facebook.polling-enabled", "false");
    p.put("switchboard.connectors.facebook.pages.fuzz.page-id", PAGE);
    p.put("switchboard.connectors.facebook.pages.fuzz2.page-id", OTHER_PAGE);
    p.put("switchboard.connectors.instagram.polling-enabled", "false");
    p.put("switchboard.connectors.instagram.accounts.fuzz.ig-user-id", IG_ACCOUNT);
    p.put("switchboard.connectors.instagram.accounts.fuzz.page-id", IG_LINKED_PAGE);
    return p;
  }

  @ParameterizedTest
  @EnumSource(Target.class)
  void fuzzedWebhooksGetOnly202Or4xxAndOnlyTheAcceptedArePublished(Target target) throws Exception {
    long seed = Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
    int tries = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
    String replay = "(replay: -Dfuzz.seed=" + seed + " -Dfuzz.tries=" + tries + ")";
    System.out.println(
        "GraphWebhookFuzzIT " + target + ": seed " + seed + ", " + tries + " requests " + replay);
    GraphWebhookFuzzer fuzzer = fuzzer(target, seed);
    Map<TopicPartition, Long> start = endOffsets();
    long began = System.nanoTime();

    List<String> failures = new ArrayList<>();
    List<String> acceptedEventIds = new ArrayList<>();
    Map<String, int[]> counts = new TreeMap<>();
    for (int i = 0; i < tries; i++) {
      String failure =
          GraphWebhookFuzzer.sendAndCheck(
              http, server.getURI(), i, fuzzer.next(), acceptedEventIds, counts);
      if (failure != null) {
        failures.add(failure);
      }
    }
    // Last, a notification that must arrive: reading the topic is proven to work, so "nothing
    // else arrived" cannot pass because nothing could be read.
    List<String> markerIds = new ArrayList<>();
    assertThat(
            GraphWebhookFuzzer.sendAndCheck(
                http, server.getURI(), tries, fuzzer.marker(), markerIds, counts))
        .as(replay)
        .isNull();
    acceptedEventIds.addAll(markerIds);

    System.out.printf(
        "GraphWebhookFuzzIT %s: %d requests in %d ms; answers by family and status %s%n",
        target,
        tries + 1,
        Duration.ofNanos(System.nanoTime() - began).toMillis(),
        counts.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()[0])
            .collect(Collectors.joining(", ")));
    assertThat(failures).as("requests answered against the documentation " + replay).isEmpty();

    assertThat(publishedSince(start))
        .as("event ids on the topic must be exactly those answered 202 " + replay)
        .containsExactlyInAnyOrderElementsOf(acceptedEventIds)
        .containsAll(markerIds);
  }

  /**
   * Regressions found by this fuzzer. Bodies that were not UTF-8 text (overlong forms, encoded
   * surrogates, code points above U+10FFFF, unpaired surrogate escapes) were answered 202 and
   * published with text that was not the sender's; a Page entry with a blank id was accepted (and
   * ignored) where Instagram refuses it; and a notification with nested empty arrays in a field
   * Switchboard does not read got a 500, because the raw payload could not be written back.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "FACEBOOK, overlong slash in message, ours, 'before \\xC0\\xAF after', 1, 400",
    "FACEBOOK, three-byte overlong in message, ours, 'before \\xE0\\x80\\xAF after', 1, 400",
    "FACEBOOK, encoded surrogate in message, ours, 'before \\xED\\xA0\\x80 after', 1, 400",
    "FACEBOOK, above U+10FFFF in message, ours, 'before \\xF5\\x80\\x80\\x80 after', 1, 400",
    "FACEBOOK, lone high surrogate escape in message, ours, 'before \\ud800 after', 1, 400",
    "FACEBOOK, lone low surrogate escape in a name, ours, '\\udfff', 1, 400",
    "FACEBOOK, blank entry id, '', fine, 1, 400",
    "FACEBOOK, nested empty arrays in an unread field, ours, fine, 85, 202",
    "INSTAGRAM, overlong slash in text, ours, 'before \\xC0\\xAF after', 1, 400",
    "INSTAGRAM, encoded surrogate in text, ours, 'before \\xED\\xBF\\xBF after', 1, 400",
    "INSTAGRAM, lone low surrogate escape in text, ours, '\\udfff', 1, 400",
    "INSTAGRAM, nested empty arrays in an unread field, ours, fine, 85, 202",
    "INSTAGRAM, nested empty arrays for an account not ours, 17841499999999999, fine, 85, 202"
  })
  void notificationsThatWereMisansweredAreAnsweredAsDocumented(
      Target target, String name, String entryId, String text, int nesting, int status)
      throws Exception {
    String id = Long.toString(System.nanoTime());
    String entry =
        entryId.equals("ours") ? (target == Target.FACEBOOK ? PAGE : IG_ACCOUNT) : entryId;
    String extra = "[".repeat(nesting) + "]".repeat(nesting);
    String json =
        target == Target.FACEBOOK
            ? "{\"object\":\"page\",\"entry\":[{\"id\":\""
                + entry
                + "\",\"time\":1764057600,\"changes\":[{\"field\":\"feed\",\"value\":"
                + "{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"1_"
                + id
                + "\",\"comment_id\":\"1_"
                + id
                + "_2\",\"from\":{\"id\":\"u\",\"name\":\""
                + (name.contains("name") ? text : "Pat")
                + "\"},\"message\":\""
                + (name.contains("name") ? "fine" : text)
                + "\",\"x-extra\":"
                + extra
                + "}}]}]}"
            : "{\"object\":\"instagram\",\"entry\":[{\"id\":\""
                + entry
                + "\",\"time\":1764057600,\"changes\":[{\"field\":\"comments\",\"value\":"
                + "{\"id\":\"18"
                + id
                + "\",\"media\":{\"id\":\"17\"},\"text\":\""
                + text
                + "\",\"x-extra\":"
                + extra
                + "}}]}]}";
    byte[] body = bytes(json);
    byte[] secret = target == Target.FACEBOOK ? FACEBOOK_SECRET : INSTAGRAM_SECRET;
    boolean ours = entryId.equals("ours");
    GraphWebhookFuzzer.Case fixed =
        new GraphWebhookFuzzer.Case(
            "regression",
            name,
            target,
            "application/json",
            dev.switchboard.channels.webhook.HubSignature.sign(secret, body),
            body,
            false,
            status == 202
                ? FuzzCase.Expected.accepted()
                : FuzzCase.Expected.problem(status, "invalid-body"),
            status == 202 ? (ours ? 1 : 0) : -1,
            status == 202 ? (ours ? 0 : 1) : -1);
    Map<TopicPartition, Long> start = endOffsets();
    List<String> accepted = new ArrayList<>();
    Map<String, int[]> counts = new TreeMap<>();

    assertThat(GraphWebhookFuzzer.sendAndCheck(http, server.getURI(), 0, fixed, accepted, counts))
        .isNull();
    assertThat(
            GraphWebhookFuzzer.sendAndCheck(
                http, server.getURI(), 1, fuzzer(target, 1).marker(), accepted, counts))
        .isNull();

    assertThat(publishedSince(start))
        .containsExactlyInAnyOrderElementsOf(accepted)
        .hasSize(status == 202 && ours ? 2 : 1);
  }

  /** The bytes of {@code json}, in which a backslash, x and two hex digits stand for that byte. */
  private static byte[] bytes(String json) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < json.length(); i++) {
      if (json.startsWith("\\x", i)) {
        out.write(Integer.parseInt(json.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        byte[] one = String.valueOf(json.charAt(i)).getBytes(UTF_8);
        out.write(one, 0, one.length);
      }
    }
    return out.toByteArray();
  }

  static GraphWebhookFuzzer fuzzer(Target target, long seed) {
    String runId = Long.toHexString(seed) + "-" + System.nanoTime();
    return target == Target.FACEBOOK
        ? new GraphWebhookFuzzer(
            seed,
            runId,
            target,
            List.of(PAGE, OTHER_PAGE),
            FACEBOOK_SECRET,
            INSTAGRAM_SECRET,
            MAX_BODY)
        : new GraphWebhookFuzzer(
            seed + 1,
            runId,
            target,
            List.of(IG_ACCOUNT, IG_LINKED_PAGE),
            INSTAGRAM_SECRET,
            FACEBOOK_SECRET,
            MAX_BODY);
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
}
