package dev.switchboard.ingest.backfill.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.CloudEventHeaders;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.IngestSource;
import dev.switchboard.contracts.ItemType;
import dev.switchboard.contracts.Topics;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.backfill.cli.BackfillCommand;
import dev.switchboard.ingest.webhook.web.WebhookTestBeans;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backfill import end to end on the real Kafka broker of embedded-infra: the endpoint and the
 * command, what the caller is told, and what lands on {@code switchboard.channel-events.v1}. Each
 * test imports into its own account, so it reads back only its own events.
 */
@MicronautTest(environments = WebhookTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillIT implements TestPropertyProvider {

  private static final String TOKEN = "it-backfill-token";
  private static final int MAX_BACKFILL = 256 * 1024;
  private static final int MAX_WEBHOOK = 8192;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FACEBOOK_HEADER =
      "Comment ID,Post ID,Parent ID,Author,Message,Created Time,Permalink\r\n";
  private static final String FACEBOOK_EXPORT =
      FACEBOOK_HEADER
          + "111_201,111,,Pat Example,\"Waited 6 hours in A&E, nobody told us anything.\","
          + "2026-11-20T09:58:00+0000,https://www.facebook.com/111/posts/1?comment_id=201\r\n"
          + "111_202,111,111_201,Trust Comms,\"Sorry to hear this.\r\nPlease message us.\","
          + "2026-11-20T10:15:00+0000,https://www.facebook.com/111/posts/1?comment_id=202\r\n";

  @Inject EmbeddedServer server;
  @Inject ObjectMapper serde;
  @Inject Admin admin;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private KafkaConsumer<String, byte[]> consumer;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    properties.put("switchboard.kafka.topic-partitions", "3");
    properties.put("switchboard.backfill.token", TOKEN);
    properties.put("switchboard.backfill.max-body-bytes", Integer.toString(MAX_BACKFILL));
    // Micronaut's own limits above the endpoint's, so the endpoint's own check is what answers.
    properties.put("micronaut.server.max-request-size", Integer.toString(2 * MAX_BACKFILL));
    properties.put("micronaut.server.max-request-buffer-size", Integer.toString(2 * MAX_BACKFILL));
    properties.put("switchboard.webhook.max-body-bytes", Integer.toString(MAX_WEBHOOK));
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
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.CHANNEL_EVENTS).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
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
  void aFacebookCsvExportIsPublishedAsImportedEventsAndReported() throws Exception {
    String account = account();

    HttpResponse<String> response = importFile(csvUri("FACEBOOK", account), FACEBOOK_EXPORT);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("status").asString()).isEqualTo("COMPLETE");
    assertThat(report.get("rowsRead").asLong()).isEqualTo(2);
    assertThat(report.get("published").asLong()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isZero();

    // 200 came after Kafka acknowledged both, so they are already readable.
    List<Received> events = eventsOf(account, 2);
    String itemId = Ids.itemId(Channel.FACEBOOK, account, "111_201");
    ChannelEvent comment = events.get(0).event();
    assertThat(events.get(0).ceId()).isEqualTo(Ids.eventId(itemId, EventKind.CREATED, 0));
    assertThat(comment.eventId()).isEqualTo(Ids.eventId(itemId, EventKind.CREATED, 0));
    assertThat(events.get(0).key())
        .isEqualTo(Ids.conversationKey(Channel.FACEBOOK, account, "111"));
    assertThat(comment.source()).isEqualTo(IngestSource.IMPORT);
    assertThat(comment.channel()).isEqualTo(Channel.FACEBOOK);
    assertThat(comment.itemType()).isEqualTo(ItemType.COMMENT);
    assertThat(comment.text()).isEqualTo("Waited 6 hours in A&E, nobody told us anything.");
    assertThat(comment.receivedAt()).isEqualTo(WebhookTestBeans.NOW);
    assertThat(comment.raw()).isEqualTo(FACEBOOK_EXPORT.split("\r\n")[1]);

    ChannelEvent reply = events.get(1).event();
    assertThat(reply.itemType()).isEqualTo(ItemType.REPLY);
    assertThat(reply.parentId()).isEqualTo("111_201");
    assertThat(reply.text()).isEqualTo("Sorry to hear this.\r\nPlease message us.");
    assertThat(events.get(1).key()).isEqualTo(events.get(0).key());
  }

  @Test
  void aJsonlExportWithRowsOfTwoAccountsIsPublished() throws Exception {
    String account = account();
    String other = account();
    String jsonl =
        "{\"platformId\":\"j-1\",\"text\":\"<p>Thank you ward 7</p>\","
            + "\"createdAt\":\"2026-11-20T09:00:00Z\",\"itemType\":\"review\",\"rating\":5}\n"
            + "{\"account\":\""
            + other
            + "\",\"channel\":\"x\",\"platformId\":\"j-2\",\"text\":\"@trust hi\","
            + "\"createdAt\":\"2026-11-20T09:00:00Z\",\"itemType\":\"mention\"}\n";

    HttpResponse<String> response =
        importFile(
            uri("/api/backfill?format=jsonl&channel=GOOGLE_REVIEWS&account=" + account), jsonl);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("published").asLong()).isEqualTo(2);
    ChannelEvent review = eventsOf(account, 1).get(0).event();
    assertThat(review.channel()).isEqualTo(Channel.GOOGLE_REVIEWS);
    assertThat(review.rating()).isEqualTo(5);
    assertThat(review.text()).isEqualTo("Thank you ward 7");
    ChannelEvent mention = eventsOf(other, 1).get(0).event();
    assertThat(mention.channel()).isEqualTo(Channel.X);
    assertThat(mention.itemId()).isEqualTo(Ids.itemId(Channel.X, other, "j-2"));
  }

  @Test
  void theSameFileTwiceGivesTheSameEventIds() throws Exception {
    String account = account();

    assertThat(importFile(csvUri("FACEBOOK", account), FACEBOOK_EXPORT).statusCode())
        .isEqualTo(200);
    assertThat(importFile(csvUri("FACEBOOK", account), FACEBOOK_EXPORT).statusCode())
        .isEqualTo(200);

    List<String> ids = eventsOf(account, 4).stream().map(Received::ceId).toList();
    assertThat(ids.subList(2, 4)).containsExactlyElementsOf(ids.subList(0, 2));
    assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
  }

  @Test
  void badRowsAreReportedByLineWhileGoodRowsArePublished() throws Exception {
    String account = account();
    String export =
        FACEBOOK_HEADER
            + "c-1,111,,Pat,fine,2026-11-20T09:58:00+0000,\r\n"
            + "c-2,111,,Pat,Patient Jane Doe ward 3,last Tuesday,\r\n"
            + "c-3,111,,Pat,\"never closed\r\n";

    HttpResponse<String> response = importFile(csvUri("FACEBOOK", account), export);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("Jane Doe", "last Tuesday");
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("published").asLong()).isEqualTo(1);
    assertThat(report.get("rejected").asLong()).isEqualTo(2);
    JsonNode rejections = report.get("rejections");
    assertThat(rejections.get(0).get("line").asLong()).isEqualTo(3);
    assertThat(rejections.get(0).get("reason").asString()).isEqualTo("BAD_DATE");
    assertThat(rejections.get(0).get("column").asString()).isEqualTo("Created Time");
    assertThat(rejections.get(1).get("line").asLong()).isEqualTo(4);
    assertThat(rejections.get(1).get("reason").asString()).isEqualTo("MALFORMED_CSV");
    assertThat(eventsOf(account, 1).get(0).event().platformId()).isEqualTo("c-1");
  }

  @Test
  void withoutTheTokenNothingIsRead() throws Exception {
    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(csvUri("FACEBOOK", account()))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(FACEBOOK_EXPORT))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(none, 401, "missing-token");
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

    // Larger than the server reads ahead: the refusal must still reach a client mid-upload.
    String large = FACEBOOK_EXPORT + "x".repeat(MAX_BACKFILL / 2);
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(csvUri("FACEBOOK", account()))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer not-the-token")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(large))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(wrong, 401, "bad-token");
  }

  @Test
  void badParametersAndMissingColumnsAre400() throws Exception {
    assertProblem(
        importFile(uri("/api/backfill?format=xlsx&channel=FACEBOOK&account=a"), FACEBOOK_EXPORT),
        400,
        "invalid-import");
    JsonNode mapping =
        assertProblem(
            importFile(
                uri("/api/backfill?format=csv&channel=FACEBOOK&account=a&mapping=nope"),
                FACEBOOK_EXPORT),
            400,
            "invalid-import");
    assertThat(mapping.get("detail").asString()).contains("facebook-comments");
    JsonNode columns =
        assertProblem(
            importFile(csvUri("FACEBOOK", "a"), "Comment ID,Author\r\n1,Pat\r\n"),
            400,
            "invalid-import");
    assertThat(columns.get("detail").asString()).contains("Post ID, Message, Created Time");
  }

  @Test
  void anUploadOverTheLimitIs413() throws Exception {
    String account = account();
    StringBuilder big = new StringBuilder(FACEBOOK_HEADER);
    for (int i = 0; big.length() <= MAX_BACKFILL; i++) {
      big.append("c-")
          .append(i)
          .append(",111,,Pat,Some text about the ward,2026-11-20T09:58:00+0000,\r\n");
    }

    // With a Content-Length, refused before a byte is read.
    assertProblem(importFile(csvUri("FACEBOOK", account), big.toString()), 413, "body-too-large");

    // Streamed without one, it stops at the limit and says what it published before.
    HttpResponse<String> chunked =
        http.send(
            HttpRequest.newBuilder(csvUri("FACEBOOK", account))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(30))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.toString().getBytes(UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode problem = assertProblem(chunked, 413, "body-too-large");
    long published = problem.at("/report/published").asLong();
    assertThat(problem.at("/report/stop").asString()).isEqualTo("INPUT_TOO_LARGE");
    assertThat(published).isPositive();
    assertThat(eventsOf(account, (int) published)).hasSize((int) published);
  }

  @Test
  void webhooksKeepTheirOwnLimitWhenTheServerTakesLargerUploads() throws Exception {
    byte[] body =
        ("{\"platformId\":\"big\",\"createdAt\":\"2026-11-25T09:58:00Z\",\"text\":\""
                + "x".repeat(MAX_WEBHOOK)
                + "\"}")
            .getBytes(UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/webhooks/generic/" + WebhookTestBeans.ACCOUNT))
                .header("Content-Type", "application/json")
                .header(
                    HubSignature.HEADER,
                    HubSignature.sign(WebhookTestBeans.SECRET.getBytes(UTF_8), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertProblem(response, 413, "body-too-large");
  }

  @Test
  void theCommandPublishesToTheBrokerAndExitsNonZeroWhenRowsAreRejected(@TempDir Path dir)
      throws Exception {
    String account = account();
    Path good = dir.resolve("export.csv");
    Files.writeString(good, FACEBOOK_EXPORT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int clean =
        BackfillCommand.run(
            command(good, account, dir.resolve("good.json")),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8),
            false);

    assertThat(clean).as(err.toString(UTF_8)).isEqualTo(BackfillCommand.OK);
    assertThat(out.toString(UTF_8)).contains("COMPLETE").containsPattern("published +2");
    assertThat(err.toString(UTF_8)).contains("100%  2 rows");
    assertThat(eventsOf(account, 2))
        .extracting(r -> r.event().platformId())
        .containsExactly("111_201", "111_202");
    JsonNode written = JSON.readTree(Files.readString(dir.resolve("good.json")));
    assertThat(written.get("published").asLong()).isEqualTo(2);

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, FACEBOOK_EXPORT + "111_203,111,,Pat,Name and ward,not a date,\r\n");
    out.reset();

    int rejected =
        BackfillCommand.run(
            command(bad, account, dir.resolve("bad.json")),
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8),
            false);

    assertThat(rejected).isEqualTo(BackfillCommand.ROWS_NOT_PUBLISHED);
    assertThat(out.toString(UTF_8))
        // The reply's message spans two lines, so the third row starts on line 5.
        .contains("line 5")
        .contains("BAD_DATE")
        .doesNotContain("Name and ward");
    JsonNode report = JSON.readTree(Files.readString(dir.resolve("bad.json")));
    assertThat(report.at("/rejections/0/line").asLong()).isEqualTo(5);
    // The two good rows again, with the ids they had the first time.
    assertThat(eventsOf(account, 2))
        .extracting(Received::ceId)
        .containsExactly(
            Ids.eventId(Ids.itemId(Channel.FACEBOOK, account, "111_201"), EventKind.CREATED, 0),
            Ids.eventId(Ids.itemId(Channel.FACEBOOK, account, "111_202"), EventKind.CREATED, 0));
  }

  @Test
  void theCommandSaysSoWhenKafkaIsNotThere(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("export.csv");
    Files.writeString(file, FACEBOOK_EXPORT);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = command(file, "a", dir.resolve("r.json"));
    args[args.length - 3] = "127.0.0.1:" + closedPort();

    int code =
        BackfillCommand.run(
            args,
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
            new PrintStream(err, true, UTF_8),
            false);

    assertThat(code).isEqualTo(BackfillCommand.NO_KAFKA);
    assertThat(err.toString(UTF_8)).contains("did not answer");
  }

  @Test
  void withoutATokenConfiguredTheEndpointIsOffAndWithoutKafkaItIs503WithTheReport()
      throws Exception {
    Map<String, Object> properties = new HashMap<>();
    properties.put("switchboard.kafka.bootstrap-servers", "127.0.0.1:" + closedPort());
    properties.put("switchboard.kafka.ack-timeout", "1500ms");
    properties.put("switchboard.kafka.admin-timeout", "1s");
    properties.put("micronaut.server.port", "-1");
    try (ApplicationContext context =
            ApplicationContext.run(properties, WebhookTestBeans.ENVIRONMENT);
        EmbeddedServer off = context.getBean(EmbeddedServer.class).start()) {
      HttpResponse<String> response =
          importFile(off.getURI().resolve("/api/backfill?format=csv&channel=X&account=a"), "x");
      JsonNode problem = assertProblem(response, 404, "backfill-disabled");
      assertThat(problem.get("detail").asString()).contains("SWITCHBOARD_BACKFILL_TOKEN");
    }

    properties.put("switchboard.backfill.token", TOKEN);
    try (ApplicationContext context =
            ApplicationContext.run(properties, WebhookTestBeans.ENVIRONMENT);
        EmbeddedServer offline = context.getBean(EmbeddedServer.class).start()) {
      HttpResponse<String> response =
          importFile(
              offline
                  .getURI()
                  .resolve(
                      "/api/backfill?format=csv&mapping=facebook-comments&channel=FACEBOOK"
                          + "&account=a"),
              FACEBOOK_EXPORT);

      JsonNode problem = assertProblem(response, 503, "kafka-unavailable");
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(problem.at("/report/status").asString()).isEqualTo("INCOMPLETE");
      assertThat(problem.at("/report/stop").asString()).isEqualTo("KAFKA_UNAVAILABLE");
      assertThat(problem.at("/report/published").asLong()).isZero();
      assertThat(problem.at("/report/notPublishedLines/0").asLong()).isEqualTo(2);
    }
  }

  private String[] command(Path file, String account, Path report) {
    return new String[] {
      "--file",
      file.toString(),
      "--format",
      "csv",
      "--mapping",
      "facebook-comments",
      "--channel",
      "FACEBOOK",
      "--account",
      account,
      "--progress",
      "plain",
      "--kafka",
      SharedInfrastructure.get().kafkaBootstrapServers(),
      "--report",
      report.toString()
    };
  }

  private record Received(String key, String ceId, ChannelEvent event) {}

  /**
   * Exactly {@code count} events of {@code account} written since the last call for it, in order
   * per conversation (waiting for them, then a little longer: more would be a bug too).
   */
  private List<Received> eventsOf(String account, int count) throws Exception {
    List<Received> found = new ArrayList<>(pending.getOrDefault(account, List.of()));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (found.size() < count && System.nanoTime() < deadline) {
      drain(found, account, Duration.ofMillis(200));
    }
    drain(found, account, Duration.ofMillis(500));
    pending.remove(account);
    assertThat(found).hasSize(count);
    return found;
  }

  // Records of other accounts seen while waiting for one, kept for when their test asks.
  private final Map<String, List<Received>> pending = new HashMap<>();

  private void drain(List<Received> found, String account, Duration wait) throws Exception {
    for (var record : consumer.poll(wait)) {
      ChannelEvent event = serde.readValue(record.value(), ChannelEvent.class);
      String ceId = new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), UTF_8);
      Received received = new Received(record.key(), ceId, event);
      if (event.account().equals(account)) {
        found.add(received);
      } else {
        pending.computeIfAbsent(event.account(), a -> new ArrayList<>()).add(received);
      }
    }
  }

  private HttpResponse<String> importFile(URI target, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(target)
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI csvUri(String channel, String account) {
    return uri(
        "/api/backfill?format=csv&mapping=facebook-comments&channel="
            + channel
            + "&account="
            + account);
  }

  private URI uri(String path) {
    return server.getURI().resolve(path);
  }

  private static String account() {
    return "it-page-" + System.nanoTime();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://switchboard.dev/problems/" + slug);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
    return problem;
  }
}
