package dev.switchboard.ingest.connectors.web;

import static dev.switchboard.ingest.connectors.web.ChannelEventsReader.byPlatformId;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.FakeInstagram;
import dev.switchboard.fakes.InstagramFault;
import dev.switchboard.fakes.InstagramWebhooks;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.config.InstagramConnectors;
import dev.switchboard.ingest.connectors.instagram.InstagramAccountConnector;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Instagram connector end to end: the fake Instagram Graph API for the platform, the real Kafka
 * broker of embedded-infra for events and cursors, the service's HTTP endpoints. Each test has its
 * own account, so what it reads from the topic is its own.
 */
@MicronautTest(environments = InstagramTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstagramConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_BODY = 65_536;
  private static final String TRUST = "17841400000000101";
  private static final String STORM = "17841400000000102";
  private static final String BROKEN = "17841400000000103";
  private static final String RESTART = "17841400000000104";
  private static final String HOOKS = "17841400000000105";
  private static final String FUZZ = "17841400000000106";
  private static final FakeInstagram INSTAGRAM =
      FakeInstagram.start()
          .addAccount(TRUST, "3101", "token-trust")
          .addAccount(STORM, "3102", "token-storm")
          .addAccount(BROKEN, "3103", "token-broken")
          .addAccount(RESTART, "3104", "token-restart");

  @Inject EmbeddedServer server;
  @Inject InstagramConnectors connectors;
  @Inject Admin admin;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private ChannelEventsReader topic;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>();
    p.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    p.put("switchboard.kafka.topic-partitions", "3");
    p.put("micronaut.server.port", "-1");
    p.put("switchboard.webhook.max-body-bytes", Integer.toString(MAX_BODY));
    p.put("switchboard.connectors.facebook.polling-enabled", "false");
    String prefix = "switchboard.connectors.instagram.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "graph-url", INSTAGRAM.baseUrl().toString());
    p.put(prefix + "page-size", "2");
    p.put(prefix + "max-media", "10");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    p.put(prefix + "accounts.trust.ig-user-id", TRUST);
    p.put(prefix + "accounts.trust.page-id", "3101");
    p.put(prefix + "accounts.storm.ig-user-id", STORM);
    p.put(prefix + "accounts.broken.ig-user-id", BROKEN);
    p.put(prefix + "accounts.restart.ig-user-id", RESTART);
    // Accounts without a token: not polled, but their webhooks are accepted.
    p.put(prefix + "accounts.hooks.ig-user-id", HOOKS);
    p.put(prefix + "accounts.hooks.page-id", "3105");
    p.put(prefix + "accounts.fuzz.ig-user-id", FUZZ);
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    INSTAGRAM.close();
  }

  @Test
  void polledCommentsRepliesAndDirectMessagesArriveAsChannelEvents() throws Exception {
    String media = INSTAGRAM.addMedia(TRUST, "Our new maternity unit", T0);
    String comment =
        INSTAGRAM.addComment(
            media,
            null,
            "Parking at <b>St Elsewhere</b> is a disgrace",
            "u-1",
            "pat",
            T0.plusSeconds(30));
    String reply =
        INSTAGRAM.addComment(media, comment, "Same here", "u-2", "sam", T0.plusSeconds(60));
    String dm =
        INSTAGRAM.addMessage(
            TRUST, "igsid-4", "jo", false, "Can I change my appointment?", T0.plusSeconds(90));

    assertThat(connectors.create("trust").poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents(TRUST, 3);
    JsonNode commentEvent = byPlatformId(events, comment);
    assertThat(commentEvent.get("channel").asString()).isEqualTo("INSTAGRAM");
    assertThat(commentEvent.get("kind").asString()).isEqualTo("CREATED");
    assertThat(commentEvent.get("itemType").asString()).isEqualTo("COMMENT");
    assertThat(commentEvent.get("text").asString())
        .isEqualTo("Parking at St Elsewhere is a disgrace");
    assertThat(commentEvent.get("threadRootId").asString()).isEqualTo(media);
    assertThat(commentEvent.get("parentId").asString()).isEqualTo(media);
    assertThat(commentEvent.get("source").asString()).isEqualTo("POLL");
    assertThat(commentEvent.get("visibility").asString()).isEqualTo("PUBLIC");
    assertThat(commentEvent.get("url").asString())
        .isEqualTo("https://www.instagram.com/p/Fake" + media + "/");
    assertThat(commentEvent.get("itemId").asString())
        .isEqualTo(Ids.itemId(Channel.INSTAGRAM, TRUST, comment));
    assertThat(commentEvent.get("createdAt").asString()).isEqualTo("2026-11-25T08:00:30Z");
    assertThat(commentEvent.at("/author/name").asString()).isEqualTo("pat");
    assertThat(commentEvent.at("/author/platformId").asString()).isEqualTo("u-1");
    assertThat(commentEvent.get("raw").asString()).contains("\"id\":\"" + comment + "\"");

    JsonNode replyEvent = byPlatformId(events, reply);
    assertThat(replyEvent.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(replyEvent.get("parentId").asString()).isEqualTo(comment);
    assertThat(replyEvent.get("conversationKey").asString())
        .isEqualTo(commentEvent.get("conversationKey").asString());

    JsonNode message = byPlatformId(events, dm);
    assertThat(message.get("itemType").asString()).isEqualTo("PRIVATE_MESSAGE");
    assertThat(message.get("visibility").asString()).isEqualTo("PRIVATE");
    assertThat(message.get("threadRootId").asString()).isEqualTo("igsid-4");
    assertThat(message.get("text").asString()).isEqualTo("Can I change my appointment?");

    // The same comment and message by webhook are the same items and the same events.
    byte[] body =
        InstagramWebhooks.forAccount(TRUST)
            .comment(comment, media, null, "Parking at St Elsewhere is a disgrace", "u-1", "pat")
            .message(dm, "igsid-4", "Can I change my appointment?", T0.plusSeconds(90))
            .json(T0.plusSeconds(91))
            .getBytes(UTF_8);
    HttpResponse<String> answer = postWebhook(body, sign(body));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    List<JsonNode> pushed = awaitEvents(TRUST, 5).subList(3, 5);
    assertThat(pushed).allSatisfy(e -> assertThat(e.get("source").asString()).isEqualTo("WEBHOOK"));
    assertThat(pushed)
        .extracting(e -> e.get("eventId").asString())
        .containsExactlyInAnyOrder(
            commentEvent.get("eventId").asString(), message.get("eventId").asString());
    assertThat(byPlatformId(pushed, dm).get("conversationKey").asString())
        .isEqualTo(message.get("conversationKey").asString());

    // A deletion seen by the next poll is its own event for the same item.
    INSTAGRAM.deleteComment(reply);
    assertThat(connectors.create("trust").poll().complete()).isTrue();
    JsonNode deleted = awaitEvents(TRUST, 6).get(5);
    assertThat(deleted.get("kind").asString()).isEqualTo("DELETED");
    assertThat(deleted.get("itemId").asString()).isEqualTo(replyEvent.get("itemId").asString());
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expected = new HashSet<>();
    INSTAGRAM.setEmbeddedReplies(1);
    for (int i = 0; i < 5; i++) {
      String media = INSTAGRAM.addMedia(RESTART, "media " + i, T0.plusSeconds(600L * i));
      String comment =
          INSTAGRAM.addComment(
              media, null, "comment " + i, "c", "cee", T0.plusSeconds(600L * i + 5));
      for (int r = 0; r < 2; r++) {
        String reply =
            INSTAGRAM.addComment(
                media, comment, "reply " + r, "d", "dee", T0.plusSeconds(600L * i + 9 + r));
        expected.add(Ids.itemId(Channel.INSTAGRAM, RESTART, reply));
      }
      expected.add(Ids.itemId(Channel.INSTAGRAM, RESTART, comment));
    }

    // The first instance stops after two of five media...
    InstagramAccountConnector first = connectors.create("restart");
    assertThat(first.poll(2).complete()).isFalse();
    // ...a new one reads the cursor back from Kafka and carries on.
    InstagramAccountConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();
    // And a third, after the pass, finds nothing new.
    assertThat(connectors.create("restart").poll().events()).isZero();

    List<JsonNode> events = awaitEvents(RESTART, 15);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(15);
  }

  @Test
  void aRateLimitStormSlowsTheConnectorDownWithoutLosingAnything() throws Exception {
    String media = INSTAGRAM.addMedia(STORM, "storm", T0);
    for (int i = 0; i < 3; i++) {
      INSTAGRAM.addComment(media, null, "storm " + i, "u", "you", T0.plusSeconds(i + 1));
    }
    INSTAGRAM.setUsagePercent(64);
    int before = INSTAGRAM.requests().size();
    INSTAGRAM.failNextMatching("/" + STORM + "/media", new InstagramFault.GraphRateLimit(4, 0));
    INSTAGRAM.failNextMatching("/" + STORM + "/media", new InstagramFault.GraphRateLimit(613, 0));
    INSTAGRAM.failNextMatching("/" + STORM + "/media", new InstagramFault.TooManyRequests(1));
    INSTAGRAM.failNextMatching("/" + STORM + "/media", new InstagramFault.ServerError(503));

    assertThat(connectors.create("storm").poll().complete()).isTrue();

    assertThat(awaitEvents(STORM, 3))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("storm 0", "storm 1", "storm 2");
    List<FakeInstagram.RecordedRequest> calls =
        INSTAGRAM.requests().subList(before, INSTAGRAM.requests().size()).stream()
            .filter(r -> r.path().endsWith("/" + STORM + "/media"))
            .toList();
    assertThat(calls)
        .extracting(FakeInstagram.RecordedRequest::status)
        .containsExactly(400, 400, 429, 503, 200);
    // Backoff from 200 ms doubling with ±50% jitter, and Retry-After: 1 s honoured.
    assertThat(gap(calls, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(gap(calls, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(gap(calls, 3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(connectors.rateLimitHeadroomPercent()).isPresent();
    assertThat(get("/prometheus").body())
        .contains("switchboard_connector_rate_limit_headroom_percent{platform=\"instagram\"} 36.0")
        .contains("switchboard_connector_circuit_open{platform=\"instagram\"} 0.0");
    INSTAGRAM.setUsagePercent(0);
  }

  @Test
  void malformedAnswersAreReportedAndSkippedWithoutStoppingTheConnector() throws Exception {
    String media = INSTAGRAM.addMedia(BROKEN, "fine media", T0);
    INSTAGRAM.corruptMedia(INSTAGRAM.addMedia(BROKEN, "broken media", T0.plusSeconds(1)));
    INSTAGRAM.addComment(media, null, "good comment", "u", "you", T0.plusSeconds(2));
    INSTAGRAM.corruptComment(
        INSTAGRAM.addComment(media, null, "broken comment", "u", "you", T0.plusSeconds(3)));
    INSTAGRAM.failNextMatching("/" + media + "/comments", new InstagramFault.MalformedJson());
    InstagramAccountConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    assertThat(awaitEvents(BROKEN, 1))
        .extracting(e -> e.get("text").asString())
        .containsExactly("good comment");
    String metrics = get("/prometheus").body();
    // The broken media twice (two passes), the broken answer once, the broken comment once.
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"instagram:broken\"[^}]*} 4\\.0");
    assertThat(metrics).doesNotContain("broken comment").doesNotContain("broken media");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = null;
    for (JsonNode c : api) {
      if (c.get("id").asString().equals("instagram:broken")) {
        broken = c;
      }
    }
    assertThat(broken).isNotNull();
    assertThat(broken.get("malformed").asLong()).isEqualTo(4);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(1);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
    assertThat(api.toString()).contains("instagram:hooks");
  }

  @Test
  void theWebhookHandshakeEchoesTheChallengeOnlyForOurToken() throws Exception {
    HttpResponse<String> ok =
        get(
            "/webhooks/instagram?hub.mode=subscribe&hub.verify_token="
                + InstagramTestBeans.VERIFY_TOKEN
                + "&hub.challenge=827364");
    HttpResponse<String> wrong =
        get("/webhooks/instagram?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=827364");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("827364");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(wrong.body()).doesNotContain("827364");
  }

  @Test
  void badSignaturesAndShapesPublishNothingAndCommentsAndMessagesArriveByWebhook()
      throws Exception {
    byte[] forged =
        InstagramWebhooks.forAccount(HOOKS)
            .comment("90001", "80001", null, "forged", "u", "you")
            .json(T0)
            .getBytes(UTF_8);
    assertProblem(
        postWebhook(forged, HubSignature.sign("wrong".getBytes(UTF_8), forged)),
        401,
        "bad-signature");
    assertProblem(postWebhook(forged, null), 401, "missing-signature");
    assertProblem(postWebhook(forged, "sha1=abc"), 401, "malformed-signature");
    byte[] page =
        "{\"object\":\"page\",\"entry\":[{\"id\":\"3105\",\"time\":1,\"changes\":[]}]}"
            .getBytes(UTF_8);
    assertProblem(postWebhook(page, sign(page)), 400, "invalid-body");
    byte[] noMedia =
        ("{\"object\":\"instagram\",\"entry\":[{\"id\":\""
                + HOOKS
                + "\",\"time\":1,"
                + "\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"90002\","
                + "\"text\":\"no media\"}}]}]}")
            .getBytes(UTF_8);
    assertProblem(postWebhook(noMedia, sign(noMedia)), 400, "invalid-body");
    byte[] huge =
        ("{\"object\":\"instagram\",\"pad\":\"" + "x".repeat(MAX_BODY) + "\"}").getBytes(UTF_8);
    assertProblem(postWebhook(huge, sign(huge)), 413, "body-too-large");

    byte[] notOurs =
        InstagramWebhooks.forAccount("17841499999999999")
            .comment("90003", "80003", null, "not ours", "u", "you")
            .json(T0)
            .getBytes(UTF_8);
    HttpResponse<String> ignored = postWebhook(notOurs, sign(notOurs));
    assertThat(ignored.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(ignored.body()).get("events").asInt()).isZero();
    assertThat(JSON.readTree(ignored.body()).get("ignored").asInt()).isEqualTo(1);

    byte[] comments =
        InstagramWebhooks.forAccount(HOOKS)
            .comment("90010", "80010", null, "Thank you to ward 7", "u-7", "lee")
            .comment("90011", "80010", "90010", "Seconded", "u-8", "max")
            .comment("live_comments", "90012", "80011", null, "Live now?", "u-9", "ned")
            .json(T0)
            .getBytes(UTF_8);
    // Messaging notifications may name the linked Page rather than the IG account.
    byte[] messages =
        InstagramWebhooks.forAccount("3105")
            .message("mid.hooks.1", "igsid-77", "Is the clinic open?", T0.plusSeconds(10))
            .echo("mid.hooks.2", "igsid-77", "Yes, until 5pm", T0.plusSeconds(20))
            .unsent("mid.hooks.1", "igsid-77", T0.plusSeconds(30))
            .read("igsid-77", "mid.hooks.2", T0.plusSeconds(40))
            .json(T0.plusSeconds(41))
            .getBytes(UTF_8);
    HttpResponse<String> accepted = postWebhook(comments, sign(comments));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(JSON.readTree(accepted.body()).get("events").asInt()).isEqualTo(3);
    assertThat(postWebhook(messages, sign(messages)).statusCode()).isEqualTo(202);

    List<JsonNode> events = awaitEvents(HOOKS, 6);
    assertThat(events)
        .extracting(e -> e.get("platformId").asString())
        .doesNotContain("90001", "90002", "90003");
    JsonNode reply = byPlatformId(events, "90011");
    assertThat(reply.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(reply.get("parentId").asString()).isEqualTo("90010");
    assertThat(reply.get("threadRootId").asString()).isEqualTo("80010");
    assertThat(reply.get("raw").asString()).contains("\"parent_id\":\"90010\"");
    assertThat(byPlatformId(events, "90012").get("threadRootId").asString()).isEqualTo("80011");
    List<JsonNode> dms =
        events.stream().filter(e -> e.get("platformId").asString().startsWith("mid.")).toList();
    assertThat(dms)
        .extracting(e -> e.get("platformId").asString() + ":" + e.get("kind").asString())
        .containsExactlyInAnyOrder(
            "mid.hooks.1:CREATED", "mid.hooks.2:CREATED", "mid.hooks.1:DELETED");
    assertThat(dms)
        .allSatisfy(
            e -> {
              assertThat(e.get("visibility").asString()).isEqualTo("PRIVATE");
              assertThat(e.get("itemType").asString()).isEqualTo("PRIVATE_MESSAGE");
              assertThat(e.get("threadRootId").asString()).isEqualTo("igsid-77");
              assertThat(e.get("account").asString()).isEqualTo(HOOKS);
            });
    assertThat(byPlatformId(dms, "mid.hooks.1").get("createdAt").asString())
        .isEqualTo("2026-11-25T08:00:10Z");
  }

  @Test
  void fuzzedWebhooksGetOnly202Or4xxAndOnlyTheAcceptedArePublished() throws Exception {
    long seed = Long.getLong("fuzz.seed", new Random().nextLong());
    Random random = new Random(seed);
    int tries = Integer.getInteger("fuzz.tries", 150);
    String replay = "(replay: -Dfuzz.seed=" + seed + " -Dfuzz.tries=" + tries + ")";
    System.out.println("InstagramConnectorIT fuzzing: seed " + seed + ", " + tries + " requests");
    List<String> accepted = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < tries; i++) {
      byte[] body = mutate(random, validBody(random, i));
      int signing = random.nextInt(10);
      String signature =
          signing == 0
              ? null
              : signing == 1 ? HubSignature.sign("guess".getBytes(UTF_8), body) : sign(body);
      HttpResponse<String> answer = postWebhook(body, signature);
      int status = answer.statusCode();
      if (status == 202) {
        if (signing < 2) {
          wrong.add(i + ": accepted without a valid signature");
        }
        // An answer with no events (only other accounts, only read receipts) omits the empty list.
        JsonNode ids = JSON.readTree(answer.body()).get("eventIds");
        if (ids != null) {
          for (JsonNode id : ids) {
            accepted.add(id.asString());
          }
        }
      } else if (status < 400 || status >= 500) {
        wrong.add(i + ": " + status + " " + answer.body());
      }
    }
    // Last, a body that must arrive, so "nothing else arrived" cannot pass by reading nothing.
    byte[] marker =
        InstagramWebhooks.forAccount(FUZZ)
            .comment("99999", "88888", null, "marker", "u", "you")
            .json(T0)
            .getBytes(UTF_8);
    HttpResponse<String> last = postWebhook(marker, sign(marker));
    assertThat(last.statusCode()).isEqualTo(202);
    accepted.add(JSON.readTree(last.body()).get("eventIds").get(0).asString());

    assertThat(wrong).as(replay).isEmpty();
    List<JsonNode> published = awaitEvents(FUZZ, accepted.size());
    assertThat(published)
        .as(replay)
        .extracting(e -> e.get("eventId").asString())
        .containsExactlyInAnyOrderElementsOf(accepted);
  }

  private static byte[] validBody(Random random, int i) {
    InstagramWebhooks body = InstagramWebhooks.forAccount(FUZZ);
    if (random.nextBoolean()) {
      body.comment(
          "7" + i, "6" + i, random.nextBoolean() ? null : "5" + i, "fuzz " + i, "u", "you");
    } else {
      body.message("mid.fuzz." + i, "igsid-" + i, "fuzz " + i, T0.plusSeconds(i));
    }
    return body.json(T0).getBytes(UTF_8);
  }

  /** Leaves some bodies whole; else flips bytes, cuts, or swaps in values of the wrong type. */
  private static byte[] mutate(Random random, byte[] body) {
    String text = new String(body, UTF_8);
    switch (random.nextInt(6)) {
      case 0 -> {
        return body;
      }
      case 1 -> {
        byte[] copy = body.clone();
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
      }
      case 2 -> {
        return text.substring(0, random.nextInt(text.length())).getBytes(UTF_8);
      }
      case 3 -> {
        String[] values = {"null", "[]", "{}", "42", "true", "\"\"", "-1e999"};
        String value = values[random.nextInt(values.length)];
        String[] fields = {
          "entry",
          "changes",
          "value",
          "media",
          "id",
          "text",
          "message",
          "mid",
          "sender",
          "timestamp",
          "time",
          "from",
          "messaging",
          "object"
        };
        String field = fields[random.nextInt(fields.length)];
        return text.replaceFirst(
                "\"" + field + "\":(\\{[^{}]*\\}|\"[^\"]*\"|[0-9]+)", "\"" + field + "\":" + value)
            .getBytes(UTF_8);
      }
      case 4 -> {
        return ("{\"object\":\"instagram\",\"entry\":[" + text + "]}").getBytes(UTF_8);
      }
      default -> {
        return ("\uFEFF" + text + "\u0000").getBytes(UTF_8);
      }
    }
  }

  private static String sign(byte[] body) {
    return HubSignature.sign(InstagramTestBeans.APP_SECRET.getBytes(UTF_8), body);
  }

  private static void assertProblem(HttpResponse<String> answer, int status, String slug)
      throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(answer.body()).get("type").asString()).endsWith(slug);
  }

  private static Duration gap(List<FakeInstagram.RecordedRequest> requests, int i) {
    return Duration.ofNanos(requests.get(i).nanoTime() - requests.get(i - 1).nanoTime());
  }

  private HttpResponse<String> postWebhook(byte[] body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/webhooks/instagram"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(HubSignature.HEADER, signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return server.getURI().resolve(path);
  }

  /** The events of {@code account} on the topic; waits for {@code count}, exactly. */
  private List<JsonNode> awaitEvents(String account, int count) {
    return topic.awaitEvents(Channel.INSTAGRAM, account, count);
  }
}
