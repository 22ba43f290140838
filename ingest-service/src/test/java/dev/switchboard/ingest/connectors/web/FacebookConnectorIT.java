package dev.switchboard.ingest.connectors.web;

import static dev.switchboard.ingest.connectors.web.ChannelEventsReader.byPlatformId;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.webhook.HubSignature;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.Ids;
import dev.switchboard.fakes.FacebookWebhooks;
import dev.switchboard.fakes.FakeFacebookGraph;
import dev.switchboard.fakes.GraphFault;
import dev.switchboard.infra.SharedInfrastructure;
import dev.switchboard.ingest.connectors.config.FacebookConnectors;
import dev.switchboard.ingest.connectors.facebook.FacebookPageConnector;
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
 * The Facebook connector end to end: the fake Graph API for the platform, the real Kafka broker of
 * embedded-infra for events and cursors, the service's HTTP endpoints. Each test has its own Page,
 * so what it reads from the topic is its own.
 */
@MicronautTest(environments = FacebookTestBeans.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacebookConnectorIT implements TestPropertyProvider {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FakeFacebookGraph GRAPH =
      FakeFacebookGraph.start()
          .addPage("1001", "token-trust")
          .addPage("1002", "token-storm")
          .addPage("1003", "token-broken")
          .addPage("1004", "token-restart");

  @Inject EmbeddedServer server;
  @Inject FacebookConnectors connectors;
  @Inject Admin admin;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ChannelEventsReader topic;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>();
    p.put(
        "switchboard.kafka.bootstrap-servers", SharedInfrastructure.get().kafkaBootstrapServers());
    p.put("switchboard.kafka.topic-partitions", "3");
    p.put("micronaut.server.port", "-1");
    String prefix = "switchboard.connectors.facebook.";
    p.put(prefix + "polling-enabled", "false");
    p.put(prefix + "graph-url", GRAPH.baseUrl().toString());
    p.put(prefix + "page-size", "2");
    p.put(prefix + "initial-backoff", "200ms");
    p.put(prefix + "max-backoff", "2s");
    p.put(prefix + "max-retry-after", "5s");
    p.put(prefix + "read-timeout", "5s");
    p.put(prefix + "pages.trust.page-id", "1001");
    p.put(prefix + "pages.storm.page-id", "1002");
    p.put(prefix + "pages.broken.page-id", "1003");
    p.put(prefix + "pages.restart.page-id", "1004");
    // A Page without a token: not polled, but its webhooks are accepted.
    p.put(prefix + "pages.hooks.page-id", "1006");
    return p;
  }

  @BeforeAll
  void subscribe() {
    topic = ChannelEventsReader.fromBeginning(admin);
  }

  @AfterAll
  void close() {
    topic.close();
    GRAPH.close();
  }

  @Test
  void polledPostsCommentsAndMessagesArriveAsChannelEvents() throws Exception {
    String post =
        GRAPH.addPost("1001", "Parking at <b>St Elsewhere</b> is a disgrace", "u-1", "Pat", T0);
    String comment = GRAPH.addComment(post, null, "Agreed", "u-2", "Sam", T0.plusSeconds(30));
    String reply = GRAPH.addComment(post, comment, "Same here", "u-3", "Alex", T0.plusSeconds(60));
    GRAPH.addMessage(
        "1001", "t_9", "Can I change my appointment?", "u-4", "Jo", T0.plusSeconds(90));

    FacebookPageConnector.PollOutcome outcome = connectors.create("trust").poll();

    assertThat(outcome.complete()).isTrue();
    List<JsonNode> events = awaitEvents("1001", 4);
    JsonNode postEvent = byPlatformId(events, post);
    assertThat(postEvent.get("channel").asString()).isEqualTo("FACEBOOK");
    assertThat(postEvent.get("kind").asString()).isEqualTo("CREATED");
    assertThat(postEvent.get("itemType").asString()).isEqualTo("POST");
    assertThat(postEvent.get("text").asString()).isEqualTo("Parking at St Elsewhere is a disgrace");
    assertThat(postEvent.get("source").asString()).isEqualTo("POLL");
    assertThat(postEvent.get("visibility").asString()).isEqualTo("PUBLIC");
    assertThat(postEvent.get("itemId").asString())
        .isEqualTo(Ids.itemId(Channel.FACEBOOK, "1001", post));
    assertThat(postEvent.get("raw").asString()).contains("\"id\":\"" + post + "\"");
    assertThat(postEvent.get("createdAt").asString()).isEqualTo("2026-11-25T08:00:00Z");
    assertThat(postEvent.at("/author/name").asString()).isEqualTo("Pat");

    JsonNode replyEvent = byPlatformId(events, reply);
    assertThat(replyEvent.get("itemType").asString()).isEqualTo("REPLY");
    assertThat(replyEvent.get("parentId").asString()).isEqualTo(comment);
    assertThat(replyEvent.get("threadRootId").asString()).isEqualTo(post);
    assertThat(replyEvent.get("conversationKey").asString())
        .isEqualTo(postEvent.get("conversationKey").asString());

    JsonNode message =
        events.stream()
            .filter(e -> e.get("itemType").asString().equals("PRIVATE_MESSAGE"))
            .findFirst()
            .orElseThrow();
    assertThat(message.get("visibility").asString()).isEqualTo("PRIVATE");
    assertThat(message.get("threadRootId").asString()).isEqualTo("t_9");

    // The same comment by webhook is the same item and, being the same revision, the same event.
    byte[] body =
        FacebookWebhooks.forPage("1001")
            .comment("add", post, comment, post, "Agreed", "u-2", "Sam", T0.plusSeconds(30))
            .json(T0.plusSeconds(31))
            .getBytes(UTF_8);
    HttpResponse<String> answer =
        postWebhook(body, HubSignature.sign(FacebookTestBeans.APP_SECRET.getBytes(UTF_8), body));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    JsonNode pushed = awaitEvents("1001", 5).get(4);
    assertThat(pushed.get("source").asString()).isEqualTo("WEBHOOK");
    assertThat(pushed.get("eventId").asString())
        .isEqualTo(byPlatformId(events, comment).get("eventId").asString());
  }

  @Test
  void aRestartMidPollLosesAndDuplicatesNothing() {
    Set<String> expectedItems = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      String post = GRAPH.addPost("1004", "post " + i, "u", "U", T0.plusSeconds(60L * i));
      String comment =
          GRAPH.addComment(post, null, "comment " + i, "c", "C", T0.plusSeconds(60L * i + 5));
      expectedItems.add(Ids.itemId(Channel.FACEBOOK, "1004", post));
      expectedItems.add(Ids.itemId(Channel.FACEBOOK, "1004", comment));
    }

    // The first instance stops after two of four feed pages...
    FacebookPageConnector first = connectors.create("restart");
    assertThat(first.poll(2).complete()).isFalse();
    // ...a new one reads the cursor back from Kafka and carries on.
    FacebookPageConnector second = connectors.create("restart");
    assertThat(second.cursor()).isEqualTo(first.cursor());
    assertThat(second.poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("1004", 14);
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsExactlyInAnyOrderElementsOf(expectedItems);
    assertThat(events.stream().map(e -> e.get("eventId").asString()).collect(Collectors.toSet()))
        .hasSize(14);
  }

  @Test
  void aRateLimitStormSlowsTheConnectorDownWithoutLosingAnything() throws Exception {
    for (int i = 0; i < 3; i++) {
      GRAPH.addPost("1002", "storm " + i, "u", "U", T0.plusSeconds(i));
    }
    int before = GRAPH.requests().size();
    GRAPH.failNextMatching("/1002/feed", new GraphFault.GraphRateLimit(4, 0));
    GRAPH.failNextMatching("/1002/feed", new GraphFault.GraphRateLimit(17, 0));
    GRAPH.failNextMatching("/1002/feed", new GraphFault.GraphRateLimit(613, 0));
    GRAPH.failNextMatching("/1002/feed", new GraphFault.TooManyRequests(1));

    assertThat(connectors.create("storm").poll().complete()).isTrue();

    assertThat(awaitEvents("1002", 3))
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("storm 0", "storm 1", "storm 2");
    List<FakeFacebookGraph.RecordedRequest> feed =
        GRAPH.requests().subList(before, GRAPH.requests().size()).stream()
            .filter(r -> r.path().endsWith("/1002/feed"))
            .toList();
    assertThat(feed.subList(0, 4))
        .extracting(FakeFacebookGraph.RecordedRequest::status)
        .containsExactly(400, 400, 400, 429);
    // Backoff from 200 ms doubling with ±50% jitter, then Retry-After: 1 s.
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < 5; i++) {
      gaps.add(Duration.ofNanos(feed.get(i).nanoTime() - feed.get(i - 1).nanoTime()));
    }
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(gaps.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(gaps.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(gaps.get(3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(connectors.rateLimitHeadroomPercent()).isPresent();
    assertThat(get("/prometheus").body())
        .contains("switchboard_connector_rate_limit_headroom_percent{platform=\"facebook\"}")
        .contains("switchboard_connector_circuit_open{platform=\"facebook\"} 0.0");
  }

  @Test
  void malformedAnswersAreReportedAndSkippedWithoutStoppingTheConnector() throws Exception {
    String good = GRAPH.addPost("1003", "good post", "u", "U", T0);
    GRAPH.corruptPost(GRAPH.addPost("1003", "broken post", "u", "U", T0.plusSeconds(1)));
    GRAPH.addComment(good, null, "a comment", "c", "C", T0.plusSeconds(2));
    GRAPH.failNextMatching("/comments", new GraphFault.MalformedJson());
    FacebookPageConnector connector = connectors.create("broken");

    assertThat(connector.poll().complete()).isFalse();
    assertThat(connector.poll().complete()).isTrue();

    List<JsonNode> events = awaitEvents("1003", 2);
    assertThat(events)
        .extracting(e -> e.get("text").asString())
        .containsExactlyInAnyOrder("good post", "a comment");
    String metrics = get("/prometheus").body();
    assertThat(metrics)
        .containsPattern(
            "switchboard_connector_malformed_total\\{connector=\"facebook:broken\"[^}]*} 2\\.0");
    assertThat(metrics).doesNotContain("broken post");
    JsonNode api = JSON.readTree(get("/api/connectors").body());
    JsonNode broken = null;
    for (JsonNode c : api) {
      if (c.get("id").asString().equals("facebook:broken")) {
        broken = c;
      }
    }
    assertThat(broken).isNotNull();
    assertThat(broken.get("malformed").asLong()).isEqualTo(2);
    assertThat(broken.get("eventsPublished").asLong()).isEqualTo(2);
    assertThat(broken.get("lastSuccess").isNull()).isFalse();
    assertThat(api.toString()).contains("facebook:hooks");
  }

  @Test
  void theWebhookHandshakeEchoesTheChallengeOnlyForOurToken() throws Exception {
    HttpResponse<String> ok =
        get(
            "/webhooks/facebook?hub.mode=subscribe&hub.verify_token="
                + FacebookTestBeans.VERIFY_TOKEN
                + "&hub.challenge=1158201444");
    HttpResponse<String> wrong =
        get(
            "/webhooks/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1158201444");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).doesNotContain("1158201444");
  }

  @Test
  void aWebhookWithABadSignaturePublishesNothingAndEditsAndRemovalsArriveAsTheirOwnEvents()
      throws Exception {
    byte[] secret = FacebookTestBeans.APP_SECRET.getBytes(UTF_8);
    byte[] forged =
        FacebookWebhooks.forPage("1006")
            .comment("add", "1006_77", "77_1", "1006_77", "forged", "u", "U", T0)
            .json(T0)
            .getBytes(UTF_8);
    assertThat(postWebhook(forged, HubSignature.sign("wrong".getBytes(UTF_8), forged)).statusCode())
        .isEqualTo(401);
    assertThat(postWebhook(forged, null).statusCode()).isEqualTo(401);
    byte[] notFeed =
        "{\"object\":\"page\",\"entry\":[{\"id\":\"1006\",\"time\":1,\"changes\":[{\"field\":\"feed\",\"value\":{}}]}]}"
            .getBytes(UTF_8);
    assertThat(postWebhook(notFeed, HubSignature.sign(secret, notFeed)).statusCode())
        .isEqualTo(400);

    byte[] lifecycle =
        FacebookWebhooks.forPage("1006")
            .comment("add", "1006_78", "78_1", "1006_78", "first words", "u", "U", T0)
            .comment(
                "edited",
                "1006_78",
                "78_1",
                "1006_78",
                "second thoughts",
                "u",
                "U",
                T0.plusSeconds(60))
            .comment("remove", "1006_78", "78_1", "1006_78", null, "u", "U", T0.plusSeconds(120))
            .post("reaction", "add", "1006_78", null, "u", "U", T0)
            .json(T0.plusSeconds(121))
            .getBytes(UTF_8);
    byte[] otherPage =
        FacebookWebhooks.forPage("9999")
            .comment("add", "9999_1", "71_1", "9999_1", "not ours", "u", "U", T0)
            .json(T0)
            .getBytes(UTF_8);
    HttpResponse<String> notOurs = postWebhook(otherPage, HubSignature.sign(secret, otherPage));
    assertThat(notOurs.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(notOurs.body()).get("events").asInt()).isZero();

    HttpResponse<String> accepted = postWebhook(lifecycle, HubSignature.sign(secret, lifecycle));
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(accepted.body()).get("ignored").asInt()).isEqualTo(1);

    // 202 means Kafka acknowledged all three; wait until this test's consumer has read them too.
    List<JsonNode> events =
        awaitEvents("1006", 3).stream()
            .filter(e -> e.get("platformId").asString().startsWith("7"))
            .toList();
    // The forged comment 77_1 never arrived; 78_1 arrived three times, once per change.
    assertThat(events).extracting(e -> e.get("platformId").asString()).containsOnly("78_1");
    assertThat(events)
        .extracting(e -> e.get("kind").asString())
        .containsExactly("CREATED", "EDITED", "DELETED");
    assertThat(events)
        .extracting(e -> e.get("itemId").asString())
        .containsOnly(Ids.itemId(Channel.FACEBOOK, "1006", "78_1"));
  }

  private HttpResponse<String> postWebhook(byte[] body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/webhooks/facebook"))
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
    return topic.awaitEvents(Channel.FACEBOOK, account, count);
  }
}
